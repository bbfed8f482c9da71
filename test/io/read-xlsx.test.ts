import { mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSheet } from '../../src/io/read/index.js';
import type { CellValue } from '../../src/io/types.js';
import { failure, readAll } from '../helpers/read.js';

let dir: string;
let billing: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-read-xlsx-'));
  billing = await writeBillingWorkbook(join(dir, 'billing.xlsx'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const isBillingHeader = (cells: CellValue[]) => cells.some((c) => typeof c === 'string' && c.trim().toLowerCase() === 'valor');

const due = new Date(Date.UTC(2025, 2, 31));
const dueWithTime = new Date(Date.UTC(2025, 3, 1, 13, 45));

/** "Instrucciones" (no header a billing sheet would have), then "Facturas" (title rows, header on row 3). */
async function writeBillingWorkbook(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Instrucciones');
  notes.getCell('A1').value = 'Llene la hoja Facturas';
  notes.getCell('A2').value = 'Una fila por factura';

  const ws = wb.addWorksheet('Facturas');
  ws.getCell('A1').value = 'Cartera marzo 2025';
  ws.addRow([]);
  ws.getRow(3).values = ['referencia', 'vence', 'valor', 'doble', 'roto', 'nota', 'enlace', 'pagado', 'error', 'fórmula texto'];
  ws.getRow(4).values = [
    'F-1',
    due,
    1250000.5,
    { formula: 'C4*2', result: 10 },
    { formula: 'X', result: { error: '#REF!' } },
    { richText: [{ text: 'Peña ' }, { text: 'Bogotá', font: { bold: true } }] },
    { text: 'ver factura', hyperlink: 'https://example.com/f/1' },
    true,
    { error: '#N/A' },
    { formula: '"a"&"b"', result: 'ab' },
  ] as ExcelJS.CellValue[];
  ws.getCell('B4').numFmt = 'dd/mm/yyyy';
  ws.getRow(6).values = ['F-2', dueWithTime, 7, { sharedFormula: 'D4', result: 14 }] as ExcelJS.CellValue[];
  ws.getCell('B6').numFmt = 'yyyy-mm-dd hh:mm';
  ws.getCell('A8').value = 'F-3';
  ws.getCell('B8').value = 45000;
  ws.getCell('D8').value = 'merged';
  ws.mergeCells('D8:E8');
  await wb.xlsx.writeFile(path);
  return path;
}

/** What this process's open descriptors on `path` or on temp files point at (Linux). */
async function openFiles(path: string): Promise<string[]> {
  const targets: string[] = [];
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target === path || /\/tmp-[\w-]+$/.test(target)) targets.push(target);
  }
  return targets.sort();
}

