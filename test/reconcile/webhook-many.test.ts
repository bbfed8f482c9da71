/**
 * One webhook for every month: `paylinks webhook --sheet A --sheet B` and
 * `--dir <folder>` route each signed notification to the sheet holding its
 * link id. Real sheets (CSV and XLSX) in temp folders, links made by the
 * sandbox over HTTP, notifications POSTed over HTTP; the receiver in process
 * and as the built CLI.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signNotification } from '../../src/api/notification.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { startWebhook, type WebhookHandle } from '../../src/pipeline/webhook/server.js';
import { collect, startCli, waitFor } from '../helpers/cli.js';
import { readCsvOutput, type Row } from '../helpers/sheets.js';
import { englishLines } from '../i18n/english.js';
import { writeIssuedSheet, type BillRow } from './issued-fixture.js';

let dir: string;
let sandbox: SandboxHandle;
let hook: WebhookHandle | undefined;
const logs: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-webhook-many-'));
  sandbox = await startSandbox({});
  logs.length = 0;
});

afterEach(async () => {
  await hook?.close();
  hook = undefined;
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const rows = (prefix: string, n: number): BillRow[] =>
  Array.from({ length: n }, (_, i) => ({ name: `Cliente ${prefix}${i + 1}`, amountText: '10.000', amount: '10000', due: '20/03/2027', reference: `${prefix}-${i + 1}` }));
const ids = async (sheet: string, r: BillRow[], format: 'csv' | 'xlsx' = 'csv'): Promise<number[]> =>
  (await writeIssuedSheet(sandbox, sheet, r, { format })).map((l) => l.id as number);

function signed(linkId: number, status = 'PAID'): unknown {
  const date = new Date().toISOString();
  return { status: { status, reason: '00', message: 'ok', date }, linkId, reference: 'x', signature: signNotification({ linkId, status, date }, sandbox.credentials.secretKey) };
}

async function post(url: string, body: unknown): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.text();
  return res.status;
}

const events = async (path: string): Promise<Array<{ linkId: number; status: string }>> =>
  existsSync(path) ? (await readFile(path, 'utf8')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
const stateOf = async (sheet: string): Promise<Record<string, string>> =>
  Object.fromEntries((await readCsvOutput(sheet)).rows.map((r: Row) => [r.Factura ?? '', r.payment_state ?? '']));

describe('paylinks webhook with several sheets', () => {
  it('--sheet A --sheet B: each notification to its sheet; an unknown id answered 200 and kept beside the first sheet', async () => {
    const a = join(dir, 'enero-links.csv');
    const b = join(dir, 'febrero-links.xlsx');
    const [a1] = await ids(a, rows('E', 2));
    const [b1, b2] = await ids(b, rows('F', 2), 'xlsx');
    // A link of a sheet the webhook is not told about (in a sub-folder, which is never served).
    await mkdir(join(dir, 'otro'));
    const stray = (await writeIssuedSheet(sandbox, join(dir, 'otro', 'otra-links.csv'), rows('X', 1)))[0]?.id as number;
    hook = await startWebhook({
      port: 0, host: '127.0.0.1', path: '/placetopay', secret: sandbox.credentials.secretKey,
      route: { sheets: [a, b], read: { locale: 'es-CO', currency: 'COP', timeZone: 'America/Bogota' }, unroutedPath: join(dir, 'unrouted.events.jsonl'), rescanMs: 60_000 },
      log: (level, message) => logs.push(`${level} ${message}`), retryMs: 50,
    });
    expect(await post(hook.url, signed(a1 as number))).toBe(200);
    expect(await post(hook.url, signed(b2 as number, 'EXPIRED'))).toBe(200);
    expect(await post(hook.url, signed(stray))).toBe(200);
    // The signature check and the path rules hold as for one sheet.
    expect(await post(hook.url, { ...(signed(b1 as number) as object), signature: 'f'.repeat(64) })).toBe(401);
    expect(await post(hook.url.replace('/placetopay', '/otro'), signed(b1 as number))).toBe(404);
    await hook.idle();

    expect((await events(`${a}.events.jsonl`)).map((e) => [e.linkId, e.status])).toEqual([[a1, 'PAID']]);
    expect((await events(`${b}.events.jsonl`)).map((e) => [e.linkId, e.status])).toEqual([[b2, 'EXPIRED']]);
    expect((await events(join(dir, 'unrouted.events.jsonl'))).map((e) => e.linkId)).toEqual([stray]);
    expect(await stateOf(a)).toEqual({ 'E-1': 'PAID', 'E-2': '' });
    expect(logs.some((l) => l.startsWith('warn') && l.includes(`for link ${stray}: that link is in no sheet; kept in`))).toBe(true);
    expect(logs.some((l) => l.startsWith('info') && l.includes(`accepted PAID for link ${a1} for ${a}`))).toBe(true);
  }, 240_000);
});

describe('paylinks webhook --dir (CLI)', () => {
  async function startDir(extraEnv: Record<string, string | undefined> = {}, log = 'json') {
    const child = startCli(['webhook', '--dir', dir, '--port', '0', '--path', '/placetopay', '--rescan', '0.3', '--log', log], {
      env: { PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey, ...extraEnv },
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = collect(child, { timeoutMs: 90_000 });
    await waitFor(() => /https?:\/\/127\.0\.0\.1:\d+\/placetopay/.test(stderr), 30_000);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/placetopay)/.exec(stderr)?.[1] as string;
    return { child, url, done, stderr: () => stderr };
  }

  it('routes by link id, picks up a sheet added while running, and applies kept notifications once their sheet appears', async () => {
    const enero = join(dir, 'enero-links.csv');
    const [e1] = await ids(enero, rows('E', 2));
    await writeFile(join(dir, 'entrada.csv'), 'Cliente;Valor a pagar;Fecha de vencimiento\r\nAna;10.000;20/03/2027\r\n');
    await writeFile(join(dir, 'notas.txt'), 'x');
    const run = await startDir();

    expect(await post(run.url, signed(e1 as number))).toBe(200);
    // Links of a month whose sheet is not in the folder yet: kept, answered 200.
    const marzo = join(dir, 'marzo-links.xlsx');
    await mkdir(join(dir, 'preparando'));
    const staging = join(dir, 'preparando', 'marzo-links.xlsx');
    const [m1, m2] = await ids(staging, rows('M', 2), 'xlsx');
    expect(await post(run.url, signed(m1 as number))).toBe(200);
    await waitFor(() => existsSync(join(dir, 'unrouted.events.jsonl')));
    expect((await events(join(dir, 'unrouted.events.jsonl'))).map((e) => e.linkId)).toEqual([m1]);

    // The sheet appears (as a save would: written, then put in place): the kept event goes to it.
    await writeFile(marzo, await readFile(staging));
    await rm(staging, { force: true });
    await waitFor(() => run.stderr().includes(`belong to ${marzo}`), 20_000);
    // And a notification for it right away is routed to it.
    expect(await post(run.url, signed(m2 as number, 'EXPIRED'))).toBe(200);
    await waitFor(() => run.stderr().includes(`applied`) && run.stderr().split('\n').filter((l) => l.includes('applied') && l.includes('marzo-links.xlsx')).length >= 1, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    run.child.kill('SIGTERM');
    const result = await run.done;

    expect(result.code).toBe(0);
    expect((await events(`${enero}.events.jsonl`)).map((e) => e.linkId)).toEqual([e1]);
    expect((await events(`${marzo}.events.jsonl`)).map((e) => [e.linkId, e.status])).toEqual([[m1, 'PAID'], [m2, 'EXPIRED']]);
    expect(await stateOf(enero)).toEqual({ 'E-1': 'PAID', 'E-2': '' });
    // The input sheet and the text file were never served.
    expect(existsSync(join(dir, 'entrada.csv.events.jsonl'))).toBe(false);
    expect(existsSync(join(dir, 'notas.txt.events.jsonl'))).toBe(false);
    for (const line of result.stderr.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();

    // A restart routes nothing twice: the kept event is already in marzo's events file.
    const again = await startDir();
    await new Promise((r) => setTimeout(r, 1500));
    again.child.kill('SIGTERM');
    await again.done;
    expect((await events(`${marzo}.events.jsonl`)).map((e) => e.linkId)).toEqual([m1, m2]);
  }, 240_000);

  it('speaks Spanish in a Spanish environment: no English log line', async () => {
    const enero = join(dir, 'enero-links.csv');
    const [e1] = await ids(enero, rows('E', 1));
    const run = await startDir({ LANG: 'es_CO.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined }, 'text');
    expect(await post(run.url, signed(e1 as number))).toBe(200);
    expect(await post(run.url, signed(987_654))).toBe(200);
    expect(await post(run.url, { ...(signed(e1 as number) as object), signature: '0'.repeat(64) })).toBe(401);
    expect(await post(run.url.replace('/placetopay', '/x'), signed(e1 as number))).toBe(404);
    await waitFor(() => run.stderr().includes('aplicados'), 20_000);
    run.child.kill('SIGTERM');
    const result = await run.done;
    expect(result.stderr).toMatch(/Escuchando en http/);
    expect(result.stderr).toMatch(/se guardó en .*unrouted\.events\.jsonl/);
    expect(englishLines(result.stderr)).toEqual([]);
  }, 240_000);
});
