/**
 * Streaming XLSX reader. The zip is read by random access (xlsx-zip.ts): the
 * small parts first (the tabs in the workbook's own order, relationships,
 * shared strings, styles, tables: xlsx-package.ts), then the chosen sheet is
 * streamed row by row (xlsx-rows.ts), so a 200,000-row sheet is never in
 * memory.
 *
 * Choosing the sheet: `--sheet` by name (any case) or by 1-based position
 * among the tabs in workbook order, hidden tabs included (a hidden one is
 * read, with a note). By default only visible sheets are looked at, in tab
 * order: the one whose header the pipeline recognises (`isHeader`); several
 * such sheets are refused as ambiguous; with none, the first visible sheet
 * with data.
 *
 * Dates: cells with a date format come back as a Date whose UTC fields are
 * the wall-clock date/time typed in Excel (see excelDate).
 */
import { FileError } from '../errors.js';
import type { CellValue, RawRow, ReadOptions, SheetInfo, SheetSource } from '../types.js';
import { headerText, rowsAfter, scanHeader, type HeaderScan } from './header-scan.js';
import { fileSystemError } from './sniff.js';
import { NotAWorkbook, readPackage, tableTotals, type TabInfo } from './xlsx-package.js';
import { sheetRows, type WorkbookContext } from './xlsx-rows.js';
import { readSharedStrings } from './xlsx-shared-strings.js';
import { NO_STYLES, readStyles } from './xlsx-styles.js';
import { ZipParts } from './xlsx-zip.js';
import { odsAdvice } from './format-advice.js';
import { say } from '../../i18n/message.js';
import { files } from '../../i18n/messages/files.js';

interface Workbook {
  path: string;
  zip: ZipParts;
  tabs: TabInfo[];
  context: Omit<WorkbookContext, 'tableTotals'>;
}

/** A sheet whose first rows were read to find its header; `rows` goes on from there. */
interface Scanned {
  tab: TabInfo;
  rows: AsyncGenerator<RawRow>;
  scan: HeaderScan;
}

export async function openXlsx(path: string, options: ReadOptions): Promise<SheetSource> {
  let zip: ZipParts;
  try {
    zip = await ZipParts.open(path);
  } catch (err) {
    throw malformed(path, err);
  }
  try {
    const workbook = await loadWorkbook(path, zip);
    const chosen = options.sheet !== undefined ? await requestedSheet(workbook, options.sheet, options.isHeader) : await defaultSheet(workbook, options.isHeader);
    const info: SheetInfo = {
      path,
      format: 'xlsx',
      sheetName: chosen.tab.name,
      header: headerText(chosen.scan.header.cells),
      headerRowNumber: chosen.scan.header.rowNumber,
    };
    if (chosen.tab.state !== 'visible') {
      info.hiddenSheet = true;
      info.notes = [hiddenSheetNote(chosen.tab)];
    }
    const rows = releasing(chosen.rows, zip);
    const close = async () => {
      await rows.return(undefined);
      await chosen.rows.return(undefined);
      await zip.close();
    };
    return { info, rows: rowsAfter(chosen.scan.after, rows, close), above: chosen.scan.above, close };
  } catch (err) {
    await zip.close();
    throw malformed(path, err);
  }
}

async function loadWorkbook(path: string, zip: ZipParts): Promise<Workbook> {
  let pkg;
  try {
    pkg = await readPackage(zip);
  } catch (err) {
    if (!(err instanceof NotAWorkbook)) throw err;
    // An ODF spreadsheet whose mimetype entry is not first (sniff.ts catches the usual layout).
    if ((await zip.text('mimetype', 1024))?.trim() === 'application/vnd.oasis.opendocument.spreadsheet') throw new FileError('FILE_IS_ODS', path, odsAdvice(path));
    throw new FileError('XLSX_MALFORMED', path, say(files.zipNotWorkbook, { path }));
  }
  if (!pkg.tabs.some((tab) => tab.part !== undefined)) {
    throw new FileError('XLSX_NO_SHEETS', path, say(files.noWorksheets, { path }));
  }
  const sharedStrings = pkg.sharedStringsPart === undefined ? undefined : await zip.stream(pkg.sharedStringsPart);
  const stylesStream = pkg.stylesPart === undefined ? undefined : await zip.stream(pkg.stylesPart);
  return {
    path,
    zip,
    tabs: pkg.tabs,
    context: {
      sharedStrings: sharedStrings === undefined ? [] : await readSharedStrings(sharedStrings),
      styles: stylesStream === undefined ? NO_STYLES : await readStyles(stylesStream),
      date1904: pkg.date1904,
    },
  };
}

async function requestedSheet(workbook: Workbook, wanted: string | number, isHeader?: (cells: CellValue[]) => boolean): Promise<Scanned> {
  const tab = findTab(workbook.tabs, wanted);
  if (tab === undefined) throw sheetNotFound(workbook, wanted);
  if (tab.part === undefined) {
    throw new FileError('XLSX_SHEET_NOT_FOUND', workbook.path, say(files.notAWorksheet, { path: workbook.path, sheet: tab.name, kind: tab.kind === 'chartsheet' ? 'chart' : String(tab.kind), list: sheetList(workbook) }));
  }
  const rows = sheetStream(workbook, tab);
  const scan = await scanHeader(rows, isHeader);
  if (scan === undefined) {
    await rows.return(undefined);
    throw new FileError('FILE_EMPTY', workbook.path, say(files.sheetNoData, { path: workbook.path, sheet: tab.name, sheets: workbook.tabs.map((t) => t.name).join(', ') }));
  }
  return { tab, rows, scan };
}

