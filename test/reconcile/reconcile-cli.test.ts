/**
 * The built CLI under cron-like conditions: two reconciles of one sheet at
 * once (one refuses with exit 4 naming the holder, one waits), and the
 * report on stdout with progress on stderr.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { CLI, collect, type CliResult } from '../helpers/cli.js';
import { readCsvOutput } from '../helpers/sheets.js';
import { control, writeIssuedSheet, type BillRow } from './issued-fixture.js';

const ENTRY = CLI;

let dir: string;
let sandbox: SandboxHandle;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-reconcile-cli-'));
});

afterEach(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [ENTRY, ...args], {
    env: { ...process.env, PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

const run = (args: string[]): Promise<CliResult> => collect(start(args), { timeoutMs: 30_000 });

const rows = (n: number): BillRow[] =>
  Array.from({ length: n }, (_, i) => ({ name: `Cliente ${i + 1}`, amountText: '10.000', amount: '10000', due: '20/03/2027', reference: `F-${i + 1}` }));

describe('paylinks reconcile (CLI)', () => {
  it('a second reconcile of the same sheet refuses (exit 4, naming the holder) or waits, and the sheet stays intact', async () => {
    sandbox = await startSandbox({});
    const sheet = join(dir, 'billing-links.csv');
    await writeIssuedSheet(sandbox, sheet, rows(4));
    const common = ['reconcile', sheet, '--base-url', sandbox.url, '--concurrency', '1', '--retries', '0', '--log', 'json', '--report', 'json'];

    // The first run is paced at one query every 3.3 s, so it holds the lock for ~10 s: long enough
    // for the other two to start (a CLI can take a few seconds to start on a loaded 2-core box).
    const first = start([...common, '--rate', '0.3']);
    const firstDone = collect(first, { timeoutMs: 30_000 });
    await waitFor(() => existsSync(`${sheet}.lock`));
    const [refused, waited] = await Promise.all([run(common), run([...common, '--wait', '30'])]);
    const firstResult = await firstDone;

    expect(firstResult.code).toBe(0);
    expect(refused.code).toBe(4);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`held by process ${first.pid}`);
    expect(refused.stderr).toMatch(/started \d{4}-\d{2}-\d{2}T/);
    expect(waited.code).toBe(0);
    expect(JSON.parse(waited.stdout)).toMatchObject({ event: 'summary', queried: 4, changes: [] });

    const { rows: out } = await readCsvOutput(sheet);
    expect(out.map((r) => [r.Factura, r.payment_state])).toEqual(rows(4).map((r) => [r.reference, 'PENDING']));
    expect(existsSync(`${sheet}.lock`)).toBe(false);
  });

  it('reports changes on stdout as text, progress as JSON lines on stderr, and exit 1 when a link cannot be queried', async () => {
    sandbox = await startSandbox({});
    const sheet = join(dir, 'billing-links.csv');
    const links = await writeIssuedSheet(sandbox, sheet, rows(3));
    await control(sandbox, links[0]?.id as number, 'pay');
    const ok = await run(['reconcile', sheet, '--base-url', sandbox.url, '--disable-overdue', '--grace-days', '2', '--as-of', '2027-03-23', '--log', 'json']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Changes since the last run: 1 paid, 2 disabled/);
    expect(ok.stdout).toMatch(/DISABLED now \(overdue\) row 3 F-2/);
    for (const line of ok.stderr.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(sandbox.counters().linksDisabled).toBe(2);

    const again = await run(['reconcile', sheet, '--base-url', sandbox.url, '--disable-overdue', '--grace-days', '2', '--as-of', '2027-03-23', '--log', 'json']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/No changes since the last run/);
    expect(sandbox.counters().requests.disable).toBe(2);

    await sandbox.close();
    const down = await run(['reconcile', sheet, '--base-url', sandbox.url, '--retries', '0', '--log', 'json']);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/Needs a look \(3;/);
    const { rows: out } = await readCsvOutput(sheet);
    // The last known states are kept; the failure is in reconcile_error.
    expect(out.map((r) => r.payment_state)).toEqual(['PAID', 'DISABLED', 'DISABLED']);
    expect(out[0]?.reconcile_error).toMatch(/could not query link/);
  });

  it('exit 2 for a sheet that was not written by issue', async () => {
    sandbox = await startSandbox({});
    const sheet = join(dir, 'billing.csv');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(sheet, 'Cliente;Valor a pagar;Fecha de vencimiento\r\nAna;10.000;20/03/2027\r\n');
    const result = await run(['reconcile', sheet, '--base-url', sandbox.url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no link_id column/);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
