/**
 * The aging report as a workbook a clerk prints and forwards: a "Cartera"
 * sheet with one formatted table per currency (styled header, money as
 * numbers in a currency format, percentages, totals in bold, frozen header,
 * landscape fitted to the page width, header repeated on every page, page
 * numbers), a sheet of rows that need a person, and the parameters and notes.
 */
import ExcelJS from 'exceljs';
import { writeFileAtomic } from '../../io/atomic.js';
import { neutraliseFormula } from '../../io/escape.js';
import { say } from '../../i18n/message.js';
import { report as words } from '../../i18n/messages/report.js';
import { formatAmount } from '../money.js';
import { BUCKETS } from './aging.js';
import type { AgingReport } from './build.js';
import { aboutLines } from './about.js';
import { groupLabel, reasonText } from './format.js';
import { tableHeaders, tableLines, type TableLine } from './table.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8CA0B8' } };
/** Excel keeps 15 significant digits of a number; a longer amount is written as text rather than rounded. */
const MAX_DIGITS = 15;

/** The number format of a currency's amounts: `"$ "#,##0` for pesos and dollars, the code after others; decimals when an amount has cents. */
export function moneyFormat(currency: string, cents: boolean): string {
  const number = cents ? '#,##0.00' : '#,##0';
  // The same currencies formatAmount shows with "$" (money.ts keeps the list).
  return formatAmount('1', 'es-CO', currency).startsWith('$') ? `"$ "${number}` : `${number} "${currency}"`;
}

/** A canonical amount as an Excel number, or as text when a double cannot hold it exactly. */
export function amountCell(amount: string): number | string {
  return amount.replace(/[-.]/g, '').replace(/^0+/, '').length > MAX_DIGITS ? amount : Number(amount);
}

export async function writeAgingXlsx(report: AgingReport, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'paylinks';
  agingSheet(workbook, report);
  attentionSheet(workbook, report);
  aboutSheet(workbook, report);
  const buffer = await workbook.xlsx.writeBuffer();
  await writeFileAtomic(path, new Uint8Array(buffer as ArrayBuffer));
}

function printSetup(sheet: ExcelJS.Worksheet, titleRows?: string): void {
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 } };
  if (titleRows !== undefined) sheet.pageSetup.printTitlesRow = titleRows;
  sheet.headerFooter = { oddFooter: `&L&F&R${say(words.page)} &P ${say(words.of)} &N` };
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  row.height = 32;
}

function agingSheet(workbook: ExcelJS.Workbook, report: AgingReport): void {
  const sheet = workbook.addWorksheet(say(words.agingSheet));
  const headers = tableHeaders(report.by);
  const labels = report.by === undefined ? 1 : 2;
  sheet.columns = headers.map((h, i) => ({ width: i < labels ? Math.max(18, h.length + 2) : i === labels ? 10 : 16 }));
  const title = sheet.addRow([`${say(words.title)} — ${say(words.asOf)} ${report.asOf}`]);
  title.font = { bold: true, size: 14 };
  let firstHeader: number | undefined;
  for (const block of report.blocks) {
    sheet.addRow([]);
    sheet.addRow([say(words.currencySection, { currency: block.currency })]).font = { bold: true, size: 12 };
    const header = sheet.addRow(headers);
    styleHeader(header);
    firstHeader ??= header.number;
    const numFmt = moneyFormat(block.currency, block.cents);
    for (const line of tableLines(block, report.by)) addLine(sheet, line, labels, numFmt, report.by !== undefined);
  }
  if (report.blocks.length === 0) sheet.addRow([say(words.chartEmpty)]);
  if (firstHeader !== undefined) {
    sheet.views = [{ state: 'frozen', xSplit: labels, ySplit: firstHeader }];
    printSetup(sheet, `${firstHeader}:${firstHeader}`);
  } else printSetup(sheet);
}

