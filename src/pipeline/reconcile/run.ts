/**
 * `paylinks reconcile`: brings a sheet that `issue` wrote up to date with the
 * service. Safe to run at any time, any number of times, from cron:
 *
 *   lock     `<sheet>.lock`: one reconcile (or issue, or webhook write) at a time
 *   resolve  rows issue left UNCERTAIN get one more look (reconcile-uncertain.ts)
 *   query    every row with a link_id is queried; overdue unpaid links are disabled
 *   write    rows stream out in order into a temporary file renamed over the sheet
 *
 * Rows are queried as they are read, through one throttle, and written in
 * their order through a bounded window, so memory stays flat on big sheets.
 * A stopped run (authentication, the service down, Ctrl-C) still writes what
 * it learnt (a disable done must be recorded); rows it did not reach are
 * written exactly as they were.
 */
import type { Lock } from '../../io/lock.js';
import { resolve as resolvePath } from 'node:path';
import { acquireLock } from '../../io/lock.js';
import type { SheetFormat } from '../../io/types.js';
import type { EventSink } from '../events.js';
import { openIssuedSheet, type IssuedRow, type IssuedSheetOptions, type IssuedSheetWriter } from './issued-sheet.js';
import type { LinkApi } from '../service/link-api.js';
import { addAmounts } from '../money.js';
import type { Lang } from '../output/labels.js';
import { currentLang } from '../../i18n/current.js';
import { OutputExtras, type ExtrasResult } from '../output/extras.js';
import type { OverdueRule } from './decide.js';
import { reconcileRow, type Change, type RowContext, type RowResult, type StopReason } from './row.js';
import { resolveUncertainRows, type UncertainResolution } from '../uncertain/resolve-reconcile.js';
import type { RetryOptions } from '../service/retry.js';
import { paceReport, Throttle, type PaceReport, type ThrottleStats } from '../service/throttle.js';
import { gateFirstRequest } from '../service/first-request.js';
import { WebhookEvents } from './webhook-events.js';
import { besidePath, ensureNotOpenInExcel, SheetGuard, sheetChangedMessage } from './sheet-guard.js';
import { CircuitBreaker } from '../service/circuit-breaker.js';
import { removeStaleTemps } from '../../io/stale-temps.js';
import { say } from '../../i18n/message.js';
import { phases as text } from '../../i18n/messages/reconcile.js';

export interface ReconcileConfig {
  sheet: IssuedSheetOptions;
  /** Where the reconciled sheet goes; the sheet itself by default. */
  output: { path: string; format: SheetFormat };
  lockPath: string;
  /** Wait for another run's lock: undefined = do not wait, a number of ms (Infinity = forever). */
  lockWaitMs?: number;
  /** The issue journal beside the sheet, used to resolve UNCERTAIN rows. */
  journalPath: string;
  /** The webhook's events journal: a link with a PAID event is never disabled [default: `<sheet>.events.jsonl`]. */
  eventsPath?: string;
  /** Disable ACTIVE unpaid links whose due date plus `graceDays` has passed. */
  disableOverdue: boolean;
  graceDays: number;
  timeZone: string;
  /** "Today" for the overdue rule (--as-of). */
  now: Date;
  /** Query and report only: nothing is disabled and no file is written. */
  dryRun: boolean;
  concurrency: number;
  rate?: number;
  retry: RetryOptions;
  /** Consecutive service failures (after retries) that stop the run. */
  serviceFailureLimit: number;
  /** How long the service may still be working on a create whose answer was lost (the request timeout). */
  settleMs: number;
  /** Besides the reconciled sheet, one file per distinct value of this column (a collector), with a manifest. */
  splitBy?: string;
  /** Language of the per-file summaries. */
  lang?: Lang;
}

export interface ReconcileControls {
  stop?: AbortSignal;
  abort?: AbortSignal;
}

/**
 * The client side of the service a run talks through: the credentials gate, the throttle and
 * its circuit breaker. One per run by default; `reconcile` of several sheets passes one to every
 * sheet, because the service's limit is per client, not per sheet (many.ts).
 */
export interface ReconcileService {
  api: LinkApi;
  throttle: Throttle;
  breaker: CircuitBreaker;
}

