/**
 * `paylinks reconcile <folder>`: every sheet paylinks wrote in a folder, in
 * one run with one report. The built CLI as a child process, the sandbox over
 * HTTP, real CSV and XLSX files in a temp folder with the files that lie
 * beside sheets in real folders (an input sheet, a text file, a journal,
 * Excel's ~$ owner file), one sheet locked by another process and one
 * changed by a clerk while the run goes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { discoverSheets } from '../../src/pipeline/reconcile/discover.js';
import { totalsOf } from '../../src/pipeline/reconcile/many.js';
import type { ReconcileSummary } from '../../src/pipeline/reconcile/run.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { worstExitCode } from '../../src/cli/reconcile-exit.js';
import { collect, runCli, startCli, waitFor } from '../helpers/cli.js';
import { readCsvOutput } from '../helpers/sheets.js';
import { englishLines } from '../i18n/english.js';
import { control, writeIssuedSheet, type BillRow } from './issued-fixture.js';

let dir: string;
let sandbox: SandboxHandle;
const holders: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-reconcile-many-'));
  sandbox = await startSandbox({});
});

afterEach(async () => {
  for (const h of holders.splice(0)) h.kill('SIGKILL');
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

// CLI runs over a real sandbox on a shared 2-core machine: minutes, not the default minute.
/** A Spanish-speaking environment, whatever the test runner's. */
const SPANISH = { LANG: 'es_CO.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined };
const env = () => ({ PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey });
const rows = (prefix: string, n: number): BillRow[] =>
  Array.from({ length: n }, (_, i) => ({ name: `Cliente ${prefix}${i + 1}`, amountText: '10.000', amount: '10000', due: '20/03/2027', reference: `${prefix}-${i + 1}` }));

/** A process that takes a sheet's lock through the built code and holds it until killed. */
async function holdLock(sheet: string): Promise<ChildProcess> {
  const lockModule = pathToFileURL(join(process.cwd(), 'dist/io/lock.js')).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', `const { acquireLock } = await import(${JSON.stringify(lockModule)}); await acquireLock(${JSON.stringify(`${sheet}.lock`)}, {}); console.log('held'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  holders.push(child);
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  return child;
}

/** The folder of a merchant after four months, with what lies beside the sheets. */
async function folder(): Promise<{ enero: number[]; febrero: number[] }> {
  const enero = (await writeIssuedSheet(sandbox, join(dir, 'a-enero-links.csv'), [...rows('E', 3), { ...rows('U', 1)[0]!, uncertain: true }])).map((l) => l.id as number);
  const febrero = (await writeIssuedSheet(sandbox, join(dir, 'b-febrero-links.xlsx'), rows('F', 2), { format: 'xlsx' })).map((l) => l.id as number);
  await writeIssuedSheet(sandbox, join(dir, 'c-marzo-links.csv'), rows('M', 2));
  await writeIssuedSheet(sandbox, join(dir, 'd-abril-links.xlsx'), rows('A', 6), { format: 'xlsx' });
  await writeFile(join(dir, 'entrada-mayo.csv'), 'Cliente;Valor a pagar;Fecha de vencimiento;Factura\r\nAna;10.000;20/03/2027;Y-1\r\n');
  await writeFile(join(dir, 'notas.txt'), 'llamar a Ana el lunes\n');
  await writeFile(join(dir, 'viejo-links.csv.journal'), '{"t":"intent"}\n');
  await writeFile(join(dir, '~$otro-links.xlsx'), 'owner');
  return { enero, febrero };
}

describe('paylinks reconcile <folder>', () => {
  it('finds the sheets paylinks wrote and says why every other file was left out', async () => {
    await folder();
    const found = await discoverSheets([dir]);
    expect(found.sheets.map((s) => s.slice(dir.length + 1))).toEqual(['a-enero-links.csv', 'b-febrero-links.xlsx', 'c-marzo-links.csv', 'd-abril-links.xlsx']);
    expect(Object.fromEntries(found.skipped.map((s) => [s.path.slice(dir.length + 1), s.code]))).toEqual({
      'entrada-mayo.csv': 'NOT_ISSUED',
      'notas.txt': 'NOT_A_SHEET_TYPE',
      'viejo-links.csv.journal': 'JOURNAL',
      '~$otro-links.xlsx': 'OWNER_FILE',
    });
    expect(found.skipped.find((s) => s.code === 'NOT_ISSUED')?.reason).toMatch(/no link_state, link_id, link_url column/);
    // A sheet named twice (by name and through its folder) is reconciled once.
    expect((await discoverSheets([join(dir, 'c-marzo-links.csv'), dir])).sheets).toHaveLength(4);
  }, 240_000);

  it('one run, one report: a locked sheet and a sheet changed meanwhile do not stop the others; exit is the worst', async () => {
    const { enero, febrero } = await folder();
    await control(sandbox, enero[0] as number, 'pay');
    await control(sandbox, febrero[1] as number, 'pay');
    const holder = await holdLock(join(dir, 'c-marzo-links.csv'));
    const abril = join(dir, 'd-abril-links.xlsx');
    // Paced so the last sheet is still being checked when the clerk saves it.
    const child = startCli(['reconcile', dir, '--base-url', sandbox.url, '--rate', '5', '--concurrency', '1', '--disable-overdue', '--as-of', '2027-03-23', '--grace-days', '2', '--log', 'json', '--report', 'json'], { env: env() });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = collect(child, { timeoutMs: 90_000 });
    await waitFor(() => stderr.includes('d-abril-links.xlsx'), 60_000);
    const gets = sandbox.counters().requests.get;
    await waitFor(() => sandbox.counters().requests.get >= gets + 1, 30_000);
    // The clerk saves it: other bytes (a zip reader ignores bytes after the archive, as Excel's re-save differs in its own ways).
    const clerks = Buffer.concat([await readFile(abril), Buffer.from([0])]);
    await writeFile(abril, clerks);
    const result = await done;
    holder.kill('SIGKILL');

    const report = JSON.parse(result.stdout) as any;
    expect(result.code, result.stderr).toBe(EXIT.LOCKED);
    expect(report.exitCode).toBe(EXIT.LOCKED);
    const bySheet = Object.fromEntries(report.sheets.map((s: any) => [s.sheet.slice(dir.length + 1), s]));
    expect(bySheet['a-enero-links.csv']).toMatchObject({ status: 'done', exitCode: 1, problemCount: 1, changeCounts: { PAID: 1, DISABLED: 2 } });
    expect(bySheet['b-febrero-links.xlsx']).toMatchObject({ status: 'done', exitCode: 0, changeCounts: { PAID: 1, DISABLED: 1 } });
    expect(bySheet['c-marzo-links.csv']).toMatchObject({ status: 'failed', exitCode: 4, error: { code: 'LOCK_HELD', holder: { pid: holder.pid } } });
    expect(bySheet['d-abril-links.xlsx']).toMatchObject({ status: 'done', exitCode: 1, sheetChanged: { message: expect.stringMatching(/NOT overwritten/) } });
    // Totals: the figures of the sheets added up, lists naming their sheet.
    expect(report.changeCounts).toEqual({ PAID: 2, DISABLED: 9 });
    expect(report.problems).toEqual([expect.objectContaining({ sheet: join(dir, 'a-enero-links.csv'), reference: 'U-1' })]);
    // The held lock is in the folder too, and is never taken for a sheet.
    expect(report.skipped.map((s: any) => s.code).sort()).toEqual(['JOURNAL', 'LOCK_FILE', 'NOT_A_SHEET_TYPE', 'NOT_ISSUED', 'OWNER_FILE']);
    // Each sheet written on its own: enero and febrero updated in place, marzo untouched, abril's result beside it.
    expect((await readCsvOutput(join(dir, 'a-enero-links.csv'))).rows.map((r) => r.payment_state)).toEqual(['PAID', 'DISABLED', 'DISABLED', '']);
    expect((await readdir(dir)).filter((f) => f.startsWith('d-abril-links.reconciled-'))).toHaveLength(1);
    expect(await readFile(abril)).toEqual(clerks);
    expect((await readCsvOutput(join(dir, 'c-marzo-links.csv'))).rows.every((r) => r.payment_state === undefined || r.payment_state === '')).toBe(true);
    expect(existsSync(join(dir, 'c-marzo-links.csv.lock'))).toBe(true);
  }, 240_000);

  it('text report: changes first, then what needs a person, per sheet and in total; in Spanish with no English line', async () => {
    const { enero } = await folder();
    await control(sandbox, enero[1] as number, 'pay');
    await control(sandbox, enero[2] as number, 'expire');
    const holder = await holdLock(join(dir, 'c-marzo-links.csv'));
    const en = await runCli(['reconcile', dir, '--base-url', sandbox.url, '--disable-overdue', '--as-of', '2027-03-23', '--grace-days', '2', '--log', 'json'], { env: env() });
    expect(en.code).toBe(EXIT.LOCKED);
    const text = en.stdout;
    expect(text).toMatch(/^Reconciled 3 of 4 sheets: \d+ of \d+ links checked \(each sheet updated in place\)\./);
    expect(text.indexOf('Changes since the last run: 1 paid, 1 expired, 9 disabled')).toBeGreaterThan(0);
    expect(text.indexOf('Changes since the last run')).toBeLessThan(text.indexOf('Needs a look'));
    expect(text).toMatch(/a-enero-links\.csv: 1 paid, 1 expired, 1 disabled/);
    expect(text).toMatch(/c-marzo-links\.csv: NOT RECONCILED \(exit 4\): another run holds it \(process \d+/);
    expect(text).toMatch(/a-enero-links\.csv row 5 U-1: UNCERTAIN from issue: a link may exist/);
    expect(text).toMatch(/Per sheet:\n {2}.*a-enero-links\.csv: exit 1;/);
    expect(text).toMatch(/Skipped \(not sheets paylinks wrote\):\n(.*\n)*.*notas\.txt: not a \.csv or \.xlsx file/);
    holder.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));

    const holder2 = await holdLock(join(dir, 'c-marzo-links.csv'));
    // Spanish from the environment (the global --lang flag comes with the help branch; main.ts already reads it).
    const es = await runCli(['reconcile', dir, '--base-url', sandbox.url, '--log', 'json'], { env: { ...env(), ...SPANISH } });
    holder2.kill('SIGKILL');
    expect(es.code, es.stderr + es.stdout).toBe(EXIT.LOCKED);
    expect(es.stdout).toMatch(/^Conciliadas 3 de 4 hojas/);
    expect(es.stdout).toMatch(/NO CONCILIADA \(código de salida 4\): otra ejecución la está usando/);
    expect(es.stdout).toMatch(/Omitidos \(no son hojas escritas por paylinks\):/);
    expect(englishLines(es.stdout)).toEqual([]);
  }, 240_000);

  it('one shared pace: a wrong key costs one request for the whole folder, and the other sheets are not reached (exit 3)', async () => {
    await folder();
    const wrong = await runCli(['reconcile', dir, '--base-url', sandbox.url, '--concurrency', '16', '--report', 'json', '--log', 'json'], {
      env: { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: 'not-the-key' },
    });
    const r = sandbox.counters().requests;
    expect(r.get + r.disable).toBe(1);
    expect(wrong.code).toBe(EXIT.STOPPED);
    const report = JSON.parse(wrong.stdout) as any;
    expect(report.sheets.map((s: any) => s.status)).toEqual(['done', 'not-run', 'not-run', 'not-run']);
    expect(report.sheets[0].stop.reason).toBe('AUTH_FAILED');
    expect(report.sheets.slice(1).map((s: any) => s.exitCode)).toEqual([3, 3, 3]);
  }, 240_000);

  it('--out is refused with several sheets; a folder with no sheet is refused with what was seen (exit 2, nothing sent)', async () => {
    await folder();
    const out = await runCli(['reconcile', dir, '--out', join(dir, 'x.csv'), '--base-url', sandbox.url], { env: env() });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--out names one file/);
    const empty = await mkdtemp(join(tmpdir(), 'paylinks-empty-'));
    await writeFile(join(empty, 'notas.txt'), 'x');
    const none = await runCli(['reconcile', empty, '--base-url', sandbox.url], { env: env() });
    await rm(empty, { recursive: true, force: true });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/No sheet written by paylinks in .*notas\.txt \(not a \.csv or \.xlsx file\)/);
    expect(sandbox.counters().requests.get).toBe(0);
  }, 240_000);
});

