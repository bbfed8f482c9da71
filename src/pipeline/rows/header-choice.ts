/**
 * Which row is the header, by evidence rather than position. Statements put
 * a title block above the table (`Total a pagar: | $ 1.350.000 | Fecha
 * límite de pago: | 15/01/2027`): its labels name fields too, but each is
 * followed by its value, and no rows of data sit under it. The header is the
 * row whose cells best name known fields and under which rows parse as data.
 */
import { isCellError, type CellValue, type RawRow } from '../../io/types.js';
import type { HeaderTest } from '../../io/read/header-scan.js';
import { parseAmount } from './amount.js';
import { parseDueDate } from './dates.js';
import { fieldOfHeader, isHeaderRow } from './headers.js';
import type { Field } from '../types.js';

/** Rows under a candidate looked at for data. */
export const DATA_ROWS_CHECKED = 5;

/**
 * 0 when the row cannot be the header; else higher the more fields it names
 * and the more rows under it hold an amount or a due date where it says.
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
