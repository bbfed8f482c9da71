/**
 * Reconciling one row: query its link, decide, disable when due, and say
 * what to write and what changed. Every call goes through the run's shared
 * throttle with the retries `retry.ts` allows (queries and disables are safe
 * to repeat).
 *
 * A query that fails for a passing reason (network, 5xx, 429 after retries)
 * keeps the row's last known state and records the failure in
 * reconcile_error: a paid row does not turn UNKNOWN because the network
 * blinked. A definite answer that the link cannot be read (404, another
 * site's link) makes it UNKNOWN.
 */
import { say } from '../../i18n/message.js';
import { phases, problems, rows as text } from '../../i18n/messages/reconcile.js';
import { ApiError, isApiError } from '../../api/errors.js';
import { linkIdAccepted } from '../../api/link-id.js';
import type { LinkInfo } from '../../api/types.js';
import type { CellValue } from '../../io/types.js';
import type { IssuedRow } from './issued-sheet.js';
import type { LinkApi } from '../service/link-api.js';
import { wallClockDate } from '../output/sheet-plan.js';
import { isPaymentState, type PaymentState } from './columns.js';
import { decideDisable, keepSheetPayment, linkFacts, sameAmount, wallClockIn, type LinkFacts, type OverdueRule } from './decide.js';
import type { UncertainResolution } from '../uncertain/resolve-reconcile.js';
import { callWithRetry, type RetryOptions } from '../service/retry.js';
import type { PaidEvent, WebhookEvents } from './webhook-events.js';
import type { Throttle } from '../service/throttle.js';

export type ChangeKind = 'PAID' | 'PARTIAL' | 'EXPIRED' | 'DISABLED' | 'ADOPTED';

export interface Change {
  kind: ChangeKind;
  rowNumber: number;
  reference: string;
  linkId: number;
  from: string;
  to: string;
  /** Paid amount for PAID/PARTIAL, the link's amount otherwise. */
  amount?: string;
  currency?: string;
  /** DISABLED only: this run disabled it, or someone else did (the panel, another tool). */
  by?: 'this-run' | 'elsewhere';
}

export interface RowResult {
  /** Values for the tool's columns; absent columns keep what the sheet had. */
  updates: Record<string, CellValue>;
  /** The row's payment_state after this run (empty for rows without a link). */
  state: string;
  amount?: string;
  currency?: string;
  paidAmount?: string;
  change?: Change;
  /** Something a person must look at. */
  problem?: string;
  /** A disabled link with an approved payment (flagged PAID_AFTER_DISABLE): first in "needs a look". */
  paidAfterDisable?: boolean;
  disabled: boolean;
  wouldDisable: boolean;
  queried: boolean;
}

export type StopReason = 'AUTH_FAILED' | 'SERVICE_UNAVAILABLE' | 'INTERRUPTED';

export interface RowContext {
  api: LinkApi;
  throttle: Throttle;
  retry: RetryOptions;
  timeZone: string;
  /** Undefined: overdue links are not disabled. */
  disable?: OverdueRule;
  dryRun: boolean;
  uncertain: UncertainResolution;
  journalPath: string;
  /** The webhook's accepted notifications for this sheet: a link with a PAID event is never disabled. */
  events: WebhookEvents;
  signal?: AbortSignal;
  /** Set once the run must stop querying; later rows are written unchanged. */
  stopped(): boolean;
  stop(reason: StopReason, message: string): void;
  /** A failure caused by the service (not by the row): counts towards stopping the run. */
  serviceFailed(): void;
  serviceAnswered(): void;
}

