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

const REASONS: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'the connection could not be opened in time',
  UND_ERR_CLOSED: 'the client was already closed',
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved (DNS unavailable)',
  UND_ERR_HEADERS_TIMEOUT: 'no answer arrived within the headers timeout',
  UND_ERR_BODY_TIMEOUT: 'the answer stopped arriving (body timeout)',
  UND_ERR_SOCKET: 'the connection was closed before the answer arrived',
  ECONNRESET: 'the connection was reset before the answer arrived',
  EPIPE: 'the connection broke while the request was being written',
  ETIMEDOUT: 'the connection timed out',
};

export function transportError(err: unknown, ctx: TransportContext): ApiError {
  const what = ctx.linkId === undefined ? `the ${ctx.operation} request` : `the ${ctx.operation} of link ${ctx.linkId}`;
  if (ctx.aborted) {
    const maybe = ctx.operation === 'create' ? ' If it had already been sent, the link may exist.' : '';
    return new ApiError('ABORTED', `${capitalise(what)} was aborted.${maybe}`, { operation: ctx.operation, cause: err });
  }
  const codes = errorCodes(err);
  const code = codes[0] ?? 'unknown';
  const reason = REASONS[code] ?? `the transport failed (${code})`;
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return new ApiError('BAD_RESPONSE', `The answer to ${what} from ${ctx.target} is too large to be a Placetopay answer.`, {
      operation: ctx.operation,
      cause: err,
    });
  }
  if (certainlyNotSent(err)) {
    return new ApiError('NOT_SENT', `Could not reach ${ctx.target}: ${reason}; ${what} was not sent.`, {
      operation: ctx.operation,
      cause: err,
    });
  }
  return new ApiError('OUTCOME_UNKNOWN', `${capitalise(what)} was sent to ${ctx.target} but ${reason}; ${consequence(ctx)}`, {
    operation: ctx.operation,
    cause: err,
  });
}

function consequence(ctx: TransportContext): string {
  if (ctx.operation === 'create') return 'the link may or may not have been created.';
  if (ctx.operation === 'disable') return 'the link may or may not have been disabled.';
  return 'nothing was changed by a query.';
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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
