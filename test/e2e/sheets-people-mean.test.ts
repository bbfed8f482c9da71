/**
 * Money the clerk meant (issue #10), end to end: the built CLI, the sandbox
 * over HTTP, and CSV files written by Python's codecs the way Excel and ERPs
 * write them (test/e2e/sheets-people-mean/make.py). "Today" is fixed with
 * --as-of so the due-date window does not move under the files.
 */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { runCli } from '../helpers/cli.js';
import { readCsvOutput, readXlsxOutput } from '../helpers/sheets.js';

const FILES = fileURLToPath(new URL('./sheets-people-mean/', import.meta.url));
const AS_OF = '2026-12-01';

let dir: string;
let sandbox: SandboxHandle;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-meant-'));
  sandbox = await startSandbox({});
  env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
});
afterAll(async () => {
  await sandbox.close();
});

async function input(name: string): Promise<string> {
  const path = join(dir, name);
  await copyFile(join(FILES, name), path);
  return path;
}

const issue = (file: string, out: string, ...extra: string[]) =>
  runCli(['issue', file, '--out', out, '--base-url', sandbox.url, '--as-of', AS_OF, ...extra], { env, timeoutMs: 60_000 });

/** What the service holds for a link: its currency and total, as it stores them. */
async function stored(id: string | undefined): Promise<string> {
  const link = (await (await fetch(`${sandbox.url}/__sandbox/links/${Number(id)}`)).json()) as { currency: string; total: string };
  return `${link.currency} ${link.total}`;
}

describe('a statement with a title block, a TOTAL row and footers', () => {
  it('bills the installments from the real header, skips the rest, exits 0, and summary leaves them out', async () => {
    const file = await input('statement.csv');
    const out = join(dir, 'statement-links.csv');
    const result = await issue(file, out, '--lang', 'en', '--log', 'text');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/skipped 3 \(not bills: 1 totals, 2 footers; see the error column\)/);

    const { header, rows } = await readCsvOutput(out, ';');
    expect(header.slice(0, 4)).toEqual(['Cuota', 'Factura', 'Vencimiento', 'Valor']);
    expect(rows.map((r) => [r.Factura, r.link_state])).toEqual([
      ['FAC-1', 'ISSUED'],
      ['FAC-2', 'ISSUED'],
      ['FAC-3', 'ISSUED'],
      ['TOTAL', 'SKIPPED'],
      ['', 'SKIPPED'],
      ['', 'SKIPPED'],
    ]);
    // 450.000 each, never the installment number 1, 2, 3.
    for (const row of rows.slice(0, 3)) expect(await stored(row.link_id)).toBe('COP 450000');
    expect(rows[3]?.error).toBe('TOTAL_ROW: Row 7 is not a bill: column "Factura" says "TOTAL", a total or subtotal line; it was not sent.');
    expect(rows[4]?.error).toMatch(/^FOOTER_ROW: Row 8 is not a bill: column "Cuota" says "Elaborado por: María Pérez", a footer line/);
    expect(sandbox.counters().createsByReference).toEqual({ 'FAC-1': 1, 'FAC-2': 1, 'FAC-3': 1 });

    const summary = await runCli(['summary', out, '--json'], { timeoutMs: 60_000 });
    expect(summary.code, summary.stderr).toBe(0);
    const json = JSON.parse(summary.stdout) as { link: { amounts: Record<string, string>; states: Record<string, { rows: number; amounts: Record<string, string> }> } };
    expect(json.link.amounts).toEqual({ COP: '1350000' });
    expect(json.link.states.SKIPPED).toEqual({ rows: 3, amounts: {} });
  });
});

describe('near misses of the total rule', () => {
  it('bills Totalgas S.A.S. and "Pago total del servicio", skips the subtotal and the gran total', async () => {
    const out = join(dir, 'near-links.csv');
    const result = await issue(await input('near-misses.csv'), out, '--dry-run', '--log', 'json');
    expect(result.code, result.stderr).toBe(0);
    const { rows } = await readCsvOutput(out, ';');
    expect(rows.map((r) => [r.Cliente, r.link_state, r.error?.split(':')[0] ?? ''])).toEqual([
      ['Totalgas S.A.S.', 'WOULD_ISSUE', ''],
      ['Ana Peña', 'WOULD_ISSUE', ''],
      ['Subtotal Zona Norte', 'SKIPPED', 'TOTAL_ROW'],
      ['GRAN TOTAL', 'SKIPPED', 'TOTAL_ROW'],
    ]);
    const summary = JSON.parse(result.stdout) as { skipped: Record<string, number>; states: Record<string, number> };
    expect(summary.skipped).toEqual({ TOTAL_ROW: 2 });
    expect(summary.states).toEqual({ WOULD_ISSUE: 2, SKIPPED: 2 });
  });
});

