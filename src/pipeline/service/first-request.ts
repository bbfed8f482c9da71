/**
 * Wrong credentials cost one request. Until the service has shown that it
 * accepts the run's credentials, requests go one at a time, whatever the
 * concurrency; once one is refused for authentication, nothing more is sent.
 * Some gateways lock a site after repeated failed logins, and a clerk with a
 * wrong key must not fire 64 of them at once.
 *
 * A request "proves" the credentials when the service answers it after
 * authenticating: a success, or a refusal that only an authenticated caller
 * gets (404, 422, 400, another site's link). A lost answer, a 5xx or a 429
 * proves nothing (a gateway may answer those before authentication), so the
 * next request still goes alone.
 *
 * The gate wraps a LinkApi, so every caller of the run (creates, queries,
 * disables, probes) shares it without knowing it is there: `issue` and
 * `reconcile` wrap the client once per run.
 */
import { ApiError, isApiError } from '../../api/errors.js';
import { say } from '../../i18n/message.js';
import { pace } from '../../i18n/messages/pace.js';
import type { CallOptions, LinkApi } from './link-api.js';

/** Answers the service gives only after it has authenticated the caller. */
const AUTHENTICATED_REFUSALS = new Set(['NOT_FOUND', 'VALIDATION', 'OTHER_SITE', 'ALREADY_DISABLED', 'BAD_REQUEST']);

export class FirstRequestGate {
  private proven = false;
  private refused?: ApiError;
  private busy = false;
  private waiters: Array<() => void> = [];

  /** Runs `fn` alone until the credentials are proven; refuses without sending once they were refused. */
  async run<T>(fn: () => Promise<T>, operation?: ApiError['operation']): Promise<T> {
    for (;;) {
      if (this.refused !== undefined) throw notSent(this.refused, operation);
      if (this.proven) return fn();
      if (!this.busy) break;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.busy = true;
    try {
      const result = await fn();
      this.proven = true;
      return result;
    } catch (err) {
      if (isApiError(err, 'AUTH_FAILED')) this.refused = err;
      else if (isApiError(err) && AUTHENTICATED_REFUSALS.has(err.code)) this.proven = true;
      throw err;
    } finally {
      this.busy = false;
      for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** The authentication failure that closed the gate, if any. */
  get authFailure(): ApiError | undefined {
    return this.refused;
  }
}

/** `api` with every call through one FirstRequestGate. */
export function gateFirstRequest(api: LinkApi, gate = new FirstRequestGate()): LinkApi {
  return {
    create: (request, options?: CallOptions) => gate.run(() => api.create(request, options), 'create'),
    get: (id, options?: CallOptions) => gate.run(() => api.get(id, options), 'get'),
    disable: (id, options?: CallOptions) => gate.run(() => api.disable(id, options), 'disable'),
  };
}

function notSent(refused: ApiError, operation: ApiError['operation']): ApiError {
  return new ApiError('NOT_SENT', say(pace.notSentAuth, { detail: refused.message }), { operation });
}
