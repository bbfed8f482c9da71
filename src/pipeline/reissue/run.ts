/**
 * `paylinks reissue`: unpaid rows whose link expired, was disabled or is
 * overdue get a new link under a versioned reference, exactly once.
 *
 *   lock     `<sheet>.lock` (and `<out>.lock`): one issue, reconcile, webhook write or reissue at a time
 *   resolve  creates of an earlier reissue whose answers were lost are looked for (issue's probe)
 *   plan     each linked row: the journal, a fresh query, the checks, the disable (plan.ts)
 *   create   issue's Sender: a journal intent before each create, its result after
 *   resolve  this run's lost answers: probed, and re-sent once when proved never created
 *   write    the sheet with the new links and their history, atomically (write.ts)
 *
 * The journal `<sheet>.reissue.journal` is issue's (same entries, ledger and
 * probe), keyed by the new references: a run killed at any moment is
 * finished by the same command, and a reference is never created twice.
 */
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import { preflightOutput } from '../../io/preflight.js';
import { acquireLock, type Lock } from '../../io/lock.js';
import { openJournal, readJournal, type Journal } from '../../io/journal.js';
import { removeStaleTemps } from '../../io/stale-temps.js';
import { say } from '../../i18n/message.js';
import { reissue as words } from '../../i18n/messages/reissue.js';
import type { EventSink } from '../events.js';
import { Sender, type RunStop, type StopReason } from '../issue/send.js';
import { openIssuedSheet, type IssuedRow } from '../reconcile/issued-sheet.js';
import { ensureNotOpenInExcel, SheetGuard } from '../reconcile/sheet-guard.js';
import { WebhookEvents } from '../reconcile/webhook-events.js';
import { CircuitBreaker } from '../service/circuit-breaker.js';
import { gateFirstRequest } from '../service/first-request.js';
import type { LinkApi } from '../service/link-api.js';
import { paceReport, Throttle } from '../service/throttle.js';
import { Ledger, type JournalEntry } from '../uncertain/ledger.js';
import type { ProbeTarget } from '../uncertain/probe.js';
import { resolveUncertain } from '../uncertain/resolve-issue.js';
import { MappingError } from '../rows/mapping-error.js';
import { decimalOf } from '../rows/amount.js';
import { planRow, type PlanContext, type RowPlan } from './plan.js';
import { finalOutcome, summarise, type ReissueSummary } from './summary.js';
import { writePlan, writeReissuedSheet } from './write.js';
import type { ReissueConfig } from './config.js';

export type { ReissueConfig };

export interface ReissueControls {
  stop?: AbortSignal;
  abort?: AbortSignal;
}

export async function runReissue(config: ReissueConfig, api: LinkApi, emit: EventSink, controls: ReissueControls = {}): Promise<ReissueSummary> {
  const started = Date.now();
  if (config.dryRun) return dryRun(config, api, emit, controls, started);
  await ensureNotOpenInExcel(config.output.path, undefined, controls.stop);
  // A new --out folder is created, and the output proved writable, before anything is sent (exit 2, not 5).
  await mkdir(dirname(resolvePath(config.output.path)), { recursive: true });
  const locks = await takeLocks(config);
  try {
    const stale = await removeStaleTemps(config.output.path);
    if (stale.length > 0) emit({ type: 'warning', message: say(words.removedTemps, { n: stale.length, names: stale.join(', ') }) });
    for (const message of await preflightOutput(config.output.path, { bytesNeeded: await bytesNeeded(config.sheet.path) })) emit({ type: 'warning', message });
    const journal = await openJournal<JournalEntry>(config.journalPath);
    try {
      return await realRun(config, api, journal, emit, controls, started);
    } finally {
      await journal.close().catch(() => undefined);
    }
  } finally {
    for (const lock of locks.reverse()) {
      await lock.release().catch((err: unknown) => emit({ type: 'warning', message: say(words.lockNotRemoved, { path: config.lockPath, detail: err instanceof Error ? err.message : String(err) }) }));
    }
  }
}

/** The rewritten sheet and its temporary copy coexist until the rename: three times the sheet, and a megabyte. */
async function bytesNeeded(sheet: string): Promise<number> {
  const size = (await stat(sheet).catch(() => undefined))?.size ?? 0;
  return size * 3 + 1024 * 1024;
}

