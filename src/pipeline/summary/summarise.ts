/**
 * `paylinks summary`: rows and amounts per state of a sheet that `issue`
 * wrote (link_state) or `reconcile` updated (payment_state too). Reads the
 * sheet as reconcile does (the same mapping, the same amounts), streaming.
 */
import { openIssuedSheet, type IssuedSheetOptions } from '../reconcile/issued-sheet.js';
import { StateTally, type TallyJson } from '../output/state-tally.js';
import { columnKeyOf } from '../output/column-keys.js';

/** How to read the sheet (as reconcile reads it), and the label of an empty state cell. */
export interface SheetSummaryOptions extends IssuedSheetOptions {
  /** Shown for rows whose state cell is empty. */
  blank: string;
}

export interface SheetSummary {
  file: string;
  rows: number;
  /** By link_state (ISSUED, INVALID, …). */
  link: TallyJson;
  /** By payment_state, when the sheet has been reconciled. */
  payment?: TallyJson;
}

export async function summariseSheet(options: SheetSummaryOptions): Promise<SheetSummary> {
  const sheet = await openIssuedSheet(options);
  const hasPayment = sheet.info.header.some((h) => columnKeyOf(h) === 'payment_state');
  const link = new StateTally();
  const payment = new StateTally();
  try {
    for await (const row of sheet.rows) {
      const state = row.text('link_state');
      // A SKIPPED row (a total, footer or hidden row) is counted, but its amount never joins any total.
      const amount = state === 'SKIPPED' ? undefined : row.amount;
      const currency = amount === undefined ? undefined : row.currency;
      link.add(state || options.blank, amount, currency);
      if (hasPayment) payment.add(row.text('payment_state') || options.blank, amount, currency);
    }
  } finally {
    await sheet.close();
  }
  const summary: SheetSummary = { file: options.path, rows: link.rows, link: link.toJSON() };
  if (hasPayment) summary.payment = payment.toJSON();
  return summary;
}
