/**
 * Which row is the header, by evidence rather than position. Statements put
 * a title block above the table (`Total a pagar: | $ 1.350.000 | Fecha
 * límite de pago: | 15/01/2027`): its labels name fields too, but each is
 * followed by its value, and no rows of data sit under it. The header is the
 * row whose cells best name known fields and under which rows parse as data.
 */
import { isCellError, type CellValue, type RawRow, type SheetInfo } from '../../io/types.js';
import { headerText, type HeaderTest } from '../../io/read/header-scan.js';
import { parseAmount } from './amount.js';
import { parseDueDate } from './dates.js';
import { fieldOfHeader, isHeaderRow } from './headers.js';
import { MappingError, quoteValue } from './mapping-error.js';
import type { Field } from '../types.js';
import { say } from '../../i18n/message.js';
import { header as M, type SheetPlace } from '../../i18n/messages/header.js';

/** Rows under a candidate looked at for data. */
export const DATA_ROWS_CHECKED = 5;

/**
 * 0 when the row cannot be the header; else higher the more fields it names
 * and the more rows under it hold an amount or a due date where it says.
 * The score only picks the likeliest header: any other row that is a header
 * too refuses the sheet (`checkAboveHeader`, `checkRowUnderHeader`), so a
 * later header winning on its data rows can no longer drop the block above.
 */
export function scoreHeader(cells: readonly CellValue[], below: readonly RawRow[]): number {
  if (!isHeaderRow(cells as CellValue[]) || isKeyValueLine(cells)) return 0;
  const columns = new Map<Field, number>();
  cells.forEach((cell, i) => {
    const field = typeof cell === 'string' ? fieldOfHeader(cell) : undefined;
    if (field !== undefined && !columns.has(field)) columns.set(field, i);
  });
  let dataRows = 0;
  for (const row of below.slice(0, DATA_ROWS_CHECKED)) {
    if (isHeaderRow(row.cells)) break;
    const amount = columns.get('amount');
    const due = columns.get('dueDate');
    if ((amount !== undefined && looksLikeAmount(row.cells[amount])) || (due !== undefined && looksLikeDate(row.cells[due], row.formats?.[due]?.isDate))) {
      dataRows++;
    }
  }
  return 1 + columns.size * 10 + dataRows * 4;
}

/**
 * A row that is a table's header: it names at least two known fields (one of
 * them the amount or the due date) and is not a key/value title line.
 */
export function isTableHeader(cells: readonly CellValue[]): boolean {
  return isHeaderRow(cells as CellValue[]) && !isKeyValueLine(cells);
}

/*
 * One table per sheet. The score above picks the likeliest header, but when
 * a sheet holds two tables no score can say which one the clerk means: a
 * first block of bills above the same header again (the later header won on
 * its data rows, and the first block was silently dropped), or a per-client
 * summary above the detail (the summary's totals would be billed, and the
 * detail read through the summary's columns). So, rather than choose:
 *  - any other row that is itself a header (`isTableHeader`), above the
 *    chosen header or anywhere under it, refuses the sheet (HEADER_TWICE).
 *    This includes a header an ERP repeats every N rows inside one table:
 *    skipping it would be safe only if it were the very same header, and a
 *    second block under the same header is exactly what cannot be told
 *    apart from a repeat; the message says how to fix the sheet.
 *  - a row above the header that reads as a bill in table form (an amount
 *    and a due date standing on their own, not a `Label: value` pair of a
 *    title block) refuses the sheet (DATA_ABOVE_HEADER): it would never be
 *    billed, and nothing would say so.
 * Titles, notes and key/value title blocks above the header stay accepted
 * (the statement of issue #10: `Total a pagar: | $ 1.350.000 | Fecha límite
 * de pago: | 15/01/2027`, then `Cuota;Factura;Vencimiento;Valor`).
 */

/** Refuses the sheet when a row read above its header is another header or reads as a bill. */
export function checkAboveHeader(info: SheetInfo, above: readonly RawRow[]): void {
  const headers = above.filter((row) => isTableHeader(row.cells));
  if (headers.length > 0) throw headerTwice(info, [...headers, { rowNumber: info.headerRowNumber, cells: info.header }]);
  const bill = above.find((row) => looksLikeBillRow(row));
  if (bill !== undefined) {
    throw new MappingError(
      'DATA_ABOVE_HEADER',
      info.path,
      say(M.dataAboveHeader, {
        place: place(info),
        bill: { row: bill.rowNumber, cells: describeCells(bill.cells) },
        header: { row: info.headerRowNumber, cells: describeCells(info.header) },
      }),
    );
  }
}

