/**
 * The XLSX sheet writer: exceljs' streaming WorkbookWriter into an atomic
 * temporary file. Each row is committed as it is written, so only the rows
 * not yet compressed are in memory.
 *
 * The sheet is made for a collector working in Excel: a bold, frozen header
 * with a filter, sensible widths, clickable links, money as numbers in a
 * currency format, and dates as real dates. Text cells are written as text
 * (exceljs never turns a string into a formula) and still neutralised, so a
 * collector who re-saves the sheet as CSV does not create a live formula.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { createAtomicStream, outputError, type AtomicStream } from '../atomic.js';
import { neutraliseFormula } from '../escape.js';
import { isCellError, type CellValue, type ColumnSpec, type SheetWriter, type WriteOptions } from '../types.js';

type Kind = NonNullable<ColumnSpec['kind']>;
type XlsxValue = ExcelJS.CellValue;
interface Styled {
  value: XlsxValue;
  numFmt?: string;
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill;
}

const DEFAULT_MONEY_FORMAT = '#,##0.00';
const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const INTEGER_FORMAT = '0';
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
/** Minimum widths (characters) by kind, so a short header over long values is still readable. */
const MIN_WIDTH: Record<Kind, number> = { text: 10, money: 14, date: 12, datetime: 20, url: 45, integer: 8, state: 12 };
/**
 * Excel keeps at most 65,530 hyperlinks per worksheet; past that it drops them
 * (and exceljs holds every one in memory until the end). Later URLs stay as text.
 */
const MAX_HYPERLINKS = 65_530;
/** How many rows may be handed to the compressor before we let it catch up. */
const ROWS_PER_YIELD = 200;

export async function createXlsxWriter(path: string, options: WriteOptions): Promise<SheetWriter> {
  const atomic = await createAtomicStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: atomic.stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(options.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = options.columns.map((c) => ({ width: columnWidth(c) }));
  const writer = new XlsxSheetWriter(atomic, workbook, sheet, options);
  writer.writeHeader();
  return writer;
}

class XlsxSheetWriter implements SheetWriter {
  private done = false;
  private rowCount = 0;
  private hyperlinks = 0;

  constructor(
    private readonly atomic: AtomicStream,
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly sheet: ExcelJS.Worksheet,
    private readonly options: WriteOptions,
  ) {}

  writeHeader(): void {
    const row = this.sheet.addRow(this.options.columns.map((c) => neutraliseFormula(c.header)));
    row.font = { bold: true };
    row.commit();
    this.rowCount = 1;
  }

  async writeRow(cells: CellValue[]): Promise<void> {
    if (this.done) throw new Error(`the XLSX writer for ${this.atomic.path} is already committed or aborted`);
    this.throwIfFailed();
    const styled = cells.map((value, i) => {
      const kind = this.options.columns[i]?.kind ?? 'text';
      const cell = xlsxCell(value, kind === 'url' && this.hyperlinks >= MAX_HYPERLINKS ? 'text' : kind, this.options);
      if (isHyperlink(cell.value)) this.hyperlinks += 1;
      return cell;
    });
    const row = this.sheet.addRow(styled.map((s) => s.value));
    styled.forEach((s, i) => {
      if (s.numFmt === undefined && s.font === undefined && s.fill === undefined) return;
      const cell = row.getCell(i + 1);
      if (s.numFmt !== undefined) cell.numFmt = s.numFmt;
      if (s.font !== undefined) cell.font = s.font;
      if (s.fill !== undefined) cell.fill = s.fill;
    });
    row.commit();
    this.rowCount += 1;
    // exceljs pushes into the zip without back-pressure; giving the event loop a turn
    // lets the compressor and the file catch up, which keeps memory flat on big sheets.
    if (this.rowCount % ROWS_PER_YIELD === 0) await this.catchUp();
  }

  async commit(): Promise<void> {
    if (this.done) throw new Error(`the XLSX writer for ${this.atomic.path} is already committed or aborted`);
    this.done = true;
    const columns = Math.max(1, this.options.columns.length);
    // Set at the end so the filter covers every data row, not just the header.
    this.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: this.rowCount, column: columns } };
    try {
      this.throwIfFailed();
      this.sheet.commit();
      await this.workbook.commit();
    } catch (err) {
      await this.atomic.abort();
      throw outputError(this.atomic.path, err);
    }
    await this.atomic.commit();
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    const zip = (this.workbook as unknown as { zip?: { unpipe(): void; abort(): void } }).zip;
    zip?.unpipe();
    zip?.abort();
    await this.atomic.abort();
  }

  private async catchUp(): Promise<void> {
    await nextTurn();
    while (this.atomic.stream.writableNeedDrain && !this.atomic.stream.errored) await nextTurn();
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    const err = this.atomic.stream.errored;
    if (err) throw outputError(this.atomic.path, err);
  }
}

