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
import { createAtomicStream, flushAndCommit, outputError, type AtomicStream } from '../atomic.js';
import { neutraliseFormula } from '../escape.js';
import { say } from '../../i18n/message.js';
import { labels } from '../../i18n/messages/labels.js';
import { isCellError, type CellValue, type ColumnSpec, type SheetTable, type SheetWriter, type WriteOptions } from '../types.js';

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
const MIN_WIDTH: Record<Kind, number> = { text: 10, money: 14, amount: 14, date: 12, datetime: 20, url: 45, integer: 8, state: 12 };
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
    ...printSetup(),
  });
  const writer = new XlsxSheetWriter(atomic, workbook, sheet, options);
  // With fitWidths the header waits for the sampled rows: the streaming writer fixes widths at its first row.
  if (!(options.fitWidths && options.fitWidths > 0)) writer.start([]);
  return writer;
}

class XlsxSheetWriter implements SheetWriter {
  private done = false;
  private rowCount = 0;
  private hyperlinks = 0;
  private started = false;
  /** Rows held back until the widths are known (fitWidths only). */
  private sample: Styled[][] = [];
  private readonly tables: SheetTable[] = [];

  constructor(
    private readonly atomic: AtomicStream,
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly sheet: ExcelJS.Worksheet,
    private readonly options: WriteOptions,
  ) {}

  /** Fixes the widths (from the sampled rows, if any) and writes the header, then the rows held back. */
  start(sample: Styled[][]): void {
    this.started = true;
    this.sheet.columns = this.options.columns.map((c, i) => ({ width: columnWidth(c, sample.map((r) => r[i])) }));
    const row = this.sheet.addRow(this.options.columns.map((c) => safeText(c.header)));
    row.font = { bold: true };
    row.commit();
    this.rowCount = 1;
    for (const styled of sample) this.addStyled(this.sheet, styled);
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
    if (!this.started) {
      this.sample.push(styled);
      if (this.sample.length >= (this.options.fitWidths ?? 0)) this.flushSample();
      return;
    }
    this.addStyled(this.sheet, styled);
    // exceljs pushes into the zip without back-pressure; giving the event loop a turn
    // lets the compressor and the file catch up, which keeps memory flat on big sheets.
    if (this.rowCount % ROWS_PER_YIELD === 0) await this.catchUp();
  }

  appendSheet(table: SheetTable): void {
    if (this.done) throw new Error(`the XLSX writer for ${this.atomic.path} is already committed or aborted`);
    this.tables.push(table);
  }

  private flushSample(): void {
    const sample = this.sample;
    this.sample = [];
    this.start(sample);
  }

  private addStyled(sheet: ExcelJS.Worksheet, styled: Styled[]): void {
    const row = sheet.addRow(styled.map((s) => s.value));
    styled.forEach((s, i) => {
      if (s.numFmt === undefined && s.font === undefined && s.fill === undefined) return;
      const cell = row.getCell(i + 1);
      if (s.numFmt !== undefined) cell.numFmt = s.numFmt;
      if (s.font !== undefined) cell.font = s.font;
      if (s.fill !== undefined) cell.fill = s.fill;
    });
    row.commit();
    if (sheet === this.sheet) this.rowCount += 1;
  }

  /** A small table on its own worksheet, after the main one (the streaming writer cannot put it first). */
  private writeTable(table: SheetTable): void {
    const sheet = this.workbook.addWorksheet(sheetName(table.name), printSetup());
    sheet.columns = table.columns.map((c, i) => ({ width: columnWidth(c, table.rows.map((r) => xlsxCell(r[i] ?? null, c.kind ?? 'text', this.options))) }));
    const header = sheet.addRow(table.columns.map((c) => safeText(c.header)));
    header.font = { bold: true };
    header.commit();
    for (const cells of table.rows) {
      this.addStyled(sheet, cells.map((value, i) => xlsxCell(value, table.columns[i]?.kind ?? 'text', this.options)));
    }
    sheet.commit();
  }

