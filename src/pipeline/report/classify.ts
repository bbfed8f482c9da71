/**
 * What one row of an issued (and maybe reconciled) sheet is in the aging
 * report. Pure: the reader hands in the row's cells already read.
 *
 * - INVALID, FAILED, SKIPPED (and a dry run's WOULD_ISSUE, and a blank
 *   link_state) are not receivables: no link was ever given to the payer.
 * - ISSUED is a receivable: billed is the bill's amount; collected is
 *   paid_amount when payment_state is PAID or PARTIAL (PAID with an empty
 *   paid_amount, as a clerk marks a bill paid at the desk, means paid in
 *   full); pending is what is left, never below 0. Not yet reconciled
 *   (blank payment_state), PENDING, EXPIRED and DISABLED owe the whole bill:
 *   an expired link does not cancel the debt.
 * - Everything money cannot be told for without guessing goes to a person:
 *   UNCERTAIN (a link may exist), UNKNOWN (the link could not be read), an
 *   unreadable amount or paid_amount, a balance without a readable due date.
 */
import { compareAmounts, subtractAmounts } from '../money.js';
import { parseAmount } from '../rows/amount.js';
import type { CellValue } from '../../io/types.js';
import { cellText } from '../reconcile/issued-sheet.js';
import { bucketOf, daysOverdue, type Bucket } from './aging.js';

export interface RowFacts {
  linkState: string;
  paymentState: string;
  /** The bill's amount (canonical decimal) when it reads. */
  amount?: string;
  paidAmount: CellValue;
  /** The due date, or why it cannot be read. */
  due: { ok: true; date: string } | { ok: false };
  /** The cut-off date, `YYYY-MM-DD`. */
  asOf: string;
}

export type AttentionReason =
  | { kind: 'uncertain' }
  | { kind: 'unknown' }
  | { kind: 'amount' }
  | { kind: 'paidAmount'; state: string; value: string }
  | { kind: 'dueDate' }
  | { kind: 'state'; column: 'link_state' | 'payment_state'; value: string };

export type RowClass =
  | { kind: 'excluded'; state: string }
  | { kind: 'attention'; reason: AttentionReason }
  | { kind: 'receivable'; billed: string; collected: string; pending: string; bucket?: Bucket; days?: number };

const NOT_RECEIVABLE = new Set(['INVALID', 'FAILED', 'SKIPPED', 'WOULD_ISSUE', '']);
const UNPAID = new Set(['', 'PENDING', 'EXPIRED', 'DISABLED']);

export function classifyRow(facts: RowFacts): RowClass {
  const linkState = facts.linkState.trim().toUpperCase();
  const paymentState = facts.paymentState.trim().toUpperCase();
  if (NOT_RECEIVABLE.has(linkState)) return { kind: 'excluded', state: linkState };
  if (linkState === 'UNCERTAIN') return { kind: 'attention', reason: { kind: 'uncertain' } };
  if (linkState !== 'ISSUED') return { kind: 'attention', reason: { kind: 'state', column: 'link_state', value: facts.linkState.trim() } };
  if (paymentState === 'UNKNOWN') return { kind: 'attention', reason: { kind: 'unknown' } };
  if (facts.amount === undefined) return { kind: 'attention', reason: { kind: 'amount' } };
  const billed = facts.amount;

  let collected: string;
  if (UNPAID.has(paymentState)) collected = '0';
  else if (paymentState === 'PAID' || paymentState === 'PARTIAL') {
    const paid = paidAmountOf(facts.paidAmount);
    if (paid === undefined && paymentState === 'PAID' && isBlank(facts.paidAmount)) collected = billed;
    else if (paid === undefined) return { kind: 'attention', reason: { kind: 'paidAmount', state: paymentState, value: cellText(facts.paidAmount) } };
    else collected = paid;
  } else return { kind: 'attention', reason: { kind: 'state', column: 'payment_state', value: facts.paymentState.trim() } };

  const pending = compareAmounts(collected, billed) >= 0 ? '0' : subtractAmounts(billed, collected);
  if (pending === '0') return { kind: 'receivable', billed, collected, pending };
  if (!facts.due.ok) return { kind: 'attention', reason: { kind: 'dueDate' } };
  const days = daysOverdue(facts.due.date, facts.asOf);
  return { kind: 'receivable', billed, collected, pending, bucket: bucketOf(days), days };
}

/**
 * paid_amount as paylinks writes it: a number cell (XLSX) or canonical text
 * ("1250000.5"). Text in any other shape (a person's "1.250.000") is not
 * read: "1.250" would be 1.25 to one reader and 1250 to another.
 */
export function paidAmountOf(cell: CellValue): string | undefined {
  if (typeof cell === 'number') {
    if (cell === 0) return '0';
    const r = parseAmount(cell, '.');
    return r.ok ? r.amount : undefined;
  }
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  if (!/^(0|[1-9]\d{0,17})(\.\d{1,2})?$/.test(text)) return undefined;
  const r = parseAmount(text, '.');
  return r.ok ? r.amount : /^0(\.0+)?$/.test(text) ? '0' : undefined;
}

function isBlank(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

