/**
 * The write pass of `issue`: the output sheet is rebuilt from the input, the
 * validation of each row and what the journal says happened to it. Nothing
 * here calls the API, so the same pass serves dry runs and finished runs.
 */
import { serializeRequest } from '../../api/body.js';
import { createSheetWriter } from '../../io/write/index.js';
import type { CellValue, SheetWriter, WriteOptions } from '../../io/types.js';
import type { EventSink } from '../events.js';
import type { IssueConfig } from './config.js';
import type { RunStop } from './send.js';
import type { Ledger, LedgerRecord } from '../uncertain/ledger.js';
import { DRY_RUN_COLUMN, ISSUE_COLUMNS, planOutput, toolColumns, wallClockDate } from '../output/sheet-plan.js';
import { sheetLangOf, stateLabelCell } from '../output/column-keys.js';
import { currentLang } from '../../i18n/current.js';
import { STATE_FILLS } from '../output/state-colours.js';
import { noRowsError, RunError } from '../run-error.js';
import { openPrepared, type PreparedInput } from '../rows/prepared-rows.js';
import type { Lang } from '../output/labels.js';
import { OutputExtras, type ExtrasResult } from '../output/extras.js';
import { presentBillColumns } from '../output/presentation.js';
import { StateTally, type TallyJson } from '../output/state-tally.js';
import { fileSha256, summaryTable, type RunParameters } from '../output/summary-tab.js';
import type { PreparedRow, SkipCode } from '../types.js';
import { say } from '../../i18n/message.js';
import { run as runText } from '../../i18n/messages/run.js';
import { phases } from '../../i18n/messages/phases.js';

/** Row warnings (from the reader, or hidden rows billed) shown before they are only counted. */
const MAX_ROW_WARNINGS = 20;

/** A dry run's state for a row that would be sent. */
export const WOULD_ISSUE = 'WOULD_ISSUE';

export interface IssueCounts {
  rows: number;
  /** Rows per state (ISSUED, INVALID, FAILED, UNCERTAIN; WOULD_ISSUE in a dry run). */
  states: Record<string, number>;
  /** Total amount issued per currency, canonical decimal strings. */
  issued: Record<string, string>;
  /** Rows a person must look at: UNCERTAIN ones with their next step. */
  uncertain: Array<{ rowNumber: number; reference: string; message: string }>;
  /** The first few row errors, for the closing summary. */
  firstErrors: Array<{ rowNumber: number; state: string; message: string }>;
  /** Rows and amounts per state and currency (every state, not only ISSUED). */
  tally?: TallyJson;
  /** Side outputs (--split-by, --qr) and why they failed, if they did. */
  extras?: ExtrasResult;
  /** SKIPPED rows (not bills: totals, footers, hidden rows) by reason code; not errors. */
  skipped: Partial<Record<SkipCode, number>>;
}

export interface WriteMode {
  dryRun: boolean;
  stop?: RunStop;
  /** Called once every row is in the temporary file, before it replaces the output: a throw keeps the old output. */
  beforeCommit?: () => Promise<void>;
}

/** What the output sheet says about one row. */
export interface RowOutcome {
  state: string;
  id?: number;
  url?: string;
  expiresAt?: string;
  error?: string;
}

