import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FileError } from '../../src/io/errors.js';
import type { CellValue, ColumnSpec } from '../../src/io/types.js';
import { createSheetWriter } from '../../src/io/write/index.js';
import { plainDecimal } from '../../src/io/write/csv.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const columns: ColumnSpec[] = [
  { header: 'reference' },
  { header: 'name' },
  { header: 'amount', kind: 'money' },
  { header: 'due', kind: 'date' },
  { header: 'expires', kind: 'datetime' },
  { header: 'link_url', kind: 'url' },
  { header: 'state', kind: 'state' },
  { header: 'link_id', kind: 'integer' },
];

async function writeSheet(path: string, format: 'csv' | 'xlsx', rows: CellValue[][], extra: object = {}): Promise<void> {
  const writer = await createSheetWriter(path, { format, columns, ...extra });
  for (const row of rows) await writer.writeRow(row);
  await writer.commit();
}

describe('CSV writer', () => {
  test('UTF-8 with BOM, the delimiter, CRLF, and quoting Excel reads back', async () => {
    const out = join(dir, 'out.csv');
    await writeSheet(out, 'csv', [
      ['F-1', 'José Ñúñez; "Pepe"', '1250000.5', '2025-03-31', null, 'https://x.example/1', 'ISSUED', 7],
      ['F-2', 'line\nbreak', '-5', null, null, null, 'INVALID', null],
    ], { delimiter: ';' });
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('reference;name;amount;due;expires;link_url;state;link_id\r\n')).toBe(true);
    expect(text).toContain('F-1;"José Ñúñez; ""Pepe""";1250000.5;2025-03-31;;https://x.example/1;ISSUED;7\r\n');
    expect(text).toContain('F-2;"line\nbreak";-5;;;;INVALID;\r\n');
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = parse(text, { delimiter: ';', record_delimiter: '\r\n' }) as string[][];
    expect(parsed[1]![1]).toBe('José Ñúñez; "Pepe"');
    expect(parsed[2]![1]).toBe('line\nbreak');
  });

  test('neutralises formulas in text cells, keeps plain numbers, and writes typed cells as Excel reads them', async () => {
    const out = join(dir, 'out.csv');
    await writeSheet(out, 'csv', [
      ['=HYPERLINK("http://evil")', '@SUM(A1)', '-1.250.000,50', new Date(Date.UTC(2025, 2, 31)), new Date(Date.UTC(2025, 2, 31, 23, 59, 59)), '+57 300 123 4567', { error: '#REF!' }, 1e21],
      [true, false, 0.000001, 1.5e-7, -0, '\tx', '-', 25000],
    ]);
    const rows = parse((await readFile(out)).subarray(3), { record_delimiter: '\r\n' }) as string[][];
    expect(rows[1]).toEqual([`'=HYPERLINK("http://evil")`, "'@SUM(A1)", '-1.250.000,50', '2025-03-31', '2025-03-31 23:59:59', "'+57 300 123 4567", '#REF!', '1000000000000000000000']);
    expect(rows[2]).toEqual(['TRUE', 'FALSE', '0.000001', '0.00000015', '0', "'\tx", "'-", '25000']);
  });

  test('the header is neutralised too, and the default delimiter is a comma', async () => {
    const out = join(dir, 'out.csv');
    const writer = await createSheetWriter(out, { format: 'csv', columns: [{ header: '=cmd' }, { header: 'b,c' }] });
    await writer.commit();
    expect((await readFile(out)).subarray(3).toString('utf8')).toBe(`'=cmd,"b,c"\r\n`);
  });

  test('plainDecimal never uses exponent notation', () => {
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(-1.25e22)).toBe('-12500000000000000000000');
    expect(plainDecimal(1.5e-7)).toBe('0.00000015');
    expect(plainDecimal(123.45)).toBe('123.45');
  });
});

