/**
 * End to end against the sandbox over HTTP: an issued sheet, payments and
 * expiries recorded through the sandbox's controls, reconcile, and each
 * row's new state and each disable checked through the sandbox's counters.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlacetopayClient } from '../../src/api/client.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { RunEvent } from '../../src/pipeline/events.js';
import { runReconcile, type ReconcileConfig, type ReconcileSummary } from '../../src/pipeline/reconcile/run.js';
import { readCsvOutput, readXlsxOutput, type Row } from '../helpers/sheets.js';
import { control, reconcileConfig, writeIssuedSheet, type BillRow, type IssuedLink } from './issued-fixture.js';

let dir: string;
let sandbox: SandboxHandle;
let client: PlacetopayClient;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-reconcile-'));
  sandbox = await startSandbox({});
  client = new PlacetopayClient({ baseUrl: sandbox.url, credentials: sandbox.credentials });
});

afterEach(async () => {
  await client.close();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const config = reconcileConfig;

async function reconcile(cfg: ReconcileConfig): Promise<{ summary: ReconcileSummary; events: RunEvent[] }> {
  const events: RunEvent[] = [];
  const summary = await runReconcile(cfg, client, (e) => events.push(e));
  return { summary, events };
}

const bill = (n: number, amount: string, due: string, extra: Partial<BillRow> = {}): BillRow => ({
  name: `Cliente ${n}`,
  amountText: Number(amount).toLocaleString('es-CO').replace(/\u00a0/g, ''),
  amount,
  due,
  reference: `F-00${n}`,
  ...extra,
});

const byRef = (rows: Row[]): Record<string, Row> => Object.fromEntries(rows.map((r) => [r.Factura ?? '', r]));
const withoutCheckedAt = (rows: Row[]): Row[] => rows.map(({ checked_at: _ignored, ...rest }) => rest);

describe('reconcile against the sandbox', () => {
  it('records payments, expiries and disables overdue unpaid links, and a second run changes nothing', async () => {
    const sheet = join(dir, 'billing-links.csv');
    const rows = [
      bill(1, '25000', '01/03/2027'), // paid in full (and overdue: must never be disabled)
      bill(2, '25000', '20/03/2027'), // paid 10000 of 25000
      bill(3, '30000', '20/03/2027'), // expired
      bill(4, '40000', '01/03/2027'), // unpaid, due + 5 days passed on 2027-03-10: disabled
      bill(5, '50000', '08/03/2027'), // unpaid, due + 5 days is 2027-03-13: still pending
      bill(6, '60000', '20/03/2027', { uncertain: true }), // created, answer lost in issue; in the journal
      bill(7, '70000', '20/03/2027', { invalid: true }), // never issued
      bill(8, '80000', '20/03/2027', { uncertain: true }), // UNCERTAIN, but not in any journal
    ];
    const links = await writeIssuedSheet(sandbox, sheet, rows);
    const id = (n: number): number => links[n - 1]?.id as number;
    await writeJournal(`${sheet}.journal`, links, 'F-006');

    await control(sandbox, id(1), 'pay', { payer: { name: 'Ana', surname: 'Gómez' } });
    await control(sandbox, id(2), 'pay', { amount: '10000' });
    await control(sandbox, id(3), 'expire');
    const before = sandbox.counters();

    const first = await reconcile(config(sheet));
    const out = byRef((await readCsvOutput(sheet)).rows);

    expect(out['F-001']).toMatchObject({ link_status: 'INACTIVE', payment_state: 'PAID', paid_amount: '25000', payer_name: 'Ana Gómez', payment_method: 'visa', reconcile_error: '' });
    expect(out['F-001']?.receipt).not.toBe('');
    expect(out['F-001']?.paid_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(out['F-002']).toMatchObject({ payment_state: 'PARTIAL', paid_amount: '10000' });
    expect(out['F-003']).toMatchObject({ link_status: 'EXPIRED', payment_state: 'EXPIRED', paid_amount: '' });
    expect(out['F-004']).toMatchObject({ link_status: 'INACTIVE', payment_state: 'DISABLED' });
    expect(out['F-005']).toMatchObject({ link_status: 'ACTIVE', payment_state: 'PENDING' });
    expect(out['F-006']).toMatchObject({ link_state: 'ISSUED', link_id: String(id(6)), payment_state: 'PENDING', link_url: links[5]?.url });
    expect(out['F-007']).toMatchObject({ link_state: 'INVALID', link_id: '', payment_state: '', checked_at: '' });
    expect(out['F-008']).toMatchObject({ link_state: 'UNCERTAIN', link_id: '', payment_state: '' });
    expect(out['F-008']?.reconcile_error).toMatch(/reference F-008/);
    // Input and issue columns untouched.
    expect(out['F-004']).toMatchObject({ Cliente: 'Cliente 4', 'Valor a pagar': '40.000', 'Fecha de vencimiento': '01/03/2027', link_state: 'ISSUED', link_id: String(id(4)) });

    // Exactly one disable, of link 4: the paid, overdue link 1 was not touched.
    const after = sandbox.counters();
    expect(after.requests.disable - before.requests.disable).toBe(1);
    expect(after.linksDisabled - before.linksDisabled).toBe(1);
    expect((await client.get(id(1))).payments).toHaveLength(1);

    expect(first.summary.disabled).toBe(1);
    expect(first.summary.states).toMatchObject({ PAID: 1, PARTIAL: 1, EXPIRED: 1, DISABLED: 1, PENDING: 2, UNCERTAIN: 1 });
    expect(first.summary.amounts.PENDING).toEqual({ COP: '110000' });
    expect(first.summary.paid).toEqual({ COP: '35000' });
    expect(first.summary.changeCounts).toEqual({ PAID: 1, PARTIAL: 1, EXPIRED: 1, DISABLED: 1, ADOPTED: 1 });
    expect(first.summary.problemCount).toBe(1);
    // The adoption is recorded for issue: a later issue run treats F-006 as ISSUED.
    const journal = (await readFile(`${sheet}.journal`, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(journal.at(-1)).toMatchObject({ t: 'result', ref: 'F-006', state: 'ISSUED', id: id(6), via: 'reconcile-probe' });

    const firstRows = (await readCsvOutput(sheet)).rows;
    const second = await reconcile(config(sheet));
    const final = sandbox.counters();
    expect(final.requests.disable).toBe(after.requests.disable);
    expect(final.linksDisabled).toBe(after.linksDisabled);
    expect(second.summary.changes).toEqual([]);
    expect(second.summary.changeCounts).toEqual({});
    expect(second.summary.disabled).toBe(0);
    expect(withoutCheckedAt((await readCsvOutput(sheet)).rows)).toEqual(withoutCheckedAt(firstRows));
  });

  it('dry run: reports what would be disabled, disables nothing and writes nothing', async () => {
    const sheet = join(dir, 'links.csv');
    const links = await writeIssuedSheet(sandbox, sheet, [bill(1, '10000', '01/03/2027'), bill(2, '20000', '01/03/2027')]);
    await control(sandbox, links[1]?.id as number, 'pay');
    const bytes = await readFile(sheet);
    const { summary } = await reconcile(config(sheet, { dryRun: true }));
    expect(summary.wouldDisable.map((w) => w.reference)).toEqual(['F-001']);
    expect(summary.disabled).toBe(0);
    expect(summary.output).toBeUndefined();
    expect(sandbox.counters().requests.disable).toBe(0);
    expect(await readFile(sheet)).toEqual(bytes);
  });

  it('without --disable-overdue nothing is disabled; a link missing at the service is UNKNOWN with the error', async () => {
    const sheet = join(dir, 'links.csv');
    await writeIssuedSheet(sandbox, sheet, [bill(1, '10000', '01/03/2027')]);
    // A row whose link_id the service does not know (wrong environment, a typo).
    const text = (await readFile(sheet, 'utf8')).trimEnd().split('\r\n');
    text.push(text[1]!.replace('F-001', 'F-009').replace(/;1;/, ';999;'));
    await writeFile(sheet, `${text.join('\r\n')}\r\n`);
    const { summary } = await reconcile(config(sheet, { disableOverdue: false }));
    const out = byRef((await readCsvOutput(sheet)).rows);
    expect(out['F-001']?.payment_state).toBe('PENDING');
    expect(out['F-009']?.payment_state).toBe('UNKNOWN');
    expect(out['F-009']?.reconcile_error).toMatch(/no link with that id/);
    expect(summary.problemCount).toBe(1);
    expect(sandbox.counters().requests.disable).toBe(0);
  });

  it('stops at once on an authentication failure, leaving the sheet as it was', async () => {
    const sheet = join(dir, 'links.csv');
    await writeIssuedSheet(sandbox, sheet, [bill(1, '10000', '01/03/2027'), bill(2, '20000', '01/03/2027')]);
    const before = (await readCsvOutput(sheet)).rows;
    const wrong = new PlacetopayClient({ baseUrl: sandbox.url, credentials: { login: sandbox.credentials.login, secretKey: 'wrong' } });
    try {
      const summary = await runReconcile(config(sheet), wrong, () => undefined);
      expect(summary.stop?.reason).toBe('AUTH_FAILED');
      expect(summary.stop?.message).toMatch(/code 102/);
      expect(summary.queried).toBe(0);
    } finally {
      await wrong.close();
    }
    expect(sandbox.counters().requests.disable).toBe(0);
    expect((await readCsvOutput(sheet)).rows).toEqual(before);
  });

  it('reconciles an XLSX sheet in place, keeping its layout and typed cells', async () => {
    const sheet = join(dir, 'links.xlsx');
    const links = await writeIssuedSheet(sandbox, sheet, [bill(1, '25000', '20/03/2027'), bill(2, '30000', '20/03/2027')], { format: 'xlsx' });
    await control(sandbox, links[0]?.id as number, 'pay');
    await reconcile(config(sheet));
    const { header, rows, workbook } = await readXlsxOutput(sheet);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Links']);
    expect(header).toEqual(['Cliente', 'Valor a pagar', 'Fecha de vencimiento', 'Factura', 'link_state', 'link_id', 'link_url', 'expires_at', 'error', 'link_status', 'payment_state', 'paid_amount', 'paid_at', 'receipt', 'authorization', 'payment_method', 'payer_name', 'checked_at', 'reconcile_error']);
    expect(rows[0]).toMatchObject({ payment_state: 'PAID', paid_amount: 25000, link_id: links[0]?.id });
    expect(rows[0]?.paid_at).toBeInstanceOf(Date);
    expect(rows[1]).toMatchObject({ payment_state: 'PENDING' });
    const second = await reconcile(config(sheet));
    expect(second.summary.changes).toEqual([]);
  });
});

/** The issue journal as issue leaves it after losing the answer of `lostRef`'s create. */
async function writeJournal(path: string, links: IssuedLink[], lostRef: string): Promise<void> {
  const t0 = new Date(Date.now() - 60_000).toISOString();
  const t1 = new Date(Date.now() - 50_000).toISOString();
  const lines: unknown[] = [{ t: 'run', v: 1, input: 'billing.csv', baseUrl: 'sandbox', at: t0 }];
  for (const [i, link] of links.entries()) {
    const ref = link.row.reference;
    if (link.row.invalid) continue;
    if (ref === lostRef) {
      // What writeIssuedSheet sent: the probe adopts a link only when every field the intent holds matches.
      const expiresAt = `${new Date().getUTCFullYear() + 1}-12-31 23:59:59`;
      lines.push({ t: 'intent', ref, row: i + 2, fp: `fp${i}`, amount: link.row.amount, currency: 'COP', expiresAt, at: t1 });
    } else if (!link.row.uncertain) {
      lines.push({ t: 'result', ref, row: i + 2, fp: `fp${i}`, state: 'ISSUED', id: link.id, url: link.url, amount: link.row.amount, currency: 'COP', at: t0 });
    }
  }
  await writeFile(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
}
