/**
 * After a probe: adopt the links it found, send again the rows it proved were
 * never created, and give every row it could not settle the exact next step
 * for a person. Each outcome is journaled before it counts.
 */
import type { Journal } from '../../io/journal.js';
import type { EventSink } from '../events.js';
import type { IssueConfig } from '../issue/config.js';
import type { Sender } from '../issue/send.js';
import type { JournalEntry, Ledger } from './ledger.js';
import type { LinkApi } from '../service/link-api.js';
import { probeUncertain, type ProbeTarget } from './probe.js';
import { settle } from './settle.js';
import type { Throttle } from '../service/throttle.js';
import type { PreparedRow } from '../types.js';
import { say } from '../../i18n/message.js';
import { phases } from '../../i18n/messages/phases.js';

export interface ResolveContext {
  api: LinkApi;
  throttle: Throttle;
  journal: Journal<JournalEntry>;
  ledger: Ledger;
  emit: EventSink;
  sender: Sender;
  /** Only what the probe needs, so `reissue` settles its lost creates through the same step. */
  config: Pick<IssueConfig, 'probe' | 'concurrency' | 'retry'> & { request: Pick<IssueConfig['request'], 'timeZone'> };
  signal?: AbortSignal;
}

type Target = ProbeTarget & { row?: PreparedRow };

/** Probes `targets`; with `resend`, rows proved absent are created again once (their rows must be given). */
export async function resolveUncertain(targets: Target[], ctx: ResolveContext, options: { resend: boolean }): Promise<void> {
  let pending = targets;
  for (let round = 0; pending.length > 0; round += 1) {
    ctx.emit({ type: 'phase', phase: 'probe', message: say(phases.lookingFor, { count: pending.length }), total: pending.length });
    const result = await probeUncertain(pending, ctx.api, ctx.throttle, {
      known: ctx.ledger.knownLinks(),
      window: ctx.config.probe.window,
      margin: ctx.config.concurrency * 4,
      endRun: 10,
      settleMs: ctx.config.probe.settleMs,
      retry: ctx.config.retry,
      signal: ctx.signal,
    });
    // A second lost answer in one run (round 1) is FAILED, not sent a third time.
    const outcomes = await settle(pending.map((t) => t.ref), result, {
      journal: ctx.journal,
      ledger: ctx.ledger,
      command: 'issue',
      via: 'probe',
      timeZone: ctx.config.request.timeZone,
      lostTwice: round > 0,
      onResult: (entry) => ctx.emit({ type: 'row', rowNumber: entry.row, reference: entry.ref, state: entry.state, error: entry.error }),
    });
    // Proved never created: re-sent now when asked, else this run's send pass creates them like any new row.
    const resent = options.resend && round === 0 ? pending.filter((t) => t.row && outcomes.get(t.ref)?.kind === 'absent').map((t) => t.row as PreparedRow) : [];
    if (resent.length === 0) return;
    await Promise.all(resent.map((row) => ctx.sender.sendOne(row)));
    // A second lost answer is settled by one more probe, without another re-send.
    pending = ctx.sender.uncertain.splice(0);
    options = { resend: false };
  }
}
