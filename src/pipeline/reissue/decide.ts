/**
 * The decisions of `paylinks reissue`, as pure functions tested table by
 * table: which rows may be reissued (from the sheet, then from a fresh query
 * of the link), the next versioned reference, and the amount of the new link.
 * No I/O here; every refusal carries the words a clerk reads.
 */
import type { CellValue } from '../../io/types.js';
import { say } from '../../i18n/message.js';
import { reissue as words } from '../../i18n/messages/reissue.js';
import { compareAmounts } from '../money.js';
import { parseAmount } from '../rows/amount.js';
import { MAX_REFERENCE_LENGTH, validateReference } from '../rows/reference.js';
import { endOfDayInZone, isPast } from '../rows/dates.js';
import type { DecimalMark, Locale } from '../types.js';

/** What the sheet alone says about a row, before any query. */
export type SheetVerdict =
  | { kind: 'candidate' }
  /** No link in the sheet (INVALID, FAILED, SKIPPED, a blank row): nothing to reissue. */
  | { kind: 'unlinked' }
  /** The sheet records a payment: never touched, whatever the service says. */
  | { kind: 'paid'; state: 'PAID' | 'PARTIAL' }
  /** A link_id cell that is not a link id: a person must correct it first. */
  | { kind: 'bad-link-id'; text: string };

export interface SheetFacts {
  linkId?: number;
  linkIdText: string;
  paymentState: string;
}

export function sheetVerdict(row: SheetFacts): SheetVerdict {
  const state = row.paymentState.trim().toUpperCase();
  if (state === 'PAID' || state === 'PARTIAL') return { kind: 'paid', state };
  if (row.linkId !== undefined) return { kind: 'candidate' };
  return row.linkIdText.trim() === '' ? { kind: 'unlinked' } : { kind: 'bad-link-id', text: row.linkIdText };
}

/** What a fresh query of the current link says. */
export interface FreshFacts {
  status: string;
  /** APPROVED payments the service reports for the link. */
  approved: number;
  /** The webhook accepted a signed PAID notification for the link. */
  paidEvent: boolean;
  /** The link's current due date (YYYY-MM-DD on the site's clock), when known. */
  dueDate?: string;
}

export type ReissueWhy = 'EXPIRED' | 'DISABLED' | 'OVERDUE';

export type LinkVerdict =
  | { kind: 'paid' }
  | { kind: 'not-due' }
  | { kind: 'reissue'; why: ReissueWhy; disableFirst: boolean }
  /** A status this version does not know, or an ACTIVE link whose due date is unknown: never guessed. */
  | { kind: 'unclear'; message: string };

/**
 * The fresh query decides: a payment (approved, or notified to the webhook)
 * means the link is never touched; EXPIRED and INACTIVE links are reissued;
 * an ACTIVE link only when its due date has passed (as of `now`), and then
 * it is disabled first.
 */
export function linkVerdict(facts: FreshFacts, rule: { now: Date; timeZone: string }): LinkVerdict {
  if (facts.approved > 0 || facts.paidEvent) return { kind: 'paid' };
  if (facts.status === 'EXPIRED') return { kind: 'reissue', why: 'EXPIRED', disableFirst: false };
  if (facts.status === 'INACTIVE') return { kind: 'reissue', why: 'DISABLED', disableFirst: false };
  if (facts.status !== 'ACTIVE') return { kind: 'unclear', message: say(words.unknownStatus, { status: facts.status }) };
  if (facts.dueDate === undefined) return { kind: 'unclear', message: say(words.noDueDate) };
  return isPast(endOfDayInZone(facts.dueDate, rule.timeZone).instant, rule.now) ? { kind: 'reissue', why: 'OVERDUE', disableFirst: true } : { kind: 'not-due' };
}

const SUFFIX = /^(.*)-R(\d+)$/;

export type NextReference = { ok: true; reference: string; version: number } | { ok: false; message: string };

/**
 * `FAC-1` → `FAC-1-R2`, then `-R3`: the base is the reference without an
 * existing `-Rn` suffix, and the version is one above both that suffix and
 * the count of reissues the sheet records (a sheet whose count is ahead of
 * its reference never reuses a version). Refused, naming the row, the
 * column, the reference and its length, when it exceeds the API's 32
 * characters.
 */
export function nextReference(input: { reference: string; reissueCount: number; row: number; column: string }): NextReference {
  const match = SUFFIX.exec(input.reference);
  const base = match ? (match[1] as string) : input.reference;
  const current = Math.max(match ? Number(match[2]) : 1, input.reissueCount + 1);
  const version = current + 1;
  const reference = `${base}-R${version}`;
  if (reference.length > MAX_REFERENCE_LENGTH) {
    return { ok: false, message: say(words.referenceTooLong, { row: input.row, column: input.column, reference, length: reference.length, max: MAX_REFERENCE_LENGTH }) };
  }
  const valid = validateReference(reference);
  if (!valid.ok) return { ok: false, message: say(words.referenceInvalid, { row: input.row, column: input.column, reference }) };
  return { ok: true, reference, version };
}

/** The reissue count a sheet cell holds: blank is 0; anything but a whole number is refused. */
export function reissueCountOf(cell: CellValue): number | undefined {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return 0;
  const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
  return /^\d{1,6}$/.test(text) ? Number(text) : undefined;
}

export type AmountChoice = { ok: true; amount: string; currency: string } | { ok: false; message: string };

export interface AmountInput {
  row: number;
  /** The current link's amount and currency as the service reports them. */
  linkAmount?: string;
  linkCurrency?: string;
  /** The sheet's amount and currency for the row, used when the service reports none. */
  sheetAmount?: string;
  sheetCurrency: string;
  /** `--amount-column`: its header and the row's cell, read with the sheet's decimal mark. */
  column?: { header: string; cell: CellValue; decimal: Locale | DecimalMark };
}

const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * The new link's amount: the column the person named (late fees), parsed as
 * strictly as issue parses amounts, else the current link's own amount. The
 * currency is the current link's; a cell naming another currency is refused.
 * Never a float, never a guess: a blank or unreadable cell refuses the row.
 */
export function reissueAmount(input: AmountInput): AmountChoice {
  const currency = (input.linkCurrency ?? input.sheetCurrency).toUpperCase();
  if (input.column !== undefined) {
    const { header, cell, decimal } = input.column;
    const parsed = parseAmount(cell, decimal);
    if (!parsed.ok) return { ok: false, message: say(words.amountColumnBad, { row: input.row, column: header, reason: parsed.reason }) };
    if (parsed.currency !== undefined && parsed.currency !== currency) {
      return { ok: false, message: say(words.amountColumnCurrency, { row: input.row, column: header, cellCurrency: parsed.currency, currency }) };
    }
    if (compareAmounts(parsed.amount, '0') <= 0) return { ok: false, message: say(words.amountNotPositive, { row: input.row, column: header }) };
    return { ok: true, amount: parsed.amount, currency };
  }
  const amount = input.linkAmount?.trim() ?? input.sheetAmount;
  if (amount === undefined || !DECIMAL.test(amount) || compareAmounts(amount, '0') <= 0) {
    return { ok: false, message: say(words.linkAmountUnreadable, { row: input.row, amount: amount ?? '' }) };
  }
  return { ok: true, amount, currency };
}
