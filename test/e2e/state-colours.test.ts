/**
 * One colour per state, whichever command wrote the sheet last: an XLSX that
 * `issue` wrote (ISSUED, INVALID and an UNCERTAIN row whose create answer a
 * gateway dropped) is reconciled in place, and every state cell keeps its
 * fill; reconcile's own states use the same table.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_FILLS } from '../../src/pipeline/output/state-colours.js';
import { runCli } from '../helpers/cli.js';
import { sandboxBehindGateway } from '../helpers/gateway.js';
import { dueInDays, readXlsxOutput } from '../helpers/sheets.js';

const setup = sandboxBehindGateway();

/** state → fill of every cell in `column`, from the workbook as Excel would read it. */
async function fills(path: string, column: string): Promise<Map<string, string | undefined>> {
  const { sheet, header } = await readXlsxOutput(path);
  const index = header.indexOf(column) + 1;
  expect(index, `${column} in ${header.join(',')}`).toBeGreaterThan(0);
  const out = new Map<string, string | undefined>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cell = row.getCell(index);
    const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
    out.set(String(cell.value ?? ''), fill?.fgColor?.argb);
  });
  return out;
}

describe('state colours: issue and reconcile agree', () => {
  it('keeps the fill of every state when reconcile rewrites an issued workbook', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-colours-'));
    // The first create (sent before any answer came back) is lost: its row stays UNCERTAIN.
    const { gateway, env } = await setup.start((body) => body.reference === 'F-1');
    const input = join(dir, 'billing.csv');
    const due = dueInDays(30);
    await writeFile(input, `Cliente;Valor a pagar;Fecha de vencimiento;Factura\r\nAna;10.000;${due};F-1\r\nBeto;20.000;${due};F-2\r\nCata;veinte;${due};F-3\r\n`);
    const out = join(dir, 'billing-links.xlsx');
    const common = ['--base-url', gateway.url, '--log', 'json', '--retries', '0', '--probe-settle', '1'];

    const issued = await runCli(['issue', input, '--out', out, ...common], { env, timeoutMs: 60_000 });
    expect([0, 1], issued.stderr).toContain(issued.code);
    const afterIssue = await fills(out, 'link_state');
    expect([...afterIssue.keys()].sort()).toEqual(['INVALID', 'ISSUED', 'UNCERTAIN']);
    for (const [state, argb] of afterIssue) expect(argb, state).toBe(STATE_FILLS[state]);

    const reconciled = await runCli(['reconcile', out, ...common], { env, timeoutMs: 60_000 });
    expect([0, 1], reconciled.stderr).toContain(reconciled.code);
    const afterReconcile = await fills(out, 'link_state');
    expect(afterReconcile).toEqual(afterIssue);
    expect(afterReconcile.get('UNCERTAIN')).toBe('FFFFEB9C');
    const payments = await fills(out, 'payment_state');
    expect(payments.get('PENDING')).toBe(STATE_FILLS.PENDING);
  });
});