async function takeLocks(config: ReissueConfig): Promise<Lock[]> {
  const locks = [await acquireLock(config.lockPath, { wait: false })];
  const outLock = `${config.output.path}.lock`;
  if (resolvePath(outLock) !== resolvePath(config.lockPath)) {
    try {
      locks.push(await acquireLock(outLock, { wait: false }));
    } catch (err) {
      await locks[0]?.release();
      throw err;
    }
  }
  return locks;
}

/** The run's stop, shared by the plan (queries, disables) and issue's Sender (creates). */
class RunStopState {
  stop?: RunStop;
  set(reason: StopReason, message: string): void {
    this.stop ??= { reason, message };
  }
}

interface Run {
  throttle: Throttle;
  api: LinkApi;
  stop: RunStopState;
}

function startRun(config: ReissueConfig, api: LinkApi, emit: EventSink, controls: ReissueControls): Run {
  const breaker = new CircuitBreaker();
  const throttle = new Throttle({ concurrency: config.concurrency, rate: config.rate, breaker, onSlowDown: (pace) => emit({ type: 'pushback', pace }) });
  const stop = new RunStopState();
  breaker.onOpen((message) => stop.set('SERVICE_UNAVAILABLE', message));
  controls.stop?.addEventListener('abort', () => stop.set('INTERRUPTED', say(words.stopInterrupted)), { once: true });
  // Until the service accepts the credentials, one request at a time: a wrong key costs one request.
  return { throttle, api: gateFirstRequest(api), stop };
}

async function realRun(config: ReissueConfig, rawApi: LinkApi, journal: Journal<JournalEntry>, emit: EventSink, controls: ReissueControls, started: number): Promise<ReissueSummary> {
  const ledger = new Ledger(journal.entries);
  const run = startRun(config, rawApi, emit, controls);
  await journal.append({ t: 'run', v: 1, input: config.sheet.path, baseUrl: config.baseUrl, at: new Date().toISOString() });
  const sender = new Sender({
    api: run.api,
    throttle: run.throttle,
    retry: config.retry,
    journal,
    ledger,
    emit,
    window: config.concurrency * 4,
    serviceFailureLimit: Math.max(10, config.concurrency * 2),
    signal: controls.abort,
  });
  const resolveContext = {
    api: run.api,
    throttle: run.throttle,
    journal,
    ledger,
    emit,
    sender,
    config: { probe: config.probe, concurrency: config.concurrency, retry: config.retry, request: { timeZone: config.timeZone } },
    signal: controls.abort,
  };
  // Creates an earlier run sent and never heard back from: found, proved absent, or left for a person.
  const lost = lostCreates(ledger);
  if (lost.length > 0) {
    emit({ type: 'phase', phase: 'probe', message: say(words.phaseResolve, { n: lost.length }), total: lost.length });
    await resolveUncertain(lost, resolveContext, { resend: false });
  }

  // Rewriting the sheet itself: its fingerprint now, before it is read; a sheet saved meanwhile is never overwritten.
  const guard = resolvePath(config.output.path) === resolvePath(config.sheet.path) ? await SheetGuard.take(config.sheet.path) : undefined;
  const { rows, plans, sheet } = await planAll(config, run, ledger, emit, controls);
  const creates = plans.flatMap((plan, i) => (plan.kind === 'create' ? [{ plan, row: rows[i] as IssuedRow }] : []));
  const stopNow = (): RunStop | undefined => run.stop.stop ?? sender.stopped();
  if (creates.length > 0 && stopNow() === undefined) {
    emit({ type: 'phase', phase: 'send', message: say(words.phaseCreate, { n: creates.length }), total: creates.length });
    const onStop = (): void => {
      const s = run.stop.stop;
      if (s) sender.halt(s.reason, s.message);
    };
    for (const { plan } of creates) {
      onStop();
      if (sender.stopped()) break;
      await sender.dispatch(plan.prepared);
    }
    // A journal that cannot be written stops the creates (the Sender halts); the links made so far still go into the sheet.
    await sender.drain().catch((err: unknown) => run.stop.set('SERVICE_UNAVAILABLE', err instanceof Error ? err.message : String(err)));
    const uncertain = sender.uncertain.splice(0);
    if (uncertain.length > 0 && !sender.stopped()) await resolveUncertain(uncertain, resolveContext, { resend: true });
  }
  run.stop.stop ??= sender.stopped();
  const outcomes = rows.map((row, i) => finalOutcome(row, plans[i] as RowPlan, ledger, run.stop.stop));

  emit({ type: 'phase', phase: 'write', message: say(words.phaseWrite, { path: config.output.path }) });
  const written = await writeReissuedSheet({ config, sheet, guard, rows, outcomes, ledger, emit });
  return summarise(config, rows, outcomes, { started, stop: run.stop.stop, written, pace: paceReport(run.throttle.stats()) });
}

