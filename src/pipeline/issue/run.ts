/**
 * `paylinks issue`: a billing sheet in, one payment link per valid row, a
 * sheet of links out. The run is a sequence of passes over the input, each
 * streaming, none holding the sheet in memory:
 *
 *   check    the sheet reads to its end; on a resumed run it still says what the journal issued
 *   (then the input is pinned (size, mtime, SHA-256) and the output proved writable: preflight)
 *   probe    (resumed runs only) creates whose answers were lost are looked for
 *   send     invalid rows are skipped, done rows are skipped, the rest created
 *   resolve  this run's lost answers are probed; proved-absent rows are re-sent
 *   write    the output is a function of the input, validation and the journal
 *
 * Because the output is rebuilt from the journal, a run killed at any moment
 * is finished by running the same command again. Before the output replaces
 * the old one the pin is checked again: a sheet saved over mid-run never has
 * its new amounts written beside links made for the old ones. Once a link
 * exists, a failed write ends in exit 5 with an emergency copy, never exit 2
 * (output-fault.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import { openJournal, readJournal, type Journal } from '../../io/journal.js';
import { acquireLock } from '../../io/lock.js';
import type { EventSink } from '../events.js';
import { findSplitColumn } from '../output/split.js';
import { isSetupStop, Sender, type RunStop } from './send.js';
import { ownRecord, writeIssueOutput, type IssueCounts } from './write.js';
import { Ledger, type JournalEntry, type LedgerRecord } from '../uncertain/ledger.js';
import type { LinkApi } from '../service/link-api.js';
import type { ProbeTarget } from '../uncertain/probe.js';
import { openPrepared } from '../rows/prepared-rows.js';
import { resolveUncertain } from '../uncertain/resolve-issue.js';
import { noRowsError, RunError } from '../run-error.js';
import { paceReport, Throttle, type PaceReport, type ThrottleStats } from '../service/throttle.js';
import { CircuitBreaker } from '../service/circuit-breaker.js';
import { pinChange, pinFile, type FilePin } from '../../io/file-pin.js';
import { preflightOutput } from '../../io/preflight.js';
import { removeStaleTemps } from '../../io/stale-temps.js';
import { countLinks, OutputNotWrittenError, outputNotWritten } from './output-fault.js';
import { gateFirstRequest } from '../service/first-request.js';
import type { PreparedRow } from '../types.js';
import type { IssueConfig } from './config.js';
import { say } from '../../i18n/message.js';
import { run as runText } from '../../i18n/messages/run.js';
import { phases } from '../../i18n/messages/phases.js';

export interface IssueControls {
  /** Aborting it stops sending new rows; rows in flight finish (first Ctrl-C). */
  stop?: AbortSignal;
  /** Aborting it abandons requests in flight (second Ctrl-C): their rows become UNCERTAIN. */
  abort?: AbortSignal;
}

export interface IssueSummary extends IssueCounts {
  output: string;
  journal?: string;
  dryRun: boolean;
  elapsedMs: number;
  rowsPerSecond: number;
  stop?: RunStop;
  /** How the service paced the run: requests, 429s, the rate found, a --rate for next time. */
  pace?: PaceReport;
  /**
   * False when the run stopped on wrong credentials or a wrong address before any link existed for
   * this output: no sheet of rows that all failed the same way is written (nor over an earlier output).
   */
  written?: boolean;
}

