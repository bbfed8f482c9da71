/**
 * One worksheet's XML, streamed, turned into RawRows with typed cells and
 * the row's metadata: hidden (by hand or by an autofilter), an Excel table's
 * totals row, and each numeric cell's number format (currency, decimals
 * shown, displayed text).
 *
 * Only cells whose style has a date format become Dates: a plain number in a
 * General cell stays a number, never a date serial.
 */
import type { CellFormat, CellValue, RawRow } from '../types.js';
import { isBlankRow } from './header-scan.js';
import { displayNumber } from './number-format.js';
import { localName, xmlEvents, xmlTrue } from './sax.js';
import type { CellStyles } from './xlsx-styles.js';
import { say } from '../../i18n/message.js';
import { files } from '../../i18n/messages/files.js';

export interface WorkbookContext {
  sharedStrings: readonly string[];
  styles: CellStyles;
  /** The workbook counts days from 1904 (old Mac Excel). */
  date1904: boolean;
  /** Rows (1-based, inclusive ranges) that are Excel tables' totals rows. */
  tableTotals: readonly { firstRow: number; lastRow: number }[];
}

/** Per-cell parse state, reused across cells to avoid allocating per cell. */
interface CellState {
  column: number;
  type: string;
  style: number;
  text: string;
  hasValue: boolean;
  inline: boolean;
}

/**
 * Streams the non-blank rows of a worksheet. `chunks` is the sheet XML as
 * bytes; it is decoded with a streaming decoder (sax.ts) so an accent cut by
 * a chunk boundary stays whole.
 */
export async function* sheetRows(chunks: AsyncIterable<Buffer | string>, context: WorkbookContext): AsyncGenerator<RawRow> {
  const ready: RawRow[] = [];
  const cell: CellState = { column: 0, type: 'n', style: 0, text: '', hasValue: false, inline: false };
  let cells: CellValue[] | undefined;
  let formats: (CellFormat | undefined)[] | undefined;
  let hidden = false;
  let rowNumber = 0;
  let capturing = false;
  let phonetic = false;
  for await (const events of xmlEvents(chunks)) {
    for (const event of events) {
      if (event.eventType === 'text') {
        if (capturing) cell.text += event.value;
        continue;
      }
      const tag = localName(event.value.name);
      if (event.eventType === 'opentag') {
        const attributes = event.value.attributes;
        switch (tag) {
          case 'row':
            rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
            cells = [];
            formats = undefined;
            hidden = xmlTrue(attributes.hidden);
            // Cells without an `r` attribute count from the row's first column, not the last row's end.
            cell.column = 0;
            break;
          case 'c':
            cell.column = attributes.r ? columnIndex(attributes.r) : cell.column + 1;
            // Excel stops at XFD (16,384 columns); a reference beyond it is a damaged or hostile file,
            // and padding a row out to it would exhaust memory.
            if (cell.column > MAX_XLSX_COLUMNS) {
              throw new Error(say(files.beyondLastColumn, { cell: attributes.r ?? `#${cell.column}`, row: rowNumber }));
            }
            cell.type = attributes.t ?? 'n';
            cell.style = attributes.s ? Number(attributes.s) : 0;
            cell.text = '';
            cell.hasValue = false;
            cell.inline = false;
            break;
          case 'v':
            capturing = true;
            cell.hasValue = true;
            break;
          case 'is':
            cell.inline = true;
            cell.hasValue = true;
            break;
          case 't':
            // Inline rich text has one <t> per run: all are kept, phonetic guides are not.
            if (cell.inline && !phonetic) capturing = true;
            break;
          case 'rPh':
            phonetic = true;
            break;
        }
      } else {
        switch (tag) {
          case 'v':
          case 't':
            capturing = false;
            break;
          case 'rPh':
            phonetic = false;
            break;
          case 'c':
            if (cells !== undefined && cell.hasValue && cell.column > 0) {
              const value = cellValue(cell, context);
              placeCell(cells, cell.column, value);
              const format = cellFormat(cell, value, context);
              if (format !== undefined) {
                formats ??= [];
                formats[cell.column - 1] = format;
              }
            }
            break;
          case 'row':
            if (cells !== undefined && !isBlankRow(cells)) ready.push(rawRow(rowNumber, cells, formats, hidden, context));
            cells = undefined;
            break;
        }
      }
    }
    for (const row of ready) yield row;
    ready.length = 0;
  }
}

