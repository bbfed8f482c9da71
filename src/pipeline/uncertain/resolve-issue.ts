/**
 * After a probe: adopt the links it found, send again the rows it proved were
 * never created, and give every row it could not settle the exact next step
 * for a person. Each outcome is journaled before it counts.
 */
import type { Journal } from '../../io/journal.js';
import type { EventSink } from '../events.js';
import type { IssueConfig } from '../issue/config.js';
import type { Sender } from '../issue/send.js';
import type { JournalEntry, Ledger, ResultEntry } from './ledger.js';
import type { LinkApi } from '../service/link-api.js';
import { compareAmounts } from '../money.js';
import { probeUncertain, type ProbeTarget } from './probe.js';
import type { Throttle } from '../service/throttle.js';
import type { PreparedRow } from '../types.js';

export interface ResolveContext {
  api: LinkApi;
  throttle: Throttle;
  journal: Journal<JournalEntry>;
  ledger: Ledger;
  emit: EventSink;
  sender: Sender;
  config: IssueConfig;
  signal?: AbortSignal;
}

type Target = ProbeTarget & { row?: PreparedRow };

/** Probes `targets`; with `resend`, rows proved absent are created again once (their rows must be given). */
export async function resolveUncertain(targets: Target[], ctx: ResolveContext, options: { resend: boolean }): Promise<void> {
  let pending = targets;
  for (let round = 0; pending.length > 0; round += 1) {
    ctx.emit({ type: 'phase', phase: 'probe', message: `Looking for ${pending.length} link${pending.length === 1 ? '' : 's'} whose create answer was lost.`, total: pending.length });
    const result = await probeUncertain(pending, ctx.api, ctx.throttle, {
      known: ctx.ledger.knownLinks(),
      window: ctx.config.probe.window,
      margin: ctx.config.concurrency * 4,
      endRun: 10,
      settleMs: ctx.config.probe.settleMs,
      retry: ctx.config.retry,
      signal: ctx.signal,
    });
    const resent: PreparedRow[] = [];
    for (const target of pending) {
      const record = ctx.ledger.get(target.ref);
      const link = result.found.get(target.ref);
      if (link) {
        const amountMatches = record?.amount === undefined || link.amount?.total === undefined || compareAmounts(link.amount.total, record.amount) === 0;
        await record_(ctx, target.ref, amountMatches
          ? { state: 'ISSUED', id: link.id, url: link.url, via: 'probe', error: undefined }
          : { state: 'UNCERTAIN', id: link.id, url: link.url, via: 'probe', error: `a link with this reference exists (id ${link.id}) but for ${link.amount?.total ?? '?'}, not ${record?.amount ?? '?'}; check it in the Placetopay panel before anything else` });
      } else if (result.absent.has(target.ref) && options.resend && round === 0 && target.row) {
        await ctx.journal.append({ t: 'absent', ref: target.ref, at: new Date().toISOString() });
        ctx.ledger.apply({ t: 'absent', ref: target.ref, at: new Date().toISOString() });
        resent.push(target.row);
      } else if (result.absent.has(target.ref) && round === 0) {
        // Proved never created before this run's send pass: that pass creates it like any new row.
        const entry: JournalEntry = { t: 'absent', ref: target.ref, at: new Date().toISOString() };
        await ctx.journal.append(entry);
        ctx.ledger.apply(entry);
      } else if (result.absent.has(target.ref)) {
        // Lost twice in one run: no link exists, and the next run sends it again.
        await record_(ctx, target.ref, { state: 'FAILED', error: 'the create was sent twice and both answers were lost; the service holds no link for this reference, so the next run will send it again' });
      } else {
        await record_(ctx, target.ref, { state: 'UNCERTAIN', error: nextStep(target.ref, result.note) });
      }
    }
    if (resent.length === 0) return;
    await Promise.all(resent.map((row) => ctx.sender.sendOne(row)));
    // A second lost answer is settled by one more probe, without another re-send.
    pending = ctx.sender.uncertain.splice(0);
    options = { resend: false };
  }
}

async function record_(ctx: ResolveContext, ref: string, outcome: Pick<ResultEntry, 'state' | 'id' | 'url' | 'via' | 'error'>): Promise<void> {
  const record = ctx.ledger.get(ref);
  if (!record) return;
  const entry: ResultEntry = {
    t: 'result',
    ref,
    row: record.row,
    fp: record.fp,
    expiresAt: record.expiresAt ?? record.result?.expiresAt,
    amount: record.amount,
    currency: record.currency,
    ...outcome,
    at: new Date().toISOString(),
  };
  await ctx.journal.append(entry);
  ctx.ledger.apply(entry);
  ctx.emit({ type: 'row', rowNumber: record.row, reference: ref, state: entry.state, error: entry.error });
}

function nextStep(ref: string, note: string | undefined): string {
  return (
    `the create was sent but its answer was lost, and no link with reference ${ref} could be found or ruled out` +
    (note ? ` (${note})` : '') +
    `. Look up reference ${ref} in the Placetopay panel: if a link exists, copy its id and URL into link_id and link_url; ` +
    `if none exists, run the same command again with --resend-uncertain ${ref}`
  );
}