export async function writeIssueOutput(
  config: IssueConfig,
  ledger: Ledger,
  mode: WriteMode,
  emit: EventSink,
): Promise<IssueCounts> {
  // The write pass runs once per run (dry run included): the reader's notes are told here, once.
  const input = await openPrepared(config.input, config.request, (note) => emit({ type: 'warning', ...note }));
  const counts: IssueCounts = { rows: 0, states: {}, issued: {}, uncertain: [], firstErrors: [], skipped: {} };
  const hiddenRows: number[] = [];
  let rowWarnings = 0;
  const tally = new StateTally();
  const rows = input.rows[Symbol.asyncIterator]();
  let next: IteratorResult<PreparedRow>;
  let out: OpenOutput;
  try {
    // A sheet with no rows is a failed export: say so before any output file exists.
    next = await rows.next();
    if (next.done) throw noRowsError(config.input.path);
    out = await openOutput(config, input, mode, emit);
  } catch (err) {
    await input.close();
    throw err;
  }
  const { plan, present, writer, extras, run, headerLang } = out;
  try {
    for (; !next.done; next = await rows.next()) {
      const row = next.value;
      const outcome = outcomeOf(row, ledger, mode);
      noteProblems(counts, row, outcome);
      for (const message of row.warnings ?? []) {
        // A reader may note thousands of rows: the first few are shown, the rest counted.
        if (++rowWarnings <= MAX_ROW_WARNINGS) emit({ type: 'warning', message, rowNumber: row.rowNumber });
      }
      if (outcome.state === 'SKIPPED' && row.skip !== undefined) {
        counts.skipped[row.skip.code] = (counts.skipped[row.skip.code] ?? 0) + 1;
        if (row.skip.code === 'HIDDEN_ROW') hiddenRows.push(row.rowNumber);
      }
      tally.add(outcome.state, row.amount, row.amount === undefined ? undefined : row.currency);
      const values: Record<string, CellValue | undefined> = {
        link_state: outcome.state,
        // Spanish sheets only (the plan has no such column otherwise): the state's label for a person.
        link_state_label: stateLabelCell(outcome.state, headerLang),
        link_id: outcome.id ?? null,
        link_url: outcome.url ?? null,
        expires_at: outcome.expiresAt ? wallClockDate(outcome.expiresAt) : null,
        error: outcome.error ?? null,
      };
      if (mode.dryRun) values.request = outcome.state === WOULD_ISSUE && row.request ? serializeRequest(row.request) : null;
      // The amount column shows the sheet's own amount (a unit confirmed with --amount-unit applies to the link, not to the column).
      const cells = present.cells(plan.row(row.cells, values), { amount: row.sheetAmount ?? row.amount, dueDate: row.expiresAt?.slice(0, 10) });
      await writer.writeRow(cells);
      const link = outcome.state === 'ISSUED' && outcome.url ? { reference: row.reference, url: outcome.url, name: row.request?.name, amount: row.amount, currency: row.currency } : undefined;
      await extras.row(row.cells, cells, { state: outcome.state, amount: row.amount, currency: row.currency }, link);
    }
    writer.appendSheet?.(summaryTable(tally, config.lang ?? currentLang(), run));
    await mode.beforeCommit?.();
    await writer.commit();
  } catch (err) {
    await writer.abort();
    await extras.abort();
    throw err;
  } finally {
    await input.close();
  }
  if (hiddenRows.length > 0) emit({ type: 'warning', message: hiddenRowsWarning(hiddenRows) });
  if (rowWarnings > MAX_ROW_WARNINGS) emit({ type: 'warning', message: say(phases.moreRowWarnings, { count: rowWarnings - MAX_ROW_WARNINGS }) });
  counts.tally = tally.toJSON();
  counts.rows = tally.rows;
  counts.states = Object.fromEntries(tally.ordered().map(([state, c]) => [state, c.rows]));
  counts.issued = counts.tally.states.ISSUED?.amounts ?? {};
  counts.extras = await extras.commit();
  emit({ type: 'phase', phase: 'write', message: say(phases.wrote, { count: counts.rows, out: config.output.path }) });
  return counts;
}

interface OpenOutput {
  plan: ReturnType<typeof planOutput>;
  present: ReturnType<typeof presentBillColumns>;
  writer: SheetWriter;
  extras: OutputExtras;
  run?: RunParameters;
  /** The language of the tool's headers in this output. */
  headerLang: Lang;
}

/** The full output's writer and, when asked for, the per-value files and QR codes. */
async function openOutput(config: IssueConfig, input: PreparedInput, mode: { dryRun: boolean }, emit: EventSink): Promise<OpenOutput> {
  // The tool's headers in the run's language, unless the input is an output that already has them in the other.
  const headerLang = sheetLangOf(input.info.header, config.lang ?? currentLang());
  const plan = planOutput(input.info.header, toolColumns(mode.dryRun ? [...ISSUE_COLUMNS, DRY_RUN_COLUMN] : ISSUE_COLUMNS, headerLang));
  const { format } = config.output;
  const present = presentBillColumns(plan.columns, input.map, { format, locale: config.request.locale, currency: input.currency });
  const delimiter = config.output.delimiter ?? input.info.delimiter ?? (config.request.locale === 'es-CO' ? ';' : ',');
  const write: WriteOptions = { format, columns: present.columns, delimiter, sheetName: 'Links', stateFill: STATE_FILLS, ...present.options };
  const lang = config.lang ?? currentLang();
  // Only workbooks show the run's parameters (in their Summary sheet); a CSV run need not hash its input.
  const run: RunParameters | undefined = format === 'xlsx'
    ? {
        input: config.input.path,
        inputSha256: await fileSha256(config.input.path),
        output: config.output.path,
        baseUrl: config.baseUrl,
        dryRun: mode.dryRun,
        at: new Date(),
        version: config.toolVersion,
        splitBy: config.splitBy,
      }
    : undefined;
  const extras = await OutputExtras.open({
    output: config.output,
    inputPath: config.input.path,
    header: input.info.header,
    splitBy: config.splitBy,
    qr: config.qr === true && !mode.dryRun,
    lang,
    write,
    run,
    emit,
  });
  try {
    return { plan, present, writer: await createSheetWriter(config.output.path, write), extras, run, headerLang };
  } catch (err) {
    await extras.abort();
    throw err;
  }
}

