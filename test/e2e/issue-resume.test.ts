/**
 * Never twice: the CLI is killed with SIGKILL in the middle of a run and run
 * again; the sandbox's counters prove every reference was created once and
 * every row ends in a terminal state. The same under injected faults.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { FaultOptions, SandboxHandle } from '../../src/api/sandbox/options.js';
import { collect, runCli, startCli } from '../helpers/cli.js';
import { billingCsv, readCsvOutput } from '../helpers/sheets.js';

let sandbox: SandboxHandle | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const TERMINAL = new Set(['ISSUED', 'INVALID', 'FAILED', 'UNCERTAIN']);

async function setup(rows: number, faults: FaultOptions) {
  const dir = await mkdtemp(join(tmpdir(), 'paylinks-resume-'));
  sandbox = await startSandbox({ faults });
  const input = join(dir, 'billing.csv');
  await writeFile(input, billingCsv(rows));
  const out = join(dir, 'billing-links.csv');
  const env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
  // The sandbox never finishes a create after dropping its answer, so a lost answer is settled at once.
  const args = ['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json', '--concurrency', '8', '--retries', '8', '--probe-settle', '1'];
  return { dir, input, out, env, args, sandbox };
}

function expectNoDuplicates(handle: SandboxHandle): void {
  const twice = Object.entries(handle.counters().createsByReference).filter(([, n]) => n > 1);
  expect(twice).toEqual([]);
}

async function expectAllTerminal(out: string, rows: number): Promise<Record<string, string>[]> {
  const { rows: written } = await readCsvOutput(out, ';');
  expect(written).toHaveLength(rows);
  for (const row of written) expect(TERMINAL.has(row.link_state ?? ''), JSON.stringify(row)).toBe(true);
  return written;
}

async function waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('issue: resumable, never twice', () => {
  it('finishes after SIGKILL mid-run without creating any reference twice', async () => {
    // ~130 creates/s at most: the kill lands long before the end even on a loaded CI box.
    const s = await setup(400, { latencyMs: 30, jitterMs: 30 });
    const child = startCli(s.args, { env: s.env });
    const done = collect(child);
    await waitFor(() => s.sandbox.counters().linksCreated >= 60);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const createdBefore = s.sandbox.counters().linksCreated;
    expect(createdBefore).toBeLessThan(400);

    const again = await runCli(s.args, { env: s.env });
    expect([0, 1], again.stderr).toContain(again.code);
    expectNoDuplicates(s.sandbox);
    const rows = await expectAllTerminal(s.out, 400);
    const issued = rows.filter((r) => r.link_state === 'ISSUED');
    // Every ISSUED row's link exists in the sandbox with that reference.
    const links = new Set(Object.keys(s.sandbox.counters().createsByReference));
    for (const r of issued) expect(links.has(r.Factura ?? '')).toBe(true);
    // A create killed in flight is found by the probe or re-sent once it is proved absent: nothing left in doubt.
    const uncertain = rows.filter((r) => r.link_state === 'UNCERTAIN');
    for (const r of uncertain) expect(r.error).toMatch(/--resend-uncertain/);
    expect(issued.length + uncertain.length).toBe(400);
    expect(s.sandbox.counters().linksCreated).toBe(issued.length + uncertain.filter((r) => links.has(r.Factura ?? '')).length);
  });

  it('survives 429, 5xx and dropped connections: no duplicates, every row terminal', async () => {
    const s = await setup(200, { seed: 7, rate429: 0.1, retryAfterSeconds: 0, rate5xx: 0.1, dropBefore: 0.05, dropAfter: 0.05, latencyMs: 2 });
    const first = await runCli(s.args, { env: s.env, timeoutMs: 90_000 });
    expect([0, 1], first.stderr).toContain(first.code);
    expectNoDuplicates(s.sandbox);
    let rows = await expectAllTerminal(s.out, 200);
    // Lost answers were probed: most are resolved; FAILED rows (no link) are finished by the next run.
    const again = await runCli(s.args, { env: s.env, timeoutMs: 90_000 });
    expect([0, 1]).toContain(again.code);
    expectNoDuplicates(s.sandbox);
    rows = await expectAllTerminal(s.out, 200);
    const counters = s.sandbox.counters();
    expect(counters.faults.rate429).toBeGreaterThan(0);
    expect(counters.faults.serverError).toBeGreaterThan(0);
    expect(counters.faults.dropAfter).toBeGreaterThan(0);
    const issued = rows.filter((r) => r.link_state === 'ISSUED');
    expect(issued.length).toBeGreaterThan(180);
    const created = new Set(Object.keys(counters.createsByReference));
    for (const r of issued) expect(created.has(r.Factura ?? '')).toBe(true);
  });
});

describe('issue: a create the service finishes after the client gave up', () => {
  it('is found by the probe once it has settled, never sent a second time', async () => {
    // Every create takes 2.5 s at the service; the client gives up after 1 s. The link is made anyway,
    // 1.5 s after the answer was lost: a probe that looked before then would "prove" it absent and
    // bill the payer twice. With --probe-settle 3 it looks 3 s after the loss, and finds it.
    const s = await setup(3, { createLatencyMs: 2500 });
    const args = ['issue', s.input, '--out', s.out, '--base-url', s.sandbox.url, '--log', 'json', '--timeout', '1', '--concurrency', '1', '--retries', '0', '--probe-settle', '3'];
    const result = await runCli(args, { env: s.env, timeoutMs: 90_000 });
    expect([0, 1], result.stderr).toContain(result.code);
    expectNoDuplicates(s.sandbox);
    const rows = await expectAllTerminal(s.out, 3);
    expect(rows.map((r) => r.link_state)).toEqual(['ISSUED', 'ISSUED', 'ISSUED']);
    expect(s.sandbox.counters().linksCreated).toBe(3);
  });
});
