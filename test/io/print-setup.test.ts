/**
 * Every worksheet paylinks writes prints well: landscape, all columns on the
 * page's width, the header row on every page, a footer with the file name and
 * the page number. Read back from the written file (exceljs's reader and the
 * raw XML), so the print setup cannot silently go missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/current.js';
import { createSheetWriter } from '../../src/io/write/index.js';
import { readZipEntry } from '../helpers/xlsx-xml.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-print-'));
});
afterEach(async () => {
  setLang('en');
  await rm(dir, { recursive: true, force: true });
});

async function writeBook(path: string, fitWidths?: number): Promise<void> {
  const writer = await createSheetWriter(path, {
    format: 'xlsx',
    columns: [{ header: 'reference' }, { header: 'amount', kind: 'money' }, { header: 'link_state', kind: 'state' }],
    ...(fitWidths === undefined ? {} : { fitWidths }),
  });
  for (let i = 1; i <= 300; i += 1) await writer.writeRow([`F-${i}`, 1000 + i, 'ISSUED']);
  writer.appendSheet?.({ name: 'Summary', columns: [{ header: 'State' }, { header: 'Rows' }], rows: [['ISSUED', 300]] });
  await writer.commit();
}

describe('print setup of written workbooks', () => {
  it.each([[undefined], [100]])('every sheet: landscape, fit to one page wide, header row repeated, footer (fitWidths %s)', async (fitWidths) => {
    const path = join(dir, 'out.xlsx');
    await writeBook(path, fitWidths);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Links', 'Summary']);
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup.orientation, sheet.name).toBe('landscape');
      expect(sheet.pageSetup.fitToPage, sheet.name).toBe(true);
      expect(sheet.pageSetup.fitToWidth, sheet.name).toBe(1);
      expect(sheet.pageSetup.fitToHeight, sheet.name).toBe(0);
      expect(sheet.headerFooter.oddFooter, sheet.name).toContain('&F');
      expect(sheet.headerFooter.oddFooter, sheet.name).toMatch(/&P.*&N/);
    }
    // Print titles are a defined name in workbook.xml, one per sheet.
    const workbookXml = await readZipEntry(path, 'xl/workbook.xml');
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Links&apos;!$1:$1</definedName>');
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Summary&apos;!$1:$1</definedName>');
    const sheetXml = await readZipEntry(path, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
  });

  it('the footer is in the run language', async () => {
    setLang('es');
    const path = join(dir, 'es.xlsx');
    await writeBook(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.getWorksheet('Links')?.headerFooter.oddFooter).toBe('&L&8&F&R&8Página &P de &N');
  });
});
