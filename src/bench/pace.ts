/**
 * The adaptive pace against services that do not say their limit (issue:
 * "as fast as the service allows, without being told its limit"). Each
 * scenario starts a sandbox with a limit, runs the built CLI as a user runs
 * it, with no --rate, and reports goodput as a ratio to the limit and the
 * share of requests the service refused. Run alone with
 * `BENCH_ONLY=pace npm run bench`; `PACE_ONLY=cap,changing,nocap,noise`
 * (any of them) runs only those scenarios.
 */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { startSandbox } from '../api/sandbox/server.js';
import type { CapStep, FaultOptions } from '../api/sandbox/options.js';
import { runCliMeasured } from './child.js';
import { BENCH_DIR, billingCsv } from './sheets.js';

export type Report = (name: string, value: number, unit: string, detail: string) => void;

interface Scenario {
  name: string;
  rows: number;
  faults: FaultOptions;
  args: string[];
}

interface Outcome {
  issued: number;
  elapsedMs: number;
  requests: number;
  refused: number;
  exit: number | null;
}

async function run(scenario: Scenario, prefix: string): Promise<Outcome> {
  const sandbox = await startSandbox({ faults: scenario.faults });
  try {
    const env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
    const input = await billingCsv(scenario.rows, prefix);
    const dir = await mkdtemp(join(BENCH_DIR, 'pace-'));
    const child = await runCliMeasured(['issue', input, '--out', join(dir, 'links.csv'), '--base-url', sandbox.url, '--log', 'json', ...scenario.args], env);
    const line = child.stdout.split('\n').find((l) => l.startsWith('{"event":"summary"'));
    if (!line) throw new Error(`${scenario.name}: no summary (exit ${child.code})\n${child.stderr.slice(-2000)}`);
    const summary = JSON.parse(line) as { states: Record<string, number>; elapsedMs: number };
    const c = sandbox.counters();
    return { issued: summary.states.ISSUED ?? 0, elapsedMs: summary.elapsedMs, requests: c.requests.total - c.requests.control, refused: c.faults.rateLimited + c.faults.rate429, exit: child.code };
  } finally {
    await sandbox.close();
  }
}

/** The time-average of a stepped limit over the first `ms` of a run. */
function meanCap(schedule: CapStep[], ms: number): number {
  let total = 0;
  for (let i = 0; i < schedule.length; i += 1) {
    const step = schedule[i] as CapStep;
    const end = Math.min(ms, schedule[i + 1]?.afterMs ?? ms);
    if (end > step.afterMs) total += step.max * (end - step.afterMs);
  }
  return total / ms;
}

function describe(o: Outcome, bound: number): string {
  const goodput = (o.issued * 1000) / o.elapsedMs;
  const refusedShare = o.requests === 0 ? 0 : o.refused / o.requests;
  return `${o.issued} issued in ${(o.elapsedMs / 1000).toFixed(1)} s = ${goodput.toFixed(1)} links/s, ratio to the bound ${bound.toFixed(1)}/s = ${(goodput / bound).toFixed(3)}; ${o.refused} of ${o.requests} requests refused (${(100 * refusedShare).toFixed(1)}%); exit ${o.exit}`;
}

/** Whether a scenario is to run: all, unless PACE_ONLY names some. */
function wanted(key: string): boolean {
  const only = process.env.PACE_ONLY;
  return only === undefined || only.split(',').map((k) => k.trim()).includes(key);
}

export async function paceFigures(report: Report): Promise<void> {
  const fixed: [number, number, string[], number][] = [
    // cap/s, latency ms, extra flags, rows (about a minute each)
    [40, 50, ['--concurrency', '16'], 2400],
    [20, 300, [], 1200],
  ];
  for (const [cap, latencyMs, args, rows] of wanted('cap') ? fixed : []) {
    const o = await run({ name: `cap ${cap}`, rows, faults: { latencyMs, maxRequestsPerSecond: cap }, args }, `K${cap}`);
    report(`pace: unknown cap ${cap}/s at ${latencyMs} ms${args.length ? ` (${args.join(' ')})` : ' (default flags)'}`, (o.issued * 1000) / o.elapsedMs / cap, '× cap', describe(o, cap));
  }

  if (wanted('changing')) await changingCap(report);
  if (wanted('nocap')) {
    const nocap = await run({ name: 'no cap', rows: 1600, faults: { latencyMs: 300 }, args: [] }, 'KN');
    const ceiling = 16 / 0.3;
    report('pace: no cap at 300 ms (default --concurrency 16)', (nocap.issued * 1000) / nocap.elapsedMs / ceiling, '× ceiling/latency', describe(nocap, ceiling));
  }
  if (wanted('noise')) await randomRefusals(report);
}

async function changingCap(report: Report): Promise<void> {
  const schedule: CapStep[] = [
    { afterMs: 0, max: 40 },
    { afterMs: 20_000, max: 15 },
    { afterMs: 40_000, max: 40 },
  ];
  const changing = await run({ name: 'changing cap', rows: 1900, faults: { latencyMs: 50, capSchedule: schedule }, args: ['--concurrency', '16'] }, 'KC');
  const mean = meanCap(schedule, changing.elapsedMs);
  report('pace: cap 40 → 15 → 40 per s (20 s each) at 50 ms (--concurrency 16)', (changing.issued * 1000) / changing.elapsedMs / mean, '× cap', describe(changing, mean));
}

async function randomRefusals(report: Report): Promise<void> {
  // 30% of requests refused whatever the pace, at the sandbox's 50 ms and at the real service's ~300 ms.
  for (const latencyMs of [50, 300]) {
    const clean = await run({ name: 'no 429', rows: 2000, faults: { latencyMs }, args: ['--concurrency', '64'] }, 'KR');
    const noisy = await run({ name: '30% 429', rows: 2000, faults: { latencyMs, rate429: 0.3 }, args: ['--concurrency', '64'] }, 'KR');
    report(`pace: 30% random 429s at ${latencyMs} ms (--concurrency 64)`, noisy.elapsedMs / clean.elapsedMs, '× the time without them', `with: ${describe(noisy, (clean.issued * 1000) / clean.elapsedMs)}; without: ${(clean.elapsedMs / 1000).toFixed(1)} s`);
  }
}
