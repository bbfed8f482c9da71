/**
 * How a failed create ends for its row, and which failures may be retried,
 * from the failure as it really arrives: a transport error (with the code
 * Node or undici gives it) or an HTTP answer, mapped by the API layer's own
 * functions, then decided by `classifyCreateError` and `isRetryable`.
 *
 * The rule for money: a create is retried, or left FAILED to be sent again,
 * only when no link can exist; anything that may have reached the service
 * is UNCERTAIN and never re-sent blindly.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorCode } from '../../../src/api/errors.js';
import { transportError } from '../../../src/api/network-errors.js';
import { statusError } from '../../../src/api/status-errors.js';
import type { Operation } from '../../../src/api/status-errors.js';
import { classifyCreateError } from '../../../src/pipeline/issue/send.js';
import { isRetryable } from '../../../src/pipeline/service/retry.js';
import type { RowState } from '../../../src/pipeline/types.js';

const sys = (code: string, syscall?: string): Error => Object.assign(new Error(code), { code, syscall });

const network = (err: unknown, operation: Operation, aborted = false): ApiError =>
  transportError(err, { operation, target: 'http://127.0.0.1:9', aborted, linkId: operation === 'create' ? undefined : 7 });

const answer = (status: number, body: unknown, operation: Operation): ApiError =>
  statusError(status, body, status === 429 ? '2' : undefined, {
    operation,
    linkId: operation === 'create' ? undefined : 7,
    endpoint: 'http://127.0.0.1:9/api/payment-link',
    redact: (t) => t,
    now: Date.UTC(2030, 0, 1),
  });

type Failure = (operation: Operation) => unknown;

// [failure, ApiError code, create's row state, counts as the service failing, retry create, retry get, retry disable]
const TABLE: Array<[string, Failure, ApiErrorCode | undefined, RowState, boolean, boolean, boolean, boolean]> = [
  ['connection refused', (op) => network(sys('ECONNREFUSED', 'connect'), op), 'NOT_SENT', 'FAILED', true, true, true, true],
  ['host does not resolve', (op) => network(sys('ENOTFOUND', 'getaddrinfo'), op), 'NOT_SENT', 'FAILED', true, true, true, true],
  ['connect timeout', (op) => network(sys('UND_ERR_CONNECT_TIMEOUT'), op), 'NOT_SENT', 'FAILED', true, true, true, true],
  ['every address refused (AggregateError)', (op) => network(new AggregateError([sys('ECONNREFUSED', 'connect'), sys('ECONNREFUSED', 'connect')]), op), 'NOT_SENT', 'FAILED', true, true, true, true],
  ['reset after the request was written', (op) => network(sys('ECONNRESET', 'read'), op), 'OUTCOME_UNKNOWN', 'UNCERTAIN', false, false, true, true],
  ['headers timeout', (op) => network(sys('UND_ERR_HEADERS_TIMEOUT'), op), 'OUTCOME_UNKNOWN', 'UNCERTAIN', false, false, true, true],
  ['socket closed before the answer', (op) => network(sys('UND_ERR_SOCKET'), op), 'OUTCOME_UNKNOWN', 'UNCERTAIN', false, false, true, true],
  ['broken pipe while writing', (op) => network(sys('EPIPE', 'write'), op), 'OUTCOME_UNKNOWN', 'UNCERTAIN', false, false, true, true],
  ['an unknown transport failure', (op) => network(new Error('???'), op), 'OUTCOME_UNKNOWN', 'UNCERTAIN', false, false, true, true],
  ['a refused connect but aborted by the user', (op) => network(sys('ECONNREFUSED', 'connect'), op, true), 'ABORTED', 'UNCERTAIN', false, false, false, false],
  ['answer too large', (op) => network(sys('UND_ERR_RES_EXCEEDED_MAX_SIZE'), op), 'BAD_RESPONSE', 'UNCERTAIN', false, false, true, true],
  ['400 malformed', (op) => answer(400, { status: { message: 'Bad request' } }, op), 'BAD_REQUEST', 'FAILED', false, false, false, false],
  ['401 tranKey', (op) => answer(401, { status: { reason: 102, message: 'tranKey' } }, op), 'AUTH_FAILED', 'FAILED', false, false, false, false],
  ['404', (op) => answer(404, {}, op), 'NOT_FOUND', 'FAILED', false, false, false, false],
  ['422 validation', (op) => answer(422, { errors: { amount: ['bad'] } }, op), 'VALIDATION', 'INVALID', false, false, false, false],
  ['429 rate limited', (op) => answer(429, {}, op), 'RATE_LIMITED', 'FAILED', true, true, true, true],
  ['500', (op) => answer(500, {}, op), 'SERVER_ERROR', 'UNCERTAIN', false, false, true, true],
  ['502 bad gateway', (op) => answer(502, {}, op), 'SERVER_ERROR', 'FAILED', true, true, true, true],
  ['503 unavailable', (op) => answer(503, {}, op), 'SERVER_ERROR', 'FAILED', true, true, true, true],
  ['504 gateway timeout', (op) => answer(504, {}, op), 'SERVER_ERROR', 'UNCERTAIN', false, false, true, true],
  ['an unexpected 418', (op) => answer(418, {}, op), 'BAD_RESPONSE', 'UNCERTAIN', false, false, true, true],
  ['a bug (not an ApiError)', () => new TypeError('x is undefined'), undefined, 'UNCERTAIN', false, false, false, false],
];

describe('create failures', () => {
  it.each(TABLE)('%s → %s, row %s, service failure %s', (_case, failure, code, state, serviceFailure) => {
    const err = failure('create');
    expect(err instanceof ApiError ? err.code : undefined).toBe(code);
    expect(classifyCreateError(err)).toEqual({ state, serviceFailure });
  });

  it.each(TABLE)('%s: a create is retried only when no link can exist', (_case, failure, _code, state, _service, create) => {
    const err = failure('create');
    expect(isRetryable('create', err)).toBe(create);
    // A retried create must be one after which no link can exist: never an UNCERTAIN one.
    if (create) expect(state).toBe('FAILED');
  });
});

describe('query and disable failures', () => {
  it.each(TABLE)('%s: queries and disables retry every passing failure', (_case, failure, _code, _state, _service, _create, get, disable) => {
    expect(isRetryable('get', failure('get'))).toBe(get);
    expect(isRetryable('disable', failure('disable'))).toBe(disable);
  });

  it.each<[string, unknown, Operation]>([
    ['401 without a cause on a query: another site’s link', answer(401, { status: { message: 'No autorizado' } }, 'get'), 'get'],
    ['400 already disabled', answer(400, { status: { message: 'El link 7 está desactivado.' } }, 'disable'), 'disable'],
  ])('%s is a definite answer, never retried', (_case, err, op) => {
    expect((err as ApiError).code).toMatch(/OTHER_SITE|ALREADY_DISABLED/);
    expect(isRetryable(op, err)).toBe(false);
  });
});
