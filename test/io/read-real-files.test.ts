/**
 * Files written by the programs clerks' sheets really come from: openpyxl,
 * xlsxwriter, pandas and LibreOffice (made by test/io/files/make_files.py).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSheet } from '../../src/io/read/index.js';
import type { CellValue } from '../../src/io/types.js';
import { failure, readAll } from '../helpers/read.js';

const files = join(import.meta.dirname, 'files');
const file = (name: string) => join(files, name);
const isBillingHeader = (cells: CellValue[]) => cells.some((c) => typeof c === 'string' && c.trim().toLowerCase() === 'valor');
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('sheets in tab order, from every writer', () => {
  it('openpyxl: skips the hidden Plantilla and the very hidden Config, and reads Facturas', async () => {
    const { source, rows } = await readAll(file('openpyxl-hidden-first.xlsx'), { isHeader: isBillingHeader });
    expect(source.info).toMatchObject({ sheetName: 'Facturas', headerRowNumber: 1 });
    expect(source.info.hiddenSheet).toBeUndefined();
    expect(source.info.notes).toBeUndefined();
    expect(rows[0]!.cells).toEqual(['F-1', 'Ana Peña', 1250000, utc(2027, 1, 15), 'Pendiente']);
  });

  it('openpyxl (absolute relationship targets): --sheet by name and by position', async () => {
    for (const sheet of ['Facturas', 'facturas', 3, '3']) {
      const { source, rows } = await readAll(file('openpyxl-hidden-first.xlsx'), { sheet, isHeader: isBillingHeader });
      expect(source.info.sheetName).toBe('Facturas');
      expect(rows).toHaveLength(5);
    }
  });

  it('reads a hidden sheet only when --sheet names it, and says so', async () => {
    const { source, rows } = await readAll(file('openpyxl-hidden-first.xlsx'), { sheet: 1, isHeader: isBillingHeader });
    expect(source.info).toMatchObject({ sheetName: 'Plantilla', hiddenSheet: true, notes: ['reading hidden sheet "Plantilla" because --sheet named it'] });
    expect(rows.map((r) => r.cells[0])).toEqual(['EJEMPLO-1']);
    const config = await readAll(file('openpyxl-hidden-first.xlsx'), { sheet: 'Config' });
    expect(config.source.info.notes).toEqual(['reading very hidden sheet "Config" because --sheet named it']);
  });

  it('pandas: the hidden template sheet is never the default; --sheet Facturas and --sheet 2 work', async () => {
    const byDefault = await readAll(file('pandas-plantilla.xlsx'), { isHeader: isBillingHeader });
    expect(byDefault.source.info.sheetName).toBe('Facturas');
    expect(byDefault.rows.map((r) => r.cells)).toEqual([
      ['P-1', 'Ana', 1250000, utc(2027, 1, 15)],
      ['P-2', 'Luis', 2500, utc(2027, 1, 16)],
    ]);
    for (const sheet of ['Facturas', 2]) expect((await readAll(file('pandas-plantilla.xlsx'), { sheet })).source.info.sheetName).toBe('Facturas');
  });

  it('Mac order: the first tab is chosen, not the first part in the zip', async () => {
    const { source, rows } = await readAll(file('mac-order.xlsx'), { isHeader: () => false });
    expect(source.info.sheetName).toBe('Enero');
    expect(rows[0]!.cells).toEqual(['M-1', 'Ana', 3000, utc(2027, 1, 15)]);
    expect((await readAll(file('mac-order.xlsx'), { sheet: 1 })).source.info.sheetName).toBe('Enero');
    expect((await readAll(file('mac-order.xlsx'), { sheet: 2 })).source.info.sheetName).toBe('Resumen');
  });

  it('lists the tabs in workbook order, hidden ones marked, when --sheet names none', async () => {
    const err = await failure(() => openSheet(file('openpyxl-hidden-first.xlsx'), { sheet: 'Pagos' }));
    expect(err.code).toBe('XLSX_SHEET_NOT_FOUND');
    expect(err.message).toContain('has no sheet named "Pagos"; its sheets, in tab order, are 1: "Plantilla" (hidden), 2: "Config" (hidden), 3: "Facturas"');
    expect((await failure(() => openSheet(file('mac-order.xlsx'), { sheet: 3 }))).message).toContain('no sheet number 3 (it has 2)');
  });

  it('refuses to pick between two visible billing sheets', async () => {
    const err = await failure(() => openSheet(file('xlsxwriter-two-billing.xlsx'), { isHeader: isBillingHeader }));
    expect(err.code).toBe('XLSX_SHEET_AMBIGUOUS');
    expect(err.message).toContain('has 2 sheets that look like billing sheets: "Enero" (1), "Febrero" (2)');
    expect(err.message).toContain('--sheet');
    const { source } = await readAll(file('xlsxwriter-two-billing.xlsx'), { sheet: 'Febrero', isHeader: isBillingHeader });
    expect(source.info.sheetName).toBe('Febrero');
  });

  it('LibreOffice: reads its XLSX, its [$COP] format and its hidden="true" rows', async () => {
    const { source, rows } = await readAll(file('libreoffice.xlsx'), { isHeader: isBillingHeader });
    expect(source.info.sheetName).toBe('Facturas');
    expect(rows[0]).toMatchObject({ rowNumber: 2, cells: ['L-1', 'Ana Peña', 450000, utc(2027, 1, 15)] });
    expect(rows[0]!.hidden).toBeUndefined();
    expect(rows[0]!.formats?.[2]).toEqual({ numFmt: '[$COP]\\ #,##0', currency: 'COP', displayDecimals: 0, displayed: 'COP 450,000' });
    expect(rows[1]).toMatchObject({ rowNumber: 3, hidden: true });
  });
});

describe('row metadata', () => {
  it('marks rows hidden by hand and by an autofilter', async () => {
    const { rows } = await readAll(file('openpyxl-hidden-first.xlsx'), { isHeader: isBillingHeader });
    expect(rows.map((r) => [r.cells[0], r.hidden ?? false])).toEqual([
      ['F-1', false],
      ['F-2', false],
      ['F-3', true],
      ['F-4', false],
      ['F-5', true],
    ]);
  });

  it('marks an Excel table’s totals row, from the table part', async () => {
    const { source, rows } = await readAll(file('xlsxwriter-table-total.xlsx'), { isHeader: isBillingHeader });
    expect(source.info).toMatchObject({ sheetName: 'Cartera', headerRowNumber: 2 });
    expect(rows.map((r) => [r.rowNumber, r.cells[0], r.tableTotal ?? false, r.hidden ?? false])).toEqual([
      [3, 'F-10', false, false],
      [4, 'F-11', false, true],
      [5, 'Total', true, false],
    ]);
  });
});

describe('cell formats', () => {
  it('reads the currency, decimals and displayed text of each format; dates only from date formats', async () => {
    const { rows } = await readAll(file('openpyxl-formats.xlsx'), { isHeader: isBillingHeader });
    const byRef = new Map(rows.map((r) => [r.cells[0], r]));
    const amount = (ref: string) => byRef.get(ref)!.formats?.[2];
    expect(amount('F-USD409')).toMatchObject({ currency: 'USD', displayDecimals: 2, displayed: 'USD 1,250.50' });
    expect(amount('F-USD')).toMatchObject({ currency: 'USD' });
    expect(amount('F-USDQ')).toMatchObject({ currency: 'USD', displayed: 'US$99.00' });
    expect(amount('F-USDBARE')).toMatchObject({ currency: 'USD' });
    expect(amount('F-EUR')).toMatchObject({ currency: 'EUR', displayed: '1,500.00 €' });
    expect(amount('F-EURLOC')).toMatchObject({ currency: 'EUR' });
    expect(amount('F-COP')).toMatchObject({ currency: 'COP', displayDecimals: 0 });
    expect(amount('F-ESCO')).toMatchObject({ currency: 'COP', displayed: '$ 450,000' });
    expect(amount('F-DOLLAR')).toEqual({ numFmt: '"$"#,##0', dollarSign: true, displayDecimals: 0, displayed: '$450,000' });
    expect(amount('F-DOLLAR2')).toMatchObject({ dollarSign: true, displayDecimals: 2 });
    expect(amount('F-ACCT')).toMatchObject({ dollarSign: true, displayed: '$ 1,234.50' });
    // The stored value keeps its cents; the format shows none.
    expect(byRef.get('F-HIDDENDEC')!.cells[2]).toBe(119399.84);
    expect(amount('F-HIDDENDEC')).toEqual({ numFmt: '#,##0', displayDecimals: 0, displayed: '119,400' });
    expect(amount('F-GENERAL')).toBeUndefined();
    // d-mmm-yyyy cells are dates; the General 46402 beside them stays a number.
    expect(byRef.get('F-USD')!.cells[3]).toEqual(utc(2027, 2, 1));
    expect(byRef.get('F-USD')!.formats?.[3]).toEqual({ numFmt: 'd-mmm-yyyy', isDate: true });
    expect(byRef.get('F-SERIAL')!.cells[3]).toBe(46402);
    expect(byRef.get('F-SERIAL')!.formats).toBeUndefined();
  });
});

describe('files that are not XLSX or CSV', () => {
  it('refuses an .ods with LibreOffice’s Save As advice, never Excel’s', async () => {
    const err = await failure(() => openSheet(file('libreoffice.ods')));
    expect(err.code).toBe('FILE_IS_ODS');
    expect(err.message).toContain('OpenDocument spreadsheet (.ods, from LibreOffice Calc)');
    expect(err.message).toContain('"Libro de Excel 2007-365 (.xlsx)"');
    expect(err.message).not.toMatch(/from Excel/);
  });

  it('names an HTML page saved as .xls', async () => {
    const err = await failure(() => openSheet(file('libreoffice-html.xls')));
    expect(err.code).toBe('FILE_IS_HTML');
    expect(err.message).toContain('is a web page (HTML) saved with a .xls name, not a workbook');
  });

  it('names an Excel 2003 XML spreadsheet saved as .xls', async () => {
    const err = await failure(() => openSheet(file('libreoffice-2003.xls')));
    expect(err.code).toBe('FILE_IS_SPREADSHEETML_2003');
    expect(err.message).toContain('is an Excel 2003 XML spreadsheet (SpreadsheetML) saved with a .xls name');
  });
});
