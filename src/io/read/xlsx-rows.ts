/**
 * One worksheet's XML, streamed, turned into RawRows with typed cells.
 *
 * exceljs opens the zip and reads the shared strings, styles and sheet list
 * (xlsx.ts); the cells are read here from exceljs's SAX events rather than
 * through its Row objects because those lose the text of a cached formula
 * error (`#REF!` comes back as an empty formula), keep only the last run of
 * an inline rich string, and cost a Row, Cells and style objects per row.
 */
import { createRequire } from 'node:module';
import type { CellValue, RawRow } from '../types.js';
import { isBlankRow } from './header-scan.js';

interface SaxTag {
  name: string;
  attributes: Record<string, string | undefined>;
}
type SaxEvent = { eventType: 'opentag'; value: SaxTag } | { eventType: 'closetag'; value: SaxTag } | { eventType: 'text'; value: string };

// exceljs's own SAX wrapper (saxes): the same parser exceljs uses for sheets.
const require = createRequire(import.meta.url);
const parseSax = require('exceljs/lib/utils/parse-sax') as (chunks: AsyncIterable<string>) => AsyncGenerator<SaxEvent[]>;

/** A shared string as exceljs caches it: text, or rich-text runs. */
export type SharedString = string | null | undefined | { richText?: { text?: string | null }[] };

export interface WorkbookContext {
  sharedStrings: readonly SharedString[] | undefined;
  /** Whether the cell style with this index has a date/time number format. */
  isDateStyle(styleIndex: number): boolean;
  /** The workbook counts days from 1904 (old Mac Excel). */
  date1904: boolean;
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
 * bytes; it is decoded here with a streaming decoder because exceljs decodes
 * each chunk on its own and would break an accent cut by a chunk boundary.
 */
export async function* sheetRows(chunks: AsyncIterable<Buffer | string>, context: WorkbookContext): AsyncGenerator<RawRow> {
  const ready: RawRow[] = [];
  const cell: CellState = { column: 0, type: 'n', style: 0, text: '', hasValue: false, inline: false };
  let cells: CellValue[] | undefined;
  let rowNumber = 0;
  let capturing = false;
  let phonetic = false;
  for await (const events of parseSax(decodeUtf8(chunks))) {
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
            // Cells without an `r` attribute count from the row's first column, not the last row's end.
            cell.column = 0;
            break;
          case 'c':
            cell.column = attributes.r ? columnIndex(attributes.r) : cell.column + 1;
            // Excel stops at XFD (16,384 columns); a reference beyond it is a damaged or hostile file,
            // and padding a row out to it would exhaust memory.
            if (cell.column > MAX_XLSX_COLUMNS) {
              throw new Error(`cell ${attributes.r ?? `#${cell.column}`} on row ${rowNumber} is beyond column XFD, the last one Excel has`);
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
            if (cells !== undefined && cell.hasValue && cell.column > 0) placeCell(cells, cell.column, cellValue(cell, context));
            break;
          case 'row':
            if (cells !== undefined && !isBlankRow(cells)) ready.push({ rowNumber, cells });
            cells = undefined;
            break;
        }
      }
    }
    for (const row of ready) yield row;
    ready.length = 0;
  }
}

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail !== '') yield tail;
}

/** Some writers prefix the SpreadsheetML namespace (`x:row`). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
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
      return sharedText(context.sharedStrings?.[Number(text)]);
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
      const asDate = number >= 0 && number <= MAX_EXCEL_SERIAL && context.isDateStyle(cell.style);
      return asDate ? excelDate(number, context.date1904) : number;
    }
  }
}

function sharedText(shared: SharedString): string | null {
  if (shared === null || shared === undefined) return shared === null ? '' : null;
  if (typeof shared === 'string') return shared;
  return (shared.richText ?? []).map((run) => run.text ?? '').join('');
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

/**
 * A number format shows a date or time when, outside quoted text and
 * [brackets] (colours, locales, elapsed-time markers aside), it uses
 * y, m, d, h or s — the rule exceljs applies.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhsMb]/.test(bare.replace(/\\./g, ''));
}
