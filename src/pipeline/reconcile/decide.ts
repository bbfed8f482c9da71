/**
 * What a queried link means for the sheet, and whether it is due to be
 * disabled. Pure functions: no I/O, so every rule is tested directly.
 *
 * payment_state:
 *   PAID      at least one APPROVED payment, and they add up to the link's amount
 *   PARTIAL   APPROVED payments that add up to a different amount (less or more)
 *   PENDING   no approved payment, link ACTIVE
 *   EXPIRED   no approved payment, link EXPIRED
 *   DISABLED  no approved payment, link INACTIVE (disabled by us or in the panel)
 *   UNKNOWN   the link could not be read (the error says why)
 */
import type { LinkInfo, LinkPayment } from '../../api/types.js';
import { endOfDayInZone, isPast, type DueDateResult } from '../rows/dates.js';
import { compareAmounts, sumAmounts } from '../money.js';
import type { PaymentState } from './columns.js';
import { say } from '../../i18n/message.js';
import { problems } from '../../i18n/messages/reconcile.js';

export interface LinkFacts {
  linkStatus: string;
  paymentState: PaymentState;
  /** Set when the state is UNKNOWN or something about the link needs a person. */
  problem?: string;
  approved: LinkPayment[];
  /** Sum of the approved payments, canonical decimal. */
  paidAmount?: string;
  /** The link's own amount as the service reports it. */
  linkAmount?: string;
  currency?: string;
  /** Wall-clock time of the last approved payment in the site's zone, `YYYY-MM-DD HH:mm:ss`. */
  paidAt?: string;
  receipt?: string;
  authorization?: string;
  paymentMethod?: string;
  payerName?: string;
}

const KNOWN_STATUS = new Set(['ACTIVE', 'EXPIRED', 'INACTIVE']);

/** Reads a queried link into the facts the sheet records. `sheetAmount` is used when the service sends none. */
export function linkFacts(link: LinkInfo, sheetAmount: string | undefined, timeZone: string): LinkFacts {
  const approved = link.payments.filter((p) => p.status === 'APPROVED');
  const linkAmount = link.amount?.total ?? sheetAmount;
  const facts: LinkFacts = { linkStatus: link.status, paymentState: 'UNKNOWN', approved, linkAmount, currency: link.amount?.currency };
  if (approved.length > 0) {
    Object.assign(facts, paymentDetails(approved, timeZone));
    const same = facts.paidAmount !== undefined && linkAmount !== undefined ? sameAmount(facts.paidAmount, linkAmount) : undefined;
    facts.paymentState = same === false ? 'PARTIAL' : 'PAID';
    if (same === undefined) facts.problem = 'paid, but the paid amount could not be compared with the link amount';
    return facts;
  }
  if (!KNOWN_STATUS.has(link.status)) {
    facts.problem = say(problems.unknownStatus, { status: link.status });
    return facts;
  }
  facts.paymentState = link.status === 'ACTIVE' ? 'PENDING' : link.status === 'EXPIRED' ? 'EXPIRED' : 'DISABLED';
  return facts;
}

function paymentDetails(approved: LinkPayment[], timeZone: string): Partial<LinkFacts> {
  const totals = approved.map((p) => p.amount?.total);
  const paidAmount = totals.every((t): t is string => t !== undefined && isDecimal(t)) ? sumAmounts(totals) : undefined;
  const dated = approved
    .map((p) => ({ p, ms: p.paymentDate === undefined ? NaN : Date.parse(p.paymentDate) }))
    .filter((d) => !Number.isNaN(d.ms))
    .sort((a, b) => a.ms - b.ms);
  const last = dated.at(-1);
  const list = (pick: (p: LinkPayment) => string | undefined): string | undefined => {
    const values = [...new Set(approved.map(pick).filter((v): v is string => v !== undefined && v !== ''))];
    return values.length === 0 ? undefined : values.join(', ');
  };
  return {
    paidAmount,
    paidAt: last === undefined ? undefined : wallClockIn(new Date(last.ms), timeZone),
    receipt: list((p) => p.receipt),
    authorization: list((p) => p.authorization),
    paymentMethod: list((p) => p.paymentMethod ?? p.franchise),
    payerName: list((p) => [p.payer?.name, p.payer?.surname].filter(Boolean).join(' ') || undefined),
  };
}

export interface OverdueRule {
  graceDays: number;
  timeZone: string;
  now: Date;
}

/** True when the end of (due date + grace days), in the site's zone, is not after `now`. */
export function isOverdue(dueDate: string, rule: OverdueRule): boolean {
  return isPast(endOfDayInZone(addDays(dueDate, rule.graceDays), rule.timeZone).instant, rule.now);
}

/**
 * Whether a queried link is to be disabled. Never a link with an approved
 * payment, nor one the sheet already records as paid (a payment the service
 * does not show yet is still a payment): both are the clerk's to look at.
 */
export function shouldDisable(facts: LinkFacts, dueDate: string, previousState: string, rule: OverdueRule): boolean {
  if (facts.linkStatus !== 'ACTIVE' || facts.approved.length > 0) return false;
  if (previousState === 'PAID' || previousState === 'PARTIAL') return false;
  return isOverdue(dueDate, rule);
}

/** What this run does to a queried link: disable it, or keep it as it is (and why, when a person should know). */
export type DisableDecision = { kind: 'disable' } | { kind: 'keep'; problem?: string };

/**
 * The disable decision for one link. `rule` undefined: --disable-overdue was
 * not given. A due date the sheet does not say clearly never disables.
 */
export function decideDisable(facts: LinkFacts, linkId: number, dueDate: DueDateResult, previousState: string, rule: OverdueRule | undefined): DisableDecision {
  if (rule === undefined || facts.linkStatus !== 'ACTIVE' || facts.approved.length > 0) return { kind: 'keep' };
  if (!dueDate.ok) return { kind: 'keep', problem: say(problems.overdueUnknown, { id: linkId, reason: dueDate.reason }) };
  return shouldDisable(facts, dueDate.date, previousState, rule) ? { kind: 'disable' } : { kind: 'keep' };
}

/**
 * The sheet says paid (a notification, or a person) and the service shows no
 * approved payment: keep PAID/PARTIAL and say so, every run, until a person
 * settles it. Dropping to PENDING would let the next run disable a link the
 * payer may have paid. Undefined when the service's facts stand.
 */
export function keepSheetPayment(previousState: string, facts: LinkFacts, linkId: number, disabledNow: boolean): { paymentState: PaymentState; problem: string } | undefined {
  if ((previousState !== 'PAID' && previousState !== 'PARTIAL') || facts.approved.length > 0 || disabledNow) return undefined;
  return {
    paymentState: previousState,
    problem: say(problems.sheetSaysPaid, { state: previousState, id: linkId }),
  };
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** true / false, or undefined when either is not a decimal amount. */
export function sameAmount(a: string, b: string): boolean | undefined {
  if (!isDecimal(a) || !isDecimal(b)) return undefined;
  return compareAmounts(a, b) === 0;
}

function isDecimal(text: string): boolean {
  return /^-?\d+(?:\.\d+)?$/.test(text);
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** `instant` on the wall clock of `timeZone`, as `YYYY-MM-DD HH:mm:ss`. */
export function wallClockIn(instant: Date, timeZone: string): string {
  let f = wallFormatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    wallFormatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(instant)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
