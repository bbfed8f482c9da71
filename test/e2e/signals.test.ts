/**
 * What a killed or hung-up run leaves behind, with real child processes:
 * a kill -9 mid-write leaves a temporary file beside the output, which the
 * next run on that output removes (and only it: a live run's stays); SIGHUP
 * (the terminal closed) stops issue and reconcile like Ctrl-C, writes the
 * output, releases the lock and exits 129.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { collect, runCli, startCli } from '../helpers/cli.js';
import { billingCsv, readCsvOutput } from '../helpers/sheets.js';
import { writeIssuedSheet, type BillRow } from '../reconcile/issued-fixture.js';

let sandbox: SandboxHandle | undefined;
const children: Array<{ kill: (s: NodeJS.Signals) => boolean }> = [];
afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  await sandbox?.close();
  sandbox = undefined;
});

async function setup(rows: number, latencyMs = 0) {
  const dir = await mkdtemp(join(tmpdir(), 'paylinks-signals-'));
  sandbox = await startSandbox({ faults: { latencyMs } });
  const input = join(dir, 'billing.csv');
  await writeFile(input, billingCsv(rows));
  const out = join(dir, 'billing-links.csv');
  const env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
  const args = ['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json', '--concurrency', '4'];
  return { dir, input, out, env, args, sandbox };
}

async function waitFor(predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const writerUrl = pathToFileURL(fileURLToPath(new URL('../../dist/io/write/index.js', import.meta.url))).href;
const killMidWrite = fileURLToPath(new URL('../helpers/kill-mid-write.mjs', import.meta.url));

describe('issue: temporary files of a dead run', () => {
  it('a kill -9 mid-write leaves a .tmp; the next run on the same output removes it, and only it', async () => {
    const s = await setup(10);
    // A real writer killed mid-write, leaving its temporary file beside the output.
    const writer = spawn(process.execPath, [killMidWrite, writerUrl, s.out, 'csv'], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(writer);
    await new Promise<void>((resolve) => writer.stdout.on('data', () => resolve()));
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.once('close', resolve));
    const left = (await readdir(s.dir)).filter((n) => n.endsWith('.tmp'));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^\\.billing-links\\.csv\\.${writer.pid}\\.[0-9a-f]{12}\\.tmp$`));

    // A live process's temporary file (a dry run writing the same output) and files that only look alike stay.
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(live);
    const liveTemp = `.billing-links.csv.${live.pid}.0123456789ab.tmp`;
    const lookalikes = ['.billing-links.csv.1.tmp', '.other.csv.999999.0123456789ab.tmp', 'billing-links.csv.999999.0123456789ab.tmp'];
    for (const name of [liveTemp, ...lookalikes]) await writeFile(join(s.dir, name), 'x');

    const result = await runCli(s.args, { env: s.env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Removed 1 temporary file\(s\) left beside .* by a run that was killed/);
    const after = await readdir(s.dir);
    expect(after).not.toContain(left[0]);
    expect(after).toContain(liveTemp);
    for (const name of lookalikes) expect(after).toContain(name);
  }, 60_000);
});

describe('issue: SIGHUP', () => {
  it('stops like Ctrl-C: the output is written, the lock released, exit 129; the same command finishes', async () => {
    const s = await setup(300, 40);
    const child = startCli(s.args, { env: s.env });
    children.push(child);
    const done = collect(child, { timeoutMs: 60_000 });
    await waitFor(() => s.sandbox.counters().linksCreated >= 20);
    child.kill('SIGHUP');
    const result = await done;
    expect(result.signal).toBeNull();
    expect(result.code, result.stderr).toBe(129);
    expect(existsSync(`${s.out}.lock`)).toBe(false);
    const { rows } = await readCsvOutput(s.out, ';');
    expect(rows).toHaveLength(300);
    const created = s.sandbox.counters().linksCreated;
    expect(created).toBeLessThan(300);
    expect(rows.filter((r) => r.link_state === 'ISSUED')).toHaveLength(created);
    expect(rows.filter((r) => r.link_state === 'FAILED').every((r) => /Interrupted/.test(r.error ?? ''))).toBe(true);

    const again = await runCli(s.args, { env: s.env, timeoutMs: 60_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(s.sandbox.counters().linksCreated).toBe(300);
    expect(Object.values(s.sandbox.counters().createsByReference).every((n) => n === 1)).toBe(true);
  }, 90_000);
});

describe('reconcile: SIGHUP', () => {
  it('stops like Ctrl-C: the sheet is written, the lock released, exit 129', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-signals-'));
    sandbox = await startSandbox({ faults: { latencyMs: 40 } });
    const sheet = join(dir, 'billing-links.csv');
    const bills: BillRow[] = Array.from({ length: 150 }, (_, i) => ({ name: `Cliente ${i + 1}`, amountText: '25.000', amount: '25000', due: '31/12/2031', reference: `R-${i + 1}` }));
    await writeIssuedSheet(sandbox, sheet, bills);
    const env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
    const child = startCli(['reconcile', sheet, '--base-url', sandbox.url, '--log', 'json', '--concurrency', '1'], { env });
    children.push(child);
    const done = collect(child, { timeoutMs: 60_000 });
    const handle = sandbox;
    await waitFor(() => handle.counters().requests.get >= 10);
    child.kill('SIGHUP');
    const result = await done;
    expect(result.signal).toBeNull();
    expect(result.code, result.stderr).toBe(129);
    expect(existsSync(`${sheet}.lock`)).toBe(false);
    expect(handle.counters().requests.get).toBeLessThan(150);
    const { rows } = await readCsvOutput(sheet, ';');
    expect(rows).toHaveLength(150);
    expect(rows.filter((r) => r.link_status === 'ACTIVE').length).toBeGreaterThanOrEqual(10);
  }, 90_000);
});
