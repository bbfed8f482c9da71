/**
 * The columns `reconcile` adds to an issued sheet, and the vocabulary of
 * payment states people read in them. The sheet itself is the memory between
 * runs: the previous values of these columns are what "changed since the
 * last run" is measured against.
 */
import type { ColumnSpec } from '../../io/types.js';

/** What a person reads in `payment_state`. */
export type PaymentState = 'PAID' | 'PARTIAL' | 'PENDING' | 'EXPIRED' | 'DISABLED' | 'UNKNOWN';

export const PAYMENT_STATES: readonly PaymentState[] = ['PAID', 'PARTIAL', 'PENDING', 'EXPIRED', 'DISABLED', 'UNKNOWN'];

export const RECONCILE_COLUMNS = [
  { header: 'link_status', kind: 'state', width: 12 },
  { header: 'payment_state', kind: 'state', width: 14 },
  { header: 'paid_amount', kind: 'money', width: 14 },
  { header: 'paid_at', kind: 'datetime', width: 20 },
  { header: 'receipt', kind: 'text', width: 14 },
  { header: 'authorization', kind: 'text', width: 14 },
  { header: 'payment_method', kind: 'text', width: 14 },
  { header: 'payer_name', kind: 'text', width: 24 },
  { header: 'checked_at', kind: 'datetime', width: 20 },
  { header: 'reconcile_error', kind: 'text', width: 60 },
] as const satisfies readonly ColumnSpec[];

export type ReconcileColumn = (typeof RECONCILE_COLUMNS)[number]['header'];

export function isPaymentState(value: string): value is PaymentState {
  return (PAYMENT_STATES as readonly string[]).includes(value);
}
