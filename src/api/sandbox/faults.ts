/**
 * Deterministic fault injection: the same seed and the same order of API
 * requests give the same faults, so a failing rehearsal can be replayed.
 *
 * Every request draws the same fixed number of values from the generator,
 * whatever the configuration and whatever the request turns out to be: a
 * decision never shifts the ones after it.
 */
import type { CapStep, FaultOptions } from './options.js';

/** mulberry32: a tiny, well-known 32-bit PRNG; plenty for choosing faults. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** What the fault plan decided for one API request. */
export interface FaultDecision {
  dropBefore: boolean;
  rate429: boolean;
  /** A 5xx status to answer, or null. */
  serverError: number | null;
  /** With a 500/504 on create: the link is created although the answer is an error. */
  createDespiteError: boolean;
  dropAfter: boolean;
  partialSuccess: boolean;
  /** Delay before answering, ms (0 = none). */
  latencyMs: number;
  /** Extra delay before a create is processed, ms. */
  createLatencyMs: number;
}

export const DEFAULT_FAULT_SEED = 0x5eed;
const DEFAULT_SERVER_ERRORS = [500, 502, 503, 504];

export interface ResolvedFaults {
  latencyMs: number;
  createLatencyMs: number;
  jitterMs: number;
  rate429: number;
  retryAfterSeconds: number;
  rate5xx: number;
  serverErrorStatuses: number[];
  dropBefore: number;
  dropAfter: number;
  partialSuccess: number;
  maxRequestsPerSecond: number | undefined;
  capSchedule: CapStep[];
  seed: number;
}

function share(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`Sandbox fault option ${name} is ${value}: use a share between 0 and 1.`);
  }
  return value;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`Sandbox fault option ${name} is ${value}: use a number of 0 or more.`);
  }
  return value;
}

/** Checks the options once, at start, so a typo fails loudly instead of silently injecting nothing. */
export function resolveFaults(options: FaultOptions = {}): ResolvedFaults {
  const statuses = options.serverErrorStatuses ?? DEFAULT_SERVER_ERRORS;
  if (statuses.length === 0 || statuses.some((s) => !Number.isInteger(s) || s < 500 || s > 599)) {
    throw new RangeError(`Sandbox fault option serverErrorStatuses is [${statuses.join(', ')}]: use statuses from 500 to 599.`);
  }
  const max = options.maxRequestsPerSecond;
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
    throw new RangeError(`Sandbox fault option maxRequestsPerSecond is ${max}: use a whole number of 1 or more.`);
  }
  const schedule = [...(options.capSchedule ?? [])].sort((a, b) => a.afterMs - b.afterMs);
  for (const step of schedule) {
    if (!Number.isInteger(step.max) || step.max < 1 || !Number.isFinite(step.afterMs) || step.afterMs < 0) {
      throw new RangeError(`Sandbox fault option capSchedule has ${JSON.stringify(step)}: use {afterMs: 0 or more, max: a whole number of 1 or more}.`);
    }
  }
  return {
    capSchedule: schedule,
    latencyMs: nonNegative('latencyMs', options.latencyMs, 0),
    createLatencyMs: nonNegative('createLatencyMs', options.createLatencyMs, 0),
    jitterMs: nonNegative('jitterMs', options.jitterMs, 0),
    rate429: share('rate429', options.rate429),
    retryAfterSeconds: nonNegative('retryAfterSeconds', options.retryAfterSeconds, 1),
    rate5xx: share('rate5xx', options.rate5xx),
    serverErrorStatuses: [...statuses],
    dropBefore: share('dropBefore', options.dropBefore),
    dropAfter: share('dropAfter', options.dropAfter),
    partialSuccess: share('partialSuccess', options.partialSuccess),
    maxRequestsPerSecond: max,
    seed: options.seed ?? DEFAULT_FAULT_SEED,
  };
}

export class FaultPlan {
  private readonly random: () => number;

  constructor(private readonly faults: ResolvedFaults) {
    this.random = mulberry32(faults.seed);
  }

  /** The decision for the next API request, in arrival order. */
  next(): FaultDecision {
    const f = this.faults;
    // Fixed draw order; all eight are drawn every time (see the file comment).
    const [drop, r429, r5xx, pick, half, after, partial, jitter] = Array.from({ length: 8 }, () => this.random()) as [
      number, number, number, number, number, number, number, number,
    ];
    const statuses = f.serverErrorStatuses;
    return {
      dropBefore: drop < f.dropBefore,
      rate429: r429 < f.rate429,
      serverError: r5xx < f.rate5xx ? (statuses[Math.floor(pick * statuses.length)] ?? 500) : null,
      createDespiteError: half < 0.5,
      dropAfter: after < f.dropAfter,
      partialSuccess: partial < f.partialSuccess,
      latencyMs: f.latencyMs + Math.floor(jitter * (f.jitterMs + 1)),
      createLatencyMs: f.createLatencyMs,
    };
  }
}

/**
 * A real fixed-window limiter: at most `max` accepted API requests per
 * wall-clock second. Refused requests do not use up the window, as with a
 * gateway that counts what it lets through. With a schedule, the limit in
 * force changes at the given times after the first request.
 */
export class PerSecondLimiter {
  private windowStart = -1;
  private used = 0;
  private firstAt: number | undefined;

  constructor(
    private readonly max: number | undefined,
    private readonly schedule: readonly CapStep[] = [],
  ) {}

  /** The limit in force at `nowMs`, or undefined for none. */
  limitAt(nowMs: number): number | undefined {
    const since = nowMs - (this.firstAt ?? nowMs);
    let limit = this.max;
    for (const step of this.schedule) if (step.afterMs <= since) limit = step.max;
    return limit;
  }

  take(nowMs: number): boolean {
    this.firstAt ??= nowMs;
    const max = this.limitAt(nowMs);
    if (max === undefined) return true;
    const window = Math.floor(nowMs / 1000);
    if (window !== this.windowStart) {
      this.windowStart = window;
      this.used = 0;
    }
    if (this.used >= max) return false;
    this.used += 1;
    return true;
  }
}
