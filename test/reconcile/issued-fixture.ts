/**
 * Issued sheets for reconcile tests: links created through the real client
 * against a sandbox, written with the project's own writer and layout
 * (input columns + issue's columns), exactly as `paylinks issue` writes them.
 */
import { PlacetopayClient } from '../../src/api/client.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { createSheetWriter } from '../../src/io/write/index.js';
import type { CellValue, SheetFormat } from '../../src/io/types.js';
import { ISSUE_COLUMNS, planOutput, wallClockDate } from '../../src/pipeline/output/sheet-plan.js';
import type { ReconcileConfig } from '../../src/pipeline/reconcile/run.js';

export interface BillRow {
  name: string;
  /** es-CO text, e.g. "25.000". */
  amountText: string;
  amount: string;
  /** DD/MM/YYYY. */
  due: string;
  reference: string;
  /** Leave the row UNCERTAIN (no link_id in the sheet) although its link is created. */
  uncertain?: boolean;
  /** Do not create a link at all (an INVALID row of issue). */
  invalid?: boolean;
}

export interface IssuedLink {
  row: BillRow;
  id?: number;
  url?: string;
}

export const HEADER = ['Cliente', 'Valor a pagar', 'Fecha de vencimiento', 'Factura'];

/** Creates the links (expiring a year ahead so the sandbox keeps them ACTIVE) and writes the issued sheet. */
export async function writeIssuedSheet(
  sandbox: SandboxHandle,
  path: string,
  rows: BillRow[],
  options: { format?: SheetFormat; notificationUrl?: string } = {},
): Promise<IssuedLink[]> {
  const client = new PlacetopayClient({ baseUrl: sandbox.url, credentials: sandbox.credentials });
  const links: IssuedLink[] = [];
  const expires = `${new Date().getUTCFullYear() + 1}-12-31 23:59:59`;
  try {
    for (const row of rows) {
      if (row.invalid) {
        links.push({ row });
        continue;
      }
      const created = await client.create({
        name: row.name,
        reference: row.reference,
        description: `Factura ${row.reference}`,
        expirationDate: expires,
        paymentExpiration: 15,
        payment: { amount: { currency: 'COP', total: row.amount } },
        paymentsAllowed: 1,
        notificationUrl: options.notificationUrl,
      });
      links.push({ row, id: created.id, url: created.url });
    }
  } finally {
    await client.close();
  }
  const plan = planOutput(HEADER, ISSUE_COLUMNS);
  const writer = await createSheetWriter(path, { format: options.format ?? 'csv', columns: plan.columns, delimiter: ';', sheetName: 'Links' });
  for (const link of links) {
    const r = link.row;
    const state = r.invalid ? 'INVALID' : r.uncertain ? 'UNCERTAIN' : 'ISSUED';
    const values: Record<string, CellValue> = {
      link_state: state,
      link_id: state === 'ISSUED' ? (link.id ?? null) : null,
      link_url: state === 'ISSUED' ? (link.url ?? null) : null,
      expires_at: wallClockDate(expires),
      error: state === 'INVALID' ? 'the amount is not a number' : state === 'UNCERTAIN' ? `the create for reference ${r.reference} was sent and its answer was lost` : null,
    };
    await writer.writeRow(plan.row([r.name, r.amountText, r.due, r.reference], values));
  }
  await writer.commit();
  return links;
}

export async function control(sandbox: SandboxHandle, id: number, action: 'pay' | 'expire' | 'notify', body: unknown = {}): Promise<any> {
  const res = await fetch(`${sandbox.url}/__sandbox/links/${id}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`sandbox ${action} of link ${id}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A reconcile of `sheet` in place, as of 2027-03-10 with 5 days of grace, with short retries. */
export function reconcileConfig(sheet: string, overrides: Partial<ReconcileConfig> = {}): ReconcileConfig {
  return {
    sheet: { path: sheet, locale: 'es-CO', currency: 'COP', timeZone: 'America/Bogota' },
    output: { path: sheet, format: sheet.endsWith('.xlsx') ? 'xlsx' : 'csv' },
    lockPath: `${sheet}.lock`,
    journalPath: `${sheet}.journal`,
    disableOverdue: true,
    graceDays: 5,
    timeZone: 'America/Bogota',
    now: new Date('2027-03-10T12:00:00Z'),
    dryRun: false,
    concurrency: 4,
    retry: { retries: 2, minDelayMs: 10, maxDelayMs: 50 },
    serviceFailureLimit: 10,
    // Lost creates in these tests are written to the journal by the test itself, already settled.
    settleMs: 0,
    ...overrides,
  };
}
