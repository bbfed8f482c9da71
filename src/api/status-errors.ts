/**
 * Turning the service's non-2xx answers into ApiErrors with stable codes.
 *
 * The pipeline acts on the code alone, so each status is read for the one
 * thing that changes what to do next: which auth cause, which fields, how
 * long to wait, whether "already disabled" (a success for a batch tool).
 */
import { ApiError, authCause, type ApiErrorDetails, type AuthCode } from './errors.js';
import { say } from '../i18n/message.js';
import { api as apiText } from '../i18n/messages/api.js';

export type Operation = 'create' | 'get' | 'disable';

export interface AnswerContext {
  operation: Operation;
  /** The link id for get and disable. */
  linkId?: number;
  /** The endpoint's URL (no secrets in it), for messages about a wrong base URL. */
  endpoint: string;
  /** Removes anything secret the service might have echoed. */
  redact: (text: string) => string;
  /** Now, in ms since the epoch: Retry-After may be an HTTP date. */
  now: number;
}

interface ServiceStatus {
  message?: string;
  reason?: unknown;
}

export function statusError(
  httpStatus: number,
  json: unknown,
  retryAfter: string | string[] | undefined,
  ctx: AnswerContext,
): ApiError {
  const status = readStatus(json, ctx.redact);
  const base: ApiErrorDetails = { httpStatus, operation: ctx.operation, serviceMessage: status.message };
  const said = status.message;
  const what = { operation: ctx.operation, linkId: ctx.linkId };

  if (httpStatus === 401) return authError(status, base, ctx, said);
  if (httpStatus === 422) {
    const fieldErrors = readFieldErrors(json, ctx.redact);
    return new ApiError('VALIDATION', say(apiText.rejected, { ...what, fields: describeFields(fieldErrors, status.message) }), {
      ...base,
      fieldErrors,
    });
  }
  if (httpStatus === 404) {
    const message = ctx.linkId === undefined
      ? say(apiText.endpointNotFound, { endpoint: ctx.endpoint, said })
      : say(apiText.linkNotFound, { linkId: ctx.linkId, said });
    return new ApiError('NOT_FOUND', message, base);
  }
  if (httpStatus === 400) {
    if (ctx.operation === 'disable' && ALREADY_DISABLED.test(status.message ?? '')) {
      return new ApiError('ALREADY_DISABLED', say(apiText.alreadyDisabled, { linkId: ctx.linkId, said }), base);
    }
    // An expired link is as closed as a disabled one: nobody can pay it, there is nothing to disable.
    if (ctx.operation === 'disable' && EXPIRED.test(status.message ?? '')) {
      return new ApiError('ALREADY_DISABLED', say(apiText.alreadyExpired, { linkId: ctx.linkId, said }), base);
    }
    return new ApiError('BAD_REQUEST', say(apiText.badRequest, { ...what, said }), base);
  }
  if (httpStatus === 429) {
    const retryAfterMs = parseRetryAfter(retryAfter, ctx.now);
    const wait = retryAfterMs === undefined ? undefined : formatSeconds(retryAfterMs);
    return new ApiError('RATE_LIMITED', say(apiText.rateLimited, { ...what, wait }), {
      ...base,
      retryAfterMs,
    });
  }
  if (httpStatus >= 500 && httpStatus <= 599) {
    return new ApiError('SERVER_ERROR', say(apiText.serverError, { ...what, status: httpStatus, said }), base);
  }
  return new ApiError('BAD_RESPONSE', say(apiText.unexpectedStatus, { ...what, status: httpStatus, said }), base);
}

const ALREADY_DISABLED = /desactivad|deshabilitad|inactiv|disabled|deactivated/i;
const EXPIRED = /expirad|expired/i;
const MALFORMED = /malformed|mal\s*formad|malformad/i;

function authError(status: ServiceStatus, base: ApiErrorDetails, ctx: AnswerContext, said: string | undefined): ApiError {
  const authCode = readAuthCode(status, ctx.linkId);
  if (authCode !== undefined) {
    return new ApiError('AUTH_FAILED', say(apiText.refusedCode, { code: authCode, cause: authCause(authCode) }), {
      ...base,
      authCode,
    });
  }
  if (MALFORMED.test(status.message ?? '')) {
    return new ApiError('AUTH_FAILED', say(apiText.malformedAuth), base);
  }
  // On query and disable, a valid login that is refused without a cause means "not your link".
  if (ctx.operation !== 'create' && ctx.linkId !== undefined) {
    return new ApiError(
      'OTHER_SITE',
      say(apiText.otherSite, { linkId: ctx.linkId, operation: ctx.operation, said }),
      base,
    );
  }
  return new ApiError('AUTH_FAILED', say(apiText.refused401, { said }), base);
}

function readAuthCode(status: ServiceStatus, linkId: number | undefined): AuthCode | undefined {
  const reason = typeof status.reason === 'number' || typeof status.reason === 'string' ? String(status.reason) : '';
  const fromReason = /\b10[1-4]\b/.exec(reason);
  if (fromReason !== null) return Number(fromReason[0]) as AuthCode;
  for (const match of (status.message ?? '').matchAll(/\b10[1-4]\b/g)) {
    // "Link 102 belongs to another site" names a link, not an auth cause.
    if (Number(match[0]) !== linkId) return Number(match[0]) as AuthCode;
  }
  return undefined;
}

function readStatus(json: unknown, redact: (text: string) => string): ServiceStatus {
  const status = isObject(json) && isObject(json.status) ? json.status : undefined;
  if (status === undefined) return {};
  const message = typeof status.message === 'string' && status.message.trim() !== '' ? redact(status.message.trim()) : undefined;
  return { message, reason: status.reason };
}

/** The 422 `errors` object: field → messages, tolerating a single string instead of a list. */
function readFieldErrors(json: unknown, redact: (text: string) => string): Record<string, string[]> {
  const errors = isObject(json) && isObject(json.errors) ? json.errors : {};
  const out: Record<string, string[]> = {};
  for (const [fieldName, value] of Object.entries(errors)) {
    const list = Array.isArray(value) ? value : [value];
    const messages = list.filter((m) => m !== undefined && m !== null).map((m) => redact(String(m)));
    if (messages.length > 0) out[fieldName] = messages;
  }
  return out;
}

function describeFields(fieldErrors: Record<string, string[]>, serviceMessage: string | undefined): string {
  const parts = Object.entries(fieldErrors).map(([name, messages]) => `${name}: ${messages.join(' ')}`);
  if (parts.length > 0) return parts.join('; ');
  return serviceMessage ?? say(apiText.fieldsUnsaid);
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (text === undefined || text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
