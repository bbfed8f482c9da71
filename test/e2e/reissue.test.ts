/**
 * `paylinks reissue` as a clerk runs it: the built CLI against the sandbox
 * over HTTP. A sheet is issued, its links expire, are disabled, are paid or
 * fall overdue; reissue replaces exactly the unpaid ones, once, with the old
 * link disabled first, and the sandbox's counters prove it. Then reconcile
 * reads the reissued sheet.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlacetopayClient } from '../../src/api/client.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { collect, runCli, startCli, type CliResult } from '../helpers/cli.js';
import { readCsvOutput, readXlsxOutput, type Row } from '../helpers/sheets.js';
import { control } from '../api/sandbox-http.js';
import { englishLines } from '../i18n/english.js';
import { startDroppingGateway } from '../helpers/gateway.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

let dir: string;
let sandbox: SandboxHandle;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-reissue-'));
});

afterEach(async () => {
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

/** YYYY-MM-DD `days` from today (UTC), and the same as DD/MM/YYYY for an es-CO sheet. */
function day(days: number): { iso: string; co: string } {
  const d = new Date(Date.now() + days * 86_400_000);
  const [y, m, dd] = [d.getUTCFullYear(), String(d.getUTCMonth() + 1).padStart(2, '0'), String(d.getUTCDate()).padStart(2, '0')];
  return { iso: `${y}-${m}-${dd}`, co: `${dd}/${m}/${y}` };
}

interface Bill {
  ref: string;
  amount: string;
  dueDays: number;
  fee?: string;
}

async function issueSheet(bills: Bill[], extraArgs: string[] = []): Promise<{ sheet: string; env: Record<string, string> }> {
  const input = join(dir, 'facturas.csv');
  const lines = ['Cliente;Valor a pagar;Fecha de vencimiento;Factura;Recargo', ...bills.map((b, i) => `Cliente ${i + 1};${b.amount};${day(b.dueDays).co};${b.ref};${b.fee ?? ''}`)];
  await writeFile(input, `${lines.join('\r\n')}\r\n`);
  const sheet = join(dir, 'facturas-links.csv');
  const env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
  const issued = await runCli(['issue', input, '--out', sheet, '--base-url', sandbox.url, '--log', 'json', ...extraArgs], { env });
  expect(issued.code, issued.stderr).toBe(0);
  return { sheet, env };
}

async function rows(sheet: string): Promise<Map<string, Row>> {
  const { rows: all } = await readCsvOutput(sheet);
  return new Map(all.map((r) => [r.Factura as string, r]));
}

async function linkOf(id: number): Promise<{ reference: string; status: string; total: string; expirationText: string }> {
  const answer = await control(sandbox.url, `/links/${id}`, undefined, 'GET');
  expect(answer.status).toBe(200);
  return answer.json;
}

const reissue = (sheet: string, env: Record<string, string>, args: string[], lang = 'en'): Promise<CliResult> =>
  runCli(['reissue', sheet, '--base-url', sandbox.url, '--log', 'json', '--lang', lang, ...args], { env, timeoutMs: 60_000 });

