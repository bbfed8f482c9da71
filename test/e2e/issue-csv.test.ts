/**
 * `paylinks issue` end to end: the built CLI, a real sandbox over HTTP, real
 * CSV files in a temp folder.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { runCli } from '../helpers/cli.js';
import { billingCsv, dueInDays, readCsvOutput } from '../helpers/sheets.js';

let dir: string;
let sandbox: SandboxHandle;
let env: Record<string, string>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-issue-'));
  sandbox = await startSandbox({});
  env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
});
afterEach(async () => {
  await sandbox.close();
});

const issue = (input: string, out: string, ...extra: string[]) =>
  runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json', ...extra], { env });

describe('issue: CSV as people export it', () => {
  it('issues a Windows-1252, semicolon, CRLF sheet with accents and a quoted newline', async () => {
    const text =
      'Nombre del pagador;Valor;Fecha límite;Referencia;Descripción;Sucursal\r\n' +
      `Peña Ñuñez;$ 1.250.000;${dueInDays(20)};FV-001;"Factura de\r\nenero";Bogotá\r\n` +
      `José Ángel;350.000,50;${dueInDays(25)};FV-002;Plan móvil;Medellín\r\n`;
    const input = join(dir, 'facturas.csv');
    await writeFile(input, Buffer.from(text, 'latin1'));
    const out = join(dir, 'facturas-links.csv');

    const result = await issue(input, out);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(result.code, result.stdout + result.stderr).toBe(0);

    const { header, rows, bytes } = await readCsvOutput(out, ';');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(header).toEqual(['Nombre del pagador', 'Valor', 'Fecha límite', 'Referencia', 'Descripción', 'Sucursal', 'link_state', 'link_id', 'link_url', 'expires_at', 'error']);
    expect(rows.map((r) => [r['Nombre del pagador'], r.Sucursal, r.link_state])).toEqual([
      ['Peña Ñuñez', 'Bogotá', 'ISSUED'],
      ['José Ángel', 'Medellín', 'ISSUED'],
    ]);
    expect(rows[0]?.['Descripción']).toBe('Factura de\r\nenero');
    const counters = sandbox.counters();
    expect(counters.createsByReference).toEqual({ 'FV-001': 1, 'FV-002': 1 });

    // What the service holds is what the sheet said: exact amounts, end of the due day in Bogotá.
    const id = Number(rows[1]?.link_id);
    const stored = (await (await fetch(`${sandbox.url}/__sandbox/links/${id}`)).json()) as Record<string, unknown>;
    expect(JSON.stringify(stored)).toContain('350000.5');
    expect(rows[1]?.expires_at).toMatch(/^\d{4}-\d{2}-\d{2} 23:59:59$/);
    expect(rows[1]?.link_url).toMatch(/^https?:\/\//);
  });

  it('reads UTF-8 with BOM and comma delimiter under en-US', async () => {
    const d = new Date(Date.now() + 40 * 86_400_000);
    const us = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
    const input = join(dir, 'bills.csv');
    await writeFile(input, `\uFEFFPayer,Amount,Due Date,Invoice\nAcme Inc.,"1,250,000.50",${us},INV-1\nGlobex,25000,${us},INV-2\n`);
    const out = join(dir, 'bills-out.csv');
    const result = await issue(input, out, '--locale', 'en-US');
    expect(result.code, result.stderr).toBe(0);
    const { rows } = await readCsvOutput(out, ',');
    expect(rows.map((r) => r.link_state)).toEqual(['ISSUED', 'ISSUED']);
  });

  it('gives every invalid row a precise error and sends nothing for it', async () => {
    const long = 'x'.repeat(251);
    const lines = [
      'Cliente;Valor;Vencimiento;Factura;Correo;Celular;Detalle',
      `Ok Uno;10.000;${dueInDays(10)};A-1;a@example.com;3001234567;ok`,
      `Sin monto;;${dueInDays(10)};A-2;;;x`,
      `Monto raro;1,250,000.50;${dueInDays(10)};A-3;;;x`,
      `Cero;0;${dueInDays(10)};A-4;;;x`,
      `Sin fecha;10.000;;A-5;;;x`,
      `Fecha mala;10.000;31/02/2027;A-6;;;x`,
      `Pasada;10.000;01/01/2020;A-7;;;x`,
      `Ref espacios;10.000;${dueInDays(10)};A 8;;;x`,
      `Ref larga;10.000;${dueInDays(10)};${'R'.repeat(33)};;;x`,
      `Repetida;10.000;${dueInDays(10)};A-1;;;x`,
      `Desc larga;10.000;${dueInDays(10)};A-11;;;${long}`,
      `Correo malo;10.000;${dueInDays(10)};A-12;no-es-correo;;x`,
      `Tel malo;10.000;${dueInDays(10)};A-13;;12ab;x`,
      `Ok Dos;20.000;${dueInDays(10)};A-14;;;ok`,
    ];
    const input = join(dir, 'errores.csv');
    await writeFile(input, lines.join('\n'));
    const out = join(dir, 'errores-links.csv');
    const result = await issue(input, out);
    expect(result.code).toBe(1);
    const { rows } = await readCsvOutput(out, ';');
    const byRef = Object.fromEntries(rows.map((r) => [r.Cliente, r]));
    expect(rows.filter((r) => r.link_state === 'ISSUED').map((r) => r.Cliente)).toEqual(['Ok Uno', 'Ok Dos']);
    const expectations: Array<[string, RegExp]> = [
      ['Sin monto', /Row 3.*"Valor"/i],
      ['Monto raro', /1,250,000\.50/],
      ['Cero', /Row 5/i],
      ['Sin fecha', /Vencimiento/],
      ['Fecha mala', /31\/02\/2027/],
      ['Pasada', /01\/01\/2020/],
      ['Ref espacios', /A 8/],
      ['Ref larga', /33/],
      ['Repetida', /row 2/i],
      ['Desc larga', /250/],
      ['Correo malo', /no-es-correo/],
      ['Tel malo', /12ab/],
    ];
    for (const [name, pattern] of expectations) {
      expect(byRef[name]?.link_state, name).toBe('INVALID');
      expect(byRef[name]?.error, name).toMatch(pattern);
    }
    expect(sandbox.counters().requests.create).toBe(2);
    expect(result.stdout).toContain('INVALID');
  });

  it('marks a row the service rejects (422) INVALID with the field messages', async () => {
    const input = join(dir, 'moneda.csv');
    await writeFile(input, `Cliente;Valor;Vencimiento;Factura;Moneda\nUno;10.000;${dueInDays(10)};M-1;COP\nDos;10.000;${dueInDays(10)};M-2;ZZZ\n`);
    const out = join(dir, 'moneda-links.csv');
    const result = await issue(input, out);
    expect(result.code).toBe(1);
    const { rows } = await readCsvOutput(out, ';');
    expect(rows[0]?.link_state).toBe('ISSUED');
    expect(rows[1]?.link_state).toBe('INVALID');
    expect(rows[1]?.error).toMatch(/422|currency/i);
  });

  it('a dry run sends nothing and shows what would be sent', async () => {
    const input = join(dir, 'seco.csv');
    await writeFile(input, billingCsv(5));
    const out = join(dir, 'seco-links.csv');
    const result = await runCli(['issue', input, '--out', out, '--dry-run', '--log', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const { rows, header } = await readCsvOutput(out, ';');
    expect(header).toContain('request');
    expect(rows.every((r) => r.link_state === 'WOULD_ISSUE')).toBe(true);
    expect(JSON.parse(rows[0]?.request ?? '{}')).toMatchObject({ reference: 'F-00001', payment: { amount: { currency: 'COP' } } });
    expect(sandbox.counters().requests.total).toBe(0);
    expect(existsSync(`${out}.journal`)).toBe(false);
  });

  it('stops at the first authentication failure with its cause, exit 3', async () => {
    const input = join(dir, 'auth.csv');
    await writeFile(input, billingCsv(200));
    const out = join(dir, 'auth-links.csv');
    const result = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json', '--concurrency', '4'], {
      env: { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: 'not-the-secret' },
    });
    expect(result.code).toBe(3);
    expect(result.stdout + result.stderr).toMatch(/102/);
    expect(result.stdout + result.stderr).toMatch(/secret/i);
    // The first create goes alone (no link id is known yet), its 401 stops the run: one request, not 200.
    expect(sandbox.counters().requests.create).toBe(1);
    expect(result.stdout + result.stderr).not.toContain('not-the-secret');
    // Nothing was created: no sheet of 200 rows that all failed the same way (test/e2e/setup-failure.test.ts).
    expect(existsSync(out)).toBe(false);
  });

  it('reports unusable input with exit 2 and no stack trace', async () => {
    const missing = await runCli(['issue', join(dir, 'nope.csv'), '--dry-run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);

    const input = join(dir, 'sin-encabezado.csv');
    await writeFile(input, 'foo;bar\n1;2\n');
    const noHeader = await runCli(['issue', input, '--dry-run']);
    expect(noHeader.code).toBe(2);
    expect(noHeader.stderr).toMatch(/sin-encabezado\.csv/);

    const badLocale = await runCli(['issue', input, '--dry-run', '--locale', 'fr-FR']);
    expect(badLocale.code).toBe(2);
    expect(badLocale.stderr).toMatch(/es-CO or en-US/);
  });

  it('refuses to mix two versions of a sheet when resuming', async () => {
    const input = join(dir, 'version.csv');
    await writeFile(input, billingCsv(3));
    const out = join(dir, 'version-links.csv');
    expect((await issue(input, out)).code).toBe(0);
    const changed = (await readFile(input, 'utf8')).replace('Cliente 2;10.274', 'Cliente 2;99.999');
    await writeFile(input, changed);
    const again = await issue(input, out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/changed/);
    expect(again.stderr).toMatch(/F-00002/);
    expect(sandbox.counters().requests.create).toBe(3);
  });

  it('running the same command again creates nothing new', async () => {
    const input = join(dir, 'dos-veces.csv');
    await writeFile(input, billingCsv(20));
    const out = join(dir, 'dos-veces-links.csv');
    expect((await issue(input, out)).code).toBe(0);
    const first = await readFile(out);
    expect((await issue(input, out)).code).toBe(0);
    expect(sandbox.counters().requests.create).toBe(20);
    expect(await readFile(out)).toEqual(first);
  });

  it('takes defaults from --config, including a column map, and rejects a broken config with exit 2', async () => {
    const input = join(dir, 'saldo.csv');
    await writeFile(input, `Cliente;Saldo;Vence\nUno;10.000;${dueInDays(10)}\n`);
    const config = join(dir, 'paylinks.json');
    await writeFile(config, JSON.stringify({ map: { amount: 'Saldo', dueDate: 'Vence' }, currency: 'USD' }));
    const out = join(dir, 'saldo-links.csv');
    const ok = await runCli(['issue', input, '--out', out, '--dry-run', '--config', config, '--log', 'json']);
    expect(ok.code, ok.stderr).toBe(0);
    const { rows } = await readCsvOutput(out, ';');
    expect(JSON.parse(rows[0]?.request ?? '{}')).toMatchObject({ payment: { amount: { currency: 'USD', total: 10000 } } });

    await writeFile(config, '{ not json');
    const bad = await runCli(['issue', input, '--out', out, '--dry-run', '--config', config]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--config');
  });

  it('keeps issued rows ISSUED, with their links, when re-run after their due date has passed', async () => {
    const input = join(dir, 'vencida.csv');
    await writeFile(input, `Cliente;Valor;Vencimiento;Factura\nUno;10.000;15/01/2031;V-1\nDos;20.000;15/01/2031;V-2\n`);
    const out = join(dir, 'vencida-links.csv');
    // Issued "in mid-2030", so 2031 is inside the due-date window (3 years ahead by default).
    expect((await issue(input, out, '--as-of', '2030-06-01')).code).toBe(0);
    const before = await readCsvOutput(out, ';');
    // A month after the due date, the same command (to finish other rows, say) must not forget the links.
    const again = await issue(input, out, '--as-of', '2031-02-15');
    const after = await readCsvOutput(out, ';');
    expect(after.rows.map((r) => [r.Factura, r.link_state, r.link_id, r.link_url])).toEqual(before.rows.map((r) => [r.Factura, 'ISSUED', r.link_id, r.link_url]));
    expect(again.code, again.stderr).toBe(0);
    expect(sandbox.counters().requests.create).toBe(2);
  });
});
