/**
 * `paylinks template` → `issue --dry-run` works as it is (both formats, both
 * locales); `paylinks summary` of issued sheets. Runs the built CLI.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { dueInDays, readCsvOutput } from '../helpers/sheets.js';

const run = (args: string[]): Promise<CliResult> => runCli(args);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-template-'));
});

describe('paylinks template', () => {
  for (const locale of ['es-CO', 'en-US'] as const) {
    for (const format of ['csv', 'xlsx'] as const) {
      it(`${locale} ${format}: the example row issues as it is`, async () => {
        const path = join(dir, `t.${format}`);
        const made = await run(['template', '--format', format, '--locale', locale, '--out', path]);
        expect(made.code, made.stderr).toBe(0);
        const out = join(dir, 'out.csv');
        const dry = await runCli(['issue', path, '--dry-run', '--locale', locale, '--out', out]);
        expect(dry.code, dry.stdout + dry.stderr).toBe(0);
        const { rows, header } = await readCsvOutput(out, locale === 'es-CO' ? ';' : ',');
        expect(rows.map((r) => r.link_state)).toEqual(['WOULD_ISSUE']);
        expect(header).toContain(locale === 'es-CO' ? 'Cobrador' : 'Collector');
        // The request carries the amount as a JSON number written from the decimal string.
        expect(rows[0]?.request).toContain('"total":150000}');
      });
    }
  }

  it('XLSX: validation on amount, due date and reference cells, and a notes sheet for every column', async () => {
    const path = join(dir, 'plantilla.xlsx');
    expect((await run(['template', '--out', path])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Facturas', 'Notas']);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Cliente', 'Valor a pagar', 'Fecha de vencimiento']);
    expect(sheet.getCell('B2').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThan' });
    expect(sheet.getCell('C900').dataValidation).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual' });
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ type: 'textLength' });
    expect(sheet.getCell('C2').value).toBeInstanceOf(Date);
    const notes = wb.worksheets[1] as ExcelJS.Worksheet;
    const noted = notes.getColumn(1).values.slice(2).filter(Boolean);
    expect(noted).toEqual(expect.arrayContaining(['Cliente', 'Valor a pagar', 'Fecha de vencimiento', 'Factura', 'Cobrador']));
  });

  it('never overwrites a file without --force', async () => {
    const path = join(dir, 'lleno.csv');
    await writeFile(path, 'filled in by a clerk');
    const refused = await run(['template', '--out', path]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists; choose another --out, or add --force/);
    expect((await run(['template', '--out', path, '--force'])).code).toBe(0);
  });
});

describe('paylinks summary', () => {
  it('counts and amounts per state of an issued sheet, as a table and as JSON', async () => {
    const input = join(dir, 'in.csv');
    await writeFile(input, `Cliente;Valor;Vence;Factura\r\nA;1.000,50;${dueInDays(30)};S-1\r\nB;2.000;${dueInDays(30)};S-2\r\nC;nada;${dueInDays(30)};S-3\r\n`);
    const out = join(dir, 'in-links.xlsx');
    expect((await runCli(['issue', input, '--dry-run', '--out', out])).code).toBe(1);

    const json = await run(['summary', out, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      rows: 3,
      link: { rows: 3, states: { WOULD_ISSUE: { rows: 2, amounts: { COP: '3000.5' } }, INVALID: { rows: 1, amounts: {} } }, amounts: { COP: '3000.5' } },
    });
    const table = await run(['summary', out, '--lang', 'en']);
    expect(table.stdout).toMatch(/Link states \(link_state\)/);
    expect(table.stdout).toMatch(/WOULD_ISSUE\s+2\s+\$ 3\.000,50 COP/);
    const es = await run(['summary', out, '--lang', 'es']);
    expect(es.stdout).toMatch(/Estados de los enlaces/);
  });

  it('reads payment_state of a reconciled sheet too', async () => {
    const sheet = join(dir, 'reconciled.csv');
    await writeFile(sheet, 'Cliente;Valor;Vence;Factura;link_state;link_id;link_url;payment_state\r\nA;1.000;15/01/2031;R-1;ISSUED;1;https://x/1;PAID\r\nB;2.000;15/01/2031;R-2;ISSUED;2;https://x/2;PENDING\r\nC;3.000;15/01/2031;R-3;ISSUED;3;https://x/3;PAID\r\n');
    const json = await run(['summary', sheet, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).payment.states).toEqual({
      PAID: { rows: 2, amounts: { COP: '4000' } },
      PENDING: { rows: 1, amounts: { COP: '2000' } },
    });
  });

  it('a sheet that issue did not write is refused with a message, exit 2', async () => {
    const sheet = join(dir, 'raw.csv');
    await writeFile(sheet, 'Cliente;Valor;Vence\r\nA;1.000;15/01/2031\r\n');
    const result = await run(['summary', sheet]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no link_id column/);
  });

  it("takes a --config file's column map object, as issue does", async () => {
    const sheet = join(dir, 'mapped.csv');
    await writeFile(sheet, 'Cliente;Saldo;Vence;Factura;link_state;link_id;link_url\r\nA;1.000;15/01/2031;R-1;ISSUED;1;https://x/1\r\n');
    const config = join(dir, 'paylinks.json');
    await writeFile(config, JSON.stringify({ map: { amount: 'Saldo', dueDate: 'Vence' } }));
    const json = await run(['summary', sheet, '--json', '--config', config]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).link.states).toEqual({ ISSUED: { rows: 1, amounts: { COP: '1000' } } });
  });

  it('checks --currency as issue does: a code that is not ISO 4217 is refused before the sheet is read, exit 2', async () => {
    const result = await run(['summary', join(dir, 'never-read.csv'), '--currency', 'PESOS']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('paylinks: --currency must be an ISO 4217 code such as COP or USD, not "PESOS".\n');
  });
});