/**
 * Refuses the sheet when a row under its header is a header again. Called
 * only for rows that did not read as a valid bill (a header's amount cell
 * never parses), so the check costs nothing on the rows that bill.
 */
export function checkRowUnderHeader(info: SheetInfo, row: RawRow): void {
  if (isTableHeader(row.cells)) throw headerTwice(info, [{ rowNumber: info.headerRowNumber, cells: info.header }, row]);
}

function headerTwice(info: SheetInfo, rows: readonly RawRow[]): MappingError {
  const shown = rows.map((row) => ({ row: row.rowNumber, cells: describeCells(row.cells) }));
  return new MappingError('HEADER_TWICE', info.path, say(M.headerTwice, { place: place(info), rows: shown }));
}

/** The sheet as a message names it; the advice to split the tables depends on whether it is a workbook. */
function place(info: SheetInfo): SheetPlace {
  const p: SheetPlace = { path: info.path, xlsx: info.format === 'xlsx' };
  if (info.sheetName !== undefined) p.sheetName = info.sheetName;
  return p;
}

const MAX_CELLS_SHOWN = 8;

/** The row's non-blank cells, quoted, as the message shows them. */
function describeCells(cells: readonly CellValue[]): string {
  const text = headerText(cells).filter((t) => t !== '');
  const shown = text.slice(0, MAX_CELLS_SHOWN).map(quoteValue).join(', ');
  return text.length > MAX_CELLS_SHOWN ? `${shown}, …` : shown;
}

/**
 * A row that reads as a bill in table form: an amount and a due date in two
 * cells, each standing on its own. A value right after a label (a field name,
 * or any text ending in a colon: `Saldo anterior: | 1.000.000`) belongs to a
 * key/value title line, not to a table.
 */
export function looksLikeBillRow(row: RawRow): boolean {
  if (isKeyValueLine(row.cells)) return false;
  let amount = false;
  let date = false;
  let previous: CellValue | undefined;
  row.cells.forEach((cell, i) => {
    if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return;
    const afterLabel = typeof previous === 'string' && (previous.trim().endsWith(':') || fieldOfHeader(previous) !== undefined);
    previous = cell;
    if (afterLabel) return;
    const isDate = row.formats?.[i]?.isDate === true;
    // A number cell is a date only when its format says so; text is tried as a date first ("15/12/2026" is no amount).
    if (typeof cell === 'number' ? isDate : looksLikeDate(cell, isDate)) date = true;
    else if (looksLikeAmount(cell)) amount = true;
  });
  return amount && date;
}

/** The test the readers run: `isHeaderRow`, with the evidence score attached for choosing among candidates. */
export const headerTest: HeaderTest = Object.assign((cells: CellValue[]) => isHeaderRow(cells), { score: scoreHeader });

/**
 * A label followed by its value ("Total a pagar:" then "$ 1.350.000"), or
 * labels ending in a colon: a key/value line of a title block, never a header.
 */
export function isKeyValueLine(cells: readonly CellValue[]): boolean {
  const filled = cells.filter((c) => c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === ''));
  let labels = 0;
  let colons = 0;
  for (let i = 0; i < filled.length; i++) {
    const cell = filled[i];
    if (typeof cell !== 'string' || fieldOfHeader(cell) === undefined) continue;
    labels++;
    if (cell.trim().endsWith(':')) colons++;
    const next = filled[i + 1];
    if (next !== undefined && isValue(next)) return true;
  }
  return labels > 0 && colons * 2 >= labels;
}

/** A cell that holds a value rather than a label: a number, a date, or text that reads as an amount or a date. */
function isValue(cell: CellValue): boolean {
  if (typeof cell === 'number' || cell instanceof Date) return true;
  if (typeof cell !== 'string' || fieldOfHeader(cell) !== undefined) return false;
  return looksLikeAmount(cell) || looksLikeDate(cell, false);
}

function looksLikeAmount(cell: CellValue | undefined): boolean {
  if (cell === undefined || cell === null || isCellError(cell)) return false;
  if (typeof cell === 'number') return true;
  return parseAmount(cell, ',').ok || parseAmount(cell, '.').ok;
}

function looksLikeDate(cell: CellValue | undefined, isDate: boolean | undefined): boolean {
  if (cell === undefined || cell === null || isCellError(cell)) return false;
  if (cell instanceof Date) return true;
  const info = { isDate: isDate === true };
  return parseDueDate(cell, 'dmy', info).ok || parseDueDate(cell, 'mdy', info).ok;
}
