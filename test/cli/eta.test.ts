/** Time left from the recent rate, and the progress line in both languages. */
import { afterEach, describe, expect, it } from 'vitest';
import { estimateSecondsLeft, EtaEstimator, formatDuration } from '../../src/cli/eta.js';
import { progressLine } from '../../src/cli/reporter.js';
import { setLang } from '../../src/i18n/current.js';
import type { ThrottleStats } from '../../src/pipeline/service/throttle.js';

afterEach(() => setLang('en'));

describe('estimateSecondsLeft', () => {
  it.each([
    ['no total', [{ atMs: 0, done: 0 }, { atMs: 2000, done: 20 }], undefined, undefined],
    ['too few rows', [{ atMs: 0, done: 0 }, { atMs: 2000, done: 3 }], 100, undefined],
    ['too short a span', [{ atMs: 0, done: 0 }, { atMs: 500, done: 50 }], 1000, undefined],
    ['10 rows/s, 80 left', [{ atMs: 0, done: 0 }, { atMs: 2000, done: 20 }], 100, 8],
    ['done', [{ atMs: 0, done: 0 }, { atMs: 2000, done: 100 }], 100, 0],
    ['no progress in the window', [{ atMs: 0, done: 40 }, { atMs: 5000, done: 40 }], 100, undefined],
  ] as const)('%s', (_name, samples, total, seconds) => {
    expect(estimateSecondsLeft(samples, total)).toBe(seconds);
  });

  it('follows the recent rate, not the average since the start', () => {
    const eta = new EtaEstimator();
    // 100 rows/s for 20 s, then the service pushes back: 10 rows/s for the last 20 s.
    for (let t = 0; t <= 20_000; t += 500) eta.record(t, t / 10);
    for (let t = 20_500; t <= 40_000; t += 500) eta.record(t, 2000 + (t - 20_000) / 100);
    // 2,200 done of 3,000 at 10 rows/s: 80 s, where the average (55 rows/s) would say ~15 s.
    expect(eta.secondsLeft(3000)).toBe(80);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [60, '1 min'],
    [130, '2 min 10 s'],
    [3599, '59 min 59 s'],
    [3600, '1 h 00 min'],
    [3900, '1 h 05 min'],
    [7199, '2 h 00 min'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('progressLine', () => {
  const pace = { pushbacks: 3, rate: 12.4 } as ThrottleStats;
  const counts = new Map([['ISSUED', 541], ['FAILED', 2]]);

  it('Spanish: time left, states labelled, the service pushing back', () => {
    setLang('es');
    const line = progressLine({ done: 543, total: 2000, rate: 12, counts, secondsLeft: 130, pace });
    expect(line).toBe('[#######-----------------] 543/2000 · 12 filas/s · ≈ 2 min 10 s restantes · emitido 541 · falló 2 · el servicio frena: 429 × 3, ritmo ≤ 12/s');
  });

  it('English, before any estimate and without pushback', () => {
    setLang('en');
    expect(progressLine({ done: 3, total: 2000, rate: 3, counts: new Map([['ISSUED', 3]]) })).toBe('[------------------------] 3/2000 · 3 rows/s · issued 3');
  });
});
