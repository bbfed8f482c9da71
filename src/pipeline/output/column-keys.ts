/**
 * Finding paylinks' own columns whichever language wrote the sheet. Code
 * names a column by its stable key (`link_state`); a sheet written in English
 * has the keys as headers, one written in Spanish the catalogue's headers
 * ("Estado del enlace"). Every reader (reconcile, summary, webhook, the
 * output plan) goes through `columnKeyOf`, so a Spanish sheet reconciles like
 * an English one, and a person who retypes a header in other case or spacing
 * is still understood.
 */
import type { Lang } from '../../i18n/lang.js';
import { sayIn } from '../../i18n/message.js';
import { columns, type ColumnKey } from '../../i18n/messages/columns.js';
import { stateLabel } from '../../i18n/messages/states.js';

export type { ColumnKey } from '../../i18n/messages/columns.js';

export const COLUMN_KEYS = Object.keys(columns) as ColumnKey[];

/** State columns and the label column a Spanish sheet shows beside each. */
export const LABEL_OF_STATE: Readonly<Partial<Record<ColumnKey, ColumnKey>>> = {
  link_state: 'link_state_label',
  payment_state: 'payment_state_label',
};

/** "  Estado  del ENLACE " → "estado del enlace"; "link_state" and "Link State" alike. */
function normalise(header: string): string {
  return header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_]+/g, ' ').trim();
}

const BY_HEADER: ReadonlyMap<string, { key: ColumnKey; lang: Lang }> = (() => {
  const map = new Map<string, { key: ColumnKey; lang: Lang }>();
  for (const key of COLUMN_KEYS) {
    map.set(normalise(key), { key, lang: 'en' });
    map.set(normalise(sayIn('es', columns[key])), { key, lang: 'es' });
  }
  return map;
})();

/** The key of one of paylinks' columns from its header (key, English or Spanish header; case, accents and spacing aside), else undefined. */
export function columnKeyOf(header: string): ColumnKey | undefined {
  return BY_HEADER.get(normalise(header))?.key;
}

/** The header a sheet written in `lang` gives a column: the key in English, the catalogue's header in Spanish. */
export function headerOf(key: ColumnKey, lang: Lang): string {
  return lang === 'en' ? key : sayIn(lang, columns[key]);
}

/**
 * The language a sheet's own columns were written in: the first of paylinks'
 * headers found says it; a sheet without any (a billing sheet) takes `fallback`.
 * A sheet keeps its language when another run, in another language, rewrites it.
 */
export function sheetLangOf(header: readonly string[], fallback: Lang): Lang {
  for (const h of header) {
    const found = BY_HEADER.get(normalise(h));
    // "error" is the same word in both: it says nothing of the language.
    if (found !== undefined && found.key !== 'error') return found.lang;
  }
  return fallback;
}

/** Position of each of paylinks' columns in a header (the first one of each key). */
export function indexColumns(header: readonly string[]): Map<ColumnKey, number> {
  const index = new Map<ColumnKey, number>();
  header.forEach((h, i) => {
    const key = columnKeyOf(h);
    if (key !== undefined && !index.has(key)) index.set(key, i);
  });
  return index;
}

/** The label cell beside a state cell in a Spanish sheet: the label of the code, or the code as it is when unknown, blank for blank. */
export function stateLabelCell(state: unknown, lang: Lang): string | null {
  if (typeof state !== 'string' || state.trim() === '') return null;
  return stateLabel(state.trim().toUpperCase(), lang) ?? state;
}
