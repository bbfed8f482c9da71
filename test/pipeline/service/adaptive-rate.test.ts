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

  it.each([0, 300, 700])('converges whatever the service\'s one-second windows (starting %i ms into the run), answers out of order', (phase) => {
    for (const [cap, latencyMs] of [[40, 50], [20, 300]] as const) {
      const r = simulate({ slots: 16, latencyMs, jitterMs: 20, cap: () => cap, capPhaseMs: phase, durationMs: 60_000 });
      const settled = r.perSecond.slice(10);
      expect(sum(settled) / settled.length).toBeGreaterThanOrEqual(0.9 * cap);
      // Over the whole run, the first burst included, a few percent refused at most.
      expect(r.refused / (r.accepted + r.refused)).toBeLessThan(0.07);
    }
  });

  it('backs off when the cap drops, fast, and recovers when it rises again', () => {
    const cap = (t: number): number => (t < 20_000 ? 40 : t < 40_000 ? 15 : 40);
    for (const phase of [0, 300, 700]) {
      const r = simulate({ slots: 16, latencyMs: 50, jitterMs: 10, cap, capPhaseMs: phase, durationMs: 60_000 });
      // Backs off: the refusals of the drop are over within two seconds (a first step that could not
      // see the whole drop, then one more from what the service took once it had room again).
      expect(sum(r.refusedPerSecond.slice(20, 22))).toBeLessThanOrEqual(36); // 47 with a second step two holds later
      expect(sum(r.refusedPerSecond.slice(22, 40))).toBeLessThanOrEqual(12);
      expect(r.rates[23]).toBeLessThanOrEqual(16.5);
      // No collapse below the new cap: most of it is taken while it lasts.
      const low = r.perSecond.slice(23, 40);
      expect(sum(low) / low.length).toBeGreaterThanOrEqual(0.85 * 15);
      // Recovers: within 10 s of the rise, it takes most of the new cap.
      const recovered = r.perSecond.slice(50, 60);
      expect(sum(recovered) / recovered.length).toBeGreaterThanOrEqual(0.85 * 40);
      // Over the run: at least 0.85 of the time-averaged cap, at most 7% refused (the first burst included).
      expect(r.accepted / 60).toBeGreaterThanOrEqual(0.85 * (95 / 3));
      expect(r.refused / (r.accepted + r.refused)).toBeLessThan(0.07);
    }
  });

  it('does not collapse when the service refuses a share of everything whatever the pace', () => {
    const noisy = simulate({ slots: 64, latencyMs: 50, cap: () => 1e9, randomRefusal: 0.3, durationMs: 20_000 });
    const clean = simulate({ slots: 64, latencyMs: 50, cap: () => 1e9, durationMs: 20_000 });
    // 30% refused costs about 30% of the goodput; never a collapse.
    expect(noisy.accepted).toBeGreaterThan(0.6 * clean.accepted);
    // One experiment: the share refused did not move when the pace fell, so it was undone and the
    // share learnt as noise; no decrease after that, and no limit at the end.
    expect(noisy.decreases).toBe(1);
    expect(noisy.undone).toBe(1);
    expect(noisy.noise).toBeGreaterThan(0.25);
    expect(noisy.noise).toBeLessThan(0.35);
    expect(noisy.rates.slice(3).every((x) => x === undefined)).toBe(true);
  });

  it.each([50, 300])('random refusals cost a run of 2,000 rows (at %i ms) only the time their Retry-Afters take', (latencyMs) => {
    const rows = 2000;
    const clean = simulate({ slots: 64, latencyMs, jitterMs: 10, cap: () => 1e9, rows, durationMs: 600_000 });
    const noisy = simulate({ slots: 64, latencyMs, jitterMs: 10, cap: () => 1e9, randomRefusal: 0.3, rows, durationMs: 600_000 });
    expect(noisy.finishedMs).toBeDefined();
    // Every row is sent 1 / 0.7 times on average, and the unluckiest one waits out a Retry-After
    // (1 s) plus a round trip for each of its refusals: no more than that.
    const bound = (clean.finishedMs as number) / 0.7 + noisy.mostRefusals * (1000 + latencyMs + 10) + 1000;
    expect(noisy.finishedMs as number).toBeLessThanOrEqual(bound);
    expect(noisy.decreases - noisy.undone).toBe(0);
  });

  it('a slow start (the first request alone, the first seconds starved) is not taken for the service\'s pace', () => {
    // Random refusals during a slow start once set a limit of a few per second, and at that pace
    // there were never enough answers to call the refusals noise: a ratchet down to the floor.
    const options = { slots: 64, latencyMs: 50, jitterMs: 10, cap: () => 1e9, rows: 2000, durationMs: 600_000, firstAlone: true, aloneMs: 4000 };
    const clean = simulate(options);
    const noisy = simulate({ ...options, randomRefusal: 0.3 });
    expect(noisy.decreases - noisy.undone).toBe(0);
    expect(noisy.finishedMs as number).toBeLessThanOrEqual((clean.finishedMs as number) / 0.7 + noisy.mostRefusals * 1060 + 1000);
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
