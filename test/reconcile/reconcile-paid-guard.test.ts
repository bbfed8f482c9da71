/**
 * Never a paid link disabled silently. Against the sandbox over HTTP, with
 * the real webhook receiver and real files:
 *
 * - a signed PAID notification the webhook accepted while reconcile held
 *   the sheet (so it is in <sheet>.events.jsonl, not in the sheet) and that
 *   the service does not show yet: the link is not disabled, the row is PAID;
 * - a payment approved between reconcile's query and its disable (the
 *   sandbox lands it right after answering the query): the fresh query
 *   before the disable sees it, nothing is disabled;
 * - a payment approved right after the disable (an open checkout completing):
 *   flagged PAID_AFTER_DISABLE in reconcile_error, first in "needs a look",
 *   and still flagged on the next run;
 * - a paid_at the webhook wrote is never blanked while the service shows no
 *   payment yet.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlacetopayClient } from '../../src/api/client.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { acquireLock } from '../../src/io/lock.js';
import { runReconcile } from '../../src/pipeline/reconcile/run.js';
import { WebhookEvents } from '../../src/pipeline/reconcile/webhook-events.js';
import { applyNotifications } from '../../src/pipeline/webhook/apply.js';
import { startWebhook, type WebhookHandle } from '../../src/pipeline/webhook/server.js';
import { formatReconcileReport } from '../../src/cli/reconcile-report.js';
import { readCsvOutput, type Row } from '../helpers/sheets.js';
import { control, reconcileConfig, writeIssuedSheet, type BillRow } from './issued-fixture.js';

let dir: string;
let sandbox: SandboxHandle;
let client: PlacetopayClient;
let hook: WebhookHandle | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-paid-guard-'));
  sandbox = await startSandbox({});
  client = new PlacetopayClient({ baseUrl: sandbox.url, credentials: sandbox.credentials });
});

afterEach(async () => {
  await hook?.close();
  hook = undefined;
  await client.close();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const sheetOptions = (path: string) => ({ path, locale: 'es-CO' as const, currency: 'COP', timeZone: 'America/Bogota' });

const config = reconcileConfig;

// Every bill is overdue on 2027-03-10 with 5 days of grace.
const bill = (n: number): BillRow => ({ name: `Cliente ${n}`, amountText: '25.000', amount: '25000', due: '01/03/2027', reference: `F-${n}` });
const byRef = (rows: Row[]): Record<string, Row> => Object.fromEntries(rows.map((r) => [r.Factura ?? '', r]));

describe('reconcile --disable-overdue never disables a paid link silently', () => {
  it('a PAID event the webhook accepted while reconcile held the sheet, and payments racing the query and the disable', async () => {
    const sheet = join(dir, 'billing-links.csv');
    // The real receiver, told to give up on the sheet's lock quickly and retry much later, so the event
    // stays in the events file only: what happens when a notification arrives while reconcile runs.
    hook = await startWebhook({
      port: 0,
      host: '127.0.0.1',
      path: '/placetopay',
      secret: sandbox.credentials.secretKey,
      sheet: sheetOptions(sheet),
      eventsPath: `${sheet}.events.jsonl`,
      lockPath: `${sheet}.lock`,
      log: () => undefined,
      lockWaitMs: 100,
      retryMs: 600_000,
    });
    const links = await writeIssuedSheet(sandbox, sheet, [bill(1), bill(2), bill(3), bill(4)], { notificationUrl: hook.url });
    const id = (n: number): number => links[n - 1]?.id as number;

    // Link 1: the service sends a signed PAID while the sheet is locked; its payment is not visible
    // yet (the query still shows none: the sandbox records the notification without a payment).
    const held = await acquireLock(`${sheet}.lock`, { command: 'test: reconcile holding the sheet' });
    expect((await control(sandbox, id(1), 'notify', { event: 'PAID' })).receiverStatus).toBe(200);
    await hook.idle();
    await held.release();
    expect((await readFile(`${sheet}.events.jsonl`, 'utf8')).trim().split('\n')).toHaveLength(1);
    expect(byRef((await readCsvOutput(sheet)).rows)['F-1']?.payment_state ?? '').toBe('');
    // Link 2: paid between reconcile's query and its disable.
    await control(sandbox, id(2), 'pay', { when: 'after-next-query', payer: { name: 'Ana', surname: 'Paga' } });
    // Link 3: a checkout already open completes right after the disable.
    await control(sandbox, id(3), 'pay', { when: 'after-next-disable' });
    // Link 4: unpaid and overdue: disabled.
    const before = sandbox.counters();

    const summary = await runReconcile(config(sheet), client, () => undefined);
    const after = sandbox.counters();
    const out = byRef((await readCsvOutput(sheet)).rows);

    // Two disables were sent (3 and 4); 1 and 2 were never disabled.
    expect(after.requests.disable - before.requests.disable).toBe(2);
    expect((await client.get(id(1))).status).toBe('ACTIVE');
    expect((await client.get(id(4))).status).toBe('INACTIVE');

    expect(out['F-1']).toMatchObject({ link_status: 'ACTIVE', payment_state: 'PAID' });
    expect(out['F-1']?.paid_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(out['F-1']?.reconcile_error).toMatch(/webhook accepted a signed PAID notification .* not disabled/);
    expect(out['F-2']).toMatchObject({ payment_state: 'PAID', paid_amount: '25000', payer_name: 'Ana Paga', reconcile_error: '' });
    expect(out['F-3']).toMatchObject({ link_status: 'INACTIVE', payment_state: 'PAID', paid_amount: '25000' });
    expect(out['F-3']?.reconcile_error).toMatch(/^PAID_AFTER_DISABLE: link \d+ \(reference F-3\) was disabled as overdue and a payment of 25000 COP was approved/);
    expect(out['F-4']).toMatchObject({ link_status: 'INACTIVE', payment_state: 'DISABLED', reconcile_error: '' });

    expect(summary.disabled).toBe(2);
    expect(summary.paidAfterDisableCount).toBe(1);
    expect(summary.paidAfterDisable.map((p) => p.reference)).toEqual(['F-3']);
    expect(summary.problems.map((p) => p.reference).sort()).toEqual(['F-1', 'F-3']);
    // The report's "needs a look" starts with the paid link that was disabled, although F-1 comes first in the sheet.
    const text = formatReconcileReport(summary, 'text', 'es-CO').split('\n');
    const needs = text.findIndex((l) => l.startsWith('Needs a look'));
    expect(text[needs + 1]).toMatch(/^ {2}row \d+ F-3 link \d+: PAID_AFTER_DISABLE/);
    expect(text[needs + 2]).toMatch(/F-1/);

    // The next run: the flag stays until a person clears it; nothing more is disabled.
    const second = await runReconcile(config(sheet), client, () => undefined);
    expect(sandbox.counters().requests.disable).toBe(after.requests.disable);
    const again = byRef((await readCsvOutput(sheet)).rows);
    expect(again['F-3']?.reconcile_error).toMatch(/^PAID_AFTER_DISABLE/);
    expect(again['F-1']).toMatchObject({ payment_state: 'PAID', paid_at: out['F-1']?.paid_at });
    expect(second.paidAfterDisableCount).toBe(1);
  });

  it('keeps the paid_at and PAID the webhook wrote while the service shows no payment yet', async () => {
    const sheet = join(dir, 'billing-links.csv');
    const links = await writeIssuedSheet(sandbox, sheet, [bill(1), bill(2)]);
    const id1 = links[0]?.id as number;
    // What the webhook does with an accepted PAID notification, through its own code.
    await applyNotifications([{ linkId: id1, status: 'PAID', date: '2027-03-09T10:11:12-05:00' }], { sheet: sheetOptions(sheet), lockPath: `${sheet}.lock`, lockWaitMs: 1000 });
    expect(byRef((await readCsvOutput(sheet)).rows)['F-1']).toMatchObject({ payment_state: 'PAID', paid_at: '2027-03-09 10:11:12' });

    const before = sandbox.counters();
    await runReconcile(config(sheet), client, () => undefined);
    const out = byRef((await readCsvOutput(sheet)).rows);
    expect(out['F-1']).toMatchObject({ payment_state: 'PAID', paid_at: '2027-03-09 10:11:12', link_status: 'ACTIVE' });
    expect(out['F-1']?.reconcile_error).toMatch(/the sheet says PAID, but the service shows no approved payment/);
    expect(out['F-2']).toMatchObject({ payment_state: 'DISABLED' });
    expect(sandbox.counters().requests.disable - before.requests.disable).toBe(1);
  });
});

describe('sandbox: a payment armed for the next query or disable', () => {
  it('refuses an unknown "when", and lands an armed payment only after that operation', async () => {
    const links = await writeIssuedSheet(sandbox, join(dir, 's.csv'), [bill(1)]);
    const id = links[0]?.id as number;
    const bad = await fetch(`${sandbox.url}/__sandbox/links/${id}/pay`, { method: 'POST', body: JSON.stringify({ when: 'tomorrow' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/after-next-query, after-next-disable/);
    await control(sandbox, id, 'pay', { when: 'after-next-query' });
    expect((await client.get(id)).payments).toHaveLength(0); // the query's answer was worked out first
    expect((await client.get(id)).payments).toHaveLength(1);
  });
});

describe('WebhookEvents: the events file read incrementally', () => {
  it('sees events appended since the last look, waits for a torn line to end, and rereads a file that shrank', async () => {
    const path = join(dir, 'x.csv.events.jsonl');
    const events = new WebhookEvents(path);
    expect(await events.paidFor(7)).toBeUndefined(); // no file: no webhook
    const line = (linkId: unknown, status = 'PAID') => `${JSON.stringify({ t: 'event', linkId, status, date: '2027-03-01T10:00:00-05:00' })}\n`;
    await writeFile(path, line(5, 'EXPIRED') + line(6));
    expect(await events.paidFor(5)).toBeUndefined();
    expect(await events.paidFor(6)).toEqual({ linkId: 6, date: '2027-03-01T10:00:00-05:00' });
    // Half a line (the webhook is writing it), then the rest.
    const torn = line(7);
    await appendFile(path, torn.slice(0, 20));
    expect(await events.paidFor(7)).toBeUndefined();
    await appendFile(path, torn.slice(20) + 'not json\n' + line('0x3F3'));
    expect(await events.paidFor(7)).toBeDefined();
    expect(await events.paidFor(1011)).toBeUndefined(); // "0x3F3" is not turned into 1011
    // A row's ordinary look reuses a look less than a second old; the look before a disable never does.
    await appendFile(path, line(8));
    expect(await events.paidFor(8, { fresh: false })).toBeUndefined();
    expect(await events.paidFor(8, { fresh: true })).toBeDefined();
    // Replaced by a shorter file: read from the start again.
    await writeFile(path, line(9));
    expect(await events.paidFor(9)).toBeDefined();
    expect(await events.paidFor(6)).toBeUndefined();
  });
});
