/**
 * The shape of an output sheet: the input's columns, untouched and in their
 * order, followed by the columns the tool adds. A sheet that already has the
 * tool's columns (an output fed back in, in either language) keeps them in
 * place, under the headers it has, instead of growing a second copy.
 */
import type { Lang } from '../../i18n/lang.js';
import type { CellValue, ColumnSpec } from '../../io/types.js';
import { columnKeyOf, headerOf, LABEL_OF_STATE, type ColumnKey } from './column-keys.js';

/** One of the tool's columns: its stable key, and the header it is written under. */
export interface ToolColumnSpec extends ColumnSpec {
  key: ColumnKey;
}

export interface OutputPlan {
  columns: ColumnSpec[];
  /** Builds an output row from the input cells and the tool's values by column key. */
  row(cells: readonly CellValue[], values: Readonly<Record<string, CellValue | undefined>>): CellValue[];
  /** Index of an added column in the output, by key. */
  indexOf(name: string): number;
}

export function planOutput(inputHeader: readonly string[], added: readonly (ColumnSpec | ToolColumnSpec)[]): OutputPlan {
  const columns: ColumnSpec[] = inputHeader.map((header) => ({ header, kind: 'text' }));
  const slots = new Map<string, number>();
  for (const spec of added) {
    const key = 'key' in spec ? spec.key : (columnKeyOf(spec.header) ?? spec.header);
    // Found by key in whichever language the sheet has it (or by its own header, for a column that is not the tool's).
    const existing = inputHeader.findIndex((h) => (columnKeyOf(h) ?? h.trim().toLowerCase()) === (columnKeyOf(key) ?? key.toLowerCase()));
    if (existing >= 0) {
      columns[existing] = { ...spec, header: inputHeader[existing] ?? spec.header };
      slots.set(key, existing);
    } else {
      slots.set(key, columns.length);
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

/** A state's label beside its code, in Spanish sheets only. */
const LABEL_COLUMN: Omit<ColumnSpec, 'header'> = { kind: 'text', width: 24 };

/**
 * The tool's columns (given with their keys as headers, as ISSUE_COLUMNS and
 * RECONCILE_COLUMNS are) under the headers of `lang`; in Spanish each state
 * column is followed by its label column.
 */
export function toolColumns(specs: readonly ColumnSpec[], lang: Lang): ToolColumnSpec[] {
  const out: ToolColumnSpec[] = [];
  for (const spec of specs) {
    const key = columnKeyOf(spec.header);
    if (key === undefined) throw new Error(`${spec.header} is not one of the tool's columns`);
    out.push({ ...spec, key, header: headerOf(key, lang) });
    const label = LABEL_OF_STATE[key];
    if (lang === 'es' && label !== undefined) out.push({ ...LABEL_COLUMN, key: label, header: headerOf(label, lang) });
  }
  return out;
}

/** `YYYY-MM-DD HH:mm:ss` as a Date whose UTC fields are that wall-clock time (the io layer's convention). */
export function wallClockDate(local: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(local);
  if (!m) return local;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}
