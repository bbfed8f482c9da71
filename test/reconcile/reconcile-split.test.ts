/**
 * `reconcile --split-by`: besides the reconciled sheet, one file per
 * collector with that collector's rows and payment states, and a manifest.
 * The issued sheet is made by the real `issue` command against a sandbox.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { runCli } from '../helpers/cli.js';
import { dueInDays, readCsvOutput } from '../helpers/sheets.js';

let dir: string;
let sandbox: SandboxHandle;
let env: Record<string, string>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-reconcile-split-'));
  sandbox = await startSandbox({});
  env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
});
afterEach(async () => {
  await sandbox.close();
});

describe('reconcile keeps a payment the sheet records', () => {
  it('never turns a PAID row PENDING (nor disables it) because the service does not show the payment yet', async () => {
    const input = join(dir, 'pagada.csv');
    await writeFile(input, `Cliente;Valor;Vencimiento;Factura\nUno;10.000;15/01/2031;K-1\n`);
    const sheet = join(dir, 'pagada-links.csv');
    // Issued "in mid-2030", so 2031 is inside the due-date window (3 years ahead by default).
    expect((await runCli(['issue', input, '--out', sheet, '--base-url', sandbox.url, '--log', 'json', '--as-of', '2030-06-01'], { env })).code).toBe(0);
    expect((await runCli(['reconcile', sheet, '--base-url', sandbox.url, '--log', 'json'], { env })).code).toBe(0);
    // A PAID notification reached the webhook, but the service's query does not show the payment (yet).
    const text = await readFile(sheet, 'utf8');
    expect(text).toContain(';PENDING;');
    await writeFile(sheet, text.replace(';PENDING;', ';PAID;'));
    for (let run = 0; run < 2; run += 1) {
      const result = await runCli(['reconcile', sheet, '--base-url', sandbox.url, '--log', 'json', '--disable-overdue', '--as-of', '2031-03-01'], { env });
      expect(result.code, result.stderr).toBe(1);
      const { rows } = await readCsvOutput(sheet, ';');
      expect(rows[0]?.payment_state).toBe('PAID');
      expect(rows[0]?.reconcile_error).toMatch(/no approved payment/);
    }
    expect(sandbox.counters().requests.disable).toBe(0);
  });
});

describe('reconcile adopts a lost link even after a run that wrote no sheet', () => {
  it('finds the link, and a later run still puts its id in the sheet', async () => {
    const input = join(dir, 'perdida.csv');
    await writeFile(input, `Cliente;Valor;Vencimiento;Factura;Cobrador\nUno;10.000;${dueInDays(20)};L-1;Ana\nDos;20.000;${dueInDays(20)};L-2;Ana\n`);
    const sheet = join(dir, 'perdida-links.csv');
    expect((await runCli(['issue', input, '--out', sheet, '--base-url', sandbox.url, '--log', 'json'], { env })).code).toBe(0);
    // Make L-2 a create whose answer was lost: UNCERTAIN in the sheet, no result in the journal.
    const journal = `${sheet}.journal`;
    const lines = (await readFile(journal, 'utf8')).split('\n').filter((l) => !(l.includes('"t":"result"') && l.includes('"ref":"L-2"')));
    await writeFile(journal, lines.join('\n'));
    const text = await readFile(sheet, 'utf8');
    await writeFile(sheet, text.replace(/L-2;Ana;ISSUED;\d+;[^;]*;/, 'L-2;Ana;UNCERTAIN;;;'));
    // A run that learns of the link but writes no sheet (a typo in --split-by stops it).
    // (The sandbox never finishes a create after losing its answer, so the lost create is settled at once.)
    const typo = await runCli(['reconcile', sheet, '--base-url', sandbox.url, '--log', 'json', '--split-by', 'Cobrdor', '--probe-settle', '1'], { env });
    expect(typo.code).toBe(2);
    const fixed = await runCli(['reconcile', sheet, '--base-url', sandbox.url, '--log', 'json'], { env });
    expect([0, 1]).toContain(fixed.code);
    const { rows } = await readCsvOutput(sheet, ';');
    const row = rows.find((r) => r.Factura === 'L-2');
    expect(row?.link_state).toBe('ISSUED');
    expect(row?.link_id).toMatch(/^\d+$/);
    expect(sandbox.counters().createsByReference).toEqual({ 'L-1': 1, 'L-2': 1 });
  });
});

describe('reconcile --split-by', () => {
  it('writes one file per collector with its rows and payment states, and a manifest', async () => {
    const input = join(dir, 'cartera.csv');
    await writeFile(
      input,
      [
        'Cliente;Valor;Vencimiento;Factura;Cobrador',
        `Uno;10.000;${dueInDays(20)};S-1;Ana Gómez`,
        `Dos;20.000;${dueInDays(20)};S-2;Carlos Niño`,
        `Tres;30.000;${dueInDays(20)};S-3;Ana Gómez`,
      ].join('\n'),
    );
    const sheet = join(dir, 'cartera-links.csv');
    const issued = await runCli(['issue', input, '--out', sheet, '--base-url', sandbox.url, '--log', 'json'], { env });
    expect(issued.code, issued.stderr).toBe(0);
    const { rows } = await readCsvOutput(sheet, ';');
    const paid = rows.find((r) => r.Factura === 'S-3')?.link_id;
    const answer = await fetch(`${sandbox.url}/__sandbox/links/${paid}/pay`, { method: 'POST' });
    expect(answer.status).toBe(200);

    const result = await runCli(['reconcile', sheet, '--base-url', sandbox.url, '--log', 'json', '--split-by', 'Cobrador'], { env });
    expect(result.code, result.stderr).toBe(0);
    const folder = join(dir, 'cartera-links-by-Cobrador');
    expect((await readdir(folder)).sort()).toEqual(['Ana Gómez.csv', 'Carlos Niño.csv', '_manifest.csv', '_manifest.json']);
    const ana = await readCsvOutput(join(folder, 'Ana Gómez.csv'), ';');
    expect(ana.rows.map((r) => [r.Factura, r.payment_state])).toEqual([
      ['S-1', 'PENDING'],
      ['S-3', 'PAID'],
    ]);
    const manifest = JSON.parse(await readFile(join(folder, '_manifest.json'), 'utf8')) as { files: Array<{ value: string; rows: number; states: Record<string, { rows: number }> }> };
    const byValue = Object.fromEntries(manifest.files.map((f) => [f.value, f]));
    expect(byValue['Ana Gómez']).toMatchObject({ rows: 2, states: { PAID: { rows: 1 }, PENDING: { rows: 1 } } });
    expect(byValue['Carlos Niño']).toMatchObject({ rows: 1, states: { PENDING: { rows: 1 } } });
    expect(result.stdout).toMatch(/cartera-links-by-Cobrador/);
  });

  it('refuses a column the sheet does not have before querying anything', async () => {
    const input = join(dir, 'c.csv');
    await writeFile(input, `Cliente;Valor;Vencimiento;Factura\nUno;10.000;${dueInDays(20)};T-1\n`);
    const sheet = join(dir, 'c-links.csv');
    expect((await runCli(['issue', input, '--out', sheet, '--base-url', sandbox.url, '--log', 'json'], { env })).code).toBe(0);
    const before = sandbox.counters().requests.get;
    const result = await runCli(['reconcile', sheet, '--base-url', sandbox.url, '--log', 'json', '--split-by', 'Cobrador'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Cobrador/);
    expect(sandbox.counters().requests.get).toBe(before);
    expect(existsSync(join(dir, 'c-links-by-Cobrador'))).toBe(false);
  });
});
