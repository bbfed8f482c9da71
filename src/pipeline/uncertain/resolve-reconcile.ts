/**
 * One more attempt at rows `issue` left UNCERTAIN (a create was sent, its
 * answer lost, so the sheet has no link_id). The issue journal beside the
 * sheet (`<sheet>.journal`) says which references those are and which links
 * the run did get answers for; the probe (probe.ts) looks for each reference
 * among the ids around them. Outcomes are written to the issue journal the
 * way issue itself records them, so a later `issue` run agrees: both go
 * through the same settle step (settle.ts), which says how a probe result
 * becomes found / mismatch / absent / unresolved and what is journaled.
 */
import { existsSync } from 'node:fs';
import { openJournal } from '../../io/journal.js';
import { Ledger, type JournalEntry } from './ledger.js';
import type { LinkQuery } from '../service/link-api.js';
import { probeUncertain, type ProbeTarget } from './probe.js';
import { absentMessage, settle, type UncertainOutcome } from './settle.js';
import type { RetryOptions } from '../service/retry.js';
import type { Throttle } from '../service/throttle.js';
import { say } from '../../i18n/message.js';
import { probe as probeText } from '../../i18n/messages/probe.js';

export type { UncertainOutcome };

export interface UncertainResolution {
  /** False when there is no issue journal beside the sheet. */
  journalFound: boolean;
  byReference: Map<string, UncertainOutcome>;
  /** How many lost creates this run looked for at the service (byReference also holds what earlier runs settled). */
  probed: number;
}

export interface ResolveOptions {
  journalPath: string;
  /** How long the service may still be working on a create whose answer was lost (see probe.ts). */
  settleMs: number;
  api: LinkQuery;
  throttle: Throttle;
  retry: RetryOptions;
  /** The site's zone, to compare a link's expiry with the one sent. */
  timeZone?: string;
  signal?: AbortSignal;
}

export async function resolveUncertainRows(options: ResolveOptions): Promise<UncertainResolution> {
  const byReference = new Map<string, UncertainOutcome>();
  if (!existsSync(options.journalPath)) return { journalFound: false, byReference, probed: 0 };
  const journal = await openJournal<JournalEntry>(options.journalPath);
  try {
    const ledger = new Ledger(journal.entries);
    const targets = uncertainTargets(journal.entries, ledger);
    if (targets.length === 0) {
      settledEarlier(ledger, journal.entries, byReference);
      return { journalFound: true, byReference, probed: 0 };
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
    const outcomes = await settle(targets.map((t) => t.ref), result, { journal, ledger, command: 'reconcile', via: 'reconcile-probe', timeZone: options.timeZone });
    for (const [ref, outcome] of outcomes) byReference.set(ref, outcome);
    settledEarlier(ledger, journal.entries, byReference);
    return { journalFound: true, byReference, probed: targets.length };
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
    else if (result?.state === 'UNCERTAIN' && result.otherLinks !== undefined) {
      byReference.set(ref, { kind: 'mismatch', ids: result.otherLinks, message: result.error ?? say(probeText.otherLinks, { ids: result.otherLinks.join(', '), ref }) });
    } else if (result === undefined) byReference.set(ref, { kind: 'absent', message: absentMessage(ref) });
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
    // A mismatch already found (otherLinks) is a person's to settle: probing again would find the same links.
    const lost = record.inFlight || (record.result?.state === 'UNCERTAIN' && record.result.id === undefined && record.result.otherLinks === undefined);
    if (lost) targets.push({ ref, intentAt: record.intentAt, lostAt: record.inFlight ? undefined : record.result?.at });
  }
  return targets;
}