/** A zip with stored (uncompressed) entries, to build files that are zips but not workbooks. */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('cell values', () => {
  it('normalises every kind of cell', async () => {
    const { source, rows } = await readAll(billing, { isHeader: isBillingHeader });
    expect(source.info).toMatchObject({
      format: 'xlsx',
      sheetName: 'Facturas',
      headerRowNumber: 3,
      header: ['referencia', 'vence', 'valor', 'doble', 'roto', 'nota', 'enlace', 'pagado', 'error', 'fórmula texto'],
    });
    expect(rows[0]).toMatchObject({
      rowNumber: 4,
      cells: ['F-1', due, 1250000.5, 10, { error: '#REF!' }, 'Peña Bogotá', 'ver factura', true, { error: '#N/A' }, 'ab'],
    });
    // Only the date cell has a number format; the others are General.
    expect(rows[0]!.formats).toEqual([undefined, { numFmt: 'dd/mm/yyyy', isDate: true }, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('keeps real row numbers, skips blank rows, and reads shared formulas, date-times and merged cells', async () => {
    const { rows } = await readAll(billing, { isHeader: isBillingHeader });
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 6, 8]);
    expect(rows[1]!.cells).toEqual(['F-2', dueWithTime, 7, 14]);
    // 45000 has no date format: it stays a number. The merged range's value is in its first cell.
    expect(rows[2]!.cells).toEqual(['F-3', 45000, null, 'merged']);
    // Wall-clock time in the UTC fields.
    expect((rows[1]!.cells[1] as Date).getUTCHours()).toBe(13);
  });

  it('reads accented shared strings that cross the zip’s chunk boundaries intact', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Datos');
    ws.addRow(['n', 'nombre']);
    const names = Array.from({ length: 1500 }, (_, i) => `${'ñá'.repeat(20 + (i % 7))} Peña ${i}`);
    names.forEach((name, i) => ws.addRow([i, name]));
    const path = join(dir, 'accents.xlsx');
    await wb.xlsx.writeFile(path);
    const { rows } = await readAll(path);
    expect(rows).toHaveLength(1500);
    const wrong = rows.filter((row, i) => row.cells[1] !== names[i]);
    expect(wrong).toEqual([]);
  });
});

describe('choosing the sheet', () => {
  it('defaults to the first sheet whose header isHeader accepts', async () => {
    const { source } = await readAll(billing, { isHeader: isBillingHeader });
    expect(source.info.sheetName).toBe('Facturas');
  });

  it('falls back to the first sheet with data when isHeader accepts none', async () => {
    const { source, rows } = await readAll(billing, { isHeader: () => false });
    expect(source.info.sheetName).toBe('Instrucciones');
    expect(source.info.header).toEqual(['Llene la hoja Facturas']);
    expect(rows).toEqual([{ rowNumber: 2, cells: ['Una fila por factura'] }]);
  });

  it('selects a sheet by name, in any case', async () => {
    const { source, rows } = await readAll(billing, { sheet: 'instrucciones' });
    expect(source.info.sheetName).toBe('Instrucciones');
    expect(rows).toHaveLength(1);
  });

  it('selects a sheet by 1-based position, as a number or as text', async () => {
    for (const sheet of [2, '2']) {
      const { source } = await readAll(billing, { sheet, isHeader: isBillingHeader });
      expect(source.info.sheetName).toBe('Facturas');
      expect(source.info.headerRowNumber).toBe(3);
    }
  });

  it('lists the sheets when the one asked for does not exist', async () => {
    const byName = await failure(() => openSheet(billing, { sheet: 'Pagos' }));
    expect(byName.code).toBe('XLSX_SHEET_NOT_FOUND');
    expect(byName.message).toContain('its sheets, in tab order, are 1: "Instrucciones", 2: "Facturas"');
    const byPosition = await failure(() => openSheet(billing, { sheet: 3 }));
    expect(byPosition.code).toBe('XLSX_SHEET_NOT_FOUND');
    expect(byPosition.message).toMatch(/no sheet number 3 \(it has 2\)/);
  });

  it('skips blank and hidden sheets by default', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Vacía');
    const hidden = wb.addWorksheet('Listas');
    hidden.state = 'hidden';
    hidden.addRow(['referencia', 'valor']);
    const data = wb.addWorksheet('Datos');
    data.addRow(['a', 'b']);
    data.addRow([1, 2]);
    const path = join(dir, 'blank-hidden.xlsx');
    await wb.xlsx.writeFile(path);
    const { source, rows } = await readAll(path);
    expect(source.info.sheetName).toBe('Datos');
    expect(rows).toEqual([{ rowNumber: 2, cells: [1, 2] }]);
  });
});

describe('broken workbooks', () => {
  it('reports a workbook without worksheets', async () => {
    const path = join(dir, 'no-sheets.xlsx');
    await new ExcelJS.Workbook().xlsx.writeFile(path);
    const err = await failure(() => openSheet(path));
    expect(err.code).toBe('XLSX_NO_SHEETS');
  });

  it('reports a zip that is not a workbook', async () => {
    const path = join(dir, 'photos.xlsx');
    await writeFile(path, storedZip({ 'readme.txt': 'hola' }));
    const err = await failure(() => openSheet(path));
    expect(err.code).toBe('XLSX_MALFORMED');
    expect(err.message).toContain(path);
  });

  it('reports a truncated workbook', async () => {
    const path = join(dir, 'truncated.xlsx');
    const bytes = await readFile(billing);
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const err = await failure(() => readAll(path));
    expect(err.code).toBe('XLSX_MALFORMED');
    expect(err.message).toMatch(/save it again as \.xlsx/);
  });

  it('reports a workbook whose sheets are all blank', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Uno');
    wb.addWorksheet('Dos').addRow([null, '  ']);
    const path = join(dir, 'all-blank.xlsx');
    await wb.xlsx.writeFile(path);
    const err = await failure(() => openSheet(path));
    expect(err.code).toBe('FILE_EMPTY');
    expect(err.message).toContain('Uno, Dos');
  });
});

describe('close()', () => {
  it('releases the file once every row is read, even without close()', async () => {
    const before = await openFiles(billing);
    const source = await openSheet(billing, { isHeader: isBillingHeader });
    expect((await openFiles(billing)).length).toBeGreaterThan(before.length);
    for await (const _ of source.rows);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await openFiles(billing)).toEqual(before);
  });

  it('releases the sheet being streamed when the caller stops early', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Datos');
    ws.addRow(['referencia', 'valor']);
    for (let i = 0; i < 3000; i++) ws.addRow([`F-${i}`, i, 'una descripción larga para llenar el XML de la hoja']);
    const path = join(dir, 'long.xlsx');
    await wb.xlsx.writeFile(path);
    // Other tests' corrupt workbooks may have left exceljs temp files open: compare with before.
    const before = await openFiles(path);
    const source = await openSheet(path);
    let seen = 0;
    let openWhileReading: string[] = [];
    for await (const _ of source.rows) {
      if (++seen === 10) {
        openWhileReading = await openFiles(path);
        break;
      }
    }
    await source.close();
    // tmp closes its own descriptor on the temp copy asynchronously.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openWhileReading.length).toBeGreaterThan(before.length);
    expect(await openFiles(path)).toEqual(before);
  });
});