export async function runIssue(config: IssueConfig, api: LinkApi | undefined, emit: EventSink, controls: IssueControls = {}): Promise<IssueSummary> {
  const started = Date.now();
  if (resolvePath(config.input.path) === resolvePath(config.output.path)) {
    throw new RunError('OUTPUT_IS_INPUT', say(runText.outputIsInput, { path: config.output.path }));
  }
  // A new --out folder is created, as a person would expect when naming one (e.g. out/enero/links.xlsx).
  await mkdir(dirname(resolvePath(config.output.path)), { recursive: true });
  // A --split-by naming no column is found now, before anything is sent, not after 40,000 links exist.
  if (config.splitBy !== undefined) await checkSplitColumn(config);
  if (config.dryRun) {
    const ledger = await readLedgerIfAny(config.journalPath);
    emit({ type: 'phase', phase: 'write', message: say(phases.dryRun) });
    const counts = await writeIssueOutput(config, ledger, { dryRun: true }, emit);
    return summarise(config, counts, started, undefined, true);
  }
  if (!api) throw new Error('runIssue needs an API client unless it is a dry run');

  const lock = await acquireLock(config.lockPath, { wait: false });
  try {
    // Under the lock, temporary files of this output left by a run killed mid-write are removed.
    const stale = await removeStaleTemps(config.output.path);
    if (stale.length > 0) emit({ type: 'warning', message: say(phases.removedTemps, { count: stale.length, out: config.output.path, list: stale.join(', ') }) });
    // The input is pinned before anything is sent (size, mtime, SHA-256 of its bytes) and checked again
    // before the output is written: a sheet saved over mid-run must not put its new amounts beside
    // links made for the old ones. A pin that fails here is left to the check pass, which says why
    // the file cannot be read.
    const early = await pinFile(config.input.path).catch(() => undefined);
    // One pass over the whole sheet before anything is sent: a whole-file problem (a quote never
    // closed on row 9,000) stops the run with no journal written, and a resumed run checks that
    // the sheet still says what the journal issued.
    const check = await checkPass(config, await readLedgerIfAny(config.journalPath), emit);
    const pin = early ?? (await pinFile(config.input.path));
    for (const message of await preflightOutput(config.output.path, { bytesNeeded: bytesNeeded(check.rows) })) emit({ type: 'warning', message });
    const journal = await openJournal<JournalEntry>(config.journalPath);
    const ledger = new Ledger(journal.entries);
    const run: SendState = {};
    try {
      // Until the service accepts the credentials, one request at a time (resumed runs too): a wrong key costs one request.
      return await sendAndWrite(config, gateFirstRequest(api), journal, ledger, check, pin, run, emit, controls, started);
    } catch (err) {
      throw await afterSendFailure(err, { config, ledger, pin, stop: run.sender?.stop, emit });
    } finally {
      await journal.close().catch(() => undefined);
    }
  } finally {
    // A lock that cannot be removed (the folder went read-only) must not hide the run's outcome;
    // the next run takes it over, since this process will be gone.
    await lock.release().catch((err: unknown) =>
      emit({ type: 'warning', message: say(phases.lockNotRemoved, { path: config.lockPath, detail: err instanceof Error ? err.message : String(err) }) }),
    );
  }
}

/** Bytes the output's folder must have free before anything is sent: generous, since running out later costs more. */
export function bytesNeeded(rows: number): number {
  // ~2 KB per output row (covers XLSX with long descriptions; the old output and the temporary copy
  // coexist until the rename), ~1 KB of journal per row, and 1 MB for the rest.
  return rows * 3 * 1024 + 1024 * 1024;
}

/** What the catch in runIssue needs to know of the send: why it stopped, if it did. */
interface SendState {
  sender?: Sender;
}

/**
 * A failure once the journal is open. If no link exists for this output, it is what it was (a
 * FileError exits 2, truthfully: nothing was created). If links exist, the run never exits 2: the
 * output is kept in an emergency copy and the run ends with exit 5 (see output-fault.ts).
 */
async function afterSendFailure(err: unknown, ctx: { config: IssueConfig; ledger: Ledger; pin: FilePin; stop?: RunStop; emit: EventSink }): Promise<unknown> {
  if (err instanceof OutputNotWrittenError) return err;
  const links = countLinks(ctx.ledger);
  const change = await pinChange(ctx.pin);
  if (links.issued + links.uncertain === 0) {
    return change === undefined ? err : new RunError('INPUT_CHANGED', inputChangedReason(ctx.config.input.path, change, false));
  }
  const reason = change !== undefined ? inputChangedReason(ctx.config.input.path, change, true) : describeFailure(err);
  return outputNotWritten({ config: ctx.config, ledger: ctx.ledger, reason, inputIntact: change === undefined, stop: ctx.stop, emit: ctx.emit });
}

function inputChangedReason(input: string, change: string, linksExist: boolean): string {
  return say(linksExist ? runText.inputChangedAfterLinks : runText.inputChangedNoLinks, { input, change });
}

function describeFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/[.\s]+$/, '');
}

async function sendAndWrite(
  config: IssueConfig,
  api: LinkApi,
  journal: Journal<JournalEntry>,
  ledger: Ledger,
  check: CheckResult,
  pin: FilePin,
  run: SendState,
  emit: EventSink,
  controls: IssueControls,
  started: number,
): Promise<IssueSummary> {
  const resumed = ledger.size > 0;
  await journal.append({ t: 'run', v: 1, input: config.input.path, baseUrl: config.baseUrl, at: new Date().toISOString() });
  const breaker = new CircuitBreaker();
  const throttle = new Throttle({ concurrency: config.concurrency, rate: config.rate, breaker, onSlowDown: (pace) => emit({ type: 'pushback', pace }) });
  const sender = new Sender({
    api,
    throttle,
    retry: config.retry,
    journal,
    ledger,
    emit,
    // Room for the rows waiting out a Retry-After (they hold no request slot) beside those in flight:
    // at 4 × concurrency, a service refusing 30% at random left the slots idle (pace, issue #12).
    window: config.concurrency * 16,
    serviceFailureLimit: Math.max(10, config.concurrency * 2),
    signal: controls.abort,
  });
  run.sender = sender;
  breaker.onOpen((message) => sender.halt('SERVICE_UNAVAILABLE', message));
  controls.stop?.addEventListener('abort', () => sender.halt('INTERRUPTED', say(runText.interrupted)), { once: true });
  const resolveOptions = { api, throttle, journal, ledger, emit, sender, config, signal: controls.abort };
  if (check.targets.length > 0) await resolveUncertain(check.targets, resolveOptions, { resend: false });

  emit({ type: 'phase', phase: 'send', message: resumed ? say(phases.resuming) : say(phases.sending, { input: config.input.path, url: config.baseUrl }), total: check.rows });
  await sendPass(config, ledger, sender, emit);
  await sender.drain();

  const uncertain = sender.uncertain.splice(0);
  if (uncertain.length > 0 && !sender.stop) await resolveUncertain(uncertain, resolveOptions, { resend: true });

  const links = countLinks(ledger);
  if (isSetupStop(sender.stop) && links.issued + links.uncertain === 0) {
    return notWritten(config, check.rows, started, sender.stop as RunStop, throttle.stats());
  }
  emit({ type: 'phase', phase: 'write', message: say(phases.writing, { out: config.output.path }) });
  const unchanged = async (): Promise<void> => {
    const change = await pinChange(pin);
    if (change !== undefined) throw new RunError('INPUT_CHANGED', change);
  };
  await unchanged();
  const counts = await writeIssueOutput(config, ledger, { dryRun: false, stop: sender.stop, beforeCommit: unchanged }, emit);
  return summarise(config, counts, started, sender.stop, false, throttle.stats());
}

async function checkSplitColumn(config: IssueConfig): Promise<void> {
  const input = await openPrepared(config.input, config.request);
  try {
    findSplitColumn(input.info.header, config.splitBy as string, config.input.path);
  } finally {
    await input.close();
  }
}

/** A dry run reads the journal without creating, repairing or locking it: a real run may be writing it. */
async function readLedgerIfAny(path: string): Promise<Ledger> {
  return existsSync(path) ? new Ledger(await readJournal<JournalEntry>(path)) : new Ledger();
}

/** The send pass: every row the ledger does not already settle is created. */
async function sendPass(config: IssueConfig, ledger: Ledger, sender: Sender, emit: EventSink): Promise<void> {
  const input = await openPrepared(config.input, config.request);
  const resend = (ref: string): boolean => config.resendUncertain === true || (Array.isArray(config.resendUncertain) && config.resendUncertain.includes(ref));
  try {
    for await (const row of input.rows) {
      if (sender.stop) break;
      if (row.skip !== undefined) {
        emit({ type: 'row', rowNumber: row.rowNumber, reference: row.reference, state: 'SKIPPED', error: row.skip.message });
        continue;
      }
      if (row.errors.length > 0) {
        emit({ type: 'row', rowNumber: row.rowNumber, reference: row.reference, state: 'INVALID', error: row.errors.map((e) => e.message).join(' ') });
        continue;
      }
      const decision = ledger.decide(row.reference, row.fingerprint);
      if (decision.kind === 'send' || (decision.kind === 'probe' && resend(row.reference))) await sender.dispatch(row);
      else emit({ type: 'row', rowNumber: row.rowNumber, reference: row.reference, state: 'SKIPPED' });
    }
  } finally {
    await input.close();
  }
}