/** A fresh service for one run (or one multi-sheet run): the gate, the breaker, the throttle. */
export function reconcileService(api: LinkApi, pace: { concurrency: number; rate?: number }, emit: EventSink): ReconcileService {
  // The service unreachable several attempts in a row stops the run in seconds, not rows × retries.
  const breaker = new CircuitBreaker();
  const throttle = new Throttle({ concurrency: pace.concurrency, rate: pace.rate, breaker, onSlowDown: (stats) => emit({ type: 'pushback', pace: stats }) });
  // Until the service accepts the credentials, one request at a time: a wrong key costs one request.
  return { api: gateFirstRequest(api), throttle, breaker };
}

export interface RowProblem {
  rowNumber: number;
  reference: string;
  linkId?: number;
  message: string;
}

export interface ReconcileSummary {
  sheet: string;
  /** Undefined in a dry run (nothing written). */
  output?: string;
  /** The sheet changed (or was opened in Excel) while reconcile ran: the result is in `output`, beside it, and the sheet is as the person left it. */
  sheetChanged?: { reason: string; message: string };
  dryRun: boolean;
  rows: number;
  /** Rows with a link (or an UNCERTAIN create). */
  linked: number;
  queried: number;
  /** Rows per payment_state after the run. */
  states: Record<string, number>;
  /** Bill amounts per payment_state and currency. */
  amounts: Record<string, Record<string, string>>;
  /** Approved payments per currency. */
  paid: Record<string, string>;
  /** Since the last run: newly paid, newly expired, disabled, adopted. */
  changes: Change[];
  /** Exact counts per change kind (the lists stop at 500 entries). */
  changeCounts: Record<string, number>;
  disabled: number;
  wouldDisable: RowProblem[];
  wouldDisableCount: number;
  /** Rows a person must look at: links not queried, disables that failed, UNCERTAIN rows. */
  problems: RowProblem[];
  problemCount: number;
  /** Disabled links with an approved payment (reconcile_error starts PAID_AFTER_DISABLE): the first thing to look at. Also in `problems`. */
  paidAfterDisable: RowProblem[];
  paidAfterDisableCount: number;
  stop?: { reason: StopReason; message: string };
  elapsedMs: number;
  /** How the service paced the run: requests, 429s, the rate found, a --rate for next time. */
  pace?: PaceReport;
  /** The per-value files of --split-by, or why they were not written. */
  extras?: ExtrasResult;
}

/** Most changes and problems kept in the summary (counts stay exact). */
const LIST_LIMIT = 500;

export async function runReconcile(
  config: ReconcileConfig,
  api: LinkApi,
  emit: EventSink,
  controls: ReconcileControls = {},
  shared?: ReconcileService,
): Promise<ReconcileSummary> {
  const started = Date.now();
  // Before anything is sent: a sheet open in Excel is refused (or waited for, with --wait).
  if (!config.dryRun) await ensureNotOpenInExcel(config.output.path, config.lockWaitMs, controls.stop);
  const lock = config.dryRun ? undefined : await takeLock(config, config.lockPath);
  // --out elsewhere: that file is written too, and an issue, reconcile or webhook of it must wait.
  const outLockPath = `${config.output.path}.lock`;
  let outLock: Lock | undefined;
  try {
    if (lock !== undefined && resolvePath(outLockPath) !== resolvePath(config.lockPath)) outLock = await takeLock(config, outLockPath);
  } catch (err) {
    await lock?.release();
    throw err;
  }
  try {
    const { api: gated, throttle, breaker } = shared ?? reconcileService(api, config, emit);
    const paceBefore = throttle.stats();
    const summary = emptySummary(config);
    // Under the locks, temporary files of the sheet left by a run killed mid-write are removed.
    if (lock !== undefined) await removeStaleTemps(config.output.path);
    const run = new RunState(config.serviceFailureLimit, controls);
    breaker.onOpen((message) => run.stop('SERVICE_UNAVAILABLE', message));
    // A breaker shared with an earlier sheet may already be open: nothing more is sent.
    if (breaker.message !== undefined) run.stop('SERVICE_UNAVAILABLE', breaker.message);
    const uncertain = config.dryRun
      ? { journalFound: false, byReference: new Map(), probed: 0 }
      : await resolveFirst(config, gated, throttle, controls.abort, emit);
    const ctx = rowContext(config, gated, throttle, uncertain, run, controls.abort);
    await pass(config, ctx, summary, emit);
    if (run.stopInfo) summary.stop = run.stopInfo;
    summary.elapsedMs = Date.now() - started;
    summary.pace = paceOfRun(paceBefore, throttle.stats());
    return summary;
  } finally {
    await outLock?.release();
    await lock?.release();
  }
}

