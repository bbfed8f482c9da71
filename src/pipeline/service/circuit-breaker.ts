/**
 * A circuit breaker for a service that cannot be reached at all.
 *
 * Retries are right for a blip, wrong for a service that is down: with
 * per-request backoff, 2,000 rows against a closed port took 186 s to give up
 * (each row retried on its own for ~12 s). The breaker counts attempts that
 * could not reach the service — connection refused, DNS failure, TLS
 * handshake refused (the client reports these as NOT_SENT with the transport
 * error as cause) — across every request of the run. After `threshold` of
 * them in a row with no answer between, it opens: callers stop sending and
 * the run ends with the "service down" message, whatever the row count.
 *
 * Only reachability counts. A 503 or a 429 is the service answering (the
 * retry policy and the rows-in-a-row limit deal with those), and a NOT_SENT
 * made up locally because the run stopped has no transport cause. Any answer
 * at all (even a 4xx) closes the count again.
 */
import { isApiError } from '../../api/errors.js';
import { say } from '../../i18n/message.js';
import { pace } from '../../i18n/messages/pace.js';

/** Attempts in a row that could not reach the service before the run stops. */
export const DEFAULT_UNREACHABLE_LIMIT = 4;

export class CircuitBreaker {
  private streak = 0;
  private openedWith?: string;
  private readonly listeners: Array<(message: string) => void> = [];

  constructor(private readonly threshold = DEFAULT_UNREACHABLE_LIMIT) {}

  /** True once the service was unreachable `threshold` times in a row: send nothing more. */
  get open(): boolean {
    return this.openedWith !== undefined;
  }

  /** Attempts in a row that could not reach the service, so far. */
  get unreachableStreak(): number {
    return this.streak;
  }

  /** The "service down" message, once open. */
  get message(): string | undefined {
    return this.openedWith;
  }

  /** Called once, when the breaker opens. */
  onOpen(listener: (message: string) => void): void {
    this.listeners.push(listener);
  }

  /** The service answered (any HTTP answer, even an error): it is reachable. */
  answered(): void {
    if (!this.open) this.streak = 0;
  }

  /** An attempt failed; counts it if the service could not be reached. */
  failed(err: unknown): void {
    if (!isUnreachable(err)) {
      // An HTTP answer of any kind proves the service is there.
      if (isApiError(err) && err.httpStatus !== undefined) this.answered();
      return;
    }
    if (this.open) return;
    this.streak += 1;
    if (this.streak < this.threshold) return;
    this.openedWith = serviceDownMessage(this.streak, err instanceof Error ? err.message : String(err));
    for (const listener of this.listeners) listener(this.openedWith);
  }
}

/** The transport could not reach the service: the request never left (connect, DNS, TLS). */
export function isUnreachable(err: unknown): boolean {
  return isApiError(err, 'NOT_SENT') && err.cause !== undefined;
}

/** `last` is the client's message, which names the address it tried. */
export function serviceDownMessage(attempts: number, last: string): string {
  return say(pace.serviceDown, { attempts, last });
}