  async commit(): Promise<void> {
    if (this.done) throw new Error(`the XLSX writer for ${this.atomic.path} is already committed or aborted`);
    if (!this.started) this.flushSample();
    this.done = true;
    const columns = Math.max(1, this.options.columns.length);
    // Set at the end so the filter covers every data row, not just the header.
    this.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: this.rowCount, column: columns } };
    await flushAndCommit(this.atomic, async () => {
      this.throwIfFailed();
      this.sheet.commit();
      for (const table of this.tables) this.writeTable(table);
      await this.workbook.commit();
    });
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
/**
 * How every worksheet prints: landscape, all columns fitted to the page's
 * width (as many pages down as the rows need), the header row repeated on
 * every page, and a footer with the file's name and "page N of M" in the
 * run's language. Without it a sheet of 12 columns printed as eight portrait
 * pages of one or two columns each.
 */
export function printSetup(): Pick<Partial<ExcelJS.AddWorksheetOptions>, 'pageSetup' | 'headerFooter'> {
  return {
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      horizontalCentered: false,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L&8&F&R&8${say(labels.pageFooter)}`, evenFooter: `&L&8&F&R&8${say(labels.pageFooter)}` },
  };
}

export function xlsxCell(value: CellValue, kind: Kind, options: Pick<WriteOptions, 'moneyFormat' | 'stateFill' | 'dateFormat'>): Styled {
  if (value === null || value === undefined) return { value: null };
  switch (kind) {
    case 'money':
      return moneyCell(value, options.moneyFormat ?? DEFAULT_MONEY_FORMAT) ?? plainCell(value);
    case 'amount':
      return typeof value === 'number' && Number.isFinite(value) ? { value, numFmt: options.moneyFormat ?? DEFAULT_MONEY_FORMAT } : plainCell(value);
    case 'date':
      return dateCell(value, options.dateFormat ?? DATE_FORMAT) ?? plainCell(value);
    case 'datetime':
      return dateCell(value, DATETIME_FORMAT) ?? plainCell(value);
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
/**
 * Characters XML 1.0 cannot hold; exceljs drops them silently when it writes.
 * They are removed before neutralising, so "\u0001=HYPERLINK(…)" cannot lose
 * its guard and come out as a formula.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const safeText = (text: string): string => neutraliseFormula(text.replace(XML_INVALID, ''));

function plainCell(value: CellValue): Styled {
  if (value === null) return { value: null };
  if (typeof value === 'string') return { value: safeText(value) };
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value, numFmt: hasTime(value) ? DATETIME_FORMAT : DATE_FORMAT };
  if (isCellError(value)) return { value: safeText(value.error) };
  return { value: safeText(String(value)) };
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
function dateCell(value: CellValue, numFmt: string): Styled | undefined {
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

/** The hint if given; else wide enough for the header and the sampled values, within 60 characters. */
function columnWidth(column: ColumnSpec, sample: ReadonlyArray<Styled | undefined> = []): number {
  if (column.width !== undefined) return column.width;
  const content = sample.reduce((max, s) => Math.max(max, s === undefined ? 0 : shownLength(s) + 2), 0);
  return Math.min(60, Math.max(MIN_WIDTH[column.kind ?? 'text'], column.header.length + 2, content));
}

/** About how many characters Excel shows for a cell: formatted numbers gain separators and a symbol. */
function shownLength(cell: Styled): number {
  const v = cell.value;
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return (cell.numFmt ?? DATE_FORMAT).length;
  if (typeof v === 'number') return Math.ceil(String(v).length * 1.35) + (cell.numFmt ? 4 : 0);
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text.length;
  const text = String(v);
  // A cell with line breaks is as wide as its longest line.
  return text.includes('\n') ? Math.max(...text.split('\n').map((l) => l.length)) : text.length;
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`. */
function sheetName(name: string | undefined): string {
  const cleaned = (name ?? 'Links').replace(/[[\]:*?/\\]/g, '_').slice(0, 31).trim();
  return cleaned === '' ? 'Links' : cleaned;
}