/** The pace of this run alone when the throttle is shared: requests and pushbacks since it started. */
function paceOfRun(before: ThrottleStats, after: ThrottleStats): PaceReport {
  return paceReport({ ...after, requests: after.requests - before.requests, pushbacks: after.pushbacks - before.pushbacks });
}

async function takeLock(config: ReconcileConfig, path: string): Promise<Lock> {
  const wait = config.lockWaitMs !== undefined;
  const timeoutMs = config.lockWaitMs === undefined || config.lockWaitMs === Infinity ? undefined : config.lockWaitMs;
  return acquireLock(path, { wait, timeoutMs });
}

async function resolveFirst(config: ReconcileConfig, api: LinkApi, throttle: Throttle, signal: AbortSignal | undefined, emit: EventSink): Promise<UncertainResolution> {
  const resolution = await resolveUncertainRows({ journalPath: config.journalPath, settleMs: config.settleMs, api, throttle, retry: config.retry, timeZone: config.timeZone, signal });
  // Only the creates looked for now: what earlier runs settled (every ISSUED row of the journal) is no news.
  if (resolution.probed > 0) {
    emit({ type: 'phase', phase: 'resolve', message: say(text.resolve, { n: resolution.probed }) });
  }
  return resolution;
}

/** Stop conditions shared by every row of the run. */
class RunState {
  stopInfo?: { reason: StopReason; message: string };
  private consecutiveServiceFailures = 0;

  constructor(
    private readonly limit: number,
    controls: ReconcileControls,
  ) {
    controls.stop?.addEventListener('abort', () => this.stop('INTERRUPTED', say(text.interrupted)), { once: true });
  }

  stop(reason: StopReason, message: string): void {
    this.stopInfo ??= { reason, message };
  }

  serviceFailed(): void {
    this.consecutiveServiceFailures += 1;
    if (this.consecutiveServiceFailures >= this.limit) {
      this.stop('SERVICE_UNAVAILABLE', say(text.serviceFailures, { n: this.consecutiveServiceFailures }));
    }
  }

  serviceAnswered(): void {
    this.consecutiveServiceFailures = 0;
  }
}

function rowContext(config: ReconcileConfig, api: LinkApi, throttle: Throttle, uncertain: UncertainResolution, run: RunState, signal?: AbortSignal): RowContext {
  const disable: OverdueRule | undefined = config.disableOverdue ? { graceDays: config.graceDays, timeZone: config.timeZone, now: config.now } : undefined;
  return {
    api,
    throttle,
    retry: config.retry,
    timeZone: config.timeZone,
    disable,
    dryRun: config.dryRun,
    uncertain,
    journalPath: config.journalPath,
    events: new WebhookEvents(config.eventsPath ?? `${config.sheet.path}.events.jsonl`),
    signal,
    stopped: () => run.stopInfo !== undefined,
    stop: (reason, message) => run.stop(reason, message),
    serviceFailed: () => run.serviceFailed(),
    serviceAnswered: () => run.serviceAnswered(),
  };
}

