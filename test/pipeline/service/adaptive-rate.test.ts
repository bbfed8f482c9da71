/**
 * The adaptive rate's behaviour, on a simulated clock against a simulated
 * per-second cap (rate-sim.ts): it converges under an unknown cap, backs off
 * when the cap drops, recovers when it rises, does not collapse when refusals
 * do not depend on the pace, and never passes --rate. Speed is measured by
 * `npm run bench`, not here.
 */
import { describe, expect, it } from 'vitest';
import { AdaptiveRate } from '../../../src/pipeline/service/adaptive-rate.js';
import { simulate } from './rate-sim.js';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('AdaptiveRate against an unknown per-second cap', () => {
  it.each([
    { cap: 40, latencyMs: 50, slots: 16 },
    { cap: 20, latencyMs: 300, slots: 16 },
    { cap: 5, latencyMs: 100, slots: 8 },
  ])('converges just under a cap of $cap/s at $latencyMs ms', ({ cap, latencyMs, slots }) => {
    const r = simulate({ slots, latencyMs, cap: () => cap, durationMs: 60_000 });
    const settled = r.perSecond.slice(10);
    // Just under the cap once settled, and refusals a small share of what was sent.
    expect(sum(settled) / settled.length).toBeGreaterThanOrEqual(0.9 * cap);
    expect(sum(settled) / settled.length).toBeLessThanOrEqual(cap);
    const refusedSettled = sum(r.refusedPerSecond.slice(10));
    expect(refusedSettled / (sum(settled) + refusedSettled)).toBeLessThan(0.1);
  });

  it('backs off when the cap drops and recovers when it rises again', () => {
    const cap = (t: number): number => (t < 20_000 ? 40 : t < 40_000 ? 15 : 40);
    const r = simulate({ slots: 16, latencyMs: 50, cap, durationMs: 60_000 });
    // Backs off: within 5 s of the drop, refusals stop (a few probes aside).
    expect(sum(r.refusedPerSecond.slice(25, 40))).toBeLessThanOrEqual(15);
    expect(r.rates[30]).toBeLessThanOrEqual(18);
    // Recovers: within 10 s of the rise, it takes most of the new cap.
    const recovered = r.perSecond.slice(50, 60);
    expect(sum(recovered) / recovered.length).toBeGreaterThanOrEqual(0.85 * 40);
  });

  it('does not collapse when the service refuses a share of everything whatever the pace', () => {
    const noisy = simulate({ slots: 64, latencyMs: 50, cap: () => 1e9, randomRefusal: 0.3, durationMs: 20_000 });
    const clean = simulate({ slots: 64, latencyMs: 50, cap: () => 1e9, durationMs: 20_000 });
    // 30% refused costs about 30% of the goodput, and a few seconds of learning; never a collapse.
    expect(noisy.accepted).toBeGreaterThan(0.5 * clean.accepted);
    expect(noisy.rates[noisy.rates.length - 1]).toBeUndefined(); // the decrease was undone
  });

  it('does not limit a service that never pushes back', () => {
    const r = simulate({ slots: 16, latencyMs: 300, cap: () => 1e9, durationMs: 10_000 });
    expect(r.refused).toBe(0);
    expect(r.rates.every((x) => x === undefined)).toBe(true);
    expect(r.accepted / 10).toBeGreaterThanOrEqual(0.95 * (16 / 0.3));
  });

  it('never passes --rate, even when the service would take more', () => {
    const r = simulate({ slots: 16, latencyMs: 50, cap: () => 1e9, ceiling: 10, durationMs: 10_000 });
    for (const n of r.perSecond.slice(1)) expect(n).toBeLessThanOrEqual(11);
    const capped = simulate({ slots: 16, latencyMs: 50, cap: () => 40, ceiling: 25, durationMs: 20_000 });
    expect(capped.refused).toBe(0);
  });

  it('one refusal, or the answers of a burst already in flight, lower the rate once', () => {
    const limiter = new AdaptiveRate();
    for (let t = 0; t < 1000; t += 10) {
      limiter.onSent(t);
      limiter.onAccepted(t + 5, t);
    }
    limiter.onSent(1000);
    limiter.onRefused(1005, 1000);
    expect(limiter.settle(1100)).toBe(false); // a single 429 is not a pattern
    for (let i = 0; i < 20; i += 1) {
      limiter.onSent(1100);
      limiter.onRefused(1150, 1100);
    }
    expect(limiter.settle(1200)).toBe(true);
    const after = limiter.view(1200);
    // The limit is what the service accepted in the second before the refused send (110..990 ms): 89.
    expect(after.lastLimit).toBe(89);
    expect(after.rate).toBeCloseTo(0.9 * 89, 0);
    for (let i = 0; i < 20; i += 1) limiter.onRefused(1300, 1150);
    expect(limiter.settle(1400)).toBe(false); // still holding: the same congestion event
    expect(limiter.view(1400).decreases).toBe(1);
  });
});
