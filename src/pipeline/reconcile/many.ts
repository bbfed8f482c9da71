/**
 * `paylinks reconcile` of several sheets (a folder of months, or several
 * names) in one run. Each sheet goes through the single-sheet run (run.ts)
 * on its own: its own lock, its own guard against a clerk's edit, its own
 * atomic write. One sheet that fails (locked, open in Excel, unreadable,
 * changed meanwhile) does not stop the others.
 *
 * Every sheet talks to the service through one gate, one throttle and one
 * circuit breaker: the service's limit is per client, not per sheet, so the
 * pace the service accepted on one sheet carries over to the next instead of
 * being probed again, and a wrong key or a service that is down stops the
 * whole run (the remaining sheets are reported as not reached), because it
 * would fail for every sheet alike.
 *
 * Sheets run one after another: within a sheet, rows are already queried
 * `--concurrency` at a time, and the bench shows the pauses between sheets
 * cost little (BENCHMARKS.md); memory stays that of one sheet.
 */
import type { EventSink } from '../events.js';
import type { LinkApi } from '../service/link-api.js';
import { paceReport, type PaceReport } from '../service/throttle.js';
import { addAmounts } from '../money.js';
import type { Change } from './row.js';
import { reconcileService, runReconcile, type ReconcileConfig, type ReconcileControls, type ReconcileSummary, type RowProblem } from './run.js';
import type { StopReason } from './row.js';

export type SheetOutcome =
  | { sheet: string; status: 'done'; summary: ReconcileSummary }
  /** The sheet's run threw before it finished (locked, open in Excel, unreadable, not an issued sheet…). */
  | { sheet: string; status: 'failed'; error: unknown }
  /** Not started: an earlier sheet's run stopped for a reason that holds for every sheet. */
  | { sheet: string; status: 'not-run'; reason: StopReason; message: string };

/** A list entry of the totals: which sheet it is from. */
export type InSheet<T> = T & { sheet: string };

/** The figures of several sheets added up: the same names as one sheet's summary. */
export type ManyTotals = Pick<
  ReconcileSummary,
  'rows' | 'linked' | 'queried' | 'states' | 'amounts' | 'paid' | 'changeCounts' | 'disabled' | 'wouldDisableCount' | 'problemCount' | 'paidAfterDisableCount'
> & {
  /** The lists, each entry with its sheet, at most LIST_LIMIT each (counts stay exact). */
  changes: Array<InSheet<Change>>;
  wouldDisable: Array<InSheet<RowProblem>>;
  problems: Array<InSheet<RowProblem>>;
  paidAfterDisable: Array<InSheet<RowProblem>>;
};

export type ManySummary = ManyTotals & {
  dryRun: boolean;
  sheets: SheetOutcome[];
  elapsedMs: number;
  /** The shared pace: every request of every sheet. */
  pace: PaceReport;
};

const LIST_LIMIT = 500;
/** Stops that hold for every sheet: the rest are not started. */
const RUN_WIDE: ReadonlySet<StopReason> = new Set(['AUTH_FAILED', 'SERVICE_UNAVAILABLE', 'INTERRUPTED']);

/**
 * Reconciles each config's sheet in turn through one shared service. `pace` is the run's
 * --concurrency and --rate; each config's own are ignored in favour of it.
 */
export async function runReconcileMany(
  configs: ReconcileConfig[],
  api: LinkApi,
  pace: { concurrency: number; rate?: number },
  emit: EventSink,
  controls: ReconcileControls = {},
): Promise<ManySummary> {
  const started = Date.now();
  const service = reconcileService(api, pace, emit);
  const outcomes: SheetOutcome[] = [];
  let stop: { reason: StopReason; message: string } | undefined;
  for (const config of configs) {
    const sheet = config.sheet.path;
    if (stop === undefined && controls.stop?.aborted === true) stop = { reason: 'INTERRUPTED', message: '' };
    if (stop !== undefined) {
      outcomes.push({ sheet, status: 'not-run', reason: stop.reason, message: stop.message });
      continue;
    }
    try {
      const summary = await runReconcile(config, api, emit, controls, service);
      outcomes.push({ sheet, status: 'done', summary });
      if (summary.stop !== undefined && RUN_WIDE.has(summary.stop.reason)) stop = summary.stop;
    } catch (err) {
      outcomes.push({ sheet, status: 'failed', error: err });
    }
  }
  const summaries = outcomes.flatMap((o) => (o.status === 'done' ? [o.summary] : []));
  return {
    dryRun: configs.some((c) => c.dryRun),
    ...totalsOf(summaries),
    sheets: outcomes,
    elapsedMs: Date.now() - started,
    pace: paceReport(service.throttle.stats()),
  };
}

/** The figures of several sheets added up; lists merged in sheet order, each entry naming its sheet. Pure. */
export function totalsOf(summaries: readonly ReconcileSummary[]): ManyTotals {
  const totals: ManyTotals = {
    rows: 0,
    linked: 0,
    queried: 0,
    states: {},
    amounts: {},
    paid: {},
    changeCounts: {},
    disabled: 0,
    wouldDisableCount: 0,
    problemCount: 0,
    paidAfterDisableCount: 0,
    changes: [],
    wouldDisable: [],
    problems: [],
    paidAfterDisable: [],
  };
  for (const s of summaries) {
    totals.rows += s.rows;
    totals.linked += s.linked;
    totals.queried += s.queried;
    totals.disabled += s.disabled;
    totals.wouldDisableCount += s.wouldDisableCount;
    totals.problemCount += s.problemCount;
    totals.paidAfterDisableCount += s.paidAfterDisableCount;
    addCounts(totals.states, s.states);
    addCounts(totals.changeCounts, s.changeCounts);
    for (const [state, perCurrency] of Object.entries(s.amounts)) addMoney((totals.amounts[state] ??= {}), perCurrency);
    addMoney(totals.paid, s.paid);
    append(totals.changes, s.changes, s.sheet);
    append(totals.wouldDisable, s.wouldDisable, s.sheet);
    append(totals.problems, s.problems, s.sheet);
    append(totals.paidAfterDisable, s.paidAfterDisable, s.sheet);
  }
  return totals;
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

function addMoney(into: Record<string, string>, from: Record<string, string>): void {
  // Amounts were summed per sheet with the same exact decimal arithmetic; never a float.
  for (const [currency, amount] of Object.entries(from)) into[currency] = addAmounts(into[currency] ?? '0', amount);
}

function append<T>(into: Array<InSheet<T>>, from: readonly T[], sheet: string): void {
  for (const item of from) {
    if (into.length >= LIST_LIMIT) return;
    into.push({ ...item, sheet });
  }
}