/**
 * The visible sheet whose header `isHeader` accepts; refused when several
 * are; else the first visible sheet with data. Hidden sheets (lookup lists,
 * templates, old data) are never what a person means by "the sheet".
 */
async function defaultSheet(workbook: Workbook, isHeader?: (cells: CellValue[]) => boolean): Promise<Scanned> {
  let chosen: Scanned | undefined;
  let fallback: Scanned | undefined;
  const billing: TabInfo[] = [];
  try {
    for (const tab of workbook.tabs) {
      if (tab.state !== 'visible' || tab.part === undefined) continue;
      const rows = sheetStream(workbook, tab);
      const scan = await scanHeader(rows, isHeader);
      const scanned = scan === undefined ? undefined : { tab, rows, scan };
      if (scanned !== undefined && isHeader === undefined) return scanned;
      if (scanned?.scan.matched === true) {
        billing.push(tab);
        if (chosen === undefined) chosen = scanned;
        else await rows.return(undefined);
      } else if (scanned !== undefined && fallback === undefined) fallback = scanned;
      else await rows.return(undefined);
    }
  } catch (err) {
    await chosen?.rows.return(undefined);
    await fallback?.rows.return(undefined);
    throw err;
  }
  if (billing.length > 1) {
    await chosen?.rows.return(undefined);
    await fallback?.rows.return(undefined);
    const names = billing.map((tab) => `"${tab.name}" (${tab.position})`).join(', ');
    throw new FileError(
      'XLSX_SHEET_AMBIGUOUS',
      workbook.path,
      say(files.sheetsAmbiguous, { path: workbook.path, count: billing.length, names }),
    );
  }
  if (chosen !== undefined) {
    await fallback?.rows.return(undefined);
    return chosen;
  }
  if (fallback !== undefined) return fallback;
  const hidden = workbook.tabs.filter((tab) => tab.state !== 'visible').map((tab) => tab.name);
  throw new FileError(
    'FILE_EMPTY',
    workbook.path,
    say(files.noVisibleData, { path: workbook.path, sheets: workbook.tabs.map((tab) => tab.name).join(', '), hidden: hidden.join(', ') }),
  );
}

/** Text: by name (any case, surrounding spaces ignored), else by 1-based position among all tabs. A number: by position. */
export function findTab(tabs: readonly TabInfo[], wanted: string | number): TabInfo | undefined {
  if (typeof wanted === 'string') {
    const key = wanted.trim().toLowerCase();
    const byName = tabs.find((tab) => tab.name.trim().toLowerCase() === key);
    if (byName !== undefined || !/^\d+$/.test(key)) return byName;
  }
  // A number is a position; a tab named like a number ("2024") is found by name when no position fits.
  return tabs[Number(wanted) - 1] ?? tabs.find((tab) => tab.name.trim() === String(wanted));
}

/** The chosen sheet's rows; once they end the file is released, whether or not the caller calls close(). */
async function* releasing(rows: AsyncGenerator<RawRow>, zip: ZipParts): AsyncGenerator<RawRow> {
  try {
    yield* rows;
  } finally {
    await zip.close();
  }
}

/** The rows of a worksheet, opened on the first `next()` and released when it ends or returns. */
async function* sheetStream(workbook: Workbook, tab: TabInfo): AsyncGenerator<RawRow> {
  const part = tab.part!;
  try {
    const context: WorkbookContext = { ...workbook.context, tableTotals: await tableTotals(workbook.zip, part) };
    const stream = await workbook.zip.stream(part);
    if (stream === undefined) return;
    yield* sheetRows(stream, context);
  } catch (err) {
    throw malformed(workbook.path, err, tab.name);
  }
}

function hiddenSheetNote(tab: TabInfo): string {
  return say(files.hiddenSheetNote, { sheet: tab.name, veryHidden: tab.state === 'veryHidden' });
}

function sheetList(workbook: Workbook): string {
  const tabs = workbook.tabs.map((tab) => `${tab.position}: "${tab.name}"${tab.state === 'visible' ? '' : say(files.hiddenMark)}`);
  return say(files.sheetList, { tabs: tabs.join(', ') });
}

function sheetNotFound(workbook: Workbook, wanted: string | number): FileError {
  const count = workbook.tabs.length;
  const what = typeof wanted === 'number' || /^\d+$/.test(wanted.trim()) ? say(files.noSheetNumber, { number: Number(wanted), count }) : say(files.noSheetNamed, { name: wanted });
  return new FileError(
    'XLSX_SHEET_NOT_FOUND',
    workbook.path,
    say(files.sheetNotFound, { path: workbook.path, what, list: sheetList(workbook) }),
  );
}

function malformed(path: string, err: unknown, sheetName?: string): FileError {
  if (err instanceof FileError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return fileSystemError(path, err);
  const detail = err instanceof Error ? err.message : String(err);
  return new FileError('XLSX_MALFORMED', path, say(files.damaged, { path, sheet: sheetName, detail }), { cause: err });
}
