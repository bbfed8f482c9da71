/**
 * `paylinks issue`: a billing sheet in, one payment link per valid row, a
 * sheet of links out. The run is a sequence of passes over the input, each
 * streaming, none holding the sheet in memory:
 *
 *   check    (resumed runs only) the sheet still says what the journal issued
 *   probe    (resumed runs only) creates whose answers were lost are looked for
 *   send     invalid rows are skipped, done rows are skipped, the rest created
 *   resolve  this run's lost answers are probed; proved-absent rows are re-sent
 *   write    the output is a function of the input, validation and the journal
 *
 * Because the output is rebuilt from the journal, a run killed at any moment
 * is finished by running the same command again.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import { openJournal, readJournal, type Journal } from '../../io/journal.js';
import { acquireLock } from '../../io/lock.js';
import type { SheetFormat } from '../../io/types.js';
import type { EventSink } from '../events.js';
import type { Lang } from '../output/labels.js';
import { findSplitColumn } from '../output/split.js';
import { Sender, type RunStop } from './send.js';
import { ownRecord, writeIssueOutput, type IssueCounts } from './write.js';
import { Ledger, type JournalEntry, type LedgerRecord } from '../uncertain/ledger.js';
import type { LinkApi } from '../service/link-api.js';
import type { ProbeTarget } from '../uncertain/probe.js';
import { openPrepared, type InputOptions } from '../rows/prepared-rows.js';
import { resolveUncertain } from '../uncertain/resolve-issue.js';
import type { RetryOptions } from '../service/retry.js';
import { noRowsError, RunError } from '../run-error.js';
import { paceReport, Throttle, type PaceReport, type ThrottleStats } from '../service/throttle.js';
import type { PreparedRow, RequestOptions } from '../types.js';

export interface IssueConfig {
  input: InputOptions;
  output: { path: string; format: SheetFormat; delimiter?: string };
  journalPath: string;
  lockPath: string;
  request: RequestOptions;
  concurrency: number;
  rate?: number;
  retry: RetryOptions;
  dryRun: boolean;
  probe: { window: number; settleMs: number };
  /** References (or every one, with `true`) the person checked by hand and wants sent again although UNCERTAIN. */
  resendUncertain: boolean | string[];
  /** Shown in the journal's run entry; never credentials. */
  baseUrl: string;
  /** Besides the full output, one file per distinct value of this column (a collector), with a manifest. */
  splitBy?: string;
  /** A QR code of each issued link: PNGs beside a CSV output, a companion workbook beside an XLSX one. */
  qr?: boolean;
  /** Language of the tool's own words in outputs and reports [default: from the locale]. */
  lang?: Lang;
  /** Shown in the Summary sheet of XLSX outputs. */
  toolVersion?: string;
}

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
}

export async function runIssue(config: IssueConfig, api: LinkApi | undefined, emit: EventSink, controls: IssueControls = {}): Promise<IssueSummary> {
  const started = Date.now();
  if (resolvePath(config.input.path) === resolvePath(config.output.path)) {
    throw new RunError('OUTPUT_IS_INPUT', `--out ${config.output.path} is the input file itself; choose another output file so the input stays as it was.`);
  }
  // A new --out folder is created, as a person would expect when naming one (e.g. out/enero/links.xlsx).
  await mkdir(dirname(resolvePath(config.output.path)), { recursive: true });
  // A --split-by naming no column is found now, before anything is sent, not after 40,000 links exist.
  if (config.splitBy !== undefined) await checkSplitColumn(config);
  if (config.dryRun) {
    const ledger = await readLedgerIfAny(config.journalPath);
    emit({ type: 'phase', phase: 'write', message: 'Dry run: validating every row; nothing is sent.' });
    const counts = await writeIssueOutput(config, ledger, { dryRun: true }, emit);
    return summarise(config, counts, started, undefined, true);
  }
  if (!api) throw new Error('runIssue needs an API client unless it is a dry run');

  const lock = await acquireLock(config.lockPath, { wait: false });
  try {
    // One pass over the whole sheet before anything is sent: a whole-file problem (a quote never
    // closed on row 9,000) stops the run with no journal written, and a resumed run checks that
    // the sheet still says what the journal issued.
    const check = await checkPass(config, await readLedgerIfAny(config.journalPath), emit);
    const journal = await openJournal<JournalEntry>(config.journalPath);
    try {
      return await sendAndWrite(config, api, journal, check, emit, controls, started);
    } finally {
      await journal.close();
    }
  } finally {
    await lock.release();
  }
}

async function sendAndWrite(
  config: IssueConfig,
  api: LinkApi,
  journal: Journal<JournalEntry>,
  check: CheckResult,
  emit: EventSink,
  controls: IssueControls,
  started: number,
): Promise<IssueSummary> {
  const ledger = new Ledger(journal.entries);
  const resumed = ledger.size > 0;
  await journal.append({ t: 'run', v: 1, input: config.input.path, baseUrl: config.baseUrl, at: new Date().toISOString() });
  const throttle = new Throttle({ concurrency: config.concurrency, rate: config.rate, onSlowDown: (pace) => emit({ type: 'pushback', pace }) });
  const sender = new Sender({
    api,
    throttle,
    retry: config.retry,
    journal,
    ledger,
    emit,
    window: config.concurrency * 4,
    serviceFailureLimit: Math.max(10, config.concurrency * 2),
    signal: controls.abort,
  });
  controls.stop?.addEventListener('abort', () => sender.halt('INTERRUPTED', 'Interrupted: rows not sent yet were left for the next run.'), { once: true });
  const resolveOptions = { api, throttle, journal, ledger, emit, sender, config, signal: controls.abort };
  if (check.targets.length > 0) await resolveUncertain(check.targets, resolveOptions, { resend: false });

  emit({ type: 'phase', phase: 'send', message: resumed ? 'Resuming: sending the rows not done yet.' : `Sending ${config.input.path} to ${config.baseUrl}.`, total: check.rows });
  await sendPass(config, ledger, sender, emit);
  await sender.drain();

  const uncertain = sender.uncertain.splice(0);
  if (uncertain.length > 0 && !sender.stop) await resolveUncertain(uncertain, resolveOptions, { resend: true });

  emit({ type: 'phase', phase: 'write', message: `Writing ${config.output.path}.` });
  const counts = await writeIssueOutput(config, ledger, { dryRun: false, stop: sender.stop }, emit);
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
  if (resumed) emit({ type: 'phase', phase: 'check', message: `Resuming from ${config.journalPath}: checking the sheet against it.` });
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
      `${config.input.path} changed since these rows were issued (${conflictCount} row${conflictCount === 1 ? '' : 's'}); nothing was sent:\n${conflicts.join('\n')}\n` +
        `Restore the sheet as it was to finish this run, or issue the new version to a different --out (the links already issued stay valid; disable them with reconcile if they are wrong).`,
    );
  }
  return { rows, targets };
}

function describeConflict(row: PreparedRow, r: LedgerRecord): string {
  const link = r.result?.id !== undefined ? `link ${r.result.id}` : 'a create whose answer was lost';
  return (
    `  row ${row.rowNumber}, reference ${row.reference}: issued as ${r.amount ?? '?'} ${r.currency ?? ''} expiring ${r.expiresAt ?? r.result?.expiresAt ?? '?'} (${link}); ` +
    `the sheet now says ${row.amount ?? '?'} ${row.currency ?? ''} expiring ${row.expiresAt ?? '?'} (or another name/description)`
  );
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

