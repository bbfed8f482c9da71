/**
 * Turning the service's non-2xx answers into ApiErrors with stable codes.
 *
 * The pipeline acts on the code alone, so each status is read for the one
 * thing that changes what to do next: which auth cause, which fields, how
 * long to wait, whether "already disabled" (a success for a batch tool).
 */
import { ApiError, AUTH_CAUSES, type ApiErrorDetails, type AuthCode } from './errors.js';

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
  const said = status.message === undefined ? '' : ` The service said: "${status.message}"`;
  const what = ctx.linkId === undefined ? `the ${ctx.operation} request` : `the ${ctx.operation} of link ${ctx.linkId}`;

  if (httpStatus === 401) return authError(status, base, ctx, said);
  if (httpStatus === 422) {
    const fieldErrors = readFieldErrors(json, ctx.redact);
    return new ApiError('VALIDATION', `Placetopay rejected ${what}: ${describeFields(fieldErrors, status.message)}`, {
      ...base,
      fieldErrors,
    });
  }
  if (httpStatus === 404) {
    const message = ctx.linkId === undefined
      ? `Placetopay answered 404 Not Found at ${ctx.endpoint}: check --env or --base-url.${said}`
      : `Link ${ctx.linkId} does not exist in this environment.${said}`;
    return new ApiError('NOT_FOUND', message, base);
  }
  if (httpStatus === 400) {
    if (ctx.operation === 'disable' && ALREADY_DISABLED.test(status.message ?? '')) {
      return new ApiError('ALREADY_DISABLED', `Link ${ctx.linkId} is already disabled.${said}`, base);
    }
    // An expired link is as closed as a disabled one: nobody can pay it, there is nothing to disable.
    if (ctx.operation === 'disable' && EXPIRED.test(status.message ?? '')) {
      return new ApiError('ALREADY_DISABLED', `Link ${ctx.linkId} has expired, so it is already closed.${said}`, base);
    }
    return new ApiError('BAD_REQUEST', `Placetopay refused ${what} as malformed (HTTP 400).${said}`, base);
  }
  if (httpStatus === 429) {
    const retryAfterMs = parseRetryAfter(retryAfter, ctx.now);
    const wait = retryAfterMs === undefined ? '' : ` It asked to wait ${formatSeconds(retryAfterMs)}.`;
    return new ApiError('RATE_LIMITED', `Placetopay is limiting the request rate (HTTP 429) for ${what}.${wait}`, {
      ...base,
      retryAfterMs,
    });
  }
  if (httpStatus >= 500 && httpStatus <= 599) {
    const maybe = ctx.operation === 'create' ? ' The link may or may not have been created.' : '';
    return new ApiError('SERVER_ERROR', `Placetopay failed with HTTP ${httpStatus} on ${what}.${maybe}${said}`, base);
  }
  return new ApiError('BAD_RESPONSE', `Placetopay answered an unexpected HTTP ${httpStatus} to ${what}.${said}`, base);
}

const ALREADY_DISABLED = /desactivad|deshabilitad|inactiv|disabled|deactivated/i;
const EXPIRED = /expirad|expired/i;
const MALFORMED = /malformed|mal\s*formad|malformad/i;

function authError(status: ServiceStatus, base: ApiErrorDetails, ctx: AnswerContext, said: string): ApiError {
  const authCode = readAuthCode(status, ctx.linkId);
  if (authCode !== undefined) {
    return new ApiError('AUTH_FAILED', `Placetopay refused the credentials (code ${authCode}): ${AUTH_CAUSES[authCode]}.`, {
      ...base,
      authCode,
    });
  }
  if (MALFORMED.test(status.message ?? '')) {
    return new ApiError(
      'AUTH_FAILED',
      'Placetopay could not read the request\'s authentication ("Malformed authentication"): ' +
        'the body or its auth block did not arrive as JSON (a proxy in the way?).',
      base,
    );
  }
  // On query and disable, a valid login that is refused without a cause means "not your link".
  if (ctx.operation !== 'create' && ctx.linkId !== undefined) {
    return new ApiError(
      'OTHER_SITE',
      `Link ${ctx.linkId} belongs to another site: these credentials cannot ${ctx.operation === 'get' ? 'query' : 'disable'} it.${said}`,
      base,
    );
  }
  return new ApiError('AUTH_FAILED', `Placetopay refused the credentials (HTTP 401).${said}`, base);
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
  return serviceMessage ?? 'the service did not say which fields (HTTP 422).';
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
