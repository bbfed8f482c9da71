/**
 * Streaming XLSX reader: picks the sheet (by name, by position, or the first
 * whose header the pipeline recognises) and streams its rows, so a
 * 200,000-row sheet is never in memory. exceljs's WorkbookReader does the zip,
 * the shared strings, styles and the sheet list; xlsx-rows.ts reads the cells.
 *
 * Dates: cells with a date format come back as a Date whose UTC fields are
 * the wall-clock date/time typed in Excel (see excelDate).
 */
import ExcelJS from 'exceljs';
import { FileError } from '../errors.js';
import type { CellValue, RawRow, ReadOptions, SheetSource } from '../types.js';
import { headerText, rowsAfter, scanHeader, type HeaderScan } from './header-scan.js';
import { fileSystemError } from './sniff.js';
import { isDateFormat, sheetRows, type SharedString, type WorkbookContext } from './xlsx-rows.js';

/** What exceljs's streaming reader keeps on the instance (not in its typings). */
interface ReaderInternals {
  sharedStrings?: SharedString[];
  styles?: { getStyleModel(id: number): { numFmt?: unknown } | null };
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: { name: string; state?: string }[] };
  stream?: { destroy(): void };
  on(event: 'entry', listener: (entry: { type?: string }) => void): unknown;
  _parseSharedStrings(entry: { setEncoding?(encoding: string): void }): AsyncGenerator<unknown>;
}
interface WorksheetInternals {
  name: string;
  state?: string;
  /** The sheet XML: an async generator over a zip entry, or a temp file stream. */
  iterator: AsyncIterable<Buffer> & Partial<TempFileStream>;
}

/** exceljs copies a sheet that comes before the shared strings to a temp file, and streams it from there. */
interface TempFileStream {
  destroy(): void;
  on(event: 'error' | 'close', listener: () => void): unknown;
  closed: boolean;
}

/** One sheet as the pass reaches it. */
interface SheetStream {
  readonly id: symbol;
  name: string;
  hidden: boolean;
  rows: AsyncGenerator<RawRow>;
  /** Stops reading this sheet so the pass can move on to the next. */
  discard(): Promise<void>;
}

export async function openXlsx(path: string, options: ReadOptions): Promise<SheetSource> {
  let pass = new WorkbookPass(path);
  try {
    let chosen = options.sheet !== undefined ? await requestedSheet(pass, options.sheet, options.isHeader) : await defaultSheet(pass, options.isHeader);
    if ('retry' in chosen) {
      // No sheet had a header isHeader accepts: the first sheet with data wins, on a second pass.
      await pass.close();
      pass = new WorkbookPass(path);
      chosen = await sheetAt(pass, chosen.retry);
    }
    const { sheet, scan } = chosen;
    const current = pass;
    current.select(sheet);
    const close = () => current.close();
    const info = {
      path,
      format: 'xlsx' as const,
      sheetName: sheet.name,
      header: headerText(scan.header.cells),
      headerRowNumber: scan.header.rowNumber,
    };
    return { info, rows: rowsAfter(scan.after, sheet.rows, close), close };
  } catch (err) {
    await pass.close();
    throw err;
  }
}

interface Chosen {
  sheet: SheetStream;
  scan: HeaderScan;
}

async function requestedSheet(pass: WorkbookPass, wanted: string | number, isHeader?: (cells: CellValue[]) => boolean): Promise<Chosen> {
  let position = 0;
  for (let sheet = await pass.nextSheet(); sheet !== undefined; sheet = await pass.nextSheet()) {
    position++;
    const target = pass.requestedName(wanted);
    if (target === null) break;
    const hit = target !== undefined ? sheet.name === target : sheetMatches(sheet.name, position, wanted);
    if (!hit) {
      await sheet.discard();
      continue;
    }
    const scan = await scanHeader(sheet.rows, isHeader);
    if (scan === undefined) {
      throw new FileError('FILE_EMPTY', pass.path, `sheet "${sheet.name}" of ${pass.path} has no rows with data; choose another sheet with --sheet (sheets: ${pass.sheetNames().join(', ')})`);
    }
    return { sheet, scan };
  }
  throw pass.noSheets() ?? sheetNotFound(pass, wanted);
}

