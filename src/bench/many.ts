/**
 * Reconcile of a year of sheets in one run (issue #14): 12 sheets × 5,000
 * links (BENCH_MANY_SHEETS, BENCH_MANY_ROWS) issued into one folder, then
 * `paylinks reconcile <folder>` against a sandbox answering after 50 ms, at
 * concurrency 16. The bound is the same as for one sheet: every link is one
 * query, so links / (concurrency / latency). Run alone with
 * `BENCH_ONLY=many npm run bench`.
 */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { startSandbox } from '../api/sandbox/server.js';
import { runCliMeasured } from './child.js';
import type { Report } from './pace.js';
import { BENCH_DIR, billingCsv } from './sheets.js';

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

export async function manySheetsFigure(report: Report, latencyMs: number, concurrency: number): Promise<void> {
  const sheets = num('BENCH_MANY_SHEETS', 12);
  const rows = num('BENCH_MANY_ROWS', 5_000);
  const sandbox = await startSandbox({ faults: { latencyMs } });
  try {
    const env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
    const dir = await mkdtemp(join(BENCH_DIR, 'many-'));
    // Setup, not measured: one issued sheet per month, issued wide open so it takes a minute, not ten.
    for (let month = 1; month <= sheets; month += 1) {
      const input = await billingCsv(rows, `M${String(month).padStart(2, '0')}`);
      const out = join(dir, `cobro-2027-${String(month).padStart(2, '0')}-links.csv`);
      const issued = await runCliMeasured(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json', '--concurrency', '64'], env);
      if (issued.code !== 0) throw new Error(`many sheets: issue of month ${month} exited ${issued.code}\n${issued.stderr.slice(-2000)}`);
    }
    const before = sandbox.counters().requests.get;
    const run = await runCliMeasured(['reconcile', dir, '--base-url', sandbox.url, '--log', 'json', '--report', 'json', '--concurrency', String(concurrency)], env);
    const line = run.stdout.split('\n').find((l) => l.startsWith('{"event":"summary"'));
    if (!line) throw new Error(`many sheets: no summary (exit ${run.code})\n${run.stderr.slice(-2000)}`);
    const summary = JSON.parse(line) as { queried: number; elapsedMs: number; sheets: Array<{ status: string }> };
    const links = sheets * rows;
    if (summary.queried !== links) throw new Error(`many sheets: expected ${links} links queried, got ${summary.queried} (exit ${run.code})`);
    const queries = sandbox.counters().requests.get - before;
    const bound = concurrency / (latencyMs / 1000);
    const wallRate = (links * 1000) / run.wallMs;
    const innerRate = (links * 1000) / summary.elapsedMs;
    report(
      `reconcile ${sheets} sheets × ${rows} links in one folder, concurrency ${concurrency}`,
      wallRate / bound,
      '× bound',
      `${wallRate.toFixed(0)} links/s over the wall ${(run.wallMs / 1000).toFixed(1)} s (incl. start-up, finding the sheets, reading and writing each), bound ${concurrency}/${latencyMs} ms = ${bound.toFixed(0)}/s; ` +
        `in-process ${innerRate.toFixed(0)} links/s = ${(innerRate / bound).toFixed(3)}; ${queries} queries for ${links} links; ${summary.sheets.filter((s) => s.status === 'done').length}/${sheets} sheets done; exit ${run.code}; peak RSS ${run.peakRssMiB?.toFixed(0) ?? '?'} MiB`,
    );
    // The same machine, the same moment: one of those sheets alone, so the figure above can be read
    // against what one sheet gets (a shared machine moves both alike).
    const one = join(dir, 'cobro-2027-01-links.csv');
    const single = await runCliMeasured(['reconcile', one, '--base-url', sandbox.url, '--log', 'json', '--report', 'json', '--concurrency', String(concurrency)], env);
    const singleRate = (rows * 1000) / single.wallMs;
    report(
      `reconcile 1 sheet × ${rows} links alone (control for the figure above)`,
      singleRate / bound,
      '× bound',
      `${singleRate.toFixed(0)} links/s over the wall ${(single.wallMs / 1000).toFixed(1)} s; the folder run reached ${(wallRate / singleRate).toFixed(2)} of this rate; exit ${single.code}; peak RSS ${single.peakRssMiB?.toFixed(0) ?? '?'} MiB`,
    );
  } finally {
    await sandbox.close();
  }
}
