/**
 * End to end with the built CLI and the sandbox: a comma CSV whose amounts
 * are not quoted (1,250,000 splits into three cells) and a currency column
 * with a blank cell. Those rows are INVALID and never reach the service;
 * the rows the sheet means without doubt are issued, for what they say.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { runCli } from '../helpers/cli.js';
import { readCsvOutput } from '../helpers/sheets.js';

const AS_OF = '2026-11-27';

let dir: string;
let sandbox: SandboxHandle;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-width-'));
  sandbox = await startSandbox({});
  env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
});
afterAll(async () => {
  await sandbox.close();
});

async function issue(name: string, text: string, ...extra: string[]) {
  const file = join(dir, name);
  await writeFile(file, text);
  const out = join(dir, `${name}.out.csv`);
  const result = await runCli(['issue', file, '--out', out, '--base-url', sandbox.url, '--as-of', AS_OF, '--log', 'json', ...extra], { env, timeoutMs: 60_000 });
  return { result, out };
}

/** The JSON summary line of a `--log json` run. */
function summary(output: string): { tally: { states: Record<string, { rows: number; amounts: Record<string, string> }> } } {
  const line = output.split('\n').find((l) => l.startsWith('{"event":"summary"'));
  expect(line).toBeDefined();
  return JSON.parse(line as string) as ReturnType<typeof summary>;
}

async function stored(id: string | undefined): Promise<string> {
  const link = (await (await fetch(`${sandbox.url}/__sandbox/links/${Number(id)}`)).json()) as { currency: string; total: string };
  return `${link.currency} ${link.total}`;
}

describe('a comma CSV with unquoted amounts', () => {
  it('refuses the split rows with ROW_TOO_WIDE and issues the rest, trailing empty cells included', async () => {
    const { result, out } = await issue('width.csv', [
      'Referencia,Cliente,Fecha de vencimiento,Valor',
      'W-1,Ana,15/12/2026,1.250.000',
      'W-2,Beto,15/12/2026,1,250,000',
      'W-3,Caro,15/12/2026,850,50',
      'W-4,Dani,15/12/2026,"850,50"',
      'W-5,Eva,15/12/2026,2.000,,,',
      '',
    ].join('\r\n'));
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const { rows } = await readCsvOutput(out, ',');
    expect(rows.map((r) => [r.Referencia, r.link_state])).toEqual([
      ['W-1', 'ISSUED'], ['W-2', 'INVALID'], ['W-3', 'INVALID'], ['W-4', 'ISSUED'], ['W-5', 'ISSUED'],
    ]);
    expect(rows[1]?.error).toBe(
      'Row 3: the row has 6 cells but the header has 4 columns, so "250", "000" belong to no column: a value holding the separator "," was probably split into several cells; ' +
        'quote a value that contains a comma (write "1.250.000,50", not 1.250.000,50), or save the CSV with ; as the separator, as Excel in Spanish does.',
    );
    expect(rows[2]?.error).toMatch(/^Row 4: the row has 5 cells but the header has 4 columns, so "50" belongs to no column/);
    expect(await stored(rows[0]?.link_id)).toBe('COP 1250000');
    expect(await stored(rows[3]?.link_id)).toBe('COP 850.5');
    expect(await stored(rows[4]?.link_id)).toBe('COP 2000');
    const sent = sandbox.counters().createsByReference;
    expect(sent['W-2']).toBeUndefined();
    expect(sent['W-3']).toBeUndefined();
    // The summary does not total the split pieces ("1" and "850") as pesos.
    expect(summary(result.stdout + result.stderr).tally.states.INVALID).toEqual({ rows: 2, amounts: {} });
  });
});

describe('a currency column with a blank cell', () => {
  it('refuses the blank row with CURRENCY_MISSING even with --currency, and bills the others in their own currency', async () => {
    const { result, out } = await issue('moneda.csv', [
      'Referencia;Cliente;Valor;Moneda;Fecha de vencimiento',
      'M-1;Acme SAS;1.250;USD;15/12/2026',
      'M-2;Beta SAS;2.500;;15/12/2026',
      'M-3;Gamma SAS;3.000;cop;15/12/2026',
      '',
    ].join('\r\n'), '--currency', 'USD');
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const { rows } = await readCsvOutput(out, ';');
    expect(rows.map((r) => [r.Referencia, r.link_state])).toEqual([['M-1', 'ISSUED'], ['M-2', 'INVALID'], ['M-3', 'ISSUED']]);
    expect(rows[1]?.error).toBe(
      'Row 3, column "Moneda": the currency is empty; write an ISO 4217 code such as COP or USD (--currency applies only to sheets without a currency column).',
    );
    expect(await stored(rows[0]?.link_id)).toBe('USD 1250');
    expect(await stored(rows[2]?.link_id)).toBe('COP 3000');
    expect(sandbox.counters().createsByReference['M-2']).toBeUndefined();
    // Nor does it count the blank-currency row's 2.500 as pesos or dollars.
    expect(summary(result.stdout + result.stderr).tally.states.INVALID).toEqual({ rows: 1, amounts: {} });
  });
});