describe('XLSX writer', () => {
  test('bold frozen header, filter, widths, links, money, dates, integers, state fill', async () => {
    const out = join(dir, 'out.xlsx');
    await writeSheet(out, 'xlsx', [
      ['F-1', '=1+1', '1250000.5', '2025-03-31', '2025-03-31 23:59:59', 'https://checkout.example/1', 'ISSUED', '42'],
      ['F-2', 'Ana', 'not money', new Date(Date.UTC(2025, 0, 2)), 'soon', 'javascript:alert(1)', 'FAILED', 'x'],
      ['F-3', null, '12345678901234567.5', null, null, null, 'UNCERTAIN', 3],
    ], { moneyFormat: '"$" #,##0.00', stateFill: { FAILED: 'FFFFC7CE' }, sheetName: 'Links: march' });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Links_ march');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:H4');
    expect(sheet.getRow(1).getCell(1).value).toBe('reference');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(11); // 'reference' + 2
    expect(sheet.getColumn(6).width).toBe(45); // url minimum

    const row2 = sheet.getRow(2);
    expect(row2.getCell(2).value).toBe("'=1+1");
    expect(row2.getCell(3).value).toBe(1250000.5);
    expect(row2.getCell(3).numFmt).toBe('"$" #,##0.00');
    expect(row2.getCell(4).value).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(row2.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(row2.getCell(5).value).toEqual(new Date(Date.UTC(2025, 2, 31, 23, 59, 59)));
    expect(row2.getCell(5).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(row2.getCell(6).value).toEqual({ text: 'https://checkout.example/1', hyperlink: 'https://checkout.example/1' });
    expect(row2.getCell(7).value).toBe('ISSUED');
    expect(row2.getCell(7).fill).toBeUndefined();
    expect(row2.getCell(8).value).toBe(42);

    const row3 = sheet.getRow(3);
    expect(row3.getCell(3).value).toBe('not money'); // not a canonical decimal: kept as text
    expect(row3.getCell(4).value).toEqual(new Date(Date.UTC(2025, 0, 2)));
    expect(row3.getCell(5).value).toBe('soon');
    expect(row3.getCell(6).value).toBe('javascript:alert(1)'); // only http(s) become links
    expect(row3.getCell(7).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(row3.getCell(8).value).toBe('x');

    const row4 = sheet.getRow(4);
    expect(row4.getCell(3).value).toBe('12345678901234567.5'); // more than 15 significant digits: kept exact, as text
    expect(row4.getCell(8).value).toBe(3);
  });

  test('column width hints win over the default', async () => {
    const out = join(dir, 'out.xlsx');
    const writer = await createSheetWriter(out, { format: 'xlsx', columns: [{ header: 'a', width: 33 }, { header: 'b' }] });
    await writer.writeRow(['1', '2']);
    await writer.commit();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets[0]!.name).toBe('Links');
    expect(workbook.worksheets[0]!.getColumn(1).width).toBe(33);
    expect(workbook.worksheets[0]!.getColumn(2).width).toBe(10);
  });

  test('50,000 rows stream to disk (peak RSS reported, not asserted on time)', async () => {
    const out = join(dir, 'big.xlsx');
    const before = process.memoryUsage().rss;
    let peak = before;
    const writer = await createSheetWriter(out, { format: 'xlsx', columns });
    for (let i = 0; i < 50_000; i++) {
      await writer.writeRow([`F-${i}`, `Payer ${i}`, `${i}.25`, '2025-03-31', '2025-03-31 23:59:59', null, 'ISSUED', i]);
      if (i % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    await writer.commit();
    const growthMb = (peak - before) / 1e6;
    console.log(`XLSX 50,000 rows: RSS before ${(before / 1e6).toFixed(0)} MB, peak ${(peak / 1e6).toFixed(0)} MB (+${growthMb.toFixed(0)} MB)`);
    // Generous bound: holding 50,000 rows of cell objects in memory costs far more than this.
    expect(growthMb).toBeLessThan(150);
    // A finished zip ends with its end-of-central-directory record (the small tests above read sheets back).
    const bytes = await readFile(out);
    expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
    expect(bytes.length).toBeGreaterThan(1_000_000);
  });
});

describe.each(['csv', 'xlsx'] as const)('%s writer, failure paths', (format) => {
  test('abort leaves the previous file untouched and no temporary file', async () => {
    const out = join(dir, `out.${format}`);
    await writeFile(out, 'previous');
    const writer = await createSheetWriter(out, { format, columns });
    for (let i = 0; i < 2000; i++) await writer.writeRow([`F-${i}`, 'x', '1', null, null, null, 'ISSUED', i]);
    await writer.abort();
    expect(await readFile(out, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual([`out.${format}`]);
    await expect(writer.writeRow(['late'])).rejects.toThrow(/already committed or aborted/);
  });

  test('a missing output folder fails before any row is written', async () => {
    const out = join(dir, 'missing', `out.${format}`);
    const err = await createSheetWriter(out, { format, columns }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).code).toBe('OUTPUT_UNWRITABLE');
    expect((err as FileError).message).toContain(out);
  });

  test('commit replaces an existing file atomically', async () => {
    const out = join(dir, `out.${format}`);
    await writeFile(out, 'previous');
    await writeSheet(out, format, [['F-1', 'x', '1', null, null, null, 'ISSUED', 1]]);
    const bytes = await readFile(out);
    expect(bytes.toString('utf8')).not.toBe('previous');
    expect(await readdir(dir)).toEqual([`out.${format}`]);
  });
});

describe('XLSX writer and characters XML cannot hold', () => {
  test('a control character before "=" cannot strip the formula guard', async () => {
    const out = join(dir, 'ctl.xlsx');
    const writer = await createSheetWriter(out, { format: 'xlsx', columns: [{ header: 'note' }] });
    await writer.writeRow(['\u0001=HYPERLINK("http://evil","x")']);
    await writer.writeRow(['\u000b@SUM(A1)']);
    await writer.commit();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell(2, 1).value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(sheet?.getCell(3, 1).value).toBe(`'@SUM(A1)`);
  });
});
