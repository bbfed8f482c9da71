/**
 * Files collectors open: --split-by with hostile collector names, --qr, and a
 * workbook that reads well (money and dates typed, a Summary sheet), from
 * real runs on the sandbox.
 */
import { mkdtemp, readdir, readFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { runCli } from '../helpers/cli.js';
import { dueInDays, readCsvOutput } from '../helpers/sheets.js';

let dir: string;
let sandbox: SandboxHandle;
let env: Record<string, string>;

beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'paylinks-collectors-')));
  sandbox = await startSandbox({});
  env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
});
afterEach(async () => {
  await sandbox.close();
});

const HOSTILE = ['../x', 'CON', 'a/b', '😀 Cobra', 'ñ'.repeat(300), 'Ana Gómez', 'ana gómez', '', '_manifest', 'Ana Gómez'];

/** One row per hostile collector (Ana Gómez twice), plus an invalid row for Ana Gómez. */
async function hostileSheet(): Promise<string> {
  const lines = ['Cliente;Valor a pagar;Fecha de vencimiento;Factura;Cobrador'];
  HOSTILE.forEach((collector, i) => {
    const quoted = collector.includes(';') ? `"${collector}"` : collector;
    lines.push(`Cliente ${i + 1};${i + 1}.000;${dueInDays(30)};F-${i + 1};${quoted}`);
  });
  lines.push(`Roto;1,5,0;${dueInDays(30)};F-99;Ana Gómez`);
  const path = join(dir, 'cartera.csv');
  await writeFile(path, `${lines.join('\r\n')}\r\n`, 'utf8');
  return path;
}

