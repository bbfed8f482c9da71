/**
 * Month names and abbreviations, Spanish and English, as spreadsheets
 * display them (`d-mmm-yyyy` is `15-ene-2027` in Excel in Spanish, and a
 * CSV export writes what is displayed). Looked up without accents or case.
 */
const MONTHS: ReadonlyArray<readonly string[]> = [
  ['ene', 'enero', 'jan', 'january'],
  ['feb', 'febrero', 'february'],
  ['mar', 'marzo', 'march'],
  ['abr', 'abril', 'apr', 'april'],
  ['may', 'mayo'],
  ['jun', 'junio', 'june'],
  ['jul', 'julio', 'july'],
  ['ago', 'agosto', 'aug', 'august'],
  ['sep', 'sept', 'septiembre', 'setiembre', 'september'],
  ['oct', 'octubre', 'october'],
  ['nov', 'noviembre', 'november'],
  ['dic', 'diciembre', 'dec', 'december'],
];

const LOOKUP: ReadonlyMap<string, number> = new Map(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

/** 1-12 for a month's name or abbreviation ("ene", "Enero", "SEPT", "Jan"); undefined otherwise. */
export function monthOfName(word: string): number | undefined {
  return LOOKUP.get(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, ''));
}
