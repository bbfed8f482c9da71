/**
 * A small discrete-time simulation of a run against a service with a
 * per-second cap, for the limiter's behaviour tests: `slots` requests in
 * flight at most, a fixed latency, refused requests retried after their
 * Retry-After with their slot released meanwhile (as callWithRetry does).
 * Time is simulated, so the tests check behaviour, never speed.
 */
import { AdaptiveRate } from '../../../src/pipeline/service/adaptive-rate.js';

export interface SimOptions {
  slots: number;
  latencyMs: number;
  /** The cap in force at each simulated ms (requests accepted per wall-clock second). */
  cap: (nowMs: number) => number;
  /** Share of requests refused whatever the rate (a noisy gateway), drawn from a fixed sequence. */
  randomRefusal?: number;
  durationMs: number;
  ceiling?: number;
  retryAfterMs?: number;
}

export interface SimResult {
  accepted: number;
  refused: number;
  /** Accepted per second, each simulated second. */
  perSecond: number[];
  /** The limiter's rate at the end of each simulated second (undefined: unlimited). */
  rates: (number | undefined)[];
  refusedPerSecond: number[];
}

export function simulate(options: SimOptions): SimResult {
  const limiter = new AdaptiveRate({ ceiling: options.ceiling });
  const retryAfter = options.retryAfterMs ?? 1000;
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let freeSlots = options.slots;
  const waiting: number[] = []; // when each waiting request asks again
  const answers: { at: number; sentAt: number; ok: boolean }[] = [];
  const retries: number[] = [];
  let windowSecond = -1;
  let windowUsed = 0;
  let accepted = 0;
  let refused = 0;
  let ready = Number.POSITIVE_INFINITY; // an endless supply of rows
  const perSecond: number[] = [];
  const rates: (number | undefined)[] = [];
  let secondAccepted = 0;
  let secondRefused = 0;
  const refusedPerSecond: number[] = [];
  for (let now = 0; now < options.durationMs; now += 1) {
    // Answers arrive.
    for (let i = answers.length - 1; i >= 0; i -= 1) {
      const a = answers[i] as { at: number; sentAt: number; ok: boolean };
      if (a.at > now) continue;
      answers.splice(i, 1);
      freeSlots += 1;
      if (a.ok) {
        accepted += 1;
        secondAccepted += 1;
        limiter.onAccepted(now, a.sentAt);
      } else {
        refused += 1;
        secondRefused += 1;
        limiter.onRefused(now, a.sentAt);
        retries.push(now + retryAfter);
      }
      limiter.onLatency(options.latencyMs);
    }
    limiter.settle(now);
    for (let i = retries.length - 1; i >= 0; i -= 1) {
      if ((retries[i] as number) <= now) {
        retries.splice(i, 1);
        ready += 1;
      }
    }
    // Free slots take a waiting row; waiting rows ask the limiter when their wait is over.
    while (freeSlots > 0 && ready > 0) {
      freeSlots -= 1;
      ready -= 1;
      waiting.push(now);
    }
    for (let i = 0; i < waiting.length; i += 1) {
      if ((waiting[i] as number) > now) continue;
      const wait = limiter.reserve(now);
      if (wait > 0) {
        waiting[i] = now + Math.ceil(wait);
        continue;
      }
      waiting.splice(i, 1);
      i -= 1;
      limiter.onSent(now);
      const second = Math.floor(now / 1000);
      if (second !== windowSecond) {
        windowSecond = second;
        windowUsed = 0;
      }
      let ok = windowUsed < options.cap(now);
      if (ok) windowUsed += 1;
      if (ok && options.randomRefusal !== undefined && random() < options.randomRefusal) ok = false;
      answers.push({ at: now + options.latencyMs, sentAt: now, ok });
    }
    if ((now + 1) % 1000 === 0) {
      perSecond.push(secondAccepted);
      rates.push(limiter.view(now).rate);
      secondAccepted = 0;
      refusedPerSecond.push(secondRefused);
      secondRefused = 0;
    }
  }
  return { accepted, refused, perSecond, rates, refusedPerSecond };
}