export async function reconcileRow(row: IssuedRow, ctx: RowContext): Promise<RowResult> {
  const previous = row.text('payment_state').toUpperCase();
  const base: RowResult = { updates: {}, state: previous, amount: row.amount, currency: row.currency, disabled: false, wouldDisable: false, queried: false };
  let linkId = row.linkId;
  let adopted: Change | undefined;

  if (linkId === undefined) {
    if (row.linkIdText !== '') return { ...base, problem: say(problems.linkIdNot, { shown: JSON.stringify(row.linkIdText), accepted: linkIdAccepted() }) };
    if (row.text('link_state').toUpperCase() !== 'UNCERTAIN') return base;
    const outcome = uncertainOutcome(row, ctx);
    if (outcome.kind !== 'found') {
      return { ...base, state: 'UNCERTAIN', problem: outcome.message, updates: outcome.updates };
    }
    linkId = outcome.id;
    base.updates = outcome.updates;
    adopted = { kind: 'ADOPTED', rowNumber: row.rowNumber, reference: row.reference, linkId, from: 'UNCERTAIN', to: 'ISSUED' };
  }
  if (ctx.stopped()) return base;

  const queried = await query(linkId, ctx);
  if (queried.kind === 'skipped') return base;
  if (queried.kind === 'failed') {
    const state = previous !== '' && isPaymentState(previous) ? previous : 'UNKNOWN';
    return { ...base, state, queried: true, problem: queried.message, updates: { ...base.updates, payment_state: state, reconcile_error: queried.message } };
  }

  let facts = linkFacts(queried.link, row.amount, ctx.timeZone);
  let problem = facts.problem;
  let disabled = false;
  let wouldDisable = false;
  // A payment the sheet or the webhook knows of while the service shows none yet.
  let known = facts.approved.length === 0 ? await knownPayment(row, linkId, previous, ctx) : NO_PAYMENT;
  const decision =
    known.kind === 'unreadable'
      ? { kind: 'keep' as const, problem: ctx.disable !== undefined && facts.linkStatus === 'ACTIVE' ? say(problems.notDisabled, { id: linkId, reason: known.message }) : undefined }
      : decideDisable(facts, linkId, row.dueDate, known.kind === 'none' ? previous : 'PAID', ctx.disable);
  if (decision.kind === 'keep') problem = decision.problem ?? problem;
  else if (ctx.dryRun) wouldDisable = true;
  else {
    const done = await guardedDisable(linkId, row, ctx);
    if (done.kind === 'paid-event') known = done.event;
    else if (done.kind === 'changed') facts = done.facts;
    else if (done.kind === 'failed') problem = done.message;
    else {
      disabled = true;
      facts = done.facts ?? { ...facts, linkStatus: 'INACTIVE', paymentState: 'DISABLED' };
    }
  }
  // A disabled link with an approved payment: this run's disable raced a checkout, or an earlier
  // one did. The payer has paid a link that no longer works: a person must settle it, first thing.
  const paidAfterDisable = facts.approved.length > 0 && (disabled || previous === 'DISABLED' || row.text('reconcile_error').startsWith(PAID_AFTER_DISABLE));
  if (paidAfterDisable) problem = paidAfterDisableMessage(linkId, facts, row);
  // The sheet says paid (a notification, or a person), or the webhook accepted a PAID notification,
  // and the service shows no approved payment: keep PAID/PARTIAL and what the sheet says of the payment,
  // every run, until a person settles it. Dropping to PENDING (or blanking paid_at) would let the next
  // run disable a link the payer may have paid.
  let keep: Record<string, CellValue> = {};
  const unconfirmed = facts.approved.length === 0 && !disabled ? known : NO_PAYMENT;
  if (unconfirmed.kind === 'sheet') {
    const kept = keepSheetPayment(unconfirmed.state, facts, linkId, disabled);
    if (kept) {
      problem = kept.problem;
      facts = { ...facts, paymentState: kept.paymentState };
      keep = keptPayment(row, unconfirmed, ctx.timeZone);
    }
  } else if (unconfirmed.kind === 'event') {
    problem = say(problems.webhookPaidUnconfirmed, { id: linkId, date: unconfirmed.date });
    facts = { ...facts, paymentState: 'PAID' };
    keep = keptPayment(row, unconfirmed, ctx.timeZone);
  }

  const updates: Record<string, CellValue> = { ...base.updates, ...columnValues(facts, ctx.timeZone), ...keep, reconcile_error: problem ?? null };
  const change = adopted ?? changeOf(row, linkId, previous, facts, disabled);
  return {
    updates,
    state: facts.paymentState,
    amount: facts.linkAmount ?? row.amount,
    currency: facts.currency ?? row.currency,
    paidAmount: facts.paidAmount,
    change,
    problem,
    paidAfterDisable,
    disabled,
    wouldDisable,
    queried: true,
  };
}

type Queried = { kind: 'ok'; link: LinkInfo } | { kind: 'failed'; message: string } | { kind: 'skipped' };

async function query(id: number, ctx: RowContext): Promise<Queried> {
  try {
    const link = await callWithRetry('get', () => ctx.api.get(id, { signal: ctx.signal }), ctx.throttle, ctx.retry, ctx.signal, () => !ctx.stopped());
    ctx.serviceAnswered();
    return { kind: 'ok', link };
  } catch (err) {
    const failure = classify(err, ctx, say(problems.queryLink, { id }));
    return failure === undefined ? { kind: 'skipped' } : { kind: 'failed', message: failure };
  }
}

