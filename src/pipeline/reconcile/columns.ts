/**
 * The columns `reconcile` adds to an issued sheet, and the vocabulary of
 * payment states people read in them. The sheet itself is the memory between
 * runs: the previous values of these columns are what "changed since the
 * last run" is measured against.
 */
import type { CellValue, ColumnSpec } from '../../io/types.js';
import { columnKeyOf } from '../output/column-keys.js';

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

/**
 * The columns `reissue` adds: the sheet keeps the history of a debt whose
 * link was replaced. Only sheets that were reissued carry them; every reader
 * of an issued sheet keeps them as they are.
 */
export const REISSUE_COLUMNS = [
  { header: 'previous_link_id', kind: 'integer', width: 10 },
  { header: 'previous_link_url', kind: 'url', width: 48 },
  { header: 'reissue_count', kind: 'integer', width: 8 },
] as const satisfies readonly ColumnSpec[];

export type ReissueColumn = (typeof REISSUE_COLUMNS)[number]['header'];

/** The reissue column a header names (its key, or its English or Spanish header), if any. */
export function reissueColumnOf(header: string): ReissueColumn | undefined {
  const key = columnKeyOf(header);
  return REISSUE_COLUMNS.some((c) => c.header === key) ? (key as ReissueColumn) : undefined;
}

/** A row's reissue count as the sheet holds it is at least one: its link replaced an earlier one. */
export function wasReissued(cell: CellValue): boolean {
  const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
  return /^\d+$/.test(text) && Number(text) > 0;
}
