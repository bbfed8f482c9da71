/**
 * Sends one collector's message to the addresses not yet served, exactly
 * once per address: an intent is made durable in the journal before the
 * message leaves, the result after the server answers.
 *
 * Retries: a 4xx answer (421, 450, 451, 452) or a connection that never
 * opened is tried again after a backoff (doubling, with jitter), only for the
 * addresses still pending: an address the server accepted in a partial answer
 * is never sent again. A 5xx is final. A lost answer (connection dropped
 * mid-message) is never retried: the address is UNCERTAIN. The first
 * authentication failure stops the run; so does a server still unreachable
 * after the retries.
 */
import { randomBytes } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';
import { FileError } from '../../io/errors.js';
import type { Journal } from '../../io/journal.js';
import type { Throttle } from '../service/throttle.js';
import { classifyFailure, smtpFields, type FailureKind } from './classify.js';
import type { IntentEntry, MailJournalEntry } from './ledger.js';
import type { AddressOutcome, StopReason } from './outcome.js';
import type { Job } from './plan.js';
import { say } from '../../i18n/message.js';
import { run as runText } from '../../i18n/messages/run.js';
import { mail } from '../../i18n/messages/mail.js';

export interface SentInfo {
  accepted?: Array<string | { address: string }>;
  rejected?: Array<string | { address: string }>;
  rejectedErrors?: unknown[];
  messageId?: string;
}

export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<SentInfo>;
}

export interface MailRetry {
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_MAIL_RETRY: MailRetry = { retries: 4, minDelayMs: 1000, maxDelayMs: 30_000 };

export interface SendContext {
  transport: MailTransport;
  journal: Journal<MailJournalEntry>;
  throttle: Throttle;
  retry: MailRetry;
  /** Scrubs the SMTP password from any text before it is journaled or shown. */
  redact: (text: string) => string;
  stopped: () => boolean;
  stop: (reason: StopReason, message: string) => void;
  /** Aborts backoff waits when the run stops. */
  signal: AbortSignal;
}

/** The sending sentences, from the catalogue (i18n/messages/mail.ts), in the run's language. */
export const sendMessages = {
  auth: (detail: string) => say(mail.sendAuth, { detail }),
  down: (detail: string) => say(mail.sendDown, { detail }),
  get stopped(): string {
    return say(mail.sendStopped);
  },
  uncertain: (detail: string) => say(mail.sendLost, { detail }),
  stillRefused: (detail: string, retries: number) => say(mail.stillRefused, { detail, retries }),
};

interface Failure {
  address: string;
  kind: FailureKind;
  message: string;
}

const addressOf = (a: string | { address: string }): string => (typeof a === 'string' ? a : a.address);
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export async function deliver(job: Job, message: (to: string[]) => SendMailOptions, ctx: SendContext): Promise<AddressOutcome[]> {
  const outcomes: AddressOutcome[] = [];
  let pending = [...job.send];
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (ctx.stopped()) break;
    const id = randomBytes(8).toString('hex');
    const intent: IntentEntry = { type: 'intent', id, collector: job.entry.value, file: job.entry.file, sha256: job.sha256, addresses: pending, at: '' };
    const tried = await attemptOnce(intent, message, ctx);
    if (tried === 'STOPPED') break; // the run stopped while this waited for its turn: no intent, nothing sent
    const { accepted, failed, messageId } = tried;
    await ctx.journal.append({ type: 'result', id, accepted, failed, messageId, at: new Date().toISOString() });
    for (const address of accepted) outcomes.push({ address, state: 'SENT' });
    const retryable: string[] = [];
    for (const f of failed) {
      const last = attempt >= ctx.retry.retries;
      if (f.kind === 'AUTH') {
        ctx.stop('AUTH', sendMessages.auth(f.message));
        outcomes.push({ address: f.address, state: 'NOT_SENT', detail: f.message });
      } else if (f.kind === 'OUTCOME_UNKNOWN') {
        outcomes.push({ address: f.address, state: 'UNCERTAIN', detail: sendMessages.uncertain(f.message) });
      } else if (f.kind === 'PERMANENT') {
        outcomes.push({ address: f.address, state: 'FAILED', detail: f.message });
      } else if (!last) {
        retryable.push(f.address);
      } else if (f.kind === 'NOT_SENT') {
        ctx.stop('SERVER_DOWN', sendMessages.down(f.message));
        outcomes.push({ address: f.address, state: 'NOT_SENT', detail: f.message });
      } else {
        outcomes.push({ address: f.address, state: 'FAILED', detail: sendMessages.stillRefused(f.message, ctx.retry.retries) });
      }
    }
    pending = retryable;
    if (pending.length > 0 && !ctx.stopped()) await backoff(attempt, ctx);
  }
  for (const address of pending) outcomes.push({ address, state: 'NOT_SENT', detail: sendMessages.stopped });
  return outcomes;
}