/** One warning for every hidden row left out, rather than one line per row. */
function hiddenRowsWarning(rows: number[]): string {
  const shown = rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', …' : '');
  return say(phases.hiddenRows, { count: rows.length, shown });
}

/** The rows a person must look at; counts and amounts are the tally's. */
function noteProblems(counts: IssueCounts, row: PreparedRow, outcome: RowOutcome): void {
  if (outcome.state === 'UNCERTAIN') counts.uncertain.push({ rowNumber: row.rowNumber, reference: row.reference, message: outcome.error ?? '' });
  if (outcome.error && outcome.state !== 'ISSUED' && outcome.state !== 'SKIPPED' && counts.firstErrors.length < 20) {
    counts.firstErrors.push({ rowNumber: row.rowNumber, state: outcome.state, message: outcome.error });
  }
}

/** The row's state, link and error in the output sheet, from the journal and today's validation. Pure. */
export function outcomeOf(row: PreparedRow, ledger: Ledger, mode: WriteMode): RowOutcome {
  const record = ownRecord(row, ledger);
  const result = record?.result;
  // A link (or a create that may have made one) beside a row that now says something else would show
  // a new amount or name beside a link made for the old one. The run pins its input, so this means the
  // input changed under it; refuse rather than write such a row.
  if (!mode.dryRun && record !== undefined && record.fp !== row.fingerprint && (record.inFlight || result?.state === 'ISSUED' || result?.state === 'UNCERTAIN')) {
    throw new RunError('INPUT_CHANGED', say(runText.rowChanged, { row: row.rowNumber, ref: row.reference }));
  }
  // What the journal pins wins over today's validation: a row issued last week whose due date has
  // passed is still ISSUED, with its link, and a create whose answer was lost is still UNCERTAIN.
  if (result && (result.state === 'ISSUED' || result.state === 'UNCERTAIN') && result.fp === row.fingerprint) {
    return { state: result.state, id: result.id, url: result.url, expiresAt: result.expiresAt ?? row.expiresAt, error: result.error };
  }
  // Not a bill (a total, footer or hidden row): never sent, not an error; the reason goes in the error column.
  if (row.skip !== undefined) return { state: 'SKIPPED', error: `${row.skip.code}: ${row.skip.message}` };
  if (row.errors.length > 0) {
    if (record?.inFlight && record.fp === row.fingerprint) {
      return { state: 'UNCERTAIN', expiresAt: row.expiresAt, error: say(runText.answerLost, { ref: row.reference }) };
    }
    return { state: 'INVALID', error: row.errors.map((e) => e.message).join(' | ') };
  }
  if (result && (result.fp === row.fingerprint || result.state === 'ISSUED')) {
    return { state: result.state, id: result.id, url: result.url, expiresAt: result.expiresAt ?? row.expiresAt, error: result.error };
  }
  if (mode.dryRun) return { state: WOULD_ISSUE, expiresAt: row.expiresAt };
  if (record?.inFlight) {
    return { state: 'UNCERTAIN', expiresAt: row.expiresAt, error: say(runText.answerLost, { ref: row.reference }) };
  }
  const why = mode.stop ? say(runText.notSentBecause, { why: mode.stop.message }) : say(runText.notSent);
  return { state: 'FAILED', expiresAt: row.expiresAt, error: why };
}

/** The journal's record for this row's reference; never for a copy that repeats another row's reference. */
export function ownRecord(row: PreparedRow, ledger: Ledger): LedgerRecord | undefined {
  if (row.errors.some((e) => e.code === 'REFERENCE_DUPLICATE')) return undefined;
  return ledger.get(row.reference);
}
