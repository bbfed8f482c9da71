/**
 * The two calls reissue makes on a current link before a new one may exist:
 * a fresh query (the service, not the sheet, says whether it was paid), and
 * a disable that counts only once a query right after it confirms the link
 * INACTIVE with no payment. Both go through the run's throttle with the
 * retries retry.ts allows (queries and disables are safe to repeat).
 */
import { describeAuthFailure, isApiError } from '../../api/errors.js';
import type { LinkInfo } from '../../api/types.js';
import { say } from '../../i18n/message.js';
import { reissue as words } from '../../i18n/messages/reissue.js';
import type { WebhookEvents } from '../reconcile/webhook-events.js';
import type { LinkApi } from '../service/link-api.js';
import { callWithRetry, type RetryOptions } from '../service/retry.js';
import type { Throttle } from '../service/throttle.js';
import type { StopReason } from '../issue/send.js';

export interface CallContext {
  api: LinkApi;
  throttle: Throttle;
  retry: RetryOptions;
  events: WebhookEvents;
  signal?: AbortSignal;
  stopped(): boolean;
  stop(reason: StopReason, message: string): void;
}

/** `failed`: a message for the row; `stopped`: the run stopped, the row is left as it is. */
export type Queried = { kind: 'ok'; link: LinkInfo } | { kind: 'failed'; detail: string } | { kind: 'stopped' };

export async function queryLink(id: number, ctx: CallContext): Promise<Queried> {
  try {
    const link = await callWithRetry('get', () => ctx.api.get(id, { signal: ctx.signal }), ctx.throttle, ctx.retry, ctx.signal, () => !ctx.stopped());
    return { kind: 'ok', link };
  } catch (err) {
    return failure(err, ctx);
  }
}

function failure(err: unknown, ctx: CallContext): { kind: 'failed'; detail: string } | { kind: 'stopped' } {
  if (ctx.signal?.aborted === true || isApiError(err, 'ABORTED')) {
    ctx.stop('INTERRUPTED', say(words.stopInterrupted));
    return { kind: 'stopped' };
  }
  if (isApiError(err, 'AUTH_FAILED')) {
    ctx.stop('AUTH_FAILED', describeAuthFailure(err));
    return { kind: 'stopped' };
  }
  if (isApiError(err, 'NOT_SENT') && ctx.stopped()) return { kind: 'stopped' };
  return { kind: 'failed', detail: err instanceof Error ? err.message : String(err) };
}

export type Disabled = { kind: 'confirmed'; link: LinkInfo } | { kind: 'refused'; message: string } | { kind: 'stopped' };

/**
 * Disables an ACTIVE link and confirms it: the webhook's events are read
 * again first (a PAID notification accepted a moment ago), the disable is
 * sent ("already disabled" counts as done), and a query right after must show
 * the link INACTIVE with no approved payment. Anything else refuses the row:
 * a debt never has two live links, and a payment that raced the disable is
 * a person's to settle.
 */
export async function disableConfirmed(row: number, id: number, ctx: CallContext): Promise<Disabled> {
  try {
    if ((await ctx.events.paidFor(id, { fresh: true })) !== undefined) return { kind: 'refused', message: say(words.paidNow, { row, linkId: id }) };
  } catch (err) {
    return { kind: 'refused', message: say(words.eventsUnreadable, { row, linkId: id, path: ctx.events.path, detail: err instanceof Error ? err.message : String(err) }) };
  }
  try {
    await callWithRetry('disable', () => ctx.api.disable(id, { signal: ctx.signal }), ctx.throttle, ctx.retry, ctx.signal, () => !ctx.stopped());
  } catch (err) {
    if (!isApiError(err, 'ALREADY_DISABLED')) {
      const failed = failure(err, ctx);
      return failed.kind === 'stopped' ? failed : { kind: 'refused', message: say(words.disableFailed, { row, linkId: id, detail: failed.detail }) };
    }
  }
  const after = await queryLink(id, ctx);
  if (after.kind === 'stopped') return after;
  if (after.kind === 'failed') return { kind: 'refused', message: say(words.disableUnchecked, { row, linkId: id, detail: after.detail }) };
  if (after.link.payments.some((p) => p.status === 'APPROVED')) return { kind: 'refused', message: say(words.paidDuringDisable, { row, linkId: id }) };
  if (after.link.status !== 'INACTIVE') return { kind: 'refused', message: say(words.disableNotConfirmed, { row, linkId: id, status: after.link.status }) };
  return { kind: 'confirmed', link: after.link };
}
