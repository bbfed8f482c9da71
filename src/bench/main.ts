/**
 * `npm run bench`: the figures in BENCHMARKS.md. Run by hand, not in CI.
 *
 * A sandbox in this process answers with a fixed latency; the CLI runs as a
 * child process, as a user runs it. The bound of a batch against an API is
 * min(concurrency / latency, rate cap) links per second; each issuing figure
 * is given with its ratio to that bound. Every figure is printed with the
 * machine's core count. Sizes can be lowered for a quick look, e.g.
 * BENCH_ROWS=2000 BENCH_CSV_ROWS=100000 BENCH_XLSX_ROWS=20000 npm run bench
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlacetopayClient } from '../api/client.js';
import { startSandbox } from '../api/sandbox/server.js';
import type { Credentials } from '../api/types.js';
import { CLI, runCliMeasured, type ChildRun } from './child.js';
import { measureJournal } from './journal-cost.js';
import { manySheetsFigure } from './many.js';
import { paceFigures } from './pace.js';
import { BENCH_DIR, billingCsv, billingXlsx } from './sheets.js';

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const ROWS = num('BENCH_ROWS', 20_000);
const SEQ_ROWS = num('BENCH_SEQ_ROWS', 1_000);
const CSV_ROWS = num('BENCH_CSV_ROWS', 1_000_000);
const XLSX_ROWS = num('BENCH_XLSX_ROWS', 200_000);
const LATENCY_MS = num('BENCH_LATENCY_MS', 50);
const CONCURRENCY = 16;
const CORES = availableParallelism();

interface Figure {
  name: string;
  value: number;
  unit: string;
  detail: string;
}
const figures: Figure[] = [];

function report(name: string, value: number, unit: string, detail: string): void {
  figures.push({ name, value, unit, detail });
  console.log(`${name}: ${value.toFixed(value < 10 ? 2 : 0)} ${unit} — ${detail} [${CORES} cores]`);
}

interface Summary {
  rows: number;
  states: Record<string, number>;
  elapsedMs: number;
}

function summaryOf(run: ChildRun, what: string): Summary {
  const line = run.stdout.split('\n').find((l) => l.startsWith('{"event":"summary"'));
  if (!line) throw new Error(`${what}: no summary (exit ${run.code})\n${run.stderr.slice(-2000)}`);
  return JSON.parse(line) as Summary;
}

function reconcileAvailable(): boolean {
  return execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).includes('reconcile');
}

async function issueFigures(): Promise<{ perRowMs: number }> {
  const sandbox = await startSandbox({ faults: { latencyMs: LATENCY_MS } });
  const env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
  const dir = await mkdtemp(join(BENCH_DIR, 'issue-'));
  try {
    const input = await billingCsv(ROWS, 'P');
    const out = join(dir, 'links.csv');
    const bound = CONCURRENCY / (LATENCY_MS / 1000);
    // The sandbox itself adds a little to every answer (HTTP, auth, JSON, timers): measure one bare
    // round trip, so the figures can be read against what the sandbox allows, not only the nominal bound.
    const rttMs = await roundTripMs(sandbox.url, sandbox.credentials);
    const reachable = CONCURRENCY / (rttMs / 1000);
    report('bare client round trip', rttMs, 'ms', `sequential queries with ${LATENCY_MS} ms injected latency; reachable bound at concurrency ${CONCURRENCY} = ${reachable.toFixed(0)}/s`);
    const run = await runCliMeasured(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json', '--concurrency', String(CONCURRENCY)], env);
    const s = summaryOf(run, 'issue');
    if (s.states.ISSUED !== ROWS) throw new Error(`issue: expected ${ROWS} ISSUED, got ${JSON.stringify(s.states)}`);
    const wallRate = (ROWS * 1000) / run.wallMs;
    const innerRate = (ROWS * 1000) / s.elapsedMs;
    report(`issue ${ROWS} rows, concurrency ${CONCURRENCY}`, wallRate, 'links/s', `ratio to bound ${bound.toFixed(0)}/s = ${(wallRate / bound).toFixed(3)}, to the reachable ${reachable.toFixed(0)}/s = ${(wallRate / reachable).toFixed(3)} (wall ${(run.wallMs / 1000).toFixed(1)} s incl. start-up, read-ahead check and output write; in-process ${innerRate.toFixed(0)} links/s = ${(innerRate / bound).toFixed(3)}); peak RSS ${run.peakRssMiB?.toFixed(0) ?? '?'} MiB`);

    const seqInput = await billingCsv(SEQ_ROWS, 'S');
    const seq = await runCliMeasured(['issue', seqInput, '--out', join(dir, 'seq.csv'), '--base-url', sandbox.url, '--log', 'json', '--concurrency', '1'], env);
    const seqSummary = summaryOf(seq, 'sequential issue');
    const seqRate = (SEQ_ROWS * 1000) / seq.wallMs;
    const seqBound = 1 / (LATENCY_MS / 1000);
    report(`issue ${SEQ_ROWS} rows, concurrency 1 (baseline)`, seqRate, 'links/s', `ratio to bound ${seqBound.toFixed(0)}/s = ${(seqRate / seqBound).toFixed(3)} (in-process ${((SEQ_ROWS * 1000) / seqSummary.elapsedMs).toFixed(1)} links/s); ${ROWS} rows would take ${(ROWS / seqRate / 60).toFixed(1)} min vs ${(run.wallMs / 60_000).toFixed(1)} min at concurrency ${CONCURRENCY}: ${(wallRate / seqRate).toFixed(1)}×`);

    if (reconcileAvailable()) {
      const rec = await runCliMeasured(['reconcile', out, '--base-url', sandbox.url, '--log', 'json', '--report', 'json', '--concurrency', String(CONCURRENCY)], env);
      const recRate = (ROWS * 1000) / rec.wallMs;
      report(`reconcile ${ROWS} links, concurrency ${CONCURRENCY}`, recRate, 'links/s', `exit ${rec.code}; ratio to bound ${bound.toFixed(0)}/s = ${(recRate / bound).toFixed(3)}, to the reachable ${reachable.toFixed(0)}/s = ${(recRate / reachable).toFixed(3)}; peak RSS ${rec.peakRssMiB?.toFixed(0) ?? '?'} MiB`);
      const recSeq = await runCliMeasured(['reconcile', join(dir, 'seq.csv'), '--base-url', sandbox.url, '--log', 'json', '--report', 'json', '--concurrency', '1'], env);
      const recSeqRate = (SEQ_ROWS * 1000) / recSeq.wallMs;
      report(`reconcile ${SEQ_ROWS} links, concurrency 1 (baseline)`, recSeqRate, 'links/s', `exit ${recSeq.code}; ratio to bound ${seqBound.toFixed(0)}/s = ${(recSeqRate / seqBound).toFixed(3)}`);
    } else {
      console.log(`reconcile: not registered in this build (paylinks --help lists no reconcile) — skipped [${CORES} cores]`);
    }
    return { perRowMs: run.wallMs / ROWS };
  } finally {
    await sandbox.close();
  }
}

async function dryRunFigure(kind: 'CSV' | 'XLSX', rows: number): Promise<void> {
  const input = kind === 'CSV' ? await billingCsv(rows, 'D') : await billingXlsx(rows);
  const dir = await mkdtemp(join(BENCH_DIR, 'dry-'));
  const run = await runCliMeasured(['issue', input, '--out', join(dir, 'dry.csv'), '--dry-run', '--log', 'json', '--as-of', new Date().toISOString().slice(0, 10)]);
  const s = summaryOf(run, `dry run ${kind}`);
  if ((s.states.WOULD_ISSUE ?? 0) !== rows) throw new Error(`dry run ${kind}: expected ${rows} WOULD_ISSUE, got ${JSON.stringify(s.states)}`);
  report(`dry run ${kind} ${rows} rows`, (rows * 1000) / run.wallMs, 'rows/s', `wall ${(run.wallMs / 1000).toFixed(1)} s (read, map, validate, write the CSV output); peak RSS ${run.peakRssMiB?.toFixed(0) ?? '?'} MiB`);
}

/** Mean time of one query, sequentially, through the project's client: the sandbox's real per-request cost. */
async function roundTripMs(baseUrl: string, credentials: Credentials): Promise<number> {
  const client = new PlacetopayClient({ baseUrl, credentials });
  try {
    const ask = (): Promise<unknown> => client.get(1).catch(() => undefined); // 404 or a link: both are full round trips
    for (let i = 0; i < 5; i += 1) await ask();
    const started = performance.now();
    for (let i = 0; i < 40; i += 1) await ask();
    return (performance.now() - started) / 40;
  } finally {
    await client.close();
  }
}

