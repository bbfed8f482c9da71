/**
 * `--smtp smtp://user@host:587` → what nodemailer needs, and a form of it
 * that is safe to print. The password comes from the URL or from
 * SMTP_PASSWORD (better: it stays out of `ps` and shell history); it never
 * leaves this object except into the transport, and `redact` scrubs it (and
 * its base64 forms, as AUTH PLAIN/LOGIN send it) from any text we write.
 *
 * TLS: `smtps://` is TLS from the first byte (port 465 by default);
 * `smtp://` upgrades with STARTTLS when the server offers it (port 587 by
 * default). A password is never sent in clear to another machine: with
 * credentials and a host other than this one, STARTTLS is required unless
 * the URL says `?starttls=auto`. Certificates are checked; a private CA is
 * trusted through Node's NODE_EXTRA_CA_CERTS.
 */
import { RunError } from '../run-error.js';
import { say } from '../../i18n/message.js';
import { run as runText } from '../../i18n/messages/run.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (smtps). */
  secure: boolean;
  /** Refuse to go on without STARTTLS. */
  requireTLS: boolean;
  user?: string;
  /** Never print this: use `display`. */
  password?: string;
  /** `smtp://user@host:port`, without the password. */
  display: string;
}

export type SmtpUrlMessage = (reason: string) => string;

const badUrl = (value: string, reason: string): RunError =>
  new RunError(
    'BAD_OPTION',
    say(runText.smtpBad, { value, reason }),
  );

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** `env` is the environment to read SMTP_PASSWORD from (process.env in the CLI). */
export function parseSmtpUrl(value: string, env: Readonly<Record<string, string | undefined>>): SmtpSettings {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw badUrl(redactUrlText(value), say(runText.smtpNotUrl));
  }
  const shown = `${url.protocol}//${url.username === '' ? '' : `${decodeURIComponent(url.username)}@`}${url.host}`;
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw badUrl(shown, say(runText.smtpScheme, { protocol: url.protocol }));
  if (url.hostname === '') throw badUrl(shown, say(runText.smtpNoHost));
  const secure = url.protocol === 'smtps:';
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  const user = url.username === '' ? undefined : decodeURIComponent(url.username);
  const fromUrl = url.password === '' ? undefined : decodeURIComponent(url.password);
  const fromEnv = env.SMTP_PASSWORD === undefined || env.SMTP_PASSWORD === '' ? undefined : env.SMTP_PASSWORD;
  const password = fromUrl ?? fromEnv;
  if (password !== undefined && user === undefined) {
    throw badUrl(shown, say(runText.smtpPasswordNoUser));
  }
  const starttls = url.searchParams.get('starttls');
  if (starttls !== null && starttls !== 'auto' && starttls !== 'required') {
    throw badUrl(shown, say(runText.smtpStarttls, { value: starttls }));
  }
  for (const key of url.searchParams.keys()) {
    if (key !== 'starttls') throw badUrl(shown, say(runText.smtpUnknownSetting, { key }));
  }
  const local = LOOPBACK.has(url.hostname);
  const requireTLS = !secure && (starttls === 'required' || (starttls === null && password !== undefined && !local));
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port, secure, requireTLS, user, password, display: `${shown.replace(/:\d+$/, '')}:${port}` };
}

/** Replaces the password of anything that looks like a URL with credentials (for messages about a bad --smtp). */
function redactUrlText(text: string): string {
  return text.replace(/(\/\/[^:/@\s]*):[^@\s]*@/g, '$1:***@');
}

/**
 * Scrubs a secret from text we are about to log, journal or show: the
 * password itself, URL-encoded, and in the base64 forms AUTH sends
 * (`\0user\0password` for PLAIN, the bare password for LOGIN).
 */
export function redact(text: string, settings: Pick<SmtpSettings, 'user' | 'password'>): string {
  const secret = settings.password;
  let out = redactUrlText(text);
  if (secret === undefined || secret === '') return out;
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret, 'utf8').toString('base64'),
    Buffer.from(`\u0000${settings.user ?? ''}\u0000${secret}`, 'utf8').toString('base64'),
  ]);
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join('***');
  return out;
}
