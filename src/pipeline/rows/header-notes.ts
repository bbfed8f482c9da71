/**
 * Notes people write in an amount header: a unit (`Valor (miles)`,
 * `(miles de pesos)`, `(millones)`, `(thousands)`) or a currency (`(USD)`,
 * `US$`, `€`, `(COP)`). A note changes what every amount means, so it is
 * never dropped: a unit is applied only when the user confirms it
 * (`--amount-unit`), and a currency sets the rows' currency or conflicts
 * loudly with `--currency`.
 */
import type { AmountUnit } from '../types.js';

export interface AmountHeaderNote {
  /** 1000 or 1000000 when the header says the amounts are in thousands or millions. */
  unit?: Exclude<AmountUnit, 1>;
  /** The words that said so, as written ("miles de pesos"). */
  unitWords?: string;
  /** ISO 4217 code the header names. */
  currency?: string;
}

// Looked for in the header without accents or case; whole words only ("milestone" is not "miles").
const UNITS: ReadonlyArray<[RegExp, Exclude<AmountUnit, 1>]> = [
  [/\b(?:en\s+)?(?:miles|thousands?|in thousands)(?:\s+de\s+(?:pesos|dolares))?\b|\(\s*'?000s?\s*\)/, 1000],
  [/\b(?:en\s+)?(?:millones|millions?|mm)(?:\s+de\s+(?:pesos|dolares))?\b/, 1_000_000],
];

const CURRENCIES: ReadonlyArray<[RegExp, string]> = [
  [/\bus\s?\$|\busd\b|\bdolares\b|\bdollars?\b/, 'USD'],
  [/€|\beur\b|\beuros?\b/, 'EUR'],
  [/\bcop\b|\bcol\s?\$|\bpesos\b/, 'COP'],
];

/** What an amount header's notes say about its unit and currency. */
export function readAmountHeader(header: string): AmountHeaderNote {
  const text = header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const note: AmountHeaderNote = {};
  for (const [re, unit] of UNITS) {
    const m = re.exec(text);
    if (m !== null) {
      note.unit = unit;
      note.unitWords = m[0].trim();
      break;
    }
  }
  const named = new Set(CURRENCIES.filter(([re]) => re.test(text)).map(([, code]) => code));
  if (named.size === 1) note.currency = [...named][0];
  return note;
}

/** Words for a unit in messages. */
export function unitName(unit: AmountUnit): string {
  return unit === 1000 ? 'thousands' : unit === 1_000_000 ? 'millions' : 'units';
}