/**
 * One attempt. The intent is journaled inside the throttle's slot, just
 * before the message is handed over: a message still queued behind the rate
 * limit when the process dies has no intent, so it is not UNCERTAIN; one
 * still queued when the run stops is not attempted at all.
 */
async function attemptOnce(
  intent: IntentEntry,
  message: (to: string[]) => SendMailOptions,
  ctx: SendContext,
): Promise<{ accepted: string[]; failed: Failure[]; messageId?: string } | 'STOPPED'> {
  const to = intent.addresses;
  try {
    const info = await ctx.throttle.run(async () => {
      // Messages queued behind the rate limit when the run stops (a refused password, Ctrl-C) never start.
      if (ctx.stopped()) return 'STOPPED' as const;
      await ctx.journal.append({ ...intent, at: new Date().toISOString() });
      return ctx.transport.sendMail(message(to));
    });
    if (info === 'STOPPED') return info;
    const accepted = to.filter((a) => (info.accepted ?? []).some((x) => same(addressOf(x), a)));
    const failed = to.filter((a) => !accepted.includes(a)).map((address) => rejection(address, info.rejectedErrors ?? [], ctx));
    return { accepted, failed, messageId: info.messageId };
  } catch (err) {
    // The journal refused the intent: nothing was handed over; the run must stop, not count it as an SMTP failure.
    if (err instanceof FileError) throw err;
    const perRecipient = (err as { rejectedErrors?: unknown[] }).rejectedErrors;
    if (Array.isArray(perRecipient) && perRecipient.length > 0) {
      return { accepted: [], failed: to.map((address) => rejection(address, perRecipient, ctx, err)) };
    }
    const kind = classifyFailure(smtpFields(err));
    const text = ctx.redact(err instanceof Error ? err.message : String(err));
    return { accepted: [], failed: to.map((address) => ({ address, kind, message: text })) };
  }
}

/** Why the server did not take `address`: its own RCPT answer if it has one, else the message-wide error. */
function rejection(address: string, errors: unknown[], ctx: SendContext, fallback?: unknown): Failure {
  const own = errors.find((e) => typeof (e as { recipient?: unknown }).recipient === 'string' && same((e as { recipient: string }).recipient, address));
  const source = own ?? fallback;
  if (source === undefined) return { address, kind: 'PERMANENT', message: say(runText.smtpRecipientRefused) };
  return { address, kind: classifyFailure(smtpFields(source)), message: ctx.redact(source instanceof Error ? source.message : String(source)) };
}

async function backoff(attempt: number, ctx: SendContext): Promise<void> {
  await waitBackoff(attempt, ctx.retry, ctx.signal);
}

/** Waits the attempt's backoff (doubling from minDelayMs up to maxDelayMs, with jitter); returns early when `signal` aborts. */
export async function waitBackoff(attempt: number, retry: MailRetry, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  const base = Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** attempt);
  const ms = base / 2 + Math.random() * (base / 2);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
