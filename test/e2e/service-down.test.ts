/**
 * A service that is down (nothing listening on the port): the circuit breaker
 * stops issue and reconcile after a few attempts, whatever the row count.
 * Before it, 2,000 rows took 186 s (16 rows in a row × ~12 s of retries each).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { billingCsv, readCsvOutput } from '../helpers/sheets.js';

/** A port on 127.0.0.1 where nothing listens: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

const env = { PLACETOPAY_LOGIN: 'login', PLACETOPAY_SECRET_KEY: 'secret-key-for-tests' };

describe('the service down: the circuit breaker stops the run in seconds', () => {
  it('issue of 2,000 rows against a closed port: exit 3 after 4 connection attempts, nothing else sent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-down-'));
    const input = join(dir, 'billing.csv');
    await writeFile(input, billingCsv(2000));
    const out = join(dir, 'billing-links.csv');
    const port = await closedPort();
    const started = Date.now();
    const result = await runCli(['issue', input, '--out', out, '--base-url', `http://127.0.0.1:${port}`, '--log', 'json'], { env, timeoutMs: 60_000 });
    const elapsed = Date.now() - started;
    expect(result.code, result.stderr).toBe(3);
    const summary = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { stop?: { reason: string; message: string } };
    expect(summary.stop?.reason).toBe('SERVICE_UNAVAILABLE');
    // The count of attempts, not the time, is what the breaker guarantees.
    expect(summary.stop?.message).toMatch(/down or unreachable: 4 attempts in a row could not connect/);
    expect(summary.stop?.message).toContain(`127.0.0.1:${port}`);
    // One create was journaled (the first goes alone until a link id is known); the rest were never tried.
    const journal = (await readFile(`${out}.journal`, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { t: string });
    expect(journal.filter((e) => e.t === 'intent')).toHaveLength(1);
    const { rows } = await readCsvOutput(out, ';');
    expect(rows).toHaveLength(2000);
    expect(rows.every((r) => r.link_state === 'FAILED')).toBe(true);
    expect(rows[1999]?.error).toMatch(/not sent: The service is down or unreachable/);
    process.stdout.write(`[service-down] issue, 2,000 rows, closed port: exit ${result.code} after ${elapsed} ms\n`);
  }, 60_000);

  it('reconcile of 2,000 links against a closed port: exit 3 after 4 attempts, rows kept as they were', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-down-'));
    const sheet = join(dir, 'billing-links.csv');
    const lines = ['Cliente;Valor a pagar;Fecha de vencimiento;Factura;link_state;link_id;link_url;expires_at;error'];
    for (let i = 1; i <= 2000; i += 1) lines.push(`Cliente ${i};25.000;31/12/2031;F-${i};ISSUED;${i};https://example.test/l/${i};31/12/2031;`);
    await writeFile(sheet, `${lines.join('\r\n')}\r\n`);
    const port = await closedPort();
    const started = Date.now();
    const result = await runCli(['reconcile', sheet, '--base-url', `http://127.0.0.1:${port}`, '--log', 'json', '--report', 'json', '--concurrency', '16'], { env, timeoutMs: 60_000 });
    const elapsed = Date.now() - started;
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/down or unreachable: 4 attempts in a row could not connect/);
    const { rows } = await readCsvOutput(sheet, ';');
    expect(rows).toHaveLength(2000);
    expect(rows.every((r) => r.link_state === 'ISSUED')).toBe(true);
    process.stdout.write(`[service-down] reconcile, 2,000 links, closed port, --concurrency 16: exit ${result.code} after ${elapsed} ms\n`);
  }, 60_000);
});