/** How one value is written in a column of the given kind. */
export function xlsxCell(value: CellValue, kind: Kind, options: Pick<WriteOptions, 'moneyFormat' | 'stateFill'>): Styled {
  if (value === null || value === undefined) return { value: null };
  switch (kind) {
    case 'money':
      return moneyCell(value, options.moneyFormat ?? DEFAULT_MONEY_FORMAT) ?? plainCell(value);
    case 'date':
      return dateCell(value, false) ?? plainCell(value);
    case 'datetime':
      return dateCell(value, true) ?? plainCell(value);
    case 'integer':
      return integerCell(value) ?? plainCell(value);
    case 'url':
      return urlCell(value) ?? plainCell(value);
    case 'state':
      return stateCell(value, options.stateFill);
    case 'text':
      return plainCell(value);
  }
}

/** A value as it is, typed the way the input had it; strings neutralised. */
function plainCell(value: CellValue): Styled {
  if (value === null) return { value: null };
  if (typeof value === 'string') return { value: neutraliseFormula(value) };
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value, numFmt: hasTime(value) ? DATETIME_FORMAT : DATE_FORMAT };
  if (isCellError(value)) return { value: neutraliseFormula(value.error) };
  return { value: neutraliseFormula(String(value)) };
}

/**
 * Money arrives as a canonical decimal string. Excel stores doubles, which hold
 * up to 15 significant digits exactly; beyond that, or when the text is not a
 * canonical decimal, we keep the text rather than show a rounded amount.
 */
function moneyCell(value: CellValue, numFmt: string): Styled | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return { value, numFmt };
  if (typeof value !== 'string' || !/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/.test(value)) return undefined;
  const significant = value.replace(/[-.]/g, '').replace(/^0+/, '');
  if (significant.length > 15) return undefined;
  return { value: Number(value), numFmt };
}

/** Dates are written from their UTC fields, which the readers use for wall-clock dates. */
function dateCell(value: CellValue, withTime: boolean): Styled | undefined {
  const numFmt = withTime ? DATETIME_FORMAT : DATE_FORMAT;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { value, numFmt };
  if (typeof value !== 'string') return undefined;
  const date = parseWallClock(value);
  return date === undefined ? undefined : { value: date, numFmt };
}

/** `YYYY-MM-DD` or `YYYY-MM-DD HH:mm:ss` (or with `T`), as a UTC Date; undefined if it is not a real date. */
export function parseWallClock(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const roundTrips =
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getUTCHours() === h;
  return roundTrips && mi < 60 && s < 60 ? date : undefined;
}

function integerCell(value: CellValue): Styled | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return { value, numFmt: INTEGER_FORMAT };
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return { value: Number(value), numFmt: INTEGER_FORMAT };
  return undefined;
}

/** Excel refuses hyperlinks longer than 2,079 characters; those stay as text. */
function urlCell(value: CellValue): Styled | undefined {
  if (typeof value !== 'string' || value.length > 2079 || !/^https?:\/\/[^\s"<>]+$/i.test(value)) return undefined;
  return { value: { text: value, hyperlink: value }, font: LINK_FONT };
}

/** Hook for colouring states: `options.stateFill` maps a state to an ARGB fill colour. */
function stateCell(value: CellValue, stateFill: Record<string, string> | undefined): Styled {
  const plain = plainCell(value);
  const argb = typeof value === 'string' ? stateFill?.[value] : undefined;
  if (argb === undefined) return plain;
  return { ...plain, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } };
}

function isHyperlink(value: XlsxValue): boolean {
  return typeof value === 'object' && value !== null && 'hyperlink' in value;
}

function hasTime(d: Date): boolean {
  return d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() + d.getUTCMilliseconds() > 0;
}

function columnWidth(column: ColumnSpec): number {
  if (column.width !== undefined) return column.width;
  return Math.min(60, Math.max(MIN_WIDTH[column.kind ?? 'text'], column.header.length + 2));
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`. */
function sheetName(name: string | undefined): string {
  const cleaned = (name ?? 'Links').replace(/[[\]:*?/\\]/g, '_').slice(0, 31).trim();
  return cleaned === '' ? 'Links' : cleaned;
}