interface CheckResult {
  rows: number;
  /** Creates whose answers were lost in an earlier run: probed before anything is sent. */
  targets: ProbeTarget[];
}

/**
 * Reads every row once before anything is sent. On a resumed run, every row
 * the journal pins (issued, or possibly created) must still say the same
 * thing, and the rows whose creates lost their answers are collected.
 */
async function checkPass(config: IssueConfig, ledger: Ledger, emit: EventSink): Promise<CheckResult> {
  const resumed = ledger.size > 0;
  if (resumed) emit({ type: 'phase', phase: 'check', message: say(phases.resumingFrom, { journal: config.journalPath }) });
  const input = await openPrepared(config.input, config.request);
  const conflicts: string[] = [];
  const targets: ProbeTarget[] = [];
  let conflictCount = 0;
  let rows = 0;
  try {
    for await (const row of input.rows) {
      rows += 1;
      // Rows with errors are checked too: a due date that has passed since a row was issued makes it
      // invalid today, but its link (or its lost create) is still the journal's to account for.
      if (!resumed || ownRecord(row, ledger) === undefined) continue;
      const decision = ledger.decide(row.reference, row.fingerprint);
      if (decision.kind === 'conflict') {
        conflictCount += 1;
        if (conflicts.length < 10) conflicts.push(describeConflict(row, decision.record));
      } else if (decision.kind === 'probe') {
        // In flight, or UNCERTAIN: a run killed between its send pass and its probe leaves UNCERTAIN
        // rows that were never looked for; look for every one again.
        targets.push({ ref: row.reference, intentAt: decision.record.intentAt, lostAt: decision.record.inFlight ? undefined : decision.record.result?.at });
      }
    }
  } finally {
    await input.close();
  }
  if (rows === 0) throw noRowsError(config.input.path);
  if (conflictCount > 0) {
    throw new RunError(
      'INPUT_CHANGED',
      say(runText.conflicts, { path: config.input.path, count: conflictCount, lines: conflicts.join('\n') }),
    );
  }
  return { rows, targets };
}

function describeConflict(row: PreparedRow, r: LedgerRecord): string {
  const link = r.result?.id !== undefined ? say(runText.conflictLink, { id: r.result.id }) : say(runText.conflictLost);
  const was = say(runText.billShown, { amount: r.amount ?? '?', currency: r.currency ?? '', expiresAt: r.expiresAt ?? r.result?.expiresAt ?? '?' });
  const now = say(runText.billShown, { amount: row.amount ?? '?', currency: row.currency ?? '', expiresAt: row.expiresAt ?? '?' });
  return say(runText.conflictLine, { row: row.rowNumber, ref: row.reference, link, was, now });
}

/** The summary of a run stopped by its setup before any link existed: nothing written, nothing to count but the rows. */
function notWritten(config: IssueConfig, rows: number, started: number, stop: RunStop, pace: ThrottleStats): IssueSummary {
  const counts: IssueCounts = { rows, states: {}, issued: {}, uncertain: [], firstErrors: [], skipped: {} };
  return { ...summarise(config, counts, started, stop, false, pace), written: false };
}

function summarise(config: IssueConfig, counts: IssueCounts, started: number, stop: RunStop | undefined, dryRun: boolean, pace?: ThrottleStats): IssueSummary {
  const elapsedMs = Date.now() - started;
  return {
    ...counts,
    output: config.output.path,
    journal: dryRun ? undefined : config.journalPath,
    dryRun,
    elapsedMs,
    rowsPerSecond: elapsedMs > 0 ? (counts.rows * 1000) / elapsedMs : counts.rows,
    stop,
    ...(pace === undefined ? {} : { pace: paceReport(pace) }),
  };
}