function addLine(sheet: ExcelJS.Worksheet, line: TableLine, labels: number, numFmt: string, byGroup: boolean): void {
  const f = line.figures;
  // The collector on every line (not only the first), so Excel's filter and sort keep each line's owner.
  const label = byGroup ? [text(line.kind === 'month' ? line.groupName : line.group), text(line.month)] : [text(line.kind === 'month' ? line.month : line.group)];
  const amounts = [f.billed, f.collected];
  const row = sheet.addRow([
    ...label,
    f.bills,
    ...amounts.map(amountCell),
    f.rate === undefined ? say(words.noRate) : Number(f.rate) / 100,
    amountCell(f.pending),
    ...BUCKETS.map((b) => amountCell(f.buckets[b])),
  ]);
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    const i = col - 1;
    if (i === labels) cell.numFmt = '#,##0';
    else if (i === labels + 3) {
      cell.numFmt = '0.0%';
      cell.alignment = { horizontal: 'right' };
    } else if (i > labels) cell.numFmt = numFmt;
    cell.border = { bottom: { style: 'hair', color: { argb: 'FFBFC9D6' } } };
    if (line.kind !== 'month') {
      cell.font = { bold: true };
      cell.fill = TOTAL_FILL;
      cell.border = { top: THIN, bottom: line.kind === 'total' ? { style: 'double', color: { argb: 'FF1F3A5F' } } : THIN };
    }
  });
}

function attentionSheet(workbook: ExcelJS.Workbook, report: AgingReport): void {
  const sheet = workbook.addWorksheet(say(words.attentionSheet));
  const headers = [say(words.file), say(words.row), say(words.reference), ...(report.by === undefined ? [] : [report.by]), 'link_state', 'payment_state', say(words.amount), say(words.currency), say(words.reason)];
  sheet.columns = headers.map((h) => ({ width: h === say(words.reason) ? 80 : h === say(words.file) ? 36 : Math.max(12, h.length + 2) }));
  sheet.addRow([say(words.attentionTitle, { count: report.attention.length })]).font = { bold: true, size: 12 };
  const header = sheet.addRow(headers);
  styleHeader(header);
  for (const a of report.attention) {
    const row = sheet.addRow([
      text(a.file),
      a.row,
      text(a.reference),
      ...(report.by === undefined ? [] : [text(groupLabel(a.group, report.by))]),
      text(a.linkState),
      text(a.paymentState),
      a.amount === undefined ? null : amountCell(a.amount),
      a.currency,
      text(reasonText(a.reason)),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = wrappedHeight(reasonText(a.reason), 80);
    const amountCol = headers.indexOf(say(words.amount)) + 1;
    row.getCell(amountCol).numFmt = moneyFormat(a.currency, a.amount?.includes('.') ?? false);
  }
  if (report.attention.length === 0) sheet.addRow([say(words.noAttention)]);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 2 }];
  printSetup(sheet, '2:2');
}

function aboutSheet(workbook: ExcelJS.Workbook, report: AgingReport): void {
  const sheet = workbook.addWorksheet(say(words.aboutSheet));
  sheet.columns = [{ width: 24 }, { width: 110 }];
  styleHeader(sheet.addRow([say(words.parameter), say(words.value)]));
  for (const [key, value] of aboutLines(report)) {
    const row = sheet.addRow([text(key), text(value)]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = wrappedHeight(value, 110);
    row.getCell(1).font = { bold: true };
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  printSetup(sheet, '1:1');
}

/**
 * The height of a row whose text wraps in a column `width` characters wide:
 * neither Excel nor LibreOffice grows a row written with a fixed height, and
 * exceljs writes none, so printed rows would overlap.
 */
export function wrappedHeight(value: string, width: number): number {
  const lines = value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / (width * 0.95))), 0);
  return Math.max(15, lines * 15);
}

/** Text as a cell (blank when empty): exceljs never makes a formula of a string, but a re-save as CSV could; neutralised as every output is. */
function text(value: string): string | null {
  return value === '' ? null : neutraliseFormula(value);
}
