/**
 * The one error class the API layer throws. The pipeline acts on `code`, never
 * on message text, so codes are stable and part of the project's contract.
 *
 * Secrets never reach an ApiError: messages are built from the service's own
 * status message (redacted by the client) and our wording, and `toJSON` lists
 * only the fields of `safeFields` (see PaylinksError).
 */
import { PaylinksError } from '../errors.js';
import { say } from '../i18n/message.js';
import { api as apiText } from '../i18n/messages/api.js';

export type ApiErrorCode =
  /** 401 with a 101–104 cause, or "Malformed authentication" (authCode undefined). */
  | 'AUTH_FAILED'
  /** 422: the service rejected the request's fields (`fieldErrors`). */
  | 'VALIDATION'
  /** 404: no such link. */
  | 'NOT_FOUND'
  /** 401 on query/disable for a link that belongs to another site. */
  | 'OTHER_SITE'
  /** 400 on disable: the link is already disabled (a success for a batch tool). */
  | 'ALREADY_DISABLED'
  /** 400 for any other reason (malformed request). */
  | 'BAD_REQUEST'
  /** 429: `retryAfterMs` tells how long the service asked us to wait. */
  | 'RATE_LIMITED'
  /** 5xx answered by the service; `httpStatus` tells which. */
  | 'SERVER_ERROR'
  /** The request never left this machine (connect refused, DNS, pool closed): always safe to retry. */
  | 'NOT_SENT'
  /** The request may have reached the service and its answer was lost (timeout or reset after writing). */
  | 'OUTCOME_UNKNOWN'
  /** The service answered something we cannot read (not JSON, wrong shape, unexpected status). */
  | 'BAD_RESPONSE'
  /** The caller aborted the request through its AbortSignal. */
  | 'ABORTED';

export type AuthCode = 101 | 102 | 103 | 104;

/** What an authentication cause means for the person running the tool, in the run's language. */
export function authCause(code: AuthCode): string {
  return say(apiText.authCause, { code });
}

export interface ApiErrorDetails {
  httpStatus?: number;
  authCode?: AuthCode;
  fieldErrors?: Record<string, string[]>;
  retryAfterMs?: number;
  /** The service's own `status.message`, when it sent one. */
  serviceMessage?: string;
  /** Which operation failed. */
  operation?: 'create' | 'get' | 'disable';
  cause?: unknown;
}

export class ApiError extends PaylinksError<ApiErrorCode> {
  override readonly name = 'ApiError';
  readonly httpStatus?: number;
  readonly authCode?: AuthCode;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterMs?: number;
  readonly serviceMessage?: string;
  readonly operation?: 'create' | 'get' | 'disable';

  constructor(code: ApiErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(code, message, { cause: details.cause });
    this.httpStatus = details.httpStatus;
    this.authCode = details.authCode;
    this.fieldErrors = details.fieldErrors;
    this.retryAfterMs = details.retryAfterMs;
    this.serviceMessage = details.serviceMessage;
    this.operation = details.operation;
  }

  protected override safeFields(): Record<string, unknown> {
    return {
      httpStatus: this.httpStatus,
      authCode: this.authCode,
      fieldErrors: this.fieldErrors,
      retryAfterMs: this.retryAfterMs,
      serviceMessage: this.serviceMessage,
      operation: this.operation,
    };
  }
}

/** What a person reads when authentication fails: the cause by its code, and that the run sent nothing more. */
export function describeAuthFailure(err: ApiError): string {
  return say(apiText.authFailed, err.authCode ? { code: err.authCode, cause: authCause(err.authCode) } : {});
}

export function isApiError(err: unknown, code?: ApiErrorCode): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
