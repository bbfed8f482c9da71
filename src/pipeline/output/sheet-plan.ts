/**
 * The shape of an output sheet: the input's columns, untouched and in their
 * order, followed by the columns the tool adds. A sheet that already has the
 * tool's columns (an output fed back in) keeps them in place instead of
 * growing a second copy.
 */
import type { CellValue, ColumnSpec } from '../../io/types.js';

export interface OutputPlan {
  columns: ColumnSpec[];
  /** Builds an output row from the input cells and the tool's values by column name. */
  row(cells: readonly CellValue[], values: Readonly<Record<string, CellValue | undefined>>): CellValue[];
  /** Index of an added column in the output, by name. */
  indexOf(name: string): number;
}

export function planOutput(inputHeader: readonly string[], added: readonly ColumnSpec[]): OutputPlan {
  const columns: ColumnSpec[] = inputHeader.map((header) => ({ header, kind: 'text' }));
  const slots = new Map<string, number>();
  for (const spec of added) {
    const existing = inputHeader.findIndex((h) => h.trim().toLowerCase() === spec.header.toLowerCase());
    if (existing >= 0) {
      columns[existing] = spec;
      slots.set(spec.header, existing);
    } else {
      slots.set(spec.header, columns.length);
      columns.push(spec);
    }
  }
  const width = columns.length;
  return {
    columns,
    indexOf: (name) => slots.get(name) ?? -1,
    row(cells, values) {
      const out: CellValue[] = new Array<CellValue>(width).fill(null);
      for (let i = 0; i < cells.length && i < inputHeader.length; i += 1) out[i] = cells[i] ?? null;
      for (const [name, index] of slots) {
        const value = values[name];
        out[index] = value === undefined ? null : value;
      }
      return out;
    },
  };
}

/** The columns `issue` adds. */
export const ISSUE_COLUMNS: ColumnSpec[] = [
  { header: 'link_state', kind: 'state', width: 12 },
  { header: 'link_id', kind: 'integer', width: 10 },
  { header: 'link_url', kind: 'url', width: 48 },
  { header: 'expires_at', kind: 'datetime', width: 20 },
  { header: 'error', kind: 'text', width: 60 },
];

/** The extra column a dry run adds: the request that would be sent, as JSON. */
export const DRY_RUN_COLUMN: ColumnSpec = { header: 'request', kind: 'text', width: 80 };

/** `YYYY-MM-DD HH:mm:ss` as a Date whose UTC fields are that wall-clock time (the io layer's convention). */
export function wallClockDate(local: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(local);
  if (!m) return local;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

/**
 * Fill colours (ARGB) of state cells in XLSX outputs: green done, red needs
 * fixing, amber needs a person; for payments, green paid, amber partly paid,
 * blue waiting, grey over (expired, disabled), red unknown.
 */
export const STATE_FILLS: Record<string, string> = {
  ISSUED: 'FFC6EFCE',
  WOULD_ISSUE: 'FFDDEBF7',
  INVALID: 'FFFFC7CE',
  FAILED: 'FFFFC7CE',
  UNCERTAIN: 'FFFFEB9C',
  SKIPPED: 'FFD9D9D9',
  PAID: 'FFC6EFCE',
  PARTIAL: 'FFFFEB9C',
  PENDING: 'FFDDEBF7',
  EXPIRED: 'FFD9D9D9',
  DISABLED: 'FFD9D9D9',
  UNKNOWN: 'FFFFC7CE',
};
