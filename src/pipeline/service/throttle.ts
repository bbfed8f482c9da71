/**
 * One throttle per run, shared by every request the run makes (creates,
 * queries, disables, probes), so the service sees one well-behaved client:
 *
 * - at most `concurrency` requests in flight;
 * - at most `rate` requests started per second (a token bucket; none by default);
 * - when the service pushes back (429), every request waits out Retry-After and
 *   the concurrency is halved; it grows back by one after each run of
 *   `current` successes, so the run slows down and then recovers by itself;
 * - when the service cannot be reached at all, its circuit breaker (if the run
 *   gave one) opens and no request is started any more (see circuit-breaker.ts).
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { CircuitBreaker } from './circuit-breaker.js';

export interface ThrottleOptions {
  concurrency: number;
  /** Requests per second; undefined or 0: no cap. */
  rate?: number;
  /** Pause used when a 429 carries no Retry-After. */
  defaultPushbackMs?: number;
  /** Stops every request of the run once the service is unreachable several times in a row. */
  breaker?: CircuitBreaker;
}

export interface ThrottleStats {
  concurrency: number;
  maxConcurrency: number;
  pushbacks: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class Throttle {
  private readonly limit: LimitFunction;
  private readonly maxConcurrency: number;
  private readonly intervalMs: number;
  private readonly defaultPushbackMs: number;
  private nextSlotAt = 0;
  private pausedUntil = 0;
  private successStreak = 0;
  private pushbacks = 0;
  readonly breaker?: CircuitBreaker;

  constructor(options: ThrottleOptions) {
    this.breaker = options.breaker;
    this.maxConcurrency = Math.max(1, Math.floor(options.concurrency));
    this.limit = pLimit(this.maxConcurrency);
    this.intervalMs = options.rate && options.rate > 0 ? 1000 / options.rate : 0;
    this.defaultPushbackMs = options.defaultPushbackMs ?? 1000;
  }

  /** Runs `fn` when a concurrency slot, a rate token and the end of any pushback pause allow it. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.limit(async () => {
      await this.waitForTurn();
      return fn();
    });
  }

  /** The service answered normally: count towards recovering the concurrency. */
  onSuccess(): void {
    if (this.limit.concurrency >= this.maxConcurrency) return;
    this.successStreak += 1;
    if (this.successStreak >= this.limit.concurrency) {
      this.successStreak = 0;
      this.limit.concurrency = Math.min(this.maxConcurrency, this.limit.concurrency + 1);
    }
  }

  /** The service answered 429: pause everybody and halve the concurrency. */
  onPushback(retryAfterMs?: number): void {
    this.pushbacks += 1;
    this.successStreak = 0;
    const wait = retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : this.defaultPushbackMs;
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + wait);
    this.limit.concurrency = Math.max(1, Math.floor(this.limit.concurrency / 2));
  }

  stats(): ThrottleStats {
    return { concurrency: this.limit.concurrency, maxConcurrency: this.maxConcurrency, pushbacks: this.pushbacks };
  }

  private async waitForTurn(): Promise<void> {
    for (;;) {
      const now = Date.now();
      if (now < this.pausedUntil) {
        await sleep(this.pausedUntil - now);
        continue;
      }
      if (this.intervalMs === 0) return;
      // Reserve the next start slot before sleeping, so concurrent callers queue up in order.
      const slot = Math.max(now, this.nextSlotAt);
      this.nextSlotAt = slot + this.intervalMs;
      if (slot > now) await sleep(slot - now);
      if (Date.now() >= this.pausedUntil) return;
    }
  }
}