async function defaultSheet(pass: WorkbookPass, isHeader?: (cells: CellValue[]) => boolean): Promise<Chosen | { retry: number }> {
  let firstWithData: number | undefined;
  let index = -1;
  for (let sheet = await pass.nextSheet(); sheet !== undefined; sheet = await pass.nextSheet()) {
    index++;
    // A hidden sheet (lookup lists, old data) is not what a person means by "the sheet".
    const scan = sheet.hidden ? undefined : await scanHeader(sheet.rows, isHeader);
    if (scan !== undefined && (scan.matched || isHeader === undefined)) return { sheet, scan };
    if (scan !== undefined && firstWithData === undefined) firstWithData = index;
    await sheet.discard();
  }
  const none = pass.noSheets();
  if (none !== undefined) throw none;
  if (firstWithData === undefined) {
    throw new FileError('FILE_EMPTY', pass.path, `${pass.path} has no rows with data in any visible sheet (sheets: ${pass.sheetNames().join(', ')}); choose a sheet with --sheet`);
  }
  return { retry: firstWithData };
}

/** The sheet the pass reaches `index`-th (0-based), header = its first non-blank row. */
async function sheetAt(pass: WorkbookPass, index: number): Promise<Chosen> {
  for (let i = 0, sheet = await pass.nextSheet(); sheet !== undefined; i++, sheet = await pass.nextSheet()) {
    if (i < index) {
      await sheet.discard();
      continue;
    }
    const scan = await scanHeader(sheet.rows);
    if (scan !== undefined) return { sheet, scan };
    break;
  }
  throw new FileError('XLSX_MALFORMED', pass.path, `${pass.path} changed while it was being read; try again`);
}

function sheetMatches(name: string, position: number, wanted: string | number): boolean {
  if (typeof wanted === 'number') return position === wanted;
  return name.trim().toLowerCase() === wanted.trim().toLowerCase() || (/^\d+$/.test(wanted.trim()) && Number(wanted) === position);
}

function sheetNotFound(pass: WorkbookPass, wanted: string | number): FileError {
  const names = pass.sheetNames();
  const what = typeof wanted === 'number' ? `has no sheet number ${wanted} (it has ${names.length})` : `has no sheet named "${wanted}"`;
  return new FileError('XLSX_SHEET_NOT_FOUND', pass.path, `${pass.path} ${what}; its sheets are: ${names.map((n) => `"${n}"`).join(', ')}. Pass --sheet with one of these names or a position from 1`);
}

/** One streaming read through the workbook's zip, sheet after sheet. */
class WorkbookPass {
  readonly path: string;
  readonly #reader: ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;
  readonly #sheets: AsyncIterator<unknown>;
  readonly #seen: string[] = [];
  #sawWorkbook = false;
  #current?: WorksheetInternals;
  #selected?: symbol;
  #closed = false;
  #dateStyles = new Map<number, boolean>();

