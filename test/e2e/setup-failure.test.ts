/**
 * Wrong credentials or a wrong address: the built CLI on 2,000 rows against
 * the sandbox over HTTP. One message that says what to fix, no per-row
 * lines, no "run the same command again", no sheet of 2,000 failed rows, one
 * request sent, exit 3 (README "Exit codes": stopped by an error affecting
 * every row). In Spanish, no English line.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { runCli } from '../helpers/cli.js';
import { billingCsv } from '../helpers/sheets.js';
import { englishLines } from '../i18n/english.js';

let dir: string;
let sandbox: SandboxHandle;
let input: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-setup-failure-'));
  sandbox = await startSandbox();
  input = join(dir, 'cartera.csv');
  await writeFile(input, billingCsv(2000));
});

afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const creates = (): number => sandbox.counters().requests.create;
const env = (secretKey: string) => ({ PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: secretKey });
/** Per-row lines of the closing report, in either language. */
const ROW_LINE = /^\s*(?:row|fila) \d+/im;

describe('a run whose credentials or address are wrong', () => {
  it.each([
    ['es', /Qué corregir: las credenciales\. Revise PLACETOPAY_LOGIN y PLACETOPAY_SECRET_KEY \(o el archivo de --credentials\)/, /mismo comando/],
    ['en', /What to fix: the credentials\. Check PLACETOPAY_LOGIN and PLACETOPAY_SECRET_KEY \(or the --credentials file\)/, /same command/],
  ] as const)('wrong secret key, 2,000 rows, --lang %s: one message, what to fix, no row lines, nothing written, one request, exit 3', async (lang, fix, again) => {
    const out = join(dir, `wrong-key-${lang}.xlsx`);
    const before = creates();
    const result = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'text', '--lang', lang], { env: env('not-the-key') });
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(fix);
    expect(result.stdout).toMatch(/10[2]/);
    expect(result.stdout).not.toMatch(ROW_LINE);
    expect(result.stdout + result.stderr).not.toMatch(again);
    expect(result.stdout.trim().split('\n')).toHaveLength(4);
    expect(existsSync(out)).toBe(false);
    expect(creates() - before).toBe(1);
    if (lang === 'es') expect(englishLines(result.stdout)).toEqual([]);
  });

  it('a base URL that is not the service (404 on create): what to fix is the address, exit 3, nothing written', async () => {
    const out = join(dir, 'wrong-url.csv');
    const result = await runCli(['issue', input, '--out', out, '--base-url', `${sandbox.url}/otro`, '--log', 'text', '--lang', 'es'], {
      env: env(sandbox.credentials.secretKey),
    });
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/Qué corregir: la dirección\. Use --env test o --env production, o una --base-url/);
    expect(result.stdout).not.toMatch(ROW_LINE);
    expect(result.stdout).not.toMatch(/mismo comando/);
    expect(existsSync(out)).toBe(false);
    expect(englishLines(result.stdout)).toEqual([]);
  });

  it('with --log json: the summary says why, with its stable reason and nothing written', async () => {
    const out = join(dir, 'wrong-key.json.csv');
    const result = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json'], { env: env('not-the-key') });
    expect(result.code).toBe(3);
    const summary = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { stop?: { reason: string; authCode?: number }; written?: boolean };
    expect(summary.stop).toMatchObject({ reason: 'AUTH_FAILED', authCode: 102 });
    expect(summary.written).toBe(false);
  });

  it('once the key is fixed, the same sheet issues every row (the refused row included), no link twice', async () => {
    const out = join(dir, 'fixed.csv');
    const refused = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json'], { env: env('not-the-key') });
    expect(refused.code).toBe(3);
    const linksBefore = sandbox.counters().linksCreated;
    const fixed = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json', '--concurrency', '32'], { env: env(sandbox.credentials.secretKey), timeoutMs: 180_000 });
    expect(fixed.code).toBe(0);
    expect(sandbox.counters().linksCreated - linksBefore).toBe(2000);
  }, 200_000);
});
