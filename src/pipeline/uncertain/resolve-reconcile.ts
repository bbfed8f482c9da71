/**
 * One more attempt at rows `issue` left UNCERTAIN (a create was sent, its
 * answer lost, so the sheet has no link_id). The issue journal beside the
 * sheet (`<sheet>.journal`) says which references those are and which links
 * the run did get answers for; the probe (probe.ts) looks for each reference
 * among the ids around them. Outcomes are written to the issue journal the
 * way issue itself records them, so a later `issue` run agrees:
 *
 *   found      the link exists: the row is adopted (ISSUED, link_id, link_url)
 *   mismatch   a link with the reference exists but for another amount: a person decides
 *   absent     proved never created: `paylinks issue` again will create it
 *   unresolved neither could be proved: a person looks in the Placetopay panel
 */
import { existsSync } from 'node:fs';
import { openJournal } from '../../io/journal.js';
import { Ledger, type JournalEntry, type ResultEntry } from './ledger.js';
import type { LinkQuery } from '../service/link-api.js';
import { compareAmounts } from '../money.js';
import { probeUncertain, type ProbeTarget } from './probe.js';
import type { RetryOptions } from '../service/retry.js';
import type { Throttle } from '../service/throttle.js';

export type UncertainOutcome =
  | { kind: 'found'; id: number; url?: string }
  | { kind: 'mismatch'; id: number; url?: string; message: string }
  | { kind: 'absent'; message: string }
  | { kind: 'unresolved'; message: string };

export interface UncertainResolution {
  /** False when there is no issue journal beside the sheet. */
  journalFound: boolean;
  byReference: Map<string, UncertainOutcome>;
}

export interface ResolveOptions {
  journalPath: string;
  /** How long the service may still be working on a create whose answer was lost (see probe.ts). */
  settleMs: number;
  api: LinkQuery;
  throttle: Throttle;
  retry: RetryOptions;
  signal?: AbortSignal;
}

export async function resolveUncertainRows(options: ResolveOptions): Promise<UncertainResolution> {
  const byReference = new Map<string, UncertainOutcome>();
  if (!existsSync(options.journalPath)) return { journalFound: false, byReference };
  const journal = await openJournal<JournalEntry>(options.journalPath);
  try {
    const ledger = new Ledger(journal.entries);
    const targets = uncertainTargets(journal.entries, ledger);
    if (targets.length === 0) {
      settledEarlier(ledger, journal.entries, byReference);
      return { journalFound: true, byReference };
    }
    const result = await probeUncertain(targets, options.api, options.throttle, {
      known: ledger.knownLinks(),
      window: 1000,
      margin: 32,
      endRun: 10,
      settleMs: options.settleMs,
      retry: options.retry,
      signal: options.signal,
    });
    for (const { ref } of targets) {
      const record = ledger.get(ref);
      const link = result.found.get(ref);
      const at = new Date().toISOString();
      const base = { t: 'result' as const, ref, row: record?.row ?? 0, fp: record?.fp ?? '', amount: record?.amount, currency: record?.currency, expiresAt: record?.expiresAt, via: 'reconcile-probe', at };
      if (link !== undefined) {
        const sameAmount = record?.amount === undefined || link.amount?.total === undefined || compareAmounts(link.amount.total, record.amount) === 0;
        const outcome: UncertainOutcome = sameAmount
          ? { kind: 'found', id: link.id, url: link.url }
          : { kind: 'mismatch', id: link.id, url: link.url, message: `a link with reference ${ref} exists (id ${link.id}) but for ${link.amount?.total ?? '?'}, not ${record?.amount ?? '?'}; check it in the Placetopay panel` };
        const entry: ResultEntry = { ...base, state: sameAmount ? 'ISSUED' : 'UNCERTAIN', id: link.id, url: link.url, error: outcome.kind === 'mismatch' ? outcome.message : undefined };
        await journal.append(entry);
        byReference.set(ref, outcome);
      } else if (result.absent.has(ref)) {
        // Recorded as issue records it: the next issue run sends this row like a new one.
        await journal.append({ t: 'absent', ref, at });
        byReference.set(ref, { kind: 'absent', message: `no link was ever created for reference ${ref}; run \`paylinks issue\` again on the same input with --out pointing at this sheet to create it` });
      } else {
        byReference.set(ref, {
          kind: 'unresolved',
          message: `the create for reference ${ref} lost its answer and no link could be found or ruled out${result.note ? ` (${result.note})` : ''}; ` +
            `look it up in the Placetopay panel and, if a link exists, copy its id into link_id`,
        });
      }
    }
    settledEarlier(ledger, journal.entries, byReference);
    return { journalFound: true, byReference };
  } finally {
    await journal.close();
  }
}

/**
 * What an earlier run already learnt of a lost create (a link found, or proved
 * never made) counts too: that run's sheet may not have been written (stopped,
 * a bad --split-by, a full disk), and the row must not stay UNCERTAIN forever.
 * Only rows the sheet still shows as UNCERTAIN look these up.
 */
function settledEarlier(ledger: Ledger, entries: readonly JournalEntry[], byReference: Map<string, UncertainOutcome>): void {
  const refs = new Set<string>();
  for (const entry of entries) if (entry.t === 'result' || entry.t === 'absent') refs.add(entry.ref);
  for (const ref of refs) {
    if (byReference.has(ref)) continue;
    const record = ledger.get(ref);
    if (record === undefined || record.inFlight) continue;
    const result = record.result;
    if (result?.state === 'ISSUED' && result.id !== undefined) byReference.set(ref, { kind: 'found', id: result.id, url: result.url });
    else if (result === undefined) {
      byReference.set(ref, { kind: 'absent', message: `no link was ever created for reference ${ref}; run \`paylinks issue\` again on the same input with --out pointing at this sheet to create it` });
    }
  }
}

/** References whose create may have made a link the journal does not know. */
function uncertainTargets(entries: readonly JournalEntry[], ledger: Ledger): ProbeTarget[] {
  const refs = new Set<string>();
  for (const entry of entries) if (entry.t === 'intent' || entry.t === 'result') refs.add(entry.ref);
  const targets: ProbeTarget[] = [];
  for (const ref of refs) {
    const record = ledger.get(ref);
    if (record === undefined) continue;
    const lost = record.inFlight || (record.result?.state === 'UNCERTAIN' && record.result.id === undefined);
    if (lost) targets.push({ ref, intentAt: record.intentAt, lostAt: record.inFlight ? undefined : record.result?.at });
  }
  return targets;
}
