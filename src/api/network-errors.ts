/**
 * Turning transport failures into NOT_SENT, OUTCOME_UNKNOWN or ABORTED.
 *
 * The difference matters for money: the API has no idempotency key, so a
 * create may be re-sent only when the request certainly never left this
 * machine. Only failures that can happen before a byte of the request is
 * written (DNS, connect, TLS handshake, a closed pool) are NOT_SENT; anything
 * else, including errors we do not recognise, is OUTCOME_UNKNOWN.
 */
import { ApiError } from './errors.js';
import type { Operation } from './status-errors.js';
import { say } from '../i18n/message.js';
import { api as apiText } from '../i18n/messages/api.js';

export interface TransportContext {
  operation: Operation;
  linkId?: number;
  /** Origin of the service, e.g. https://sites-test.placetopay.com. */
  target: string;
  /** Whether the caller's AbortSignal fired. */
  aborted: boolean;
}

/** Codes that only exist before the request is written. */
const BEFORE_SENDING = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  // TLS handshake refusals: the request is written only after the handshake.
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/** System calls that fail before anything is written: name resolution and connect. */
const BEFORE_SENDING_SYSCALLS = new Set(['connect', 'getaddrinfo', 'queryA', 'queryAaaa']);

export function transportError(err: unknown, ctx: TransportContext): ApiError {
  const what = { operation: ctx.operation, linkId: ctx.linkId };
  if (ctx.aborted) return new ApiError('ABORTED', say(apiText.aborted, what), { operation: ctx.operation, cause: err });
  const codes = errorCodes(err);
  const code = codes[0] ?? 'unknown';
  const reason = say(apiText.transportReason, { code });
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return new ApiError('BAD_RESPONSE', say(apiText.tooLarge, { ...what, target: ctx.target }), {
      operation: ctx.operation,
      cause: err,
    });
  }
  if (certainlyNotSent(err)) {
    return new ApiError('NOT_SENT', say(apiText.notSent, { ...what, target: ctx.target, reason }), {
      operation: ctx.operation,
      cause: err,
    });
  }
  return new ApiError('OUTCOME_UNKNOWN', say(apiText.outcomeUnknown, { ...what, target: ctx.target, reason }), {
    operation: ctx.operation,
    cause: err,
  });
}

/** True only when every failure in `err` (one, or each address tried) happened before writing. */
function certainlyNotSent(err: unknown): boolean {
  const parts = err instanceof AggregateError && err.errors.length > 0 ? err.errors : [err];
  return parts.every((part) => {
    const e = part as { code?: unknown; syscall?: unknown };
    if (typeof e.code === 'string' && BEFORE_SENDING.has(e.code)) return true;
    return typeof e.syscall === 'string' && BEFORE_SENDING_SYSCALLS.has(e.syscall);
  });
}

function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}
