/**
 * A small discrete-time simulation of a run against a service with a
 * per-second cap, for the limiter's behaviour tests: `slots` requests in
 * flight at most (the throttle's --concurrency, counting the ones waiting for
 * the rate), a latency with optional jitter, refused requests sent again
 * after their Retry-After with their slot released meanwhile (as
 * callWithRetry does), and the sender's window of rows started at once.
 * Time is simulated (1 ms steps), so the tests check behaviour, never speed.
 */
import { AdaptiveRate } from '../../../src/pipeline/service/adaptive-rate.js';

export interface SimOptions {
  slots: number;
  latencyMs: number;
  /** Extra latency drawn uniformly from 0..jitterMs per request, so answers arrive out of order. */
  jitterMs?: number;
  /** The cap in force at each simulated ms (requests accepted per wall-clock second). */
  cap: (nowMs: number) => number;
  /** Share of requests refused whatever the rate (a noisy gateway), drawn from a fixed sequence. */
  randomRefusal?: number;
  /** The longest the run may last; with `rows`, it usually ends earlier. */
  durationMs: number;
  /** Rows to issue; undefined: an endless supply. */
  rows?: number;
  /** Rows started at once (the sender's window); default 16 × slots, as `issue` does. */
  window?: number;
  ceiling?: number;
  retryAfterMs?: number;
  /** Where the service's one-second windows start, relative to the run (a gateway's clock). */
  capPhaseMs?: number;
  /** One row at a time until the service first accepts one, as `issue` does until a link id is known. */
  firstAlone?: boolean;
  /** Extra time before the run starts sending in earnest (ms), one row at a time meanwhile. */
  aloneMs?: number;
}

export interface SimResult {
  accepted: number;
  refused: number;
  /** Accepted per second, each simulated second. */
  perSecond: number[];
  /** The limiter's rate at the end of each simulated second (undefined: unlimited). */
  rates: (number | undefined)[];
  refusedPerSecond: number[];
  /** With `rows`: when the last one was accepted (ms), or undefined when the run did not finish. */
  finishedMs: number | undefined;
  /** The most times one row was refused. */
  mostRefusals: number;
  /** Decreases the limiter made, and how many it undid. */
  decreases: number;
  undone: number;
  /** The share refused whatever the pace, as the limiter learnt it. */
  noise: number;
}

/** A fixed pseudo-random sequence (a linear congruential generator): the same run every time. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

interface Answer {
  at: number;
  sentAt: number;
  row: number;
  ok: boolean;
}

export function simulate(options: SimOptions): SimResult {
  const limiter = new AdaptiveRate({ ceiling: options.ceiling });
  const retryAfter = options.retryAfterMs ?? 1000;
  const random = sequence(12345);
  const jitter = sequence(777);
  const totalRows = options.rows ?? Number.POSITIVE_INFINITY;
  const windowRows = options.window ?? 16 * options.slots;
  const phase = options.capPhaseMs ?? 0;

  let freeSlots = options.slots;
  let nextRow = 0;
  let rowsOpen = 0; // started and not yet accepted
  let done = 0;
  const ready: number[] = []; // rows waiting for a slot, first come first served
  const waiting: { row: number; askAt: number }[] = []; // rows holding a slot, waiting for the rate
  const answers: Answer[] = [];
  const retries: { row: number; at: number }[] = [];
  const refusals = new Map<number, number>();
  let mostRefusals = 0;

  let windowSecond = Number.NaN;
  let windowUsed = 0;
  let accepted = 0;
  let refused = 0;
  let finishedMs: number | undefined;
  const perSecond: number[] = [];
  const rates: (number | undefined)[] = [];
  const refusedPerSecond: number[] = [];
  let secondAccepted = 0;
  let secondRefused = 0;

  for (let now = 0; now < options.durationMs && finishedMs === undefined; now += 1) {
    // Answers arrive.
    for (let i = answers.length - 1; i >= 0; i -= 1) {
      const a = answers[i] as Answer;
      if (a.at > now) continue;
      answers.splice(i, 1);
      freeSlots += 1;
      limiter.onLatency(a.at - a.sentAt);
      if (a.ok) {
        accepted += 1;
        secondAccepted += 1;
        done += 1;
        rowsOpen -= 1;
        limiter.onAccepted(now, a.sentAt);
        if (done >= totalRows) finishedMs = now;
      } else {
        refused += 1;
        secondRefused += 1;
        limiter.onRefused(now, a.sentAt);
        const n = (refusals.get(a.row) ?? 0) + 1;
        refusals.set(a.row, n);
        mostRefusals = Math.max(mostRefusals, n);
        retries.push({ row: a.row, at: now + retryAfter });
      }
    }
    limiter.settle(now);
    for (let i = 0; i < retries.length; i += 1) {
      const r = retries[i] as { row: number; at: number };
      if (r.at > now) continue;
      retries.splice(i, 1);
      i -= 1;
      ready.push(r.row);
    }
    // The sender starts rows while its window has room.
    const alone = options.firstAlone === true && (accepted === 0 || now < (options.aloneMs ?? 0));
    while (rowsOpen < (alone ? 1 : windowRows) && nextRow < totalRows) {
      ready.push(nextRow);
      nextRow += 1;
      rowsOpen += 1;
    }
    // Free slots take the first ready rows; rows holding a slot ask the limiter when their wait is over.
    while (freeSlots > 0 && ready.length > 0) {
      freeSlots -= 1;
      waiting.push({ row: ready.shift() as number, askAt: now });
    }
    for (let i = 0; i < waiting.length; i += 1) {
      const w = waiting[i] as { row: number; askAt: number };
      if (w.askAt > now) continue;
      const wait = limiter.reserve(now);
      if (wait > 0) {
        w.askAt = now + Math.ceil(wait);
        continue;
      }
      waiting.splice(i, 1);
      i -= 1;
      limiter.onSent(now);
      const second = Math.floor((now + phase) / 1000);
      if (second !== windowSecond) {
        windowSecond = second;
        windowUsed = 0;
      }
      let ok = windowUsed < options.cap(now);
      if (ok) windowUsed += 1;
      if (ok && options.randomRefusal !== undefined && random() < options.randomRefusal) ok = false;
      const extra = options.jitterMs === undefined ? 0 : Math.floor(jitter() * (options.jitterMs + 1));
      answers.push({ at: now + options.latencyMs + extra, sentAt: now, row: w.row, ok });
    }
    if ((now + 1) % 1000 === 0) {
      perSecond.push(secondAccepted);
      rates.push(limiter.view(now).rate);
      refusedPerSecond.push(secondRefused);
      secondAccepted = 0;
      secondRefused = 0;
    }
  }
  const view = limiter.view(finishedMs ?? options.durationMs);
  return { accepted, refused, perSecond, rates, refusedPerSecond, finishedMs, mostRefusals, decreases: view.decreases, undone: view.undone, noise: view.noise };
}
