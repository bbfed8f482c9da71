/**
 * What became of each row once the run is over (the plan, then what the
 * journal says of its create), and the run's summary for the report and the
 * exit code. Pure.
 */
import { say } from '../../i18n/message.js';
import { reissue as words } from '../../i18n/messages/reissue.js';
import type { RunStop } from '../issue/send.js';
import type { IssuedRow } from '../reconcile/issued-sheet.js';
import type { PaceReport } from '../service/throttle.js';
import type { Ledger, ResultEntry } from '../uncertain/ledger.js';
import type { ReissueWhy } from './decide.js';
import type { OldLink, RowPlan } from './plan.js';
import type { CreateLinkRequest } from '../../api/types.js';

export type Outcome =
  | { kind: 'unlinked' }
  | { kind: 'paid' }
  | { kind: 'not-due' }
  | { kind: 'refused'; message: string; oldLink?: OldLink; disabledNow: boolean }
  /** Dry run: what would be created. */
  | { kind: 'would'; why: ReissueWhy; oldLink: OldLink; request: CreateLinkRequest }
  | { kind: 'reissued'; why?: ReissueWhy; oldLink: OldLink; count: number; result: ResultEntry; note?: string; createdNow: boolean; disabledNow: boolean };

export function finalOutcome(row: IssuedRow, plan: RowPlan, ledger: Ledger, stop: RunStop | undefined, dryRun = false): Outcome {
  switch (plan.kind) {
    case 'unlinked':
    case 'paid':
    case 'not-due':
      return { kind: plan.kind };
    case 'stopped':
      return { kind: 'refused', disabledNow: false, message: say(words.notQueriedStopped, { row: row.rowNumber, linkId: row.linkId ?? 0 }), oldLink: row.linkId === undefined ? undefined : { id: row.linkId } };
    case 'refused':
      return { kind: 'refused', message: plan.message, oldLink: plan.oldLink, disabledNow: plan.disabledNow === true };
    case 'journaled':
      return { kind: 'reissued', oldLink: plan.oldLink, count: plan.count, result: plan.result, note: plan.note, createdNow: false, disabledNow: false };
    case 'create': {
      const request = plan.prepared.request as CreateLinkRequest;
      if (dryRun) return { kind: 'would', why: plan.why, oldLink: plan.oldLink, request };
      const record = ledger.get(request.reference);
      const result = record?.result;
      const refused = (message: string): Outcome => ({ kind: 'refused', message, oldLink: plan.oldLink, disabledNow: plan.disabledNow });
      if (result?.state === 'ISSUED' && result.id !== undefined && !record?.inFlight) {
        return { kind: 'reissued', why: plan.why, oldLink: plan.oldLink, count: plan.count, result, createdNow: true, disabledNow: plan.disabledNow };
      }
      if (record === undefined || (!record.inFlight && result === undefined)) return refused(say(words.notSentStopped, { row: row.rowNumber, reference: request.reference }));
      if (record.inFlight || result?.state === 'UNCERTAIN') return refused(say(words.uncertainLeft, { row: row.rowNumber, reference: request.reference, detail: result?.error ?? stop?.message ?? '' }));
      return refused(say(words.createNotDone, { row: row.rowNumber, reference: request.reference, state: result?.state ?? '', detail: result?.error ?? '' }));
    }
  }
}

export interface ReissueLine {
  rowNumber: number;
  reference: string;
  oldLinkId?: number;
  newReference?: string;
  newLinkId?: number;
  newUrl?: string;
  amount?: string;
  currency?: string;
  why?: ReissueWhy;
  due?: string;
  message?: string;
}

export interface ReissueSummary {
  sheet: string;
  /** The sheet written (the sheet itself, --out, or beside it when it changed during the run). */
  output?: string;
  /** Dry run: the plan file. */
  plan?: string;
  sheetChanged?: { reason: string; message: string };
  dryRun: boolean;
  rows: number;
  unlinked: number;
  paid: number;
  notDue: number;
  reissued: ReissueLine[];
  refused: ReissueLine[];
  /** Links this run disabled (confirmed) and created. */
  disabled: number;
  created: number;
  stop?: RunStop;
  elapsedMs: number;
  pace?: PaceReport;
}

export interface Written {
  output?: string;
  plan?: string;
  sheetChanged?: { reason: string; message: string };
}

export function summarise(
  config: { sheet: { path: string }; dryRun: boolean },
  rows: readonly IssuedRow[],
  outcomes: readonly Outcome[],
  extra: { started: number; stop?: RunStop; written: Written; pace?: PaceReport },
): ReissueSummary {
  const summary: ReissueSummary = {
    sheet: config.sheet.path,
    ...extra.written,
    dryRun: config.dryRun,
    rows: rows.length,
    unlinked: 0,
    paid: 0,
    notDue: 0,
    reissued: [],
    refused: [],
    disabled: 0,
    created: 0,
    stop: extra.stop,
    elapsedMs: Date.now() - extra.started,
    pace: extra.pace,
  };
  outcomes.forEach((o, i) => {
    const row = rows[i] as IssuedRow;
    const base = { rowNumber: row.rowNumber, reference: row.reference };
    if (o.kind === 'unlinked') summary.unlinked += 1;
    else if (o.kind === 'paid') summary.paid += 1;
    else if (o.kind === 'not-due') summary.notDue += 1;
    else if (o.kind === 'refused') {
      if (o.disabledNow) summary.disabled += 1;
      summary.refused.push({ ...base, oldLinkId: o.oldLink?.id, message: o.message });
    } else if (o.kind === 'would') {
      const r = o.request;
      summary.reissued.push({ ...base, oldLinkId: o.oldLink.id, newReference: r.reference, amount: r.payment.amount.total, currency: r.payment.amount.currency, why: o.why, due: r.expirationDate.slice(0, 10) });
    } else {
      if (o.disabledNow) summary.disabled += 1;
      if (o.createdNow) summary.created += 1;
      const r = o.result;
      summary.reissued.push({ ...base, oldLinkId: o.oldLink.id, newReference: r.ref, newLinkId: r.id, newUrl: r.url, amount: r.amount, currency: r.currency, why: o.why, due: r.expiresAt?.slice(0, 10), message: o.note });
    }
  });
  return summary;
}

/** The reason a row is reissued, in words. */
export function whyWord(why: string | undefined) {
  return why === 'EXPIRED' ? words.whyExpired : why === 'DISABLED' ? words.whyDisabled : words.whyOverdue;
}
