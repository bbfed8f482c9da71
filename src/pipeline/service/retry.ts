/**
 * Which failures may be retried, per operation, and the retry loop itself.
 *
 * A create may be retried only when no link can exist: the request never left
 * (NOT_SENT), the service refused it outright (429), or a gateway said the
 * service was unreachable (502, 503). Anything that may have reached the
 * service and lost its answer (timeout, reset, 500, 504) must not be re-sent:
 * the API has no idempotency key, so a retry could bill a payer twice.
 *
 * Queries and disables change nothing twice, so they retry on every transient
 * failure.
 *
 * A 429 is not a failure of the request but the service asking for a slower
 * pace: it did nothing with the request (HTTP's meaning of 429, and what the
 * sandbox does; Placetopay documents no rate limit at all). So refusals do not
 * use up `--retries`: the refused request waits out its Retry-After and goes
 * again, for as long as its own budget lasts (REFUSAL_BUDGET: minutes, not a
 * count of tries), so a gateway refusing 30% of everything at random costs
 * time, never a row, and a service that refuses for good still ends the row
 * with a message that says so.
 */
import pRetry from 'p-retry';
import { ApiError, isApiError } from '../../api/errors.js';
import { say } from '../../i18n/message.js';
import { pace } from '../../i18n/messages/pace.js';
import type { Throttle } from './throttle.js';

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export type Operation = 'create' | 'get' | 'disable';

export interface RetryOptions {
  /** Retries after the first attempt (default 5); 429s do not count (see `refusals`). */
  retries: number;
  /** First backoff, ms (default 250); doubles each time, with jitter. */
  minDelayMs: number;
  /** Longest backoff, ms (default 10 s). */
  maxDelayMs: number;
  /** How long one request is sent again while the service refuses it (429); default REFUSAL_BUDGET. */
  refusals?: RefusalBudget;
}

export interface RefusalBudget {
  /** From the first refusal of a request to the moment it is given up, ms. */
  ms: number;
  /** Refusals of one request at most, whatever the time (a service that says Retry-After: 0). */
  times: number;
}

/**
 * Generous: with a limiter that has found the pace, a request is refused once
 * in a while, and a request refused at random 30% of the time is refused 10
 * times in a row once in 170,000. Three minutes of refusals of the same
 * request means the service is not taking requests now.
 */
export const REFUSAL_BUDGET: RefusalBudget = { ms: 180_000, times: 100 };

export const DEFAULT_RETRY: RetryOptions = { retries: 5, minDelayMs: 250, maxDelayMs: 10_000, refusals: REFUSAL_BUDGET };

export function isRetryable(operation: Operation, err: unknown): boolean {
  if (!isApiError(err)) return false;
  switch (err.code) {
    case 'NOT_SENT':
    case 'RATE_LIMITED':
      return true;
    case 'SERVER_ERROR':
      return operation !== 'create' || err.httpStatus === 502 || err.httpStatus === 503;
    case 'OUTCOME_UNKNOWN':
    case 'BAD_RESPONSE':
      return operation !== 'create';
    default:
      return false;
  }
}

/**
 * Runs one API call through the throttle, retrying where `isRetryable` allows:
 * refusals (429) within the refusal budget, other failures up to `retries`
 * times with a doubling backoff. Every attempt calls `attempt` again, so the
 * client builds a fresh nonce and seed each time. Throws the last ApiError
 * when it gives up.
 */
export async function callWithRetry<T>(
  operation: Operation,
  attempt: () => Promise<T>,
  throttle: Throttle,
  options: RetryOptions = DEFAULT_RETRY,
  signal?: AbortSignal,
  /** Checked when the throttle lets an attempt go: false means the run stopped, so nothing is sent. */
  mayStart: () => boolean = () => true,
): Promise<T> {
  const budget = options.refusals ?? REFUSAL_BUDGET;
  let refusals = 0;
  let firstRefusedAt = 0;
  const once = async (): Promise<T> => {
    const result = await throttle.run(() => {
      if (!mayStart()) throw new ApiError('NOT_SENT', 'not sent: the run stopped before this request went out', { operation });
      if (throttle.breaker?.open) throw new ApiError('NOT_SENT', 'not sent: the service is unreachable, the run stopped', { operation });
      return attempt();
    });
    throttle.breaker?.answered();
    return result;
  };
  /** Sends again while the service refuses (429) and the budget lasts; other failures go to pRetry. */
  const throughRefusals = async (): Promise<T> => {
    for (;;) {
      try {
        return await once();
      } catch (err) {
        if (!isApiError(err, 'RATE_LIMITED')) throw err;
        throttle.breaker?.failed(err);
        const now = Date.now();
        if (refusals === 0) firstRefusedAt = now;
        refusals += 1;
        // Retry-After is honoured: the refused request is not sent again before it says. When it
        // asks for nothing (absent or 0), the usual doubling backoff keeps a refusing service from
        // being hammered.
        const asked = throttle.onPushback(err.retryAfterMs, { longestPauseMs: budget.ms });
        const wait = asked >= options.minDelayMs ? asked : Math.max(asked, backoff(refusals, options));
        const spent = now - firstRefusedAt;
        if (spent + wait > budget.ms || refusals >= budget.times) throw refusedTooLong(err, refusals, spent, wait, budget, operation);
        if (!mayStart() || throttle.breaker?.open === true) throw err;
        await sleep(wait, signal);
        if (signal?.aborted) throw err;
      }
    }
  };
  return pRetry(throughRefusals, {
    retries: options.retries,
    factor: 2,
    minTimeout: options.minDelayMs,
    maxTimeout: options.maxDelayMs,
    randomize: true,
    signal,
    onFailedAttempt: ({ error }) => {
      throttle.breaker?.failed(error);
    },
    // Refusals were handled above, within their own budget: one that reaches here has used it up.
    shouldRetry: ({ error }) => mayStart() && throttle.breaker?.open !== true && !isApiError(error, 'RATE_LIMITED') && isRetryable(operation, error),
  });
}

/** The doubling backoff of the `n`th failure, with p-retry's jitter (× 1 to 2). */
function backoff(n: number, options: RetryOptions): number {
  return Math.min(options.maxDelayMs, options.minDelayMs * 2 ** (n - 1) * (1 + Math.random()));
}

/** The row's error when the service kept refusing: how often and how long, and that nothing was created. */
function refusedTooLong(last: ApiError, times: number, spentMs: number, nextWaitMs: number, budget: RefusalBudget, operation: Operation): ApiError {
  // One Retry-After longer than the whole budget: say what the service asked for.
  const message =
    times === 1 && nextWaitMs > budget.ms
      ? say(pace.askedToWaitTooLong, { seconds: Math.round(nextWaitMs / 1000) })
      : say(pace.refusedTooLong, { times, seconds: Math.round(spentMs / 1000) });
  return new ApiError('RATE_LIMITED', message, { httpStatus: 429, retryAfterMs: last.retryAfterMs, serviceMessage: last.serviceMessage, operation, cause: last });
}
