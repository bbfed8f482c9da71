/**
 * What an SMTP failure means for the message and for the run. The one
 * question that matters for "exactly once" is whether the message may have
 * been accepted: a server that answered with a code did not take it (its
 * answer says so), a connection that never opened sent nothing, but a
 * connection lost while the message was on its way may have delivered it,
 * and sending again could deliver it twice.
 *
 * - `AUTH`: the server refused our credentials (535, 530, 534, 538, EAUTH):
 *   every message would fail the same way, so the run stops at once.
 * - `TEMPORARY`: a 4xx answer (421 busy, 450/451/452 try later): retried
 *   with backoff.
 * - `PERMANENT`: a 5xx answer (550 no such mailbox, 552, 554): not retried.
 * - `NOT_SENT`: no connection (refused, no such host, TLS refused, timed out
 *   connecting): nothing left us; retried, and if the server stays down the
 *   run stops.
 * - `OUTCOME_UNKNOWN`: anything else, e.g. the connection dropped mid-message:
 *   never retried blindly, reported as UNCERTAIN.
 */
export type FailureKind = 'AUTH' | 'TEMPORARY' | 'PERMANENT' | 'NOT_SENT' | 'OUTCOME_UNKNOWN';

/** The fields of a nodemailer error we read (nodemailer sets them on a plain Error). */
export interface SmtpErrorFields {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  command?: string;
  timeoutType?: string;
}

const AUTH_CODES = new Set([530, 534, 535, 538]);
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const BEFORE_ANY_BYTE = new Set(['EDNS', 'ETLS', 'ECONFIG', 'EPROXY']);
const CONNECT_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'DNS_TIMEOUT']);

export function classifyFailure(err: SmtpErrorFields): FailureKind {
  if (err.code === 'EAUTH' || err.code === 'ENOAUTH') return 'AUTH';
  const status = err.responseCode;
  if (typeof status === 'number' && status >= 400 && status < 600) {
    if (AUTH_CODES.has(status)) return 'AUTH';
    return status < 500 ? 'TEMPORARY' : 'PERMANENT';
  }
  if (err.originalCode !== undefined && NOT_CONNECTED.has(err.originalCode)) return 'NOT_SENT';
  if (err.code !== undefined && NOT_CONNECTED.has(err.code)) return 'NOT_SENT';
  if (err.code !== undefined && BEFORE_ANY_BYTE.has(err.code)) return 'NOT_SENT';
  if (err.code === 'ETIMEDOUT' && err.timeoutType !== undefined && CONNECT_TIMEOUTS.has(err.timeoutType)) return 'NOT_SENT';
  return 'OUTCOME_UNKNOWN';
}

/** The fields of an unknown thrown value. */
export function smtpFields(err: unknown): SmtpErrorFields {
  if (typeof err !== 'object' || err === null) return {};
  const e = err as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return {
    code: str(e.code),
    originalCode: str(e.originalCode),
    responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined,
    command: str(e.command),
    timeoutType: str(e.timeoutType),
  };
}
