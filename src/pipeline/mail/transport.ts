/**
 * The SMTP side: a nodemailer pool from the parsed `--smtp` settings, and a
 * first handshake (connect, STARTTLS, AUTH) before any message, so a wrong
 * password or a server that is down stops the run having sent nothing, after
 * exactly one authentication attempt.
 */
import nodemailer from 'nodemailer';
import { classifyFailure, smtpFields, type FailureKind } from './classify.js';
import { waitBackoff, type MailRetry, type MailTransport } from './send.js';
import type { SmtpSettings } from './smtp-url.js';

export interface PoolOptions {
  /** Connections open at once. */
  connections: number;
  /** Seconds to wait for the server at each step. */
  timeoutSeconds: number;
}

export interface SmtpPool extends MailTransport {
  verify(): Promise<unknown>;
  close(): void;
}

export function openPool(settings: SmtpSettings, options: PoolOptions): SmtpPool {
  const timeout = options.timeoutSeconds * 1000;
  const transporter = nodemailer.createTransport({
    pool: true,
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTLS,
    auth: settings.user === undefined ? undefined : { user: settings.user, pass: settings.password ?? '' },
    maxConnections: options.connections,
    maxMessages: 100,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
    // nodemailer's logger would print the session, including AUTH: never on.
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    sendMail: (message) => transporter.sendMail(message),
    verify: () => transporter.verify(),
    close: () => transporter.close(),
  };
}

export type HandshakeResult = { ok: true } | { ok: false; kind: FailureKind; message: string };

/** Connects and authenticates once; retries a server that is busy (4xx) or unreachable, never a refused password. */
export async function handshake(pool: SmtpPool, retry: MailRetry, redact: (t: string) => string, signal: AbortSignal): Promise<HandshakeResult> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await pool.verify();
      return { ok: true };
    } catch (err) {
      const kind = classifyFailure(smtpFields(err));
      const message = redact(err instanceof Error ? err.message : String(err));
      const transient = kind === 'TEMPORARY' || kind === 'NOT_SENT' || kind === 'OUTCOME_UNKNOWN';
      if (!transient || attempt >= retry.retries || signal.aborted) return { ok: false, kind, message };
      await waitBackoff(attempt, retry, signal);
    }
  }
}
