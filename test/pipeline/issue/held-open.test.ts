/**
 * `issue` when the output is open in Excel (Windows): the final rename fails
 * with EBUSY until the file is closed. Simulated through atomic.ts's
 * `renameSeam` (in process, since the seam cannot reach a child): after the
 * bounded retries the run ends with OUTPUT_NOT_WRITTEN (exit 5), the result
 * is kept in an emergency CSV beside the journal and the message says to
 * close the file in Excel; once it is closed, the same command writes it and
 * sends nothing again.
 */
import { rename } from 'node:fs/promises';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlacetopayClient } from '../../../src/api/client.js';
import { startSandbox } from '../../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../../src/api/sandbox/options.js';
import { describeError } from '../../../src/cli/describe-error.js';
import { EXIT } from '../../../src/cli/exit-codes.js';
import { renameSeam } from '../../../src/io/atomic.js';
import type { IssueConfig } from '../../../src/pipeline/issue/config.js';
import { runIssue } from '../../../src/pipeline/issue/run.js';
import { OutputNotWrittenError } from '../../../src/pipeline/issue/output-fault.js';
import { DEFAULT_RETRY } from '../../../src/pipeline/service/retry.js';
import { requestOptions } from '../../helpers/request-options.js';
import { billingCsv, readCsvOutput, readXlsxOutput } from '../../helpers/sheets.js';

const original = { ...renameSeam };
let sandbox: SandboxHandle | undefined;
let client: PlacetopayClient | undefined;
afterEach(async () => {
  Object.assign(renameSeam, original);
  await client?.close();
  await sandbox?.close();
});

function config(dir: string, input: string, out: string, baseUrl: string): IssueConfig {
  return {
    input: { path: input, read: {} },
    output: { path: out, format: 'xlsx' },
    journalPath: `${out}.journal`,
    lockPath: `${out}.lock`,
    request: requestOptions({ linkLocale: 'es_CO' }),
    concurrency: 4,
    retry: DEFAULT_RETRY,
    dryRun: false,
    probe: { window: 100, settleMs: 1000 },
    resendUncertain: false,
    baseUrl,
  };
}

describe('issue: the output open in Excel', () => {
  it('retries the rename, then keeps the result in an emergency copy and says to close the file (exit 5)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-excel-'));
    const input = join(dir, 'billing.csv');
    await writeFile(input, billingCsv(30));
    const out = join(dir, 'billing-links.xlsx');
    sandbox = await startSandbox({});
    client = new PlacetopayClient({ baseUrl: sandbox.url, credentials: sandbox.credentials });
    let refused = 0;
    renameSeam.rename = async (from, to) => {
      if (to === out) {
        refused += 1;
        throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}' -> '${to}'`), { code: 'EBUSY' });
      }
      await rename(from, to);
    };
    renameSeam.delaysMs = [10, 20, 40];

    const err = await runIssue(config(dir, input, out, sandbox.url), client, () => undefined).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(OutputNotWrittenError);
    const fault = err as OutputNotWrittenError;
    expect(refused).toBe(4);
    expect(describeError(fault).exitCode).toBe(EXIT.OUTPUT_NOT_WRITTEN);
    expect(fault.links).toEqual({ issued: 30, uncertain: 0 });
    expect(fault.message).toMatch(/^30 payment links exist for this run, but the output ".*billing-links\.xlsx" was not written: .*another program has the file open \(EBUSY; Excel locks a workbook/);
    expect(fault.message).toMatch(/Close the file in Excel/);
    expect(fault.message).toContain(`run the same command with the same --out ${out}`);
    // The result is kept: the whole output, as CSV, beside the journal.
    expect(fault.emergencyCopy?.startsWith(join(dir, 'billing-links.xlsx.emergency-'))).toBe(true);
    const copy = await readCsvOutput(fault.emergencyCopy as string, ';');
    expect(copy.rows).toHaveLength(30);
    expect(copy.rows.every((r) => r.link_state === 'ISSUED' && r.link_url !== '')).toBe(true);

    // Excel closed: the same command writes the sheet and creates nothing new.
    Object.assign(renameSeam, original);
    const summary = await runIssue(config(dir, input, out, sandbox.url), client, () => undefined);
    expect(summary.states.ISSUED).toBe(30);
    expect(sandbox.counters().linksCreated).toBe(30);
    const written = await readXlsxOutput(out);
    // URL cells are hyperlinks in a workbook.
    const url = (v: unknown): string => (typeof v === 'object' && v !== null && 'hyperlink' in v ? String((v as { hyperlink: string }).hyperlink) : String(v));
    expect(written.rows.map((r) => url(r.link_url))).toEqual(copy.rows.map((r) => r.link_url));
  }, 60_000);
});
