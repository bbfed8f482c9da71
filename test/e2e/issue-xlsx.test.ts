/**
 * `paylinks issue` with workbooks: typed cells in, a workbook with clickable
 * links, a frozen header and coloured states out.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { runCli } from '../helpers/cli.js';
import { dueInDays, readCsvOutput, readXlsxOutput } from '../helpers/sheets.js';

let dir: string;
let sandbox: SandboxHandle;
let env: Record<string, string>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-xlsx-'));
  sandbox = await startSandbox({});
  env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
});
afterEach(async () => {
  await sandbox.close();
});

/** A date `days` from today at midnight UTC, as exceljs writes date cells. */
const dateIn = (days: number): Date => {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};

async function workbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // A first sheet without a billing header: the tool must pick the second by itself.
  const notes = wb.addWorksheet('Instrucciones');
  notes.addRow(['Este archivo se exporta del sistema contable']);
  const sheet = wb.addWorksheet('Cartera');
  sheet.addRow(['Reporte de cartera — enero']);
  sheet.addRow([]);
  sheet.addRow(['Nombre', 'Valor', 'Fecha de vencimiento', 'Referencia', 'Notas']);
  sheet.addRow(['Peña Ltda.', 1250000.5, dateIn(30), 'X-1', 'cliente antiguo']);
  sheet.addRow([{ richText: [{ text: 'José ' }, { text: 'Ángel', font: { bold: true } }] }, { formula: '1000*25', result: 25000 }, dateIn(31), 'X-2', '=SUM(A1:A2)']);
  sheet.addRow(['Roto', { formula: 'A1/0', result: { error: '#REF!' } }, dateIn(30), 'X-3', '']);
  sheet.addRow(['Texto', '1.500.000', dueInDays(60), 'X-4', '@mención']);
  await wb.xlsx.writeFile(path);
}

describe('issue: XLSX in and out', () => {
  it('reads typed cells from the first sheet with a header and writes a workbook people can use', async () => {
    const input = join(dir, 'cartera.xlsx');
    await workbook(input);
    const out = join(dir, 'cartera-links.xlsx');
    const result = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json'], { env });
    expect(result.code, result.stdout + result.stderr).toBe(1);

    const { sheet, header, rows } = await readXlsxOutput(out);
    expect(header).toEqual(['Nombre', 'Valor', 'Fecha de vencimiento', 'Referencia', 'Notas', 'link_state', 'link_id', 'link_url', 'expires_at', 'error']);
    expect(rows.map((r) => r.link_state)).toEqual(['ISSUED', 'ISSUED', 'INVALID', 'ISSUED']);
    expect(String(rows[2]?.error)).toMatch(/#REF!/);
    expect(sandbox.counters().createsByReference).toEqual({ 'X-1': 1, 'X-2': 1, 'X-4': 1 });

    // The amounts the service holds are the cells' values, exactly.
    const stored = async (id: unknown) => JSON.stringify(await (await fetch(`${sandbox.url}/__sandbox/links/${String(id)}`)).json());
    expect(await stored(rows[0]?.link_id)).toContain('1250000.5');
    expect(await stored(rows[1]?.link_id)).toContain('25000');
    expect(await stored(rows[3]?.link_id)).toContain('1500000');

    // Clickable links, a frozen header, an autofilter, coloured states.
    const urlCell = sheet.getCell(2, header.indexOf('link_url') + 1);
    expect((urlCell.value as { hyperlink?: string }).hyperlink).toMatch(/^https?:\/\//);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const stateCell = sheet.getCell(2, header.indexOf('link_state') + 1);
    expect(JSON.stringify(stateCell.fill)).toContain('C6EFCE');
    // A cell that would start a formula is text, not a formula.
    const notes = sheet.getCell(3, header.indexOf('Notas') + 1);
    expect(typeof notes.value).toBe('string');
    expect(notes.formula).toBeUndefined();
  });

  it('takes --sheet by name or position and can write CSV from XLSX', async () => {
    const input = join(dir, 'cartera.xlsx');
    await workbook(input);
    const byName = await runCli(['issue', input, '--sheet', 'Cartera', '--out', join(dir, 'a.csv'), '--dry-run', '--log', 'json']);
    expect(byName.code, byName.stderr).toBe(1);
    const { rows } = await readCsvOutput(join(dir, 'a.csv'), ';');
    expect(rows.map((r) => r.link_state)).toEqual(['WOULD_ISSUE', 'WOULD_ISSUE', 'INVALID', 'WOULD_ISSUE']);

    const wrong = await runCli(['issue', input, '--sheet', '1', '--out', join(dir, 'b.csv'), '--dry-run', '--log', 'json']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/cartera\.xlsx/);

    const missing = await runCli(['issue', input, '--sheet', 'Nope', '--out', join(dir, 'c.csv'), '--dry-run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cartera/);
  });
});
