/**
 * Wrong credentials cost one request: the built CLI at --concurrency 64
 * against the sandbox over HTTP, counted by the sandbox's own counters.
 * Reconcile of a 200-link sheet, and a resumed issue (links already known,
 * so issue's own one-at-a-time start does not apply) both send ONE request.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { runCli } from '../helpers/cli.js';
import { billingCsv } from '../helpers/sheets.js';
import { writeIssuedSheet, type BillRow } from './issued-fixture.js';

let dir: string;
let sandbox: SandboxHandle;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-first-request-'));
  sandbox = await startSandbox({ faults: { latencyMs: 20 } });
});

afterEach(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const env = (secretKey: string) => ({ PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: secretKey });
const apiRequests = (s: SandboxHandle): number => {
  const r = s.counters().requests;
  return r.create + r.get + r.disable;
};

describe('wrong credentials cost one request', () => {
  it('reconcile --concurrency 64 with a wrong key: one request, exit 3, sheet untouched', async () => {
    const sheet = join(dir, 'billing-links.csv');
    const rows: BillRow[] = Array.from({ length: 200 }, (_, i) => ({ name: `Cliente ${i + 1}`, amountText: '10.000', amount: '10000', due: '01/03/2027', reference: `F-${i + 1}` }));
    await writeIssuedSheet(sandbox, sheet, rows);
    const before = await readFile(sheet);
    const base = apiRequests(sandbox);

    const result = await runCli(['reconcile', sheet, '--base-url', sandbox.url, '--concurrency', '64', '--disable-overdue', '--as-of', '2027-04-01', '--log', 'json'], { env: env('wrong-key'), timeoutMs: 60_000 });

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Authentication failed \(code 102\)/);
    expect(apiRequests(sandbox) - base).toBe(1);
    expect(sandbox.counters().auth.failed).toBe(1);
    expect(await readFile(sheet)).toEqual(before);
  });

  it('a resumed issue --concurrency 64 with a wrong key: one request', async () => {
    const input = join(dir, 'billing.csv');
    const out = join(dir, 'billing-links.csv');
    await writeFile(input, billingCsv(5));
    const first = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json'], { env: env(sandbox.credentials.secretKey) });
    expect(first.code).toBe(0);
    // 150 more bills in the same sheet: the journal knows link ids, so the run would send at full width.
    await appendFile(input, billingCsv(155).split('\r\n').slice(6).join('\r\n'));
    const base = apiRequests(sandbox);

    const result = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--concurrency', '64', '--log', 'json'], { env: env('wrong-key'), timeoutMs: 60_000 });

    expect(result.code).toBe(3);
    expect(apiRequests(sandbox) - base).toBe(1);
    expect(sandbox.counters().auth.failed).toBe(1);
    expect(sandbox.counters().linksCreated).toBe(5);
  });
});