type Disabled = { kind: 'disabled'; facts?: LinkFacts } | { kind: 'failed'; message: string } | { kind: 'paid-event'; event: KnownPayment & { kind: 'event' } } | { kind: 'changed'; facts: LinkFacts };

/**
 * Disables an overdue link, looking once more right before: the webhook's
 * events, read again now (a PAID notification accepted a moment ago), then a
 * fresh query (a payment approved since the row was queried). Only a link
 * still ACTIVE with no payment either way is disabled.
 */
async function guardedDisable(id: number, row: IssuedRow, ctx: RowContext): Promise<Disabled> {
  let event: PaidEvent | undefined;
  try {
    event = await ctx.events.paidFor(id, { fresh: true });
  } catch (err) {
    return { kind: 'failed', message: say(problems.notDisabled, { id, reason: eventsUnreadable(ctx, err) }) };
  }
  if (event !== undefined) return { kind: 'paid-event', event: { kind: 'event', date: event.date } };
  const fresh = await query(id, ctx);
  if (fresh.kind === 'skipped') return { kind: 'failed', message: say(problems.stoppedBeforeDisable, { id }) };
  if (fresh.kind === 'failed') return { kind: 'failed', message: say(problems.checkBeforeDisableFailed, { id, reason: fresh.message }) };
  const now = linkFacts(fresh.link, row.amount, ctx.timeZone);
  if (now.approved.length > 0 || now.linkStatus !== 'ACTIVE') return { kind: 'changed', facts: now };
  try {
    await callWithRetry('disable', () => ctx.api.disable(id, { signal: ctx.signal }), ctx.throttle, ctx.retry, ctx.signal, () => !ctx.stopped());
  } catch (err) {
    if (!isApiError(err, 'ALREADY_DISABLED')) {
      const failure = classify(err, ctx, say(problems.disableLink, { id }));
      return { kind: 'failed', message: failure ?? say(problems.stoppedBeforeDisable, { id }) };
    }
  }
  // Read it back: the sheet records what the service says, including a payment that raced the disable.
  const after = await query(id, ctx);
  return { kind: 'disabled', facts: after.kind === 'ok' ? linkFacts(after.link, row.amount, ctx.timeZone) : undefined };
}

type KnownPayment = { kind: 'none' } | { kind: 'sheet'; state: 'PAID' | 'PARTIAL' } | { kind: 'event'; date: string } | { kind: 'unreadable'; message: string };

const NO_PAYMENT: KnownPayment = { kind: 'none' };

/** A payment the service does not show: the sheet says PAID/PARTIAL, or the webhook accepted a PAID notification. */
async function knownPayment(row: IssuedRow, linkId: number, previous: string, ctx: RowContext): Promise<KnownPayment> {
  if (previous === 'PAID' || previous === 'PARTIAL') return { kind: 'sheet', state: previous };
  try {
    const event = await ctx.events.paidFor(linkId, { fresh: false });
    return event === undefined ? NO_PAYMENT : { kind: 'event', date: event.date };
  } catch (err) {
    return { kind: 'unreadable', message: eventsUnreadable(ctx, err) };
  }
}

function eventsUnreadable(ctx: RowContext, err: unknown): string {
  return say(problems.eventsUnreadable, { path: ctx.events.path, reason: err instanceof Error ? err.message : String(err) });
}

/** The payment columns as the sheet has them (the webhook wrote paid_at), or from the PAID event. */
function keptPayment(row: IssuedRow, known: KnownPayment, timeZone: string): Record<string, CellValue> {
  const kept: Record<string, CellValue> = {};
  for (const column of ['paid_amount', 'paid_at', 'receipt', 'authorization', 'payment_method', 'payer_name']) kept[column] = row.get(column);
  if (row.text('paid_at') === '' && known.kind === 'event') {
    const ms = Date.parse(known.date);
    if (!Number.isNaN(ms)) kept.paid_at = wallClockDate(wallClockIn(new Date(ms), timeZone));
  }
  return kept;
}

/** Starts every PAID_AFTER_DISABLE note in reconcile_error: a stable flag to filter on. */
export const PAID_AFTER_DISABLE = 'PAID_AFTER_DISABLE';

function paidAfterDisableMessage(linkId: number, facts: LinkFacts, row: IssuedRow): string {
  const amount = facts.paidAmount === undefined ? undefined : `${facts.paidAmount}${facts.currency === undefined ? '' : ` ${facts.currency}`}`;
  return say(problems.paidAfterDisable, { flag: PAID_AFTER_DISABLE, id: linkId, reference: row.reference, amount, at: facts.paidAt });
}

