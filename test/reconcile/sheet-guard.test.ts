/**
 * A clerk's edit is never lost to reconcile, and reconcile's result is never
 * written over a sheet open in Excel. The built CLI as a child process, the
 * sandbox over HTTP, real files; and the guard's decisions on real files.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { besidePath, ownerFileOf, SheetGuard } from '../../src/pipeline/reconcile/sheet-guard.js';
import { collect, runCli, startCli, waitFor } from '../helpers/cli.js';
import { readCsvOutput } from '../helpers/sheets.js';
import { writeIssuedSheet, type BillRow } from './issued-fixture.js';

let dir: string;
let sandbox: SandboxHandle;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-sheet-guard-'));
  sandbox = await startSandbox({});
});

afterEach(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey });
// Overdue on --as-of 2027-04-01: every link is disabled by the run.
const rows = (n: number): BillRow[] => Array.from({ length: n }, (_, i) => ({ name: `Cliente ${i + 1}`, amountText: '10.000', amount: '10000', due: '01/03/2027', reference: `F-${i + 1}` }));
const apiRequests = (): number => {
  const r = sandbox.counters().requests;
  return r.create + r.get + r.disable;
};

describe('reconcile never overwrites a sheet changed since it read it', () => {
  it('a clerk saves the sheet mid-run: the edit is kept, the result is written beside it, exit 1', async () => {
    const sheet = join(dir, 'billing-links.csv');
    await writeIssuedSheet(sandbox, sheet, rows(6));
    // Paced at 4 requests per second: the run lasts a few seconds, long enough to save over it.
    const child = startCli(['reconcile', sheet, '--base-url', sandbox.url, '--rate', '4', '--concurrency', '1', '--disable-overdue', '--as-of', '2027-04-01', '--log', 'json'], { env: env() });
    const done = collect(child, { timeoutMs: 60_000 });
    await waitFor(() => sandbox.counters().requests.get >= 2);
    const edited = (await readFile(sheet, 'utf8')).replace('Cliente 3', 'Cliente 3 (pagó en efectivo)');
    await writeFile(sheet, edited);
    const result = await done;

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/billing-links\.csv was NOT overwritten: it was changed while reconcile ran/);
    expect(result.stdout).toMatch(/NOT OVERWRITTEN/);
    // The clerk's version, byte for byte.
    expect(await readFile(sheet, 'utf8')).toBe(edited);
    const beside = (await readdir(dir)).filter((f) => /^billing-links\.reconciled-\d{8}-\d{6}\.csv$/.test(f));
    expect(beside).toHaveLength(1);
    expect(result.stdout).toContain(beside[0]);
    const { rows: out } = await readCsvOutput(join(dir, beside[0] as string));
    expect(out.map((r) => r.payment_state)).toEqual(Array(6).fill('DISABLED'));
    expect(sandbox.counters().linksDisabled).toBe(6);
    // No temporary files left behind.
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('unchanged: the sheet is replaced in place and nothing is left beside it', async () => {
    const sheet = join(dir, 'billing-links.csv');
    await writeIssuedSheet(sandbox, sheet, rows(2));
    const result = await runCli(['reconcile', sheet, '--base-url', sandbox.url, '--log', 'json'], { env: env() });
    expect(result.code).toBe(0);
    expect((await readCsvOutput(sheet)).rows.map((r) => r.payment_state)).toEqual(['PENDING', 'PENDING']);
    expect((await readdir(dir)).filter((f) => f.includes('.reconciled-') || f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a sheet open in Excel (~$ owner file beside it)', () => {
  it('is refused before anything is sent (exit 2), or waited for with --wait', async () => {
    const sheet = join(dir, 'billing-links.xlsx');
    await writeIssuedSheet(sandbox, sheet, rows(2), { format: 'xlsx' });
    const owner = join(dir, '~$billing-links.xlsx');
    expect(ownerFileOf(sheet)).toBe(owner);
    await writeFile(owner, 'Excel owner file');
    const bytes = await readFile(sheet);
    const base = apiRequests();

    const refused = await runCli(['reconcile', sheet, '--base-url', sandbox.url, '--disable-overdue', '--as-of', '2027-04-01'], { env: env() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/billing-links\.xlsx is open in Excel .*nothing was sent\. Close the file in Excel/);
    expect(apiRequests()).toBe(base);
    expect(await readFile(sheet)).toEqual(bytes);
    expect(existsSync(`${sheet}.lock`)).toBe(false);

    // With --wait: it waits, and runs once Excel closes the file.
    const child = startCli(['reconcile', sheet, '--base-url', sandbox.url, '--wait', '60', '--log', 'json'], { env: env() });
    const done = collect(child, { timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(apiRequests()).toBe(base);
    await unlink(owner);
    const waited = await done;
    expect(waited.code).toBe(0);
    expect(apiRequests() - base).toBe(2);
  });
});

describe('SheetGuard', () => {
  it('replaces the sheet only when its bytes are the ones read and no owner file appeared', async () => {
    const sheet = join(dir, 'a.csv');
    const stage = async (): Promise<string> => {
      const staged = besidePath(sheet, new Date());
      await writeFile(staged, 'result');
      return staged;
    };
    await writeFile(sheet, 'v1');
    let guard = await SheetGuard.take(sheet);
    expect(await guard.place(await stage())).toEqual({ replaced: true, path: sheet });
    expect(await readFile(sheet, 'utf8')).toBe('result');

    guard = await SheetGuard.take(sheet);
    await writeFile(sheet, 'edited');
    let placed = await guard.place(await stage());
    expect(placed).toMatchObject({ replaced: false, reason: expect.stringMatching(/changed while reconcile ran/) });
    expect(await readFile(sheet, 'utf8')).toBe('edited');
    expect(await readFile(placed.path, 'utf8')).toBe('result');

    guard = await SheetGuard.take(sheet);
    await writeFile(ownerFileOf(sheet), '');
    placed = await guard.place(await stage());
    expect(placed).toMatchObject({ replaced: false, reason: expect.stringMatching(/opened in Excel/) });
    await unlink(ownerFileOf(sheet));

    guard = await SheetGuard.take(sheet);
    await unlink(sheet);
    placed = await guard.place(await stage());
    expect(placed).toMatchObject({ replaced: false, reason: expect.stringMatching(/moved or deleted/) });
    expect(besidePath('/x/billing.xlsx', new Date('2027-03-10T07:08:09Z'))).toBe('/x/billing.reconciled-20270310-070809.xlsx');
  });
});