/** Read + map + validate alone (no output written): the figure the ≥ 100,000 rows/s target is about. */
function validatePassFigure(kind: 'CSV' | 'XLSX', input: string, rows: number): void {
  const child = fileURLToPath(new URL('./validate-child.js', import.meta.url));
  const out = execFileSync(process.execPath, [child, input], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { rows: number; valid: number; ms: number; peakRssMiB: number };
  if (r.rows !== rows || r.valid !== rows) throw new Error(`validate pass ${kind}: expected ${rows} valid rows, got ${JSON.stringify(r)}`);
  report(`read + map + validate ${kind} ${rows} rows`, (rows * 1000) / r.ms, 'rows/s', `one core, no output written; peak RSS ${r.peakRssMiB.toFixed(0)} MiB`);
}

async function main(): Promise<void> {
  await mkdir(BENCH_DIR, { recursive: true });
  console.log(`paylinks bench — ${CORES} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}, sandbox latency ${LATENCY_MS} ms`);
  // BENCH_ONLY=pace runs the adaptive-pace scenarios alone (about six minutes).
  if (process.env.BENCH_ONLY === 'pace') {
    await paceFigures(report);
    await writeResults();
    return;
  }
  // BENCH_ONLY=many: reconcile of 12 sheets × 5,000 links in one folder (about five minutes with its setup).
  if (process.env.BENCH_ONLY === 'many') {
    await manySheetsFigure(report, LATENCY_MS, CONCURRENCY);
    await writeResults();
    return;
  }
  const issue = await issueFigures();
  validatePassFigure('CSV', await billingCsv(CSV_ROWS, 'D'), CSV_ROWS);
  await dryRunFigure('CSV', CSV_ROWS);
  validatePassFigure('XLSX', await billingXlsx(XLSX_ROWS), XLSX_ROWS);
  await dryRunFigure('XLSX', XLSX_ROWS);
  const journal = await measureJournal(ROWS, CONCURRENCY);
  report(`journal ${ROWS} rows × (intent + result), ${CONCURRENCY} writers`, journal.perRowMs, 'ms/row', `${journal.syncs} fdatasyncs for ${journal.appends} appends; ${((journal.perRowMs / issue.perRowMs) * 100).toFixed(1)}% of the issuing run's ${issue.perRowMs.toFixed(2)} ms/row`);
  await paceFigures(report);
  await manySheetsFigure(report, LATENCY_MS, CONCURRENCY);
  await writeResults();
}

async function writeResults(): Promise<void> {
  await writeFile(join(BENCH_DIR, 'results.json'), `${JSON.stringify({ at: new Date().toISOString(), cores: CORES, node: process.version, latencyMs: LATENCY_MS, figures }, null, 2)}\n`);
}

await main();
