/**
 * Adoption by probe, through the built CLI: run A issues a sheet into one
 * output; run B issues the same references, with some bills changed, into
 * another output, and every one of its creates loses its answer (a gateway
 * on 127.0.0.1 drops the connection without passing the create on). B's
 * probe finds A's links: it may adopt only a link that is the same bill, and
 * must report the others with the fields that differ.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sandboxBehindGateway } from '../helpers/gateway.js';
import { dueInDays, readCsvOutput } from '../helpers/sheets.js';

const setup = sandboxBehindGateway();

const sheet = (rows: Array<[string, string, string]>, due: string): string =>
  ['Cliente;Valor a pagar;Fecha de vencimiento;Factura', ...rows.map(([name, amount, ref]) => `${name};${amount};${due};${ref}`)].join('\r\n') + '\r\n';

describe('issue: adoption by probe', () => {
  it('adopts another run’s link only for the same bill; a different amount or name is reported, not adopted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-adopt-'));
    const { sandbox, gateway: drop, env } = await setup.start();
    const due = dueInDays(30);
    const common = ['--log', 'json', '--concurrency', '2', '--retries', '1', '--probe-settle', '1'];

    const inputA = join(dir, 'a.csv');
    await writeFile(inputA, sheet([['Cliente 1', '10.000', 'F-1'], ['Cliente 2', '20.000', 'F-2'], ['Cliente 3', '30.000', 'F-3']], due));
    const outA = join(dir, 'a-links.csv');
    const runA = await runCli(['issue', inputA, '--out', outA, '--base-url', sandbox.url, ...common], { env, timeoutMs: 60_000 });
    expect(runA.code, runA.stderr).toBe(0);
    const linksA = Object.fromEntries((await readCsvOutput(outA)).rows.map((r) => [r.Factura, r.link_id]));

    const inputB = join(dir, 'b.csv');
    await writeFile(inputB, sheet([['Cliente 1', '10.000', 'F-1'], ['Cliente 2', '20.500', 'F-2'], ['Cliente Tres', '30.000', 'F-3']], due));
    const outB = join(dir, 'b-links.csv');
    const runB = await runCli(['issue', inputB, '--out', outB, '--base-url', drop.url, ...common], { env, timeoutMs: 90_000 });
    expect([0, 1], runB.stderr).toContain(runB.code);
    expect(drop.dropped()).toBeGreaterThanOrEqual(3);

    const b = Object.fromEntries((await readCsvOutput(outB)).rows.map((r) => [r.Factura, r]));
    // The same bill: A's link is this row's link too, and no second link was made.
    expect(b['F-1']).toMatchObject({ link_state: 'ISSUED', link_id: linksA['F-1'] });
    // Same reference, another amount or name: never adopted, the differing field is named.
    expect(b['F-2']).toMatchObject({ link_state: 'UNCERTAIN', link_id: '', link_url: '' });
    expect(b['F-2']?.error).toMatch(new RegExp(`id ${linksA['F-2']}: amount 20000 \\(sent 20500\\)`));
    expect(b['F-3']).toMatchObject({ link_state: 'UNCERTAIN', link_id: '', link_url: '' });
    expect(b['F-3']?.error).toMatch(/name "Cliente 3" \(sent "Cliente Tres"\)/);
    // Only run A's creates reached the service.
    expect(sandbox.counters().createsByReference).toEqual({ 'F-1': 1, 'F-2': 1, 'F-3': 1 });
  });
});
