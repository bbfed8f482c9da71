/**
 * One throttle per run, shared by every request the run makes (creates,
 * queries, disables, probes), so the service sees one well-behaved client:
 *
 * - at most `concurrency` requests in flight (a hard ceiling, `--concurrency`);
 * - a rate that adapts to what the service accepts (adaptive-rate.ts), under
 *   the hard ceiling `rate` (`--rate`); none until the service first pushes back;
 * - a 429 is honoured: the refused request waits out its Retry-After before it
 *   is sent again, and a long Retry-After (the service asking for quiet, not
 *   for a slower pace) pauses every request;
 * - when the service cannot be reached at all, its circuit breaker (if the run
 *   gave one) opens and no request is started any more (see circuit-breaker.ts).
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { isApiError } from '../../api/errors.js';
import { AdaptiveRate } from './adaptive-rate.js';
import type { CircuitBreaker } from './circuit-breaker.js';

export interface ThrottleOptions {
  concurrency: number;
  /** Requests per second; undefined or 0: no ceiling. */
  rate?: number;
  /** Wait used when a 429 carries no Retry-After. */
  defaultPushbackMs?: number;
  /** Stops every request of the run once the service is unreachable several times in a row. */
  breaker?: CircuitBreaker;
  /** Told each time the service's pushback lowered the rate. */
  onSlowDown?: (stats: ThrottleStats) => void;
  /** The clock (tests). */
  now?: () => number;
}

export interface ThrottleStats {
  concurrency: number;
  maxConcurrency: number;
  /** 429 answers so far. */
  pushbacks: number;
  /** Requests started so far. */
  requests: number;
  /** The rate the client holds itself to now (requests/s), or undefined while unlimited. */
  rate?: number;
  /** The accepted rate at the last slow-down: the service's limit as far as we can tell. */
  serviceLimit?: number;
}

/** A Retry-After at least this long pauses every request, not just the refused one. */
export const LONG_PUSHBACK_MS = 2000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class Throttle {
  private readonly limit: LimitFunction;
  private readonly maxConcurrency: number;
  private readonly defaultPushbackMs: number;
  private readonly adaptive: AdaptiveRate;
  private readonly now: () => number;
  private readonly onSlowDown: ((stats: ThrottleStats) => void) | undefined;
  private pausedUntil = 0;
  private pushbacks = 0;
  readonly breaker?: CircuitBreaker;
  private latencyMs: number | undefined;

  constructor(options: ThrottleOptions) {
    this.breaker = options.breaker;
    this.maxConcurrency = Math.max(1, Math.floor(options.concurrency));
    this.limit = pLimit(this.maxConcurrency);
    this.adaptive = new AdaptiveRate({ ceiling: options.rate });
    this.defaultPushbackMs = options.defaultPushbackMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.onSlowDown = options.onSlowDown;
  }

  /** Runs `fn` when a concurrency slot, the rate and the end of any long pause allow it. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.limit(async () => {
      await this.waitForTurn();
      const started = this.now();
      this.adaptive.onSent(started);
      try {
        const result = await fn();
        this.adaptive.onAccepted(this.now(), started);
        return result;
      } catch (err) {
        if (isApiError(err, 'RATE_LIMITED')) this.adaptive.onRefused(this.now(), started);
        throw err;
      } finally {
        this.noteLatency(this.now() - started);
        if (this.adaptive.settle(this.now())) this.onSlowDown?.(this.stats());
      }
    });
  }

  /**
   * The service answered 429: lower the rate if this is congestion, and say
   * how long the refused request must wait before it is sent again.
   */
  onPushback(retryAfterMs?: number, options: { longestPauseMs?: number } = {}): number {
    this.pushbacks += 1;
    const now = this.now();
    const wait = retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : this.defaultPushbackMs;
    // A wait longer than a request would wait at all (the refusal budget) ends the request
    // instead; pausing every other request for it would only hold the run up.
    const longest = options.longestPauseMs ?? Number.POSITIVE_INFINITY;
    if (wait >= LONG_PUSHBACK_MS && wait <= longest) this.pausedUntil = Math.max(this.pausedUntil, now + wait);
    return wait;
  }

  stats(): ThrottleStats {
    const view = this.adaptive.view(this.now());
    return {
      concurrency: this.limit.concurrency,
      maxConcurrency: this.maxConcurrency,
      pushbacks: this.pushbacks,
      requests: view.sent,
      ...(view.rate !== undefined ? { rate: view.rate } : {}),
      ...(view.lastLimit !== undefined ? { serviceLimit: view.lastLimit } : {}),
    };
  }

  private noteLatency(ms: number): void {
    // A smoothed round trip: a slow-down holds for two of them before judging the new pace.
    this.latencyMs = this.latencyMs === undefined ? ms : 0.9 * this.latencyMs + 0.1 * ms;
    this.adaptive.onLatency(this.latencyMs);
  }

  private async waitForTurn(): Promise<void> {
    for (;;) {
      const now = this.now();
      if (now < this.pausedUntil) {
        await sleep(this.pausedUntil - now);
        continue;
      }
      const wait = this.adaptive.reserve(now);
      if (wait === 0) return;
      await sleep(wait);
    }
  }
}

/** What a closing summary says of the pace: the figures, and a `--rate` for next time when the service pushed back. */
export interface PaceReport {
  requests: number;
  pushbacks: number;
  /** Requests per second the run held itself to at the end (absent: never limited). */
  rate?: number;
  /** The accepted rate at the last slow-down: the service's limit as far as the run could tell. */
  serviceLimit?: number;
  /** A little under that limit, so the next run starts at a pace the service accepts. */
  suggestedRate?: number;
}

export function paceReport(stats: ThrottleStats): PaceReport {
  const report: PaceReport = { requests: stats.requests, pushbacks: stats.pushbacks };
  if (stats.rate !== undefined) report.rate = Math.round(stats.rate * 10) / 10;
  if (stats.serviceLimit !== undefined) report.serviceLimit = Math.round(stats.serviceLimit * 10) / 10;
  if (stats.pushbacks > 0 && stats.serviceLimit !== undefined) report.suggestedRate = Math.max(1, Math.floor(stats.serviceLimit * 0.9));
  return report;
}