/** The message for the row, or undefined when the run stops (the row is then left as it was). */
function classify(err: unknown, ctx: RowContext, what: string): string | undefined {
  if (ctx.signal?.aborted === true || isApiError(err, 'ABORTED')) {
    ctx.stop('INTERRUPTED', say(phases.interrupted));
    return undefined;
  }
  if (isApiError(err, 'AUTH_FAILED')) {
    ctx.stop('AUTH_FAILED', authMessage(err));
    return undefined;
  }
  // Held back because the run stopped (an authentication failure, Ctrl-C): nothing was sent for this row.
  if (isApiError(err, 'NOT_SENT') && ctx.stopped()) return undefined;
  if (isApiError(err, 'NOT_FOUND')) return say(problems.noSuchLink, { what });
  if (isApiError(err, 'OTHER_SITE')) return say(problems.otherSite, { what });
  const transient = isApiError(err) && ['NOT_SENT', 'RATE_LIMITED', 'SERVER_ERROR', 'OUTCOME_UNKNOWN', 'BAD_RESPONSE'].includes(err.code);
  if (transient) ctx.serviceFailed();
  const detail = err instanceof Error ? err.message : String(err);
  return say(problems.couldNot, { what, afterRetries: transient, detail });
}

function authMessage(err: ApiError): string {
  return say(problems.authFailed, { code: err.authCode, detail: err.message });
}

function uncertainOutcome(row: IssuedRow, ctx: RowContext): { kind: 'found'; id: number; updates: Record<string, CellValue> } | { kind: 'other'; message: string; updates: Record<string, CellValue> } {
  const outcome = ctx.uncertain.byReference.get(row.reference);
  if (outcome === undefined) {
    const why = ctx.uncertain.journalFound
      ? say(text.uncertainNotInJournal, { journal: ctx.journalPath, reference: row.reference })
      : say(text.uncertainNoJournal, { journal: ctx.journalPath });
    const message = say(text.uncertain, { reference: row.reference, why });
    return { kind: 'other', message, updates: { reconcile_error: message } };
  }
  if (outcome.kind === 'found') {
    return { kind: 'found', id: outcome.id, updates: { link_state: 'ISSUED', link_id: outcome.id, link_url: outcome.url ?? null, error: null } };
  }
  if (outcome.kind === 'mismatch') {
    // Another bill's link with the same reference: named in the message, never put in link_id.
    return { kind: 'other', message: outcome.message, updates: { error: outcome.message, reconcile_error: outcome.message } };
  }
  return { kind: 'other', message: outcome.message, updates: { reconcile_error: outcome.message } };
}

function columnValues(facts: LinkFacts, timeZone: string): Record<string, CellValue> {
  return {
    link_status: facts.linkStatus,
    payment_state: facts.paymentState,
    paid_amount: facts.paidAmount ?? null,
    paid_at: facts.paidAt === undefined ? null : wallClockDate(facts.paidAt),
    receipt: facts.receipt ?? null,
    authorization: facts.authorization ?? null,
    payment_method: facts.paymentMethod ?? null,
    payer_name: facts.payerName ?? null,
    checked_at: wallClockDate(wallClockIn(new Date(), timeZone)),
  };
}

/** Only what a person needs to hear about: compared with the sheet's previous values. */
function changeOf(row: IssuedRow, linkId: number, previous: string, facts: LinkFacts, disabledNow: boolean): Change | undefined {
  const to: PaymentState = facts.paymentState;
  const base = { rowNumber: row.rowNumber, reference: row.reference, linkId, from: previous, to, currency: facts.currency ?? row.currency };
  if (to === 'PAID' || to === 'PARTIAL') {
    const before = row.text('paid_amount');
    const samePaid = before !== '' && facts.paidAmount !== undefined && sameAmount(before, facts.paidAmount) === true;
    if (previous !== to || !samePaid) return { ...base, kind: to, amount: facts.paidAmount };
    return undefined;
  }
  if (to === 'EXPIRED' && previous !== 'EXPIRED') return { ...base, kind: 'EXPIRED', amount: facts.linkAmount ?? row.amount };
  if (to === 'DISABLED' && (disabledNow || previous !== 'DISABLED')) {
    return { ...base, kind: 'DISABLED', amount: facts.linkAmount ?? row.amount, by: disabledNow ? 'this-run' : 'elsewhere' };
  }
  return undefined;
}
