/**
 * Reads the sheets and builds the aging report: every row of every sheet
 * goes through `classifyRow` once (streaming), and what it is lands in the
 * tally, the list for a person, or the count of rows that are no receivables.
 * Sheets are read exactly as reconcile and summary read them (openIssuedSheet:
 * the same mapping, amounts and due dates).
 */
import { say } from '../../i18n/message.js';
import { report as words } from '../../i18n/messages/report.js';
import { openIssuedSheet, type IssuedRow, type IssuedSheet, type IssuedSheetOptions } from '../reconcile/issued-sheet.js';
import { MappingError } from '../rows/mapping-error.js';
import { normalizeHeader } from '../rows/headers.js';
import { keyOf } from '../output/split.js';
import { parseDueDate } from '../rows/dates.js';
import { classifyRow, type AttentionReason } from './classify.js';
import { monthOf } from './aging.js';
import { AgingTally, type CurrencyBlock } from './tally.js';
import type { ReportInput } from './inputs.js';
import { columnKeyOf } from '../output/column-keys.js';

export interface AgingOptions {
  inputs: ReportInput[];
  /** Files of the folders read that are not sheets, noted in the report. */
  skipped?: Array<{ path: string; reason: string }>;
  /** How to read every sheet (path aside), as reconcile reads it. */
  sheet: Omit<IssuedSheetOptions, 'path'>;
  /** The column to group by (e.g. Cobrador); undefined: one group. */
  by?: string;
  /** Cut-off date `YYYY-MM-DD` in the site's zone. */
  asOf: string;
}

export interface AttentionRow {
  file: string;
  row: number;
  reference: string;
  group: string;
  linkState: string;
  paymentState: string;
  amount?: string;
  currency: string;
  reason: AttentionReason;
}

export interface AgingReport {
  asOf: string;
  timeZone: string;
  by?: string;
  /** The sheets read. */
  files: string[];
  /** Files of a folder that are not paylinks sheets: path and why. */
  skipped: Array<{ path: string; reason: string }>;
  /** Sheets without payment_state: every link counted as pending. */
  notReconciled: string[];
  /** Rows that are no receivables, by link_state ('' for a blank one). */
  excluded: Record<string, number>;
  blocks: CurrencyBlock[];
  attention: AttentionRow[];
  /** Receivable rows counted in the totals. */
  bills: number;
}

export async function buildAgingReport(options: AgingOptions): Promise<AgingReport> {
  const tally = new AgingTally();
  const report: AgingReport = {
    asOf: options.asOf,
    timeZone: options.sheet.timeZone,
    by: options.by,
    files: [],
    skipped: [],
    notReconciled: [],
    excluded: {},
    blocks: [],
    attention: [],
    bills: 0,
  };
  report.skipped.push(...(options.skipped ?? []));
  for (const input of options.inputs) {
    const sheet = await openInput(input, options, report);
    if (sheet === undefined) continue;
    try {
      await addSheet(sheet, input.path, options, report, tally);
    } finally {
      await sheet.close();
    }
  }
  report.blocks = tally.blocks();
  return report;
}

/** Opens one input; a folder's file that is no paylinks sheet is noted and skipped (undefined), a named one refused. */
async function openInput(input: ReportInput, options: AgingOptions, report: AgingReport): Promise<IssuedSheet | undefined> {
  try {
    return await openIssuedSheet({ ...options.sheet, path: input.path });
  } catch (err) {
    if (!(err instanceof MappingError && err.code === 'COLUMN_MISSING')) throw err;
    // A folder may hold other files (the billing sheet itself, a collectors list): noted, not fatal.
    if (!input.named) {
      report.skipped.push({ path: input.path, reason: say(words.notOurSheet) });
      return undefined;
    }
    throw new MappingError('COLUMN_MISSING', input.path, `${input.path}: ${say(words.notOurSheet)}`);
  }
}

/** Every row of one sheet into the tally, the list for a person, or the count of rows that are no receivables. */
async function addSheet(sheet: IssuedSheet, path: string, options: AgingOptions, report: AgingReport, tally: AgingTally): Promise<void> {
  const header = sheet.info.header;
  const byIndex = options.by === undefined ? undefined : findByColumn(header, options.by, path);
  if (!header.some((h) => columnKeyOf(h) === 'payment_state')) report.notReconciled.push(path);
  report.files.push(path);
  for await (const row of sheet.rows) {
    const group = byIndex === undefined ? '' : keyOf(row.cells[byIndex] ?? null);
    const due = dueOf(row);
    const verdict = classifyRow({
      linkState: row.text('link_state'),
      paymentState: row.text('payment_state'),
      amount: row.amount,
      paidAmount: row.get('paid_amount'),
      due,
      asOf: options.asOf,
    });
    if (verdict.kind === 'excluded') report.excluded[verdict.state] = (report.excluded[verdict.state] ?? 0) + 1;
    else if (verdict.kind === 'attention') {
      report.attention.push({
        file: path,
        row: row.rowNumber,
        reference: row.reference,
        group,
        linkState: row.text('link_state'),
        paymentState: row.text('payment_state'),
        amount: row.amount,
        currency: row.currency,
        reason: verdict.reason,
      });
    } else {
      report.bills += 1;
      const { billed, collected, pending, bucket } = verdict;
      tally.add({ group, month: due.ok ? monthOf(due.date) : '', currency: row.currency, billed, collected, pending, bucket });
    }
  }
}

/** The --by column in a sheet's header, compared as headers are (case, accents, spacing); refused when absent. */
function findByColumn(header: readonly string[], name: string, file: string): number {
  const wanted = normalizeHeader(name);
  const index = header.findIndex((h) => normalizeHeader(h) === wanted);
  if (index < 0) {
    throw new MappingError('MAP_COLUMN_NOT_FOUND', file, say(words.byMissing, { name, file, columns: header.map((h) => `"${h}"`).join(', ') }));
  }
  return index;
}

/**
 * The bill's due date: the sheet's due-date column, read as issue read it;
 * else the date of expires_at (issue sets the link to expire at the end of
 * the due date, so its date is the due date).
 */
function dueOf(row: IssuedRow): { ok: true; date: string } | { ok: false } {
  if (row.dueDate.ok) return row.dueDate;
  const expires = row.get('expires_at');
  if (expires !== null) {
    const fromExpiry = parseDueDate(expires instanceof Date ? expires : row.text('expires_at').slice(0, 10), 'ymd');
    if (fromExpiry.ok) return fromExpiry;
  }
  return { ok: false };
}