describe('paylinks reissue (CLI, sandbox over HTTP)', () => {
  it('reissues expired, disabled and overdue unpaid rows once, never a paid one; a rerun does nothing; reconcile follows the new links', async () => {
    sandbox = await startSandbox({});
    const { sheet, env } = await issueSheet([
      { ref: 'FAC-1', amount: '10.000', dueDays: 20 }, // expires
      { ref: 'FAC-2', amount: '20.000', dueDays: 20 }, // disabled in the panel
      { ref: 'FAC-3', amount: '30.000', dueDays: 20 }, // paid: never touched
      { ref: 'FAC-4', amount: '40.000', dueDays: 20 }, // ACTIVE, overdue as of day 25
      { ref: 'FAC-5', amount: '50.000', dueDays: 60 }, // ACTIVE, not due yet
    ]);
    const before = await rows(sheet);
    const id = (ref: string): number => Number(before.get(ref)?.link_id);
    expect((await control(sandbox.url, `/links/${id('FAC-1')}/expire`)).status).toBe(200);
    const client = new PlacetopayClient({ baseUrl: sandbox.url, credentials: sandbox.credentials });
    await client.disable(id('FAC-2'));
    await client.close();
    expect((await control(sandbox.url, `/links/${id('FAC-3')}/pay`)).status).toBe(200);
    const counted = sandbox.counters();

    const asOf = day(25).iso;
    const due = day(40).iso;
    const first = await reissue(sheet, env, ['--due', due, '--as-of', asOf]);
    expect(first.code, first.stderr + first.stdout).toBe(0);
    const after = sandbox.counters();
    // Three new links, one disable (FAC-4's, the only one still ACTIVE), nothing for FAC-3 and FAC-5.
    expect(after.requests.create - counted.requests.create).toBe(3);
    expect(after.requests.disable - counted.requests.disable).toBe(1);
    expect(after.createsByReference).toMatchObject({ 'FAC-1-R2': 1, 'FAC-2-R2': 1, 'FAC-4-R2': 1 });
    expect(after.createsByReference['FAC-3-R2']).toBeUndefined();
    expect(after.createsByReference['FAC-5-R2']).toBeUndefined();
    expect(first.stdout).toMatch(/reissued 3 · refused 0 · paid 1 · not due 1/);

    const out = await rows(sheet);
    for (const ref of ['FAC-1', 'FAC-2', 'FAC-4']) {
      const r = out.get(ref) as Row;
      expect(r.previous_link_id).toBe(String(id(ref)));
      expect(r.previous_link_url).toBe(before.get(ref)?.link_url);
      expect(r.reissue_count).toBe('1');
      expect(r.link_state).toBe('ISSUED');
      expect(r.link_id).not.toBe(String(id(ref)));
      expect(r.payment_state).toBe('PENDING');
      expect(r.expires_at?.slice(0, 10)).toBe(due);
      const link = await linkOf(Number(r.link_id));
      expect(link.reference).toBe(`${ref}-R2`);
      expect(link.status).toBe('ACTIVE');
      // The same amount as the link it replaces.
      expect(link.total).toBe(String(Number(ref.slice(4)) * 10_000));
      expect(link.expirationText).toBe(`${due} 23:59:59`);
    }
    // The old overdue link was disabled before its successor was created: never two live links.
    expect((await linkOf(id('FAC-4'))).status).toBe('INACTIVE');
    for (const ref of ['FAC-3', 'FAC-5']) {
      expect(out.get(ref)?.link_id).toBe(String(id(ref)));
      expect(out.get(ref)?.reissue_count ?? '').toBe('');
    }
    expect((await linkOf(id('FAC-5'))).status).toBe('ACTIVE');

    // Again: nothing new is created or disabled, and the sheet is left byte for byte.
    const bytes = await readFile(sheet);
    const again = await reissue(sheet, env, ['--due', due, '--as-of', asOf]);
    expect(again.code, again.stderr).toBe(0);
    expect(sandbox.counters().requests.create).toBe(after.requests.create);
    expect(sandbox.counters().requests.disable).toBe(after.requests.disable);
    expect(again.stdout).toMatch(/reissued 0 · refused 0 · paid 1 · not due 4/);
    expect((await readFile(sheet)).equals(bytes)).toBe(true);

    // reconcile with --disable-overdue as of the same day: a reissued row is due on its NEW date, so its
    // new link stays; the payment of a new link is a change since the last run.
    await control(sandbox.url, `/links/${out.get('FAC-1')?.link_id}/pay`);
    const rec = await runCli(['reconcile', sheet, '--base-url', sandbox.url, '--disable-overdue', '--as-of', asOf, '--log', 'json'], { env });
    expect(rec.code, rec.stderr + rec.stdout).toBe(0);
    // FAC-3 was paid before and never reconciled; FAC-1's new link was paid, measured against the reset columns.
    expect(rec.stdout).toMatch(/Changes since the last run: 2 paid/);
    expect(rec.stdout).toMatch(/PAID +row 2 FAC-1 link \d+ \$ 10\.000 COP \(was PENDING\)/);
    expect(sandbox.counters().requests.disable).toBe(after.requests.disable);
    const reconciled = await rows(sheet);
    expect(reconciled.get('FAC-1')).toMatchObject({ payment_state: 'PAID', paid_amount: '10000', reissue_count: '1', previous_link_id: String(id('FAC-1')) });
    expect(reconciled.get('FAC-2')).toMatchObject({ payment_state: 'PENDING', link_status: 'ACTIVE' });
    expect(reconciled.get('FAC-4')).toMatchObject({ payment_state: 'PENDING', link_status: 'ACTIVE' });
    // Twice the clock moves on: the R2 link expires and a later reissue makes R3.
    await control(sandbox.url, `/links/${reconciled.get('FAC-2')?.link_id}/expire`);
    const third = await reissue(sheet, env, ['--due', day(70).iso, '--as-of', asOf]);
    expect(third.code, third.stderr).toBe(0);
    expect(sandbox.counters().createsByReference['FAC-2-R3']).toBe(1);
    const r3 = (await rows(sheet)).get('FAC-2') as Row;
    expect(r3).toMatchObject({ reissue_count: '2', previous_link_id: reconciled.get('FAC-2')?.link_id });
  });

  it('an XLSX sheet: the new link and its history written as numbers and text in the workbook, headers in Spanish read back', async () => {
    sandbox = await startSandbox({});
    const input = join(dir, 'facturas.csv');
    await writeFile(input, `Cliente;Valor a pagar;Fecha de vencimiento;Factura\r\nAna;10.000;${day(20).co};FAC-1\r\nLuis;20.000;${day(20).co};FAC-2\r\n`);
    const sheet = join(dir, 'facturas-links.xlsx');
    const env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
    expect((await runCli(['issue', input, '--out', sheet, '--base-url', sandbox.url, '--log', 'json'], { env })).code).toBe(0);
    const issued = await readXlsxOutput(sheet);
    const oldId = Number(issued.rows[0]?.link_id);
    await control(sandbox.url, `/links/${oldId}/expire`);
    const result = await reissue(sheet, env, ['--due', day(40).iso]);
    expect(result.code, result.stderr).toBe(0);
    const { header, rows: out } = await readXlsxOutput(sheet);
    expect(header.slice(-3)).toEqual(['previous_link_id', 'previous_link_url', 'reissue_count']);
    expect(out[0]).toMatchObject({ Factura: 'FAC-1', previous_link_id: oldId, reissue_count: 1, link_state: 'ISSUED' });
    expect(typeof out[0]?.link_id).toBe('number');
    expect(out[1]).toMatchObject({ Factura: 'FAC-2', previous_link_id: null, reissue_count: null });

    // The same history under Spanish headers (a workbook a Spanish run wrote) is found by its headers.
    const { workbook } = await readXlsxOutput(sheet);
    workbook.worksheets[0]?.getRow(1).eachCell((cell) => {
      const spanish: Record<string, string> = { previous_link_id: 'Id del enlace anterior', previous_link_url: 'Enlace de pago anterior', reissue_count: 'Veces reemitido' };
      if (typeof cell.value === 'string' && spanish[cell.value]) cell.value = spanish[cell.value] as string;
    });
    await workbook.xlsx.writeFile(sheet);
    await control(sandbox.url, `/links/${out[0]?.link_id}/expire`);
    const again = await reissue(sheet, env, ['--due', day(50).iso]);
    expect(again.code, again.stderr).toBe(0);
    const third = await readXlsxOutput(sheet);
    expect(third.header.slice(-3)).toEqual(['Id del enlace anterior', 'Enlace de pago anterior', 'Veces reemitido']);
    expect(third.rows[0]).toMatchObject({ 'Id del enlace anterior': out[0]?.link_id, 'Veces reemitido': 2 });
    expect(sandbox.counters().createsByReference['FAC-1-R3']).toBe(1);
  });

  it('--dry-run queries only and writes the plan; a reference that cannot fit is refused before its link is touched', async () => {
    sandbox = await startSandbox({});
    const long = 'FAC-2027-0000000000000000000001'; // 31 characters: -R2 makes 34
    const { sheet, env } = await issueSheet([
      { ref: 'FAC-1', amount: '10.000', dueDays: 20 },
      { ref: long, amount: '20.000', dueDays: 20 },
    ]);
    const counted = sandbox.counters();
    const plan = join(dir, 'plan.csv');
    const dry = await reissue(sheet, env, ['--due', day(40).iso, '--as-of', day(25).iso, '--dry-run', '--out', plan]);
    expect(dry.code, dry.stderr).toBe(1);
    expect(sandbox.counters().requests.create).toBe(counted.requests.create);
    expect(sandbox.counters().requests.disable).toBe(counted.requests.disable);
    const { rows: planned } = await readCsvOutput(plan);
    expect(planned.map((r) => [r.reference, r.decision, r.new_reference, r.amount])).toEqual([
      ['FAC-1', 'reissue', 'FAC-1-R2', '10000'],
      [long, 'refused', '', ''],
    ]);
    const refusal = `Row 3, column "Factura": the new reference ${long}-R2 is 34 characters long and the service accepts at most 32`;
    expect(planned[1]?.note).toContain(refusal);
    expect(existsSync(`${sheet}.reissue.journal`)).toBe(false);

    const real = await reissue(sheet, env, ['--due', day(40).iso, '--as-of', day(25).iso]);
    expect(real.code).toBe(1);
    expect(real.stdout).toContain(refusal);
    const out = await rows(sheet);
    expect(out.get(long)?.reissue_count ?? '').toBe('');
    // Refused before anything was sent for it: its link is still the live one.
    expect((await linkOf(Number(out.get(long)?.link_id))).status).toBe('ACTIVE');
    expect(sandbox.counters().requests.disable - counted.requests.disable).toBe(1);
  });

  it('--amount-column bills the late fee, read as strictly as issue reads amounts; a blank or bad cell refuses its row', async () => {
    sandbox = await startSandbox({});
    const { sheet, env } = await issueSheet([
      { ref: 'FAC-1', amount: '10.000', dueDays: 20, fee: '11.500' },
      { ref: 'FAC-2', amount: '20.000', dueDays: 20, fee: '' },
      { ref: 'FAC-3', amount: '30.000', dueDays: 20, fee: '31,500.00' },
    ]);
    const result = await reissue(sheet, env, ['--due', day(40).iso, '--as-of', day(25).iso, '--amount-column', 'recargo']);
    expect(result.code).toBe(1);
    const out = await rows(sheet);
    expect((await linkOf(Number(out.get('FAC-1')?.link_id))).total).toBe('11500');
    expect(out.get('FAC-1')?.reissue_count).toBe('1');
    expect(result.stdout).toMatch(/Row 3, column "Recargo": .*not re-issued/);
    expect(result.stdout).toMatch(/Row 4, column "Recargo": "31,500.00" is not an amount/);
    expect(sandbox.counters().createsByReference['FAC-2-R2']).toBeUndefined();
    // A column that is not there stops the run before anything is sent.
    const counted = sandbox.counters().requests.total;
    const missing = await reissue(sheet, env, ['--due', day(40).iso, '--as-of', day(25).iso, '--amount-column', 'Mora']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--amount-column "Mora": the sheet .* has no such column/);
    expect(sandbox.counters().requests.total).toBe(counted);
  });

  it('a --due that has passed or is not a date is refused with exit 2, nothing sent', async () => {
    sandbox = await startSandbox({});
    const { sheet, env } = await issueSheet([{ ref: 'FAC-1', amount: '10.000', dueDays: 20 }]);
    const counted = sandbox.counters().requests.total;
    const past = await reissue(sheet, env, ['--due', day(-3).iso]);
    expect(past.code).toBe(2);
    expect(past.stderr).toMatch(/--due .* has passed/);
    const bad = await reissue(sheet, env, ['--due', '31/12/2027']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--due must be a date YYYY-MM-DD/);
    const planOverSheet = await reissue(sheet, env, ['--due', day(40).iso, '--dry-run', '--out', sheet]);
    expect(planOverSheet.code).toBe(2);
    expect(planOverSheet.stderr).toMatch(/would replace the sheet itself with the plan/);
    expect(sandbox.counters().requests.total).toBe(counted);
  });

  it('in Spanish, every line is Spanish', async () => {
    sandbox = await startSandbox({});
    const long = 'FAC-2027-0000000000000000000001';
    const { sheet, env } = await issueSheet([
      { ref: 'FAC-1', amount: '10.000', dueDays: 20 },
      { ref: 'FAC-2', amount: '20.000', dueDays: 60 },
      { ref: long, amount: '30.000', dueDays: 20 },
    ]);
    const result = await reissue(sheet, env, ['--due', day(40).iso, '--as-of', day(25).iso], 'es');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Reemitidas \(1\)/);
    expect(result.stdout).toMatch(/Fila 4, columna "Factura": la nueva referencia/);
    expect(englishLines(result.stdout + result.stderr)).toEqual([]);
    const help = await runCli(['reissue', '--help', '--lang', 'es']);
    expect(help.stdout).toMatch(/Nueva fecha de vencimiento/);
  });

  it('links created and the sheet not written: exit 5, an emergency copy, and the same command writes it without creating again', async () => {
    sandbox = await startSandbox({ faults: { latencyMs: 300 } });
    const bills = Array.from({ length: 6 }, (_, i) => ({ ref: `E-${i + 1}`, amount: '10.000', dueDays: 20 }));
    const { sheet, env } = await issueSheet(bills);
    const outDir = join(dir, 'out');
    const out = join(outDir, 'reissued.csv');
    const args = ['reissue', sheet, '--out', out, '--base-url', sandbox.url, '--log', 'json', '--due', day(40).iso, '--as-of', day(25).iso, '--concurrency', '1'];
    const child = startCli(args, { env });
    const done = collect(child);
    const journal = `${sheet}.reissue.journal`;
    // The first new link exists: the output's folder disappears under the run.
    await waitUntil(async () => existsSync(journal) && /"t":"result"/.test(await readFile(journal, 'utf8')));
    await rm(outDir, { recursive: true, force: true });
    const failed = await done;
    expect(failed.code, failed.stderr).toBe(5);
    expect(failed.stderr).toMatch(/6 new link\(s\) of this reissue exist, but the sheet ".*reissued\.csv" was not written/);
    const copy = /emergency copy, "([^"]+)"/.exec(failed.stderr)?.[1] as string;
    const { rows: saved } = await readCsvOutput(copy);
    expect(saved.map((r) => r.new_reference).sort()).toEqual(bills.map((b) => `${b.ref}-R2`).sort());
    const created = sandbox.counters().requests.create;

    const again = await runCli(args, { env });
    expect(again.code, again.stderr).toBe(0);
    expect(sandbox.counters().requests.create).toBe(created);
    const written = await rows(out);
    for (const b of bills) expect(written.get(b.ref)).toMatchObject({ reissue_count: '1', link_state: 'ISSUED' });
  });

  it('a disable that fails or races a payment: the row is not reissued and says why; a lost create answer is found by the probe', async () => {
    sandbox = await startSandbox({});
    const { sheet, env } = await issueSheet([
      { ref: 'FAC-1', amount: '10.000', dueDays: 20 }, // overdue: its disable fails
      { ref: 'FAC-2', amount: '20.000', dueDays: 20 }, // overdue: paid right after the disable
      { ref: 'FAC-3', amount: '30.000', dueDays: 20 }, // overdue: the answer to its new link's create is lost once
    ]);
    const before = await rows(sheet);
    const id = (ref: string): number => Number(before.get(ref)?.link_id);
    await control(sandbox.url, `/links/${id('FAC-2')}/pay`, { when: 'after-next-disable' });
    let lost = 0;
    const gateway = await startDroppingGateway(sandbox.url, (body) => {
      if (body.reference !== 'FAC-3-R2' || lost > 0) return false;
      lost += 1;
      return true;
    });
    // In front of the gateway: disables of FAC-1's link answer 500.
    const front = await failingDisables(gateway.url, id('FAC-1'));
    try {
      const result = await runCli(['reissue', sheet, '--base-url', front.url, '--log', 'json', '--due', day(40).iso, '--as-of', day(25).iso, '--retries', '0', '--probe-settle', '1'], { env, timeoutMs: 60_000 });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`Row 2: link ${id('FAC-1')} could not be disabled .*not re-issued, so that the debt never has two live links`));
      expect(result.stdout).toMatch(new RegExp(`Row 3: PAID_AFTER_DISABLE: link ${id('FAC-2')} received an approved payment`));
      expect(lost).toBe(1);
      const counters = sandbox.counters();
      expect(counters.createsByReference).toEqual({ 'FAC-1': 1, 'FAC-2': 1, 'FAC-3': 1, 'FAC-3-R2': 1 });
      const out = await rows(sheet);
      expect(out.get('FAC-1')).toMatchObject({ link_id: String(id('FAC-1')), reissue_count: '' });
      expect(out.get('FAC-2')).toMatchObject({ link_id: String(id('FAC-2')), reissue_count: '' });
      expect(out.get('FAC-3')).toMatchObject({ reissue_count: '1', previous_link_id: String(id('FAC-3')) });
      expect((await linkOf(id('FAC-1'))).status).toBe('ACTIVE');
    } finally {
      await front.close();
      await gateway.close();
    }
  });

  it('killed with SIGKILL mid-run and run again: every row reissued once, no reference created twice', async () => {
    sandbox = await startSandbox({ faults: { latencyMs: 20, jitterMs: 20 } });
    const bills = Array.from({ length: 120 }, (_, i) => ({ ref: `K-${i + 1}`, amount: '10.000', dueDays: 20 }));
    const { sheet, env } = await issueSheet(bills, ['--concurrency', '16']);
    const counted = sandbox.counters();
    const args = ['reissue', sheet, '--base-url', sandbox.url, '--log', 'json', '--due', day(40).iso, '--as-of', day(25).iso, '--concurrency', '4', '--probe-settle', '1'];
    const child = startCli(args, { env });
    const done = collect(child);
    const journal = `${sheet}.reissue.journal`;
    await waitUntil(async () => existsSync(journal) && ((await readFile(journal, 'utf8')).match(/"t":"intent"/g) ?? []).length >= 10);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const mid = sandbox.counters().requests.create - counted.requests.create;
    expect(mid).toBeLessThan(120);

    const rerun = await runCli(args, { env, timeoutMs: 120_000 });
    expect(rerun.code, rerun.stderr.slice(-2000) + rerun.stdout).toBe(0);
    const twice = Object.entries(sandbox.counters().createsByReference).filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    const out = await rows(sheet);
    for (const b of bills) expect(out.get(b.ref)).toMatchObject({ reissue_count: '1' });
    expect(Object.keys(sandbox.counters().createsByReference).filter((r) => r.endsWith('-R2'))).toHaveLength(120);
  });
});

/** A proxy on 127.0.0.1 that answers 500 to disables of one link and passes everything else on. */
async function failingDisables(target: string, linkId: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === `/api/payment-link/disable/${linkId}`) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: { status: 'ERROR', reason: 'XX', message: 'Internal error', date: new Date().toISOString() } }));
        return;
      }
      fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) })
        .then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 15));
  }
}