/** XFD: the last column of an Excel sheet. */
const MAX_XLSX_COLUMNS = 16_384;

/** 1-based column of a cell reference such as `AB12`. */
export function columnIndex(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return column;
}

function rawRow(rowNumber: number, cells: CellValue[], formats: (CellFormat | undefined)[] | undefined, hidden: boolean, context: WorkbookContext): RawRow {
  const row: RawRow = { rowNumber, cells };
  if (hidden) row.hidden = true;
  if (context.tableTotals.some((t) => rowNumber >= t.firstRow && rowNumber <= t.lastRow)) row.tableTotal = true;
  if (formats !== undefined) {
    // Parallel to cells: the same length (a sparse array would hide holes from `every`/`map`).
    formats.length = cells.length;
    row.formats = Array.from(formats);
  }
  return row;
}

/** The format of a number or date cell; text, booleans and errors have none worth saying. */
function cellFormat(cell: CellState, value: CellValue, context: WorkbookContext): CellFormat | undefined {
  if (typeof value !== 'number' && !(value instanceof Date)) return undefined;
  const format = context.styles.format(cell.style);
  if (format === undefined || typeof value !== 'number' || format.numFmt === undefined || format.isDate) return format;
  const displayed = displayNumber(value, format.numFmt);
  return displayed === undefined ? format : { ...format, displayed };
}

/** Cells missing from the XML (never typed into) are null. */
function placeCell(cells: CellValue[], column: number, value: CellValue): void {
  while (cells.length < column - 1) cells.push(null);
  if (cells.length === column - 1) cells.push(value);
  else cells[column - 1] = value;
}

function cellValue(cell: CellState, context: WorkbookContext): CellValue {
  const text = cell.text;
  switch (cell.type) {
    case 's':
      return context.sharedStrings[Number(text)] ?? null;
    case 'str':
    case 'inlineStr':
      return text;
    case 'b':
      return text.trim() === '1' || text.trim().toLowerCase() === 'true';
    case 'e':
      return { error: text.trim() };
    case 'd':
      return isoDate(text);
    default: {
      if (text.trim() === '') return null;
      const number = Number(text);
      if (Number.isNaN(number)) return text;
      const asDate = number >= 0 && number <= MAX_EXCEL_SERIAL && context.styles.format(cell.style)?.isDate === true;
      return asDate ? excelDate(number, context.date1904) : number;
    }
  }
}

/**
 * Excel stores a date as days since 1899-12-30 with no time zone. The Date
 * returned carries that wall-clock date and time in its UTC fields
 * (getUTCFullYear… / toISOString), the same convention exceljs uses: read it
 * with the UTC getters, never the local ones.
 */
export function excelDate(serial: number, date1904: boolean): Date {
  const days = serial - 25569 + (date1904 ? 1462 : 0);
  return new Date(Math.round(days * 86_400_000));
}

/** Excel's dates run from serial 0 to 2,958,465 (9999-12-31); a date-formatted cell outside holds a plain number. */
const MAX_EXCEL_SERIAL = 2_958_465;

/** Strict-OOXML `t="d"` cells hold ISO text; without a zone it is wall-clock time (UTC fields, as above). */
function isoDate(text: string): Date | string {
  const trimmed = text.trim();
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(trimmed) ? trimmed : `${trimmed}${trimmed.includes('T') ? '' : 'T00:00:00'}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? trimmed : date;
}