describe('units and currencies in the amount header', () => {
  it('refuses "Valor (miles de pesos)" without --amount-unit, exit 2, naming the header and the flag', async () => {
    const file = await input('miles.csv');
    const result = await issue(file, join(dir, 'miles-links.csv'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the amount column "Valor (miles de pesos)" says its amounts are in thousands');
    expect(result.stderr).toContain('--amount-unit 1000');
    expect(sandbox.counters().createsByReference['M-1']).toBeUndefined();
  });

  it('bills 1.250 as 1.250.000 and 3,5 as 3.500 with --amount-unit 1000; the output keeps the sheet figures', async () => {
    const out = join(dir, 'miles-links.csv');
    const result = await issue(await input('miles.csv'), out, '--amount-unit', '1000', '--log', 'json');
    expect(result.code, result.stderr).toBe(0);
    const { rows } = await readCsvOutput(out, ';');
    expect(rows.map((r) => r['Valor (miles de pesos)'])).toEqual(['1.250', '3,5']);
    expect(await stored(rows[0]?.link_id)).toBe('COP 1250000');
    expect(await stored(rows[1]?.link_id)).toBe('COP 3500');
  });

  it('bills "Valor (USD)" in USD, and refuses --currency COP against it (exit 2)', async () => {
    const file = await input('usd.csv');
    const out = join(dir, 'usd-links.csv');
    const ok = await issue(file, out, '--dry-run', '--log', 'json');
    expect(ok.code, ok.stderr).toBe(0);
    expect((await readCsvOutput(out, ';')).rows[0]?.request).toContain('"currency":"USD","total":1500');
    const refused = await issue(file, join(dir, 'usd-cop.csv'), '--dry-run', '--currency', 'COP');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the amount column "Valor (USD)" says its amounts are in USD, but --currency says COP');
  });
});

describe('number format and date order apart', () => {
  it('refuses dot decimals under es-CO advising --decimal ., never --locale; with --decimal . 10/02/2027 is 10 February', async () => {
    const file = await input('erp.csv');
    const refusedOut = join(dir, 'erp-refused.csv');
    const refused = await issue(file, refusedOut, '--dry-run', '--log', 'json');
    expect(refused.code).toBe(1);
    const refusedRows = (await readCsvOutput(refusedOut, ',')).rows;
    expect(refusedRows[0]?.error).toContain('run with --decimal . if every amount in the sheet is written that way');
    expect(refusedRows.map((r) => r.error).join(' ')).not.toContain('--locale');

    const out = join(dir, 'erp-links.csv');
    const ok = await issue(file, out, '--decimal', '.', '--log', 'json');
    expect(ok.code, ok.stderr).toBe(0);
    const { rows } = await readCsvOutput(out, ',');
    expect(rows.map((r) => r.expires_at)).toEqual(['2027-02-10 23:59:59', '2027-02-28 23:59:59']);
    expect(await stored(rows[0]?.link_id)).toBe('COP 1250000');
    expect(await stored(rows[1]?.link_id)).toBe('COP 99.5');
  });
});

describe('dates and numbers as people type them', () => {
  it('reads month names and spaced thousands; refuses dates out of the window and plain numbers', async () => {
    const out = join(dir, 'dates-links.csv');
    const result = await issue(await input('dates.csv'), out, '--dry-run', '--log', 'json');
    expect(result.code).toBe(1);
    const { rows } = await readCsvOutput(out, ';');
    const request = (i: number) => JSON.parse(rows[i]?.request ?? '{}') as { expirationDate?: string; payment?: { amount: { total: number } } };
    for (let i = 0; i < 4; i++) {
      expect(rows[i]?.link_state, rows[i]?.error).toBe('WOULD_ISSUE');
      expect(request(i).expirationDate).toBe('2027-01-15 23:59:59');
    }
    expect(request(0).payment?.amount.total).toBe(1250000);
    expect(request(1).payment?.amount.total).toBe(1250000.5);
    expect(rows[4]?.error).toBe(
      'Row 6, column "Vencimiento": "31/12/9999" (9999-12-31) is too far ahead to be a due date: due dates from 2026-12-01 to 2029-12-01 (3 years ahead) are accepted; correct the date, or widen the window with --max-due-years.',
    );
    expect(rows[5]?.error).toContain('"15/01/2207" (2207-01-15) is too far ahead to be a due date');
    expect(rows[6]?.error).toContain('"1052027" is a plain number, not a date');
    expect(rows[7]?.error).toContain('"1 250.000" has spaces between its digits that are not thousands groups of three');
  });

  it('accepts narrow no-break spaces as thousands separators', async () => {
    const out = join(dir, 'nnbsp-links.csv');
    const result = await issue(await input('narrow-nbsp.csv'), out, '--dry-run', '--log', 'json');
    expect(result.code, result.stderr).toBe(0);
    expect((await readCsvOutput(out, ';')).rows[0]?.request).toContain('"total":1250000');
  });
});

describe('a workbook written by openpyxl with a subtotal and a TOTAL row', () => {
  it('greys the SKIPPED rows and counts them apart in the Summary sheet, with no amount', async () => {
    const out = join(dir, 'totals-links.xlsx');
    const result = await issue(await input('totals.xlsx'), out, '--dry-run', '--log', 'json');
    expect(result.code, result.stderr).toBe(0);
    const { workbook, sheet, header, rows } = await readXlsxOutput(out);
    expect(rows.map((r) => [r.Cliente ?? null, r.link_state])).toEqual([
      ['Totalgas S.A.S.', 'WOULD_ISSUE'],
      ['Ana Peña', 'WOULD_ISSUE'],
      ['Subtotal', 'SKIPPED'],
      [null, 'SKIPPED'],
    ]);
    const skippedCell = sheet.getCell(4, header.indexOf('link_state') + 1);
    expect(JSON.stringify(skippedCell.fill)).toContain('D9D9D9');
    const summary = workbook.getWorksheet('Summary');
    const lines = (summary?.getSheetValues() ?? []).map((row) => (Array.isArray(row) ? row.slice(1, 5) : []));
    expect(lines).toContainEqual(['SKIPPED', 2]);
    expect(lines).toContainEqual(['WOULD_ISSUE', 2, 750000, 'COP']);
  });
});
