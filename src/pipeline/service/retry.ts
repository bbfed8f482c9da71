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
 */
import pRetry from 'p-retry';
import { ApiError, isApiError } from '../../api/errors.js';
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
  /** Retries after the first attempt (default 5). */
  retries: number;
  /** First backoff, ms (default 250); doubles each time, with jitter. */
  minDelayMs: number;
  /** Longest backoff, ms (default 10 s). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 5, minDelayMs: 250, maxDelayMs: 10_000 };

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
 * Runs one API call through the throttle, retrying where `isRetryable` allows.
 * Every attempt calls `attempt` again, so the client builds a fresh nonce and
 * seed each time. Throws the last ApiError when it gives up.
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
  return pRetry(
    async () => {
      const result = await throttle.run(() => {
        if (!mayStart()) throw new ApiError('NOT_SENT', 'not sent: the run stopped before this request went out', { operation });
        if (throttle.breaker?.open) throw new ApiError('NOT_SENT', 'not sent: the service is unreachable, the run stopped', { operation });
        return attempt();
      });
      throttle.breaker?.answered();
      return result;
    },
    {
      retries: options.retries,
      factor: 2,
      minTimeout: options.minDelayMs,
      maxTimeout: options.maxDelayMs,
      randomize: true,
      signal,
      onFailedAttempt: async ({ error }) => {
        throttle.breaker?.failed(error);
        // Retry-After is honoured: the refused request is not sent again before it says.
        if (isApiError(error, 'RATE_LIMITED')) await sleep(throttle.onPushback(error.retryAfterMs), signal);
      },
      shouldRetry: ({ error }) => mayStart() && throttle.breaker?.open !== true && isRetryable(operation, error),
    },
  );
}