describe('exit code of several sheets', () => {
  it.each([
    [[0, 0], true, 0],
    [[0, 1], true, 1],
    [[1, 4], true, 4],
    [[2, 0], true, 1], // 2 promises nothing was sent: another sheet sent requests
    [[2, 0], false, 2],
    [[4, 3], true, 3],
    [[5, 4], true, 5],
    [[3, 130], true, 130],
  ] as const)('%j (sent: %s) → %i', (codes, sent, expected) => {
    expect(worstExitCode(codes as any, sent)).toBe(expected);
  });
});

describe('totals of several sheets', () => {
  const base = (sheet: string, over: Partial<ReconcileSummary>): ReconcileSummary => ({
    sheet, dryRun: false, rows: 0, linked: 0, queried: 0, states: {}, amounts: {}, paid: {}, changes: [], changeCounts: {}, disabled: 0,
    wouldDisable: [], wouldDisableCount: 0, problems: [], problemCount: 0, paidAfterDisable: [], paidAfterDisableCount: 0, elapsedMs: 0, ...over,
  });
  it('adds counts and money exactly, and names the sheet of every listed entry', () => {
    const t = totalsOf([
      base('a.csv', { rows: 2, states: { PAID: 1, PENDING: 1 }, amounts: { PAID: { COP: '0.10' } }, paid: { COP: '0.10' }, changeCounts: { PAID: 1 }, problems: [{ rowNumber: 2, reference: 'X', message: 'm' }], problemCount: 1 }),
      base('b.xlsx', { rows: 3, states: { PAID: 2 }, amounts: { PAID: { COP: '0.20', USD: '5' } }, paid: { COP: '0.20' }, changeCounts: { PAID: 2, DISABLED: 1 } }),
    ]);
    expect(t).toMatchObject({ rows: 5, states: { PAID: 3, PENDING: 1 }, amounts: { PAID: { COP: '0.3', USD: '5' } }, paid: { COP: '0.3' }, changeCounts: { PAID: 3, DISABLED: 1 }, problemCount: 1 });
    expect(t.problems).toEqual([{ rowNumber: 2, reference: 'X', message: 'm', sheet: 'a.csv' }]);
  });
});