/** Reads, reconciles and writes every row, in order, with at most `window` rows in flight. */
async function pass(config: ReconcileConfig, ctx: RowContext, summary: ReconcileSummary, emit: EventSink): Promise<void> {
  // Rewriting the sheet itself: its fingerprint now, before it is read; the result is staged beside it.
  const inPlace = !config.dryRun && resolvePath(config.output.path) === resolvePath(config.sheet.path);
  const guard = inPlace ? await SheetGuard.take(config.sheet.path) : undefined;
  const target = guard === undefined ? config.output.path : besidePath(config.output.path, new Date());
  const opened = await openIssuedSheet(config.sheet);
  let closed = false;
  const sheet = { ...opened, close: async () => { if (!closed) { closed = true; await opened.close(); } } };
  let writer: IssuedSheetWriter | undefined;
  let extras: OutputExtras | undefined;
  try {
    writer = config.dryRun ? undefined : await sheet.openWriter(target, config.output.format);
    // A --split-by naming no column stops the run here, before any link is queried.
    if (writer !== undefined && config.splitBy !== undefined) {
      extras = await OutputExtras.open({
        output: config.output,
        inputPath: config.sheet.path,
        header: sheet.info.header,
        splitBy: config.splitBy,
        qr: false,
        lang: config.lang ?? currentLang(),
        write: writer.options,
        emit,
      });
    }
    emit({ type: 'phase', phase: 'query', message: say(text.query, { sheet: config.sheet.path, dryRun: config.dryRun }) });
    const window: Array<{ row: IssuedRow; result: Promise<RowResult> }> = [];
    const limit = Math.max(16, config.concurrency * 8);
    const flush = async (): Promise<void> => {
      const next = window.shift();
      if (next === undefined) return;
      const result = await next.result;
      record(summary, next.row, result, emit);
      const cells = await writer?.write(next.row, result.updates);
      if (cells !== undefined) await extras?.row(next.row.cells, cells, { state: result.state || 'UNLINKED', amount: result.amount, currency: result.currency }, undefined);
    };
    for await (const row of sheet.rows) {
      window.push({ row, result: reconcileRow(row, ctx) });
      if (window.length >= limit) await flush();
    }
    while (window.length > 0) await flush();
    await sheet.close();
    // A run stopped before it learnt anything (a wrong key) leaves the sheet exactly as it was.
    if (writer !== undefined && ctx.stopped() && summary.queried === 0) {
      await writer.abort();
      await extras?.abort();
      writer = undefined;
      extras = undefined;
    }
    if (writer !== undefined) {
      emit({ type: 'phase', phase: 'write', message: say(text.write, { sheet: config.output.path }) });
      await writer.commit();
      summary.output = target;
      if (guard !== undefined) {
        const placed = await guard.place(target);
        summary.output = placed.path;
        if (!placed.replaced) summary.sheetChanged = { reason: placed.reason, message: sheetChangedMessage(config.sheet.path, placed.path, placed.reason) };
      }
      if (extras !== undefined) summary.extras = await extras.commit();
    }
  } catch (err) {
    await writer?.abort();
    await extras?.abort();
    throw err;
  } finally {
    await sheet.close();
  }
}

function record(summary: ReconcileSummary, row: IssuedRow, result: RowResult, emit: EventSink): void {
  summary.rows += 1;
  if (result.queried) summary.queried += 1;
  if (result.state !== '') {
    summary.linked += 1;
    summary.states[result.state] = (summary.states[result.state] ?? 0) + 1;
    if (result.amount !== undefined && result.currency !== undefined) {
      const perCurrency = (summary.amounts[result.state] ??= {});
      perCurrency[result.currency] = safeAdd(perCurrency[result.currency], result.amount);
    }
    if (result.paidAmount !== undefined && result.currency !== undefined) summary.paid[result.currency] = safeAdd(summary.paid[result.currency], result.paidAmount);
    emit({ type: 'row', rowNumber: row.rowNumber, reference: row.reference, state: result.state, error: result.problem });
  }
  if (result.disabled) summary.disabled += 1;
  const linkId = typeof result.updates.link_id === 'number' ? result.updates.link_id : row.linkId;
  if (result.wouldDisable) summary.wouldDisableCount += 1;
  if (result.problem !== undefined) summary.problemCount += 1;
  if (result.change !== undefined) summary.changeCounts[result.change.kind] = (summary.changeCounts[result.change.kind] ?? 0) + 1;
  if (result.wouldDisable) push(summary.wouldDisable, { rowNumber: row.rowNumber, reference: row.reference, linkId, message: say(text.wouldDisable, { linkId: String(linkId ?? '?') }) });
  if (result.problem !== undefined) push(summary.problems, { rowNumber: row.rowNumber, reference: row.reference, linkId, message: result.problem });
  if (result.paidAfterDisable === true && result.problem !== undefined) {
    summary.paidAfterDisableCount += 1;
    push(summary.paidAfterDisable, { rowNumber: row.rowNumber, reference: row.reference, linkId, message: result.problem });
  }
  if (result.change !== undefined && summary.changes.length < LIST_LIMIT) summary.changes.push(result.change);
}

function push(list: RowProblem[], item: RowProblem): void {
  if (list.length < LIST_LIMIT) list.push(item);
}

function safeAdd(total: string | undefined, amount: string): string {
  try {
    return addAmounts(total ?? '0', amount);
  } catch {
    return total ?? '0';
  }
}

function emptySummary(config: ReconcileConfig): ReconcileSummary {
  return {
    sheet: config.sheet.path,
    dryRun: config.dryRun,
    rows: 0,
    linked: 0,
    queried: 0,
    states: {},
    amounts: {},
    paid: {},
    changes: [],
    changeCounts: {},
    disabled: 0,
    wouldDisable: [],
    wouldDisableCount: 0,
    problems: [],
    problemCount: 0,
    paidAfterDisable: [],
    paidAfterDisableCount: 0,
    elapsedMs: 0,
  };
}