async function dryRun(config: ReissueConfig, rawApi: LinkApi, emit: EventSink, controls: ReissueControls, started: number): Promise<ReissueSummary> {
  // Read, never repaired or locked: a real run may be writing it.
  const ledger = existsSync(config.journalPath) ? new Ledger(await readJournal<JournalEntry>(config.journalPath)) : new Ledger();
  const run = startRun(config, rawApi, emit, controls);
  const { rows, plans } = await planAll(config, run, ledger, emit, controls);
  const outcomes = rows.map((row, i) => finalOutcome(row, plans[i] as RowPlan, ledger, run.stop.stop, true));
  await writePlan(config, rows, outcomes);
  return summarise(config, rows, outcomes, { started, stop: run.stop.stop, written: { plan: config.output.path }, pace: paceReport(run.throttle.stats()) });
}

/** References of the journal whose create may have made a link it does not know: probed before anything else. */
function lostCreates(ledger: Ledger): ProbeTarget[] {
  const targets: ProbeTarget[] = [];
  for (const record of ledger.all()) {
    const lost = record.inFlight || (record.result?.state === 'UNCERTAIN' && record.result.id === undefined && record.result.otherLinks === undefined);
    if (lost) targets.push({ ref: record.ref, intentAt: record.intentAt, lostAt: record.inFlight ? undefined : record.result?.at });
  }
  return targets;
}

/** Reads the sheet and plans every row; queries and disables run at once through the throttle. */
async function planAll(config: ReissueConfig, run: Run, ledger: Ledger, emit: EventSink, controls: ReissueControls) {
  const sheet = await openIssuedSheet(config.sheet);
  const rows: IssuedRow[] = [];
  try {
    for await (const row of sheet.rows) rows.push(row);
  } finally {
    await sheet.close();
  }
  const ctx: PlanContext = {
    api: run.api,
    throttle: run.throttle,
    retry: config.retry,
    events: new WebhookEvents(config.eventsPath),
    signal: controls.abort,
    stopped: () => run.stop.stop !== undefined,
    stop: (reason, message) => run.stop.set(reason, message),
    ledger,
    timeZone: config.timeZone,
    now: config.now,
    due: config.due,
    amountColumn: amountColumnOf(config, sheet.info.header),
    referenceColumn: sheet.referenceHeader ?? 'reference',
    dryRun: config.dryRun,
    resend: (ref) => config.resendUncertain === true || (Array.isArray(config.resendUncertain) && config.resendUncertain.includes(ref)),
  };
  const linked = rows.filter((r) => r.linkId !== undefined).length;
  emit({ type: 'phase', phase: 'query', message: say(words.phaseQuery, { sheet: config.sheet.path, n: linked, dryRun: config.dryRun }), total: linked });
  const plans = await Promise.all(rows.map((row) => planRow(row, ctx)));
  return { rows, plans, sheet };
}

/** `--amount-column`: the column by its header (trimmed, any case); a header the sheet lacks stops the run before anything is sent. */
function amountColumnOf(config: ReissueConfig, header: readonly string[]): PlanContext['amountColumn'] {
  if (config.amountColumn === undefined) return undefined;
  const wanted = config.amountColumn.trim().toLowerCase();
  const index = header.findIndex((h) => h.trim().toLowerCase() === wanted);
  if (index < 0) {
    throw new MappingError('COLUMN_MISSING', config.sheet.path, say(words.amountColumnMissing, { column: config.amountColumn, sheet: config.sheet.path, headers: header.map((h) => `"${h}"`).join(', ') }));
  }
  return { header: header[index] as string, index, decimal: config.sheet.reading?.decimal ?? decimalOf(config.sheet.locale) };
}