function inside(folder: string, file: string): boolean {
  const rel = relative(folder, resolve(folder, file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.includes('/') && !rel.includes('\\');
}

interface Manifest {
  column: string;
  files: Array<{ value: string; file: string; rows: number; states: Record<string, { rows: number; amounts: Record<string, string> }>; amounts: Record<string, string> }>;
}

describe('issue --split-by and --qr', () => {
  it('CSV: one file per collector inside the folder, whatever the names, a manifest, and a PNG per issued link', async () => {
    const input = await hostileSheet();
    const out = join(dir, 'salida', 'links.csv');
    // Spanish: the blank bucket is "(sin valor)".
    const result = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--split-by', 'cobrador', '--qr', '--log', 'json', '--lang', 'es'], { env });
    expect(result.code, result.stdout + result.stderr).toBe(1); // the invalid row

    const folder = join(dir, 'salida', 'links-by-Cobrador');
    const names = (await readdir(folder)).sort();
    // Nothing was written anywhere but the output folder and the two side folders.
    expect((await readdir(dir)).sort()).toEqual(['cartera.csv', 'salida']);
    expect((await readdir(join(dir, 'salida'))).sort()).toEqual(['links-by-Cobrador', 'links-qr', 'links.csv', 'links.csv.journal']);
    for (const name of names) expect(inside(folder, name), name).toBe(true);
    expect(names).toContain('_x.csv');
    expect(names).toContain('_CON.csv');
    expect(names).toContain('a_b.csv');
    expect(names).toContain('😀 Cobra.csv');
    expect(names).toContain('Ana Gómez.csv');
    expect(names).toContain('ana gómez (2).csv');
    expect(names).toContain('(sin valor).csv'); // the blank bucket is named in the run's language (--lang es)
    expect(names).toContain('_manifest (2).csv');
    const long = names.find((n) => n.startsWith('ñ'));
    expect(long && Buffer.byteLength(long)).toBeLessThanOrEqual(130);
    expect(names).toContain('_manifest.csv');
    expect(names).toContain('_manifest.json');
    expect(names).toHaveLength(9 + 2);

    // Each file has only its collector's rows, with the full output's columns.
    const full = await readCsvOutput(out);
    const ana = await readCsvOutput(join(folder, 'Ana Gómez.csv'));
    expect(ana.header).toEqual(full.header);
    expect(ana.rows.map((r) => r.Factura)).toEqual(['F-6', 'F-10', 'F-99']);
    expect(ana.rows.map((r) => r.link_state)).toEqual(['ISSUED', 'ISSUED', 'INVALID']);
    expect((await readCsvOutput(join(folder, 'ana gómez (2).csv'))).rows.map((r) => r.Factura)).toEqual(['F-7']);
    expect((await readCsvOutput(join(folder, '(sin valor).csv'))).rows.map((r) => r.Factura)).toEqual(['F-8']);

    // The manifest lists every file with its rows and amounts per state, in CSV and JSON.
    const manifest = JSON.parse(await readFile(join(folder, '_manifest.json'), 'utf8')) as Manifest;
    expect(manifest.column).toBe('Cobrador');
    expect(manifest.files).toHaveLength(9);
    expect(manifest.files.reduce((n, f) => n + f.rows, 0)).toBe(full.rows.length);
    const anaEntry = manifest.files.find((f) => f.file === 'Ana Gómez.csv');
    expect(anaEntry).toMatchObject({ value: 'Ana Gómez', rows: 3, states: { ISSUED: { rows: 2, amounts: { COP: '16000' } }, INVALID: { rows: 1 } } });
    const traversal = manifest.files.find((f) => f.value === '../x');
    expect(traversal?.file).toBe('_x.csv');
    const csvManifest = await readCsvOutput(join(folder, '_manifest.csv'));
    expect(csvManifest.header.slice(0, 3)).toEqual(['value', 'file', 'rows']);
    expect(csvManifest.rows.find((r) => r.file === 'Ana Gómez.csv')).toMatchObject({ rows: '3', ISSUED: '2', ISSUED_amount: '16000', INVALID: '1' });

    // One PNG per ISSUED row, named by reference.
    const issued = full.rows.filter((r) => r.link_state === 'ISSUED');
    const pngs = (await readdir(join(dir, 'salida', 'links-qr'))).sort();
    expect(pngs).toEqual(issued.map((r) => `${r.Factura}.png`).sort());
    for (const png of pngs) {
      const bytes = await readFile(join(dir, 'salida', 'links-qr', png));
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(100); // IHDR width
      expect(bytes.readUInt32BE(16)).toBeLessThanOrEqual(1000);
    }
  });

  it('a second run replaces the folder: collectors no longer in the sheet leave no stale file', async () => {
    const input = join(dir, 'b.csv');
    await writeFile(input, `Cliente;Valor;Vence;Factura;Zona\r\nA;1000;${dueInDays(30)};Z-1;Norte\r\nB;2000;${dueInDays(30)};Z-2;Sur\r\n`);
    const out = join(dir, 'b-links.csv');
    expect((await runCli(['issue', input, '--out', out, '--dry-run', '--split-by', 'Zona'], { env })).code).toBe(0);
    expect((await readdir(join(dir, 'b-links-by-Zona'))).sort()).toEqual(['Norte.csv', 'Sur.csv', '_manifest.csv', '_manifest.json']);
    await writeFile(input, `Cliente;Valor;Vence;Factura;Zona\r\nA;1000;${dueInDays(30)};Z-1;Norte\r\n`);
    expect((await runCli(['issue', input, '--out', out, '--dry-run', '--split-by', 'Zona'], { env })).code).toBe(0);
    expect((await readdir(join(dir, 'b-links-by-Zona'))).sort()).toEqual(['Norte.csv', '_manifest.csv', '_manifest.json']);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a --split-by column the sheet lacks stops the run before anything is sent', async () => {
    const input = await hostileSheet();
    const result = await runCli(['issue', input, '--out', join(dir, 'o.csv'), '--base-url', sandbox.url, '--split-by', 'Vendedor'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--split-by "Vendedor" names a column the file does not have\. Columns found: .*"Cobrador"/);
    expect(sandbox.counters().createsByReference).toEqual({});
  });

  it('XLSX: money and dates typed, fitted widths, a Summary sheet, split workbooks, and a QR workbook with one image per link', async () => {
    const input = join(dir, 'demo.csv');
    await writeFile(input, (await readFile('fixtures/demo-billing.csv', 'utf8')).replace(/\d\d\/\d\d\/2029/g, dueInDays(40)));
    const out = join(dir, 'demo-links.xlsx');
    const result = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--split-by', 'Cobrador', '--qr', '--lang', 'en', '--log', 'text'], { env });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/2 file\(s\), one per value, in .*demo-links-by-Cobrador/);
    expect(result.stdout).toMatch(/6 QR code\(s\) in .*demo-links-qr\.xlsx/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Links', 'Summary']);
    const links = wb.getWorksheet('Links') as ExcelJS.Worksheet;
    const header = (links.getRow(1).values as unknown[]).slice(1);
    const amount = links.getCell(2, header.indexOf('Valor a pagar') + 1);
    expect(amount.value).toBe(1250000); // the input said "$ 1.250.000"
    expect(amount.numFmt).toContain('"$" #,##0.00');
    expect(links.getCell(3, header.indexOf('Valor a pagar') + 1).value).toBe(350000.5);
    const due = links.getCell(2, header.indexOf('Fecha de vencimiento') + 1);
    expect(due.value).toBeInstanceOf(Date);
    expect(due.numFmt).toBe('dd/mm/yyyy');
    // Widths fitted to the content: the long company name widens the "Cliente" column.
    expect(links.getColumn(header.indexOf('Cliente') + 1).width).toBeGreaterThanOrEqual('Comercializadora Los Andes S.A.S.'.length);
    expect(JSON.stringify(links.getCell(2, header.indexOf('link_state') + 1).fill)).toContain('C6EFCE');

    const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet;
    const rows = summary.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows[0]).toEqual(['State', 'Rows', 'Amount', 'Currency']);
    expect(rows[1]).toEqual(['ISSUED', 6, 6654900.5, 'COP']);
    const params = Object.fromEntries(rows.filter((r) => r.length === 2).map((r) => [r[0], r[1]]));
    expect(params['Input file']).toBe('demo.csv');
    const { createHash } = await import('node:crypto');
    expect(params['Input SHA-256 fingerprint']).toBe(createHash('sha256').update(await readFile(input)).digest('hex'));
    expect(params.Service).toBe(sandbox.url);
    expect(params['Split by']).toBe('Cobrador');
    expect(JSON.stringify(rows)).not.toContain(sandbox.credentials.secretKey);

    // Split workbooks: same columns, only that collector's rows, their own Summary.
    const ana = new ExcelJS.Workbook();
    await ana.xlsx.readFile(join(dir, 'demo-links-by-Cobrador', 'Ana Gómez.xlsx'));
    expect(ana.worksheets.map((s) => s.name)).toEqual(['Links', 'Summary']);
    expect(ana.getWorksheet('Links')?.rowCount).toBe(4);
    expect((ana.getWorksheet('Summary')?.getRow(2).values as unknown[]).slice(1)).toEqual(['ISSUED', 3, 1725000.5, 'COP']);

    // The QR workbook: one image per issued link, each a PNG.
    const qr = new ExcelJS.Workbook();
    await qr.xlsx.readFile(join(dir, 'demo-links-qr.xlsx'));
    const sheet = qr.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getImages()).toHaveLength(6);
    expect(sheet.rowCount).toBe(7);
    const media = (qr as unknown as { model: { media: Array<{ extension: string; buffer: Buffer }> } }).model.media;
    expect(media).toHaveLength(6);
    for (const m of media) expect(m.buffer.subarray(0, 4).toString('hex')).toBe('89504e47');
  });
});
