/**
 * The notification receiver over real HTTP: signed notifications sent by the
 * sandbox change the sheet; forged ones are answered 401 and change nothing.
 * And verify-notification's verdicts and exit codes.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signNotification } from '../../src/api/notification.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { startWebhook, type WebhookHandle } from '../../src/pipeline/webhook/server.js';
import { CLI, collect } from '../helpers/cli.js';
import { readCsvOutput, type Row } from '../helpers/sheets.js';
import { englishLines } from '../i18n/english.js';
import { control, writeIssuedSheet, type BillRow } from './issued-fixture.js';

const ENTRY = CLI;

let dir: string;
let sandbox: SandboxHandle;
let hook: WebhookHandle | undefined;
const logs: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-webhook-'));
  sandbox = await startSandbox({});
  logs.length = 0;
});

afterEach(async () => {
  await hook?.close();
  hook = undefined;
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const rows: BillRow[] = [1, 2, 3].map((n) => ({ name: `Cliente ${n}`, amountText: '10.000', amount: '10000', due: '20/03/2027', reference: `F-${n}` }));
const byRef = (list: Row[]): Record<string, Row> => Object.fromEntries(list.map((r) => [r.Factura ?? '', r]));

async function startHook(sheet: string, port = 0): Promise<WebhookHandle> {
  return startWebhook({
    port,
    host: '127.0.0.1',
    path: '/placetopay',
    secret: sandbox.credentials.secretKey,
    sheet: { path: sheet, locale: 'es-CO', currency: 'COP', timeZone: 'America/Bogota' },
    eventsPath: `${sheet}.events.jsonl`,
    lockPath: `${sheet}.lock`,
    log: (level, message) => logs.push(`${level} ${message}`),
    retryMs: 50,
  });
}

async function post(url: string, body: unknown): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  await res.text();
  return res.status;
}

describe('paylinks webhook', () => {
  it('applies only signed notifications to the sheet, durably', async () => {
    // The receiver's port must be known before the links are created with it as notificationUrl.
    const sheet = join(dir, 'billing-links.csv');
    const probe = await startHook(join(dir, 'unused.csv'));
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const links = await writeIssuedSheet(sandbox, sheet, rows, { notificationUrl: `http://127.0.0.1:${port}/placetopay` });
    const [l1, l2, l3] = links.map((l) => l.id as number) as [number, number, number];
    hook = await startHook(sheet, port);

    await control(sandbox, l1, 'pay');
    const paid = await control(sandbox, l1, 'notify', { event: 'PAID' });
    expect(paid.receiverStatus).toBe(200);
    await control(sandbox, l2, 'expire');
    expect((await control(sandbox, l2, 'notify', { event: 'EXPIRED' })).receiverStatus).toBe(200);

    // Forged: a wrong signature, a signature made with another key, a replayed signature on another link, junk.
    const date = new Date().toISOString();
    const forged = { status: { status: 'PAID', reason: '00', message: 'x', date }, linkId: l3, reference: 'F-3' };
    expect(await post(hook.url, { ...forged, signature: 'a'.repeat(64) })).toBe(401);
    expect(await post(hook.url, { ...forged, signature: signNotification({ linkId: l3, status: 'PAID', date }, 'not-the-key') })).toBe(401);
    expect(await post(hook.url, { ...forged, signature: paid.notification.signature })).toBe(401);
    expect(await post(hook.url, 'not json')).toBe(401);
    expect(logs.filter((l) => l.startsWith('warn rejected'))).toHaveLength(4);

    await hook.idle();
    const out = byRef((await readCsvOutput(sheet)).rows);
    expect(out['F-1']).toMatchObject({ payment_state: 'PAID', link_state: 'ISSUED' });
    expect(out['F-1']?.paid_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(out['F-2']).toMatchObject({ payment_state: 'EXPIRED', link_status: 'EXPIRED' });
    expect(out['F-3']).toMatchObject({ payment_state: '', link_status: '' });
    const events = (await readFile(`${sheet}.events.jsonl`, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { linkId: number; status: string });
    expect(events.map((e) => [e.linkId, e.status])).toEqual([[l1, 'PAID'], [l2, 'EXPIRED']]);

    // A restart replays the journal: nothing changes twice.
    await hook.close();
    const before = await readFile(sheet);
    hook = await startHook(sheet, port);
    await hook.idle();
    expect(await readFile(sheet)).toEqual(before);
  });
});

describe('paylinks webhook: what it refuses', () => {
  it('takes POSTs on its path only, refuses a linkId that is not decimal digits, and logs hang-ups as info', async () => {
    const sheet = join(dir, 'billing-links.csv');
    const links = await writeIssuedSheet(sandbox, sheet, rows);
    const l1 = links[0]?.id as number;
    hook = await startHook(sheet);
    const base = new URL(hook.url);
    expect(base.pathname).toBe('/placetopay');
    const date = new Date().toISOString();
    const signed = (linkId: number | string) => ({
      status: { status: 'PAID', reason: '00', message: 'ok', date },
      linkId,
      reference: 'F-1',
      signature: signNotification({ linkId, status: 'PAID', date }, sandbox.credentials.secretKey),
    });

    // A correctly signed body on another path, or with another method, is never taken.
    expect(await post(`${base.origin}/`, signed(l1))).toBe(404);
    expect(await post(`${base.origin}/placetopay/x`, signed(l1))).toBe(404);
    expect(await post(`${base.origin}/other`, signed(l1))).toBe(404);
    const get = await fetch(hook.url);
    await get.text();
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');

    // Signed, but a linkId Number() would turn into another id (or the same id with junk): 400, not recorded.
    for (const bad of ['0x3F3', '1010 ', '1e3', `0${l1}`, `${l1}.0`, '-1']) {
      expect(await post(hook.url, signed(bad)), bad).toBe(400);
    }
    expect(logs.filter((l) => l.startsWith('warn refused a signed notification'))).toHaveLength(6);
    expect(logs.find((l) => l.includes('"0x3F3" is not a whole number'))).toBeDefined();

    // A client that sends half a request and hangs up: info, not error.
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(base.port), '127.0.0.1', () => {
        socket.write(`POST /placetopay HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"linkId":`);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
      socket.on('error', reject);
    });
    await expect.poll(() => logs.some((l) => l.startsWith('info') && l.includes('closed the connection before its request was complete'))).toBe(true);

    // The one good notification after all that is the only event recorded.
    expect(await post(hook.url, signed(String(l1)))).toBe(200);
    await hook.idle();
    const events = (await readFile(`${sheet}.events.jsonl`, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { linkId: number });
    expect(events.map((e) => e.linkId)).toEqual([l1]);
    expect(logs.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});

describe('paylinks verify-notification', () => {
  const verify = (input: string, ...flags: string[]) =>
    collect(spawn(process.execPath, [ENTRY, 'verify-notification', ...flags], { env: { ...process.env, PLACETOPAY_SECRET_KEY: 'k3y' }, stdio: ['pipe', 'pipe', 'pipe'] }), { input, timeoutMs: 20_000 });

  it('speaks Spanish with --lang es: every verdict and the unreadable-input message', async () => {
    const date = '2027-03-01T10:00:00-05:00';
    const body = (linkId: number | string) => ({ status: { status: 'PAID', reason: '00', message: 'ok', date }, linkId, signature: signNotification({ linkId, status: 'PAID', date }, 'k3y') });
    const [good, forged, refused, junk] = await Promise.all([
      verify(JSON.stringify(body(42)), '--lang', 'es'),
      verify(JSON.stringify({ ...body(42), linkId: 43 }), '--lang', 'es'),
      verify(JSON.stringify(body('0x3F3')), '--lang', 'es'),
      verify('{"status":', '--lang', 'es'),
    ]);
    expect(good.stdout).toMatch(/^auténtico: PAID del enlace 42 /);
    expect(forged.stdout).toMatch(/^NO es auténtico/);
    expect(refused.stdout).toMatch(/^RECHAZADO: la firma coincide/);
    expect(junk.stderr).toMatch(/no es JSON/);
    for (const r of [good, forged, refused, junk]) expect(englishLines(r.stdout + r.stderr)).toEqual([]);
  });

  it('exit 0 for an authentic body, 1 for a forged one, 2 for unreadable input', async () => {
    const date = '2027-03-01T10:00:00-05:00';
    const body = { status: { status: 'PAID', reason: '00', message: 'ok', date }, linkId: 42, reference: 'F-1', signature: signNotification({ linkId: 42, status: 'PAID', date }, 'k3y') };
    const [good, forged, junk] = await Promise.all([
      verify(JSON.stringify(body)),
      verify(JSON.stringify({ ...body, linkId: 43 })),
      verify('{"status":'),
    ]);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^authentic: PAID for link 42/);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(/NOT authentic/);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/not JSON/);
  });

  it('exit 1 for a signed body whose linkId is not decimal digits', async () => {
    const date = '2027-03-01T10:00:00-05:00';
    const body = (linkId: string) => ({ status: { status: 'PAID', reason: '00', message: 'ok', date }, linkId, signature: signNotification({ linkId, status: 'PAID', date }, 'k3y') });
    const [hex, spaced, exp, good] = await Promise.all([verify(JSON.stringify(body('0x3F3'))), verify(JSON.stringify(body('1010 '))), verify(JSON.stringify(body('1e3'))), verify(JSON.stringify(body('1010')))]);
    for (const r of [hex, spaced, exp]) {
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^REFUSED: the signature matches, but linkId "[^"]+" is not a whole number/);
    }
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^authentic: PAID for link 1010 /);
  });
});
