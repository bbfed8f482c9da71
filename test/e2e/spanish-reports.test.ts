/**
 * A Spanish run as a clerk sees it: the built CLI against the sandbox over
 * HTTP. issue (the demo sheet, and a sheet with invalid rows), summary and
 * template print no English line of their own; the output's headers are
 * Spanish with a label beside each state; reconcile works on the
 * Spanish-headed sheet and keeps the labels current; JSON progress lines
 * carry the time left.
 * Every line is checked, the row errors' messages included.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { runCli } from '../helpers/cli.js';
import { billingCsv, readCsvOutput } from '../helpers/sheets.js';
import { englishLines } from '../i18n/english.js';
import { control } from '../reconcile/issued-fixture.js';

let dir: string;
let sandbox: SandboxHandle;
const DEMO = new URL('../../fixtures/demo-billing.csv', import.meta.url).pathname;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-es-'));
  sandbox = await startSandbox();
});

afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey });
const es = () => ({ ...env(), LANG: 'es_CO.UTF-8' });

describe('a Spanish run', () => {
  it('issue of the demo sheet: a Spanish report, Spanish headers, labels beside the states, a Spanish Summary tab', async () => {
    const input = join(dir, 'demo.csv');
    await copyFile(DEMO, input);
    const out = join(dir, 'demo-links.xlsx');
    const result = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'text', '--lang', 'es'], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Listo: /);
    expect(result.stdout).toMatch(/ISSUED \(emitido\)\s+6/);
    expect(result.stdout).toMatch(/filas\/s/);
    expect(englishLines(result.stdout + result.stderr)).toEqual([]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const links = wb.getWorksheet('Links') as ExcelJS.Worksheet;
    const header = (links.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-6)).toEqual(['Estado del enlace', 'Estado del enlace (texto)', 'Id del enlace', 'Enlace de pago', 'Vencimiento del enlace', 'Error']);
    const row2 = (links.getRow(2).values as unknown[]).slice(1);
    expect(row2[header.indexOf('Estado del enlace')]).toBe('ISSUED');
    expect(row2[header.indexOf('Estado del enlace (texto)')]).toBe('emitido');
    const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect((summary.getRow(1).values as unknown[]).slice(1)).toEqual(['Estado', 'Filas', 'Monto', 'Moneda']);
    expect(summary.getRow(2).getCell(1).value).toBe('ISSUED (emitido)');
  }, 240_000);

  it('issue of a sheet with invalid rows, then summary, then reconcile of the Spanish-headed sheet (a payment, labels kept current)', async () => {
    const input = join(dir, 'cartera.csv');
    const lines = billingCsv(6).trimEnd().split('\r\n');
    lines.push('Cliente malo;abc;15/01/2029;F-BAD1;malo@example.com', 'Cliente viejo;10.000;01/01/2020;F-BAD2;viejo@example.com');
    await writeFile(input, `${lines.join('\r\n')}\r\n`);
    const out = join(dir, 'cartera-links.csv');
    const issued = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'text', '--lang', 'es'], { env: env() });
    expect(issued.code).toBe(1);
    expect(issued.stdout).toMatch(/INVALID \(fila con error\)\s+2/);
    expect(issued.stdout).toMatch(/Filas sin enlace/);
    expect(issued.stdout).toMatch(/^\s+fila 8 INVALID \(fila con error\): /m);
    expect(englishLines(issued.stdout + issued.stderr)).toEqual([]);

    const { header, rows } = await readCsvOutput(out, ';');
    expect(header).toContain('Estado del enlace');
    expect(header).not.toContain('link_state');
    const first = rows[0] as Record<string, string>;
    expect(first['Estado del enlace']).toBe('ISSUED');
    expect(first['Estado del enlace (texto)']).toBe('emitido');

    const summary = await runCli(['summary', out, '--lang', 'es']);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/^.*cartera-links\.csv: 8 filas$/m);
    expect(summary.stdout).toMatch(/Estados de los enlaces \(link_state\)/);
    expect(summary.stdout).toMatch(/ISSUED \(emitido\)\s+6/);
    expect(englishLines(summary.stdout)).toEqual([]);

    await control(sandbox, Number(first['Id del enlace']), 'pay');
    const reconciled = await runCli(['reconcile', out, '--base-url', sandbox.url, '--log', 'text'], { env: es() });
    expect(reconciled.code).toBe(0);
    expect(englishLines(reconciled.stdout + reconciled.stderr)).toEqual([]);
    expect(reconciled.stdout).toMatch(/PAID \(pagado\)/);
    // No create was lost in issue: nothing to look for again, and nothing said of it.
    expect(reconciled.stdout + reconciled.stderr).not.toMatch(/Se buscaron de nuevo/);
    const after = await readCsvOutput(out, ';');
    expect(after.header).toContain('Estado del pago');
    expect(after.header).toContain('Estado del pago (texto)');
    expect(after.header).not.toContain('payment_state');
    // One column each: the Spanish headers were found, not added a second time in English.
    expect(after.header.filter((h) => h === 'Estado del enlace')).toHaveLength(1);
    expect(after.header.filter((h) => h === 'Id del enlace')).toHaveLength(1);
    const paid = after.rows[0] as Record<string, string>;
    expect(paid['Estado del pago']).toBe('PAID');
    expect(paid['Estado del pago (texto)']).toBe('pagado');
    expect(paid['Estado del enlace (texto)']).toBe('emitido');
    expect((after.rows[1] as Record<string, string>)['Estado del pago (texto)']).toBe('pendiente');

    const again = await runCli(['summary', out, '--lang', 'es']);
    expect(again.stdout).toMatch(/PAID \(pagado\)\s+1/);
    expect(again.stdout).toMatch(/PENDING \(pendiente\)\s+5/);
  }, 240_000);

  it('an English-headed sheet stays English when a Spanish run reconciles it', async () => {
    const input = join(dir, 'en.csv');
    await writeFile(input, billingCsv(2));
    const out = join(dir, 'en-links.csv');
    expect((await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--lang', 'en'], { env: env() })).code).toBe(0);
    expect((await runCli(['reconcile', out, '--base-url', sandbox.url], { env: es() })).code).toBe(0);
    const { header } = await readCsvOutput(out, ';');
    expect(header.slice(5)).toEqual(['link_state', 'link_id', 'link_url', 'expires_at', 'error', 'link_status', 'payment_state', 'paid_amount', 'paid_at', 'receipt', 'authorization', 'payment_method', 'payer_name', 'checked_at', 'reconcile_error']);
  }, 240_000);

  it('template: a Spanish line', async () => {
    const result = await runCli(['template', '--out', join(dir, 'plantilla.xlsx')], { env: { LANG: 'es_CO.UTF-8' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Plantilla escrita en /);
    expect(englishLines(result.stdout)).toEqual([]);
  });

  it('JSON progress lines carry the time left (etaSeconds)', async () => {
    const slow = await startSandbox({ faults: { latencyMs: 40 } });
    try {
      const input = join(dir, 'lento.csv');
      await writeFile(input, billingCsv(400));
      const result = await runCli(
        ['issue', input, '--out', join(dir, 'lento-links.csv'), '--base-url', slow.url, '--log', 'json', '--concurrency', '2', '--rate', '50'],
        { env: { PLACETOPAY_LOGIN: slow.credentials.login, PLACETOPAY_SECRET_KEY: slow.credentials.secretKey }, timeoutMs: 120_000 },
      );
      expect(result.code).toBe(0);
      const progress = result.stderr.split('\n').filter((l) => l.includes('"event":"progress"')).map((l) => JSON.parse(l) as { done: number; total?: number; etaSeconds?: number });
      expect(progress.length).toBeGreaterThan(0);
      for (const p of progress) {
        expect(p.total).toBe(400);
        // The estimate needs a few rows (ETA_MIN_ROWS); past them every progress line has it.
        if (p.done >= 5) expect(p.etaSeconds, JSON.stringify(p)).toBeGreaterThanOrEqual(0);
      }
      expect(progress.some((p) => typeof p.etaSeconds === 'number')).toBe(true);
    } finally {
      await slow.close();
    }
  }, 150_000);
});