  constructor(path: string) {
    this.path = path;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'emit',
    }) as ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;
    reader.on('entry', (entry) => {
      if (entry.type === 'workbook') this.#sawWorkbook = true;
    });
    // exceljs decodes each zip chunk on its own, so an accent cut by a chunk
    // boundary turns into "��" ("Pe��a"). A string-mode entry decodes across chunks.
    const parseSharedStrings = reader._parseSharedStrings;
    reader._parseSharedStrings = function (entry) {
      entry.setEncoding?.('utf8');
      return parseSharedStrings.call(this, entry);
    };
    this.#reader = reader;
    this.#sheets = reader[Symbol.asyncIterator]();
  }

  async nextSheet(): Promise<SheetStream | undefined> {
    let next;
    try {
      next = await this.#sheets.next();
    } catch (err) {
      throw this.#malformed(err);
    }
    if (next.done) return undefined;
    const worksheet = next.value as WorksheetInternals;
    this.#current = worksheet;
    this.#seen.push(worksheet.name);
    const source = worksheet.iterator;
    const chunks = source[Symbol.asyncIterator]();
    // No return(): stopping the row parser must not end the source, which discard() drains.
    const unclosable: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => ({ next: () => chunks.next() }) };
    const id = Symbol(worksheet.name);
    return {
      id,
      name: worksheet.name,
      hidden: worksheet.state === 'hidden' || worksheet.state === 'veryHidden',
      rows: this.#rows(id, worksheet.name, unclosable),
      discard: async () => {
        if (isTempFileStream(source)) await closeTempFile(source);
        else while (!(await chunks.next()).done);
      },
    };
  }

  /** The sheet whose rows the caller reads: when they end, the whole pass is released. */
  select(sheet: SheetStream): void {
    this.#selected = sheet.id;
  }

  /** Sheet names in tab order when the workbook's sheet list is known, else as seen. */
  sheetNames(): string[] {
    return this.#reader.model?.sheets?.map((sheet) => sheet.name) ?? this.#seen;
  }

  /**
   * The exact name of the sheet `--sheet` means: by name (any case), else by
   * position in tab order. Null when the workbook has no such sheet,
   * undefined when the sheet list is not known (yet).
   */
  requestedName(wanted: string | number): string | null | undefined {
    const names = this.#reader.model?.sheets?.map((sheet) => sheet.name);
    if (names === undefined) return undefined;
    if (typeof wanted === 'string') {
      const byName = names.find((name) => name.trim().toLowerCase() === wanted.trim().toLowerCase());
      if (byName !== undefined) return byName;
      if (!/^\d+$/.test(wanted.trim())) return null;
    }
    return names[Number(wanted) - 1] ?? null;
  }

  /** The error for a pass that found no worksheet, if it found none. */
  noSheets(): FileError | undefined {
    if (this.#seen.length > 0) return undefined;
    if (!this.#sawWorkbook) {
      return new FileError('XLSX_MALFORMED', this.path, `${this.path} is a zip file but not an Excel workbook; save it from Excel as .xlsx (Excel Workbook) or CSV and try again`);
    }
    return new FileError('XLSX_NO_SHEETS', this.path, `${this.path} has no worksheets (only charts or macros?); put the billing data on a worksheet and try again`);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const source = this.#current?.iterator;
    if (source !== undefined && isTempFileStream(source)) {
      // The zip is fully read and every sheet left is a temp copy: moving the
      // reader on (opening nothing) lets exceljs delete them and close tmp's descriptors.
      await closeTempFile(source);
      for (let next = await this.#advance(); next !== undefined; next = await this.#advance()) {
        if (!isTempFileStream(next.iterator)) break;
        await closeTempFile(next.iterator);
      }
    }
    this.#reader.stream?.destroy();
  }

  async #advance(): Promise<WorksheetInternals | undefined> {
    try {
      const next = await this.#sheets.next();
      return next.done ? undefined : (next.value as WorksheetInternals);
    } catch {
      return undefined;
    }
  }

  async *#rows(id: symbol, sheetName: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<RawRow> {
    const context: WorkbookContext = {
      sharedStrings: this.#reader.sharedStrings,
      isDateStyle: (style) => this.#isDateStyle(style),
      date1904: this.#reader.properties?.model?.date1904 === true,
    };
    try {
      yield* sheetRows(chunks, context);
    } catch (err) {
      throw this.#malformed(err, sheetName);
    } finally {
      // The rest of the zip is not needed once the chosen sheet is done.
      if (this.#selected === id) await this.close();
    }
  }

  #isDateStyle(style: number): boolean {
    let isDate = this.#dateStyles.get(style);
    if (isDate === undefined) {
      let numFmt: unknown;
      try {
        numFmt = this.#reader.styles?.getStyleModel(style)?.numFmt;
      } catch {
        // No styles part (it is optional) or none read yet: no cell of this workbook is date-formatted.
        numFmt = undefined;
      }
      isDate = typeof numFmt === 'string' && isDateFormat(numFmt);
      this.#dateStyles.set(style, isDate);
    }
    return isDate;
  }

  #malformed(err: unknown, sheetName?: string): FileError {
    if (err instanceof FileError) return err;
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return fileSystemError(this.path, err);
    const where = sheetName === undefined ? this.path : `sheet "${sheetName}" of ${this.path}`;
    const detail = err instanceof Error ? err.message : String(err);
    return new FileError('XLSX_MALFORMED', this.path, `${where} is damaged or is not a real Excel workbook (${detail}); open it in Excel, save it again as .xlsx, and try again`, { cause: err });
  }
}

function isTempFileStream(source: Partial<TempFileStream>): source is TempFileStream {
  return typeof source.destroy === 'function' && typeof source.on === 'function';
}

/**
 * Waits for the descriptor to close: exceljs deletes the temp file as soon as
 * the pass moves on, and an open that is still pending would then fail as an
 * uncaught ENOENT (and Windows cannot delete an open file).
 */
function closeTempFile(stream: TempFileStream): Promise<void> {
  stream.on('error', () => {});
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.on('close', resolve);
    stream.destroy();
  });
}
