/**
 * Notes people write in an amount header: a unit (`Valor (miles)`,
 * `(miles de pesos)`, `(millones)`, `(thousands)`, `(x1000)`, `(K)`, `(M$)`)
 * or a currency (`(USD)`, `US$`, `€`, `(COP)`, `(CLP)`, `(pesos chilenos)`).
 * A note changes what every amount means, so it is never dropped: a unit is
 * applied only when the user confirms it (`--amount-unit`), a currency sets
 * the rows' currency or conflicts loudly with `--currency`, a few notes are
 * known not to change the amounts (`IVA incluido`), and any other note
 * refuses the run (`HEADER_NOTE_UNKNOWN`).
 *
 * Notes in the due-date header that give the date order (`dd/mm/aaaa`,
 * `mm/dd/yyyy`) are read here too: header-rules.ts refuses the run when they
 * disagree with the order it reads dates in.
 */
import { splitTrailingNotes } from './headers.js';
import type { AmountUnit, DateOrder } from '../types.js';

export interface AmountHeaderNote {
  /** 1000 or 1000000 when the header says the amounts are in thousands or millions. */
  unit?: Exclude<AmountUnit, 1>;
  /** The words that said so, as written ("miles de pesos"). */
  unitWords?: string;
  /** ISO 4217 code the header names. */
  currency?: string;
  /** The header writes a bare "$" (pesos or dollars): it names no currency but rules out EUR, GBP… */
  dollarSign?: boolean;
  /** Why the header cannot be billed from: a note not understood, cents, two currencies. */
  refused?: { note: string; reason: 'unknown' | 'cents' | 'currencies'; currencies?: string[] };
}

// Everything is looked for without accents or case; whole words only ("milestone" is not "miles").
const UNITS: ReadonlyArray<[RegExp, Exclude<AmountUnit, 1>]> = [
  [
    new RegExp(
      [
        String.raw`\b(?:en\s+)?(?:miles|thousands?|in thousands)(?:\s+de\s+(?:pesos|dolares))?\b`,
        // ('000), (000s), ($000); no two \s* side by side, which would backtrack quadratically on a cell of spaces
        String.raw`\(\s*(?:\$\s*)?'?000s?\s*\)`,
        String.raw`\bx\s?1[.,]?000(?![.,]?\d)`, // x1000, x 1.000 — not x1.000.000
        String.raw`\(\s*(?:k\s?\$?|\$\s?k)\s*\)`, // (K), (K$), ($K)
        String.raw`\(\s*m\s?\$\s*\)`, // (M$): miles de pesos, as Chilean and Colombian statements write it
        String.raw`\b(?:en\s+)?mil(?:es)?\s+(?:de\s+)?pesos\b`, // en mil pesos
      ].join('|'),
    ),
    1000,
  ],
  [
    new RegExp(
      [
        String.raw`\b(?:en\s+)?(?:millones|millions?|mm)(?:\s+de\s+(?:pesos|dolares))?\b`, // also (MM$)
        String.raw`\bx\s?1[.,]?000[.,]?000(?![.,]?\d)`,
        String.raw`\(\s*\$\s?'?000[.,]?000\s*\)`,
      ].join('|'),
    ),
    1_000_000,
  ],
];

/** Cents: paylinks never divides an amount, so a sheet in cents is refused, not billed 100× too much. */
// "con centavos" / "sin centavos" say whether the amounts carry decimals, not that they are counted in cents.
const CENTS = /(?<!\b(?:con|sin|with|without|incluye) )\b(?:centavos?|cents?|centimos?)\b/;

/** Currencies written as words or symbols, anywhere in the header. */
const CURRENCY_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/\bus\s?\$|\busd\b|\bdolares\b|\bdollars?\b/, 'USD'],
  [/€|\beur\b|\beuros?\b/, 'EUR'],
  [/£|\bgbp\b|\blibras? esterlinas?\b/, 'GBP'],
  [/\bcop\b|\bcol\s?\$|\bm\s?\/\s?cte\b|\bmcte\b|\bmoneda corriente\b/, 'COP'],
];

/** Whose pesos: "pesos chilenos", "pesos de Chile", "Chilean pesos". Plain "pesos" is COP. */
const PESOS_OF: Readonly<Record<string, string>> = {
  colombianos: 'COP', colombiano: 'COP', colombia: 'COP', col: 'COP', colombian: 'COP',
  chilenos: 'CLP', chileno: 'CLP', chile: 'CLP', chilean: 'CLP',
  mexicanos: 'MXN', mexicano: 'MXN', mexico: 'MXN', mexican: 'MXN',
  argentinos: 'ARS', argentino: 'ARS', argentina: 'ARS', argentine: 'ARS', argentinian: 'ARS',
  uruguayos: 'UYU', uruguayo: 'UYU', uruguay: 'UYU', uruguayan: 'UYU',
  dominicanos: 'DOP', dominicano: 'DOP', dominicana: 'DOP', dominican: 'DOP',
  cubanos: 'CUP', cubano: 'CUP', cuba: 'CUP', cuban: 'CUP',
  filipinos: 'PHP', filipino: 'PHP', filipinas: 'PHP', philippine: 'PHP',
};
// A word after "pesos" that looks like a nationality or a country ("pesos bolivianos", "pesos de Bolivia")
// but is not one above: another country's money, never read as COP.
const PESOS_AFTER = /\bpesos?\s+(de\s+)?([a-z]+)/g;
const PESOS_BEFORE = /\b([a-z]+)\s+pesos?\b/g;
const NATIONALITY = /(?:[aei]n[oa]s?|[ie]c[oa]s?|eses?|oles?|ay[oa]s?|an|ine|ese)$/;

/**
 * ISO 4217 codes read when written in capitals in a note ("Valor (CLP)").
 * Left out: codes that are also words or abbreviations a header may carry
 * (ALL, TOP, PEN "pendiente", SOS, MAD, TRY, GEL, BOB, MOP) and funds codes
 * (COU, CLF, UYI…). Such a note is not understood, so it refuses the run.
 */
const ISO_4217 = new Set(
  (
    'AED AFN AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GHS GIP GMD ' +
    'GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT ' +
    'LAK LBP LKR LRD LSL LYD MDL MGA MKD MMK MNT MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR ' +
    'PAB PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SRD SSP STN SVC SYP SZL ' +
    'THB TJS TMT TND TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL'
  ).split(' '),
);
const CAPITAL_CODE = /(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])/g;

/**
 * Notes known not to change what the amounts mean: the amount is the total
 * to pay, tax included. "sin IVA", "neto", "bruto", "antes de IVA" are not
 * here: they say the amount is not what the payer owes, so they are refused.
 */
const HARMLESS = [
  /\biva incluid[oa]\b/g, /\bincluid[oa] (?:el )?iva\b/g, /\bincluye (?:el )?iva\b/g, /\bcon iva\b/g, /\bmas iva incluido\b/g,
  /\bvat included\b/g, /\bincl(?:uding|\.)? ?vat\b/g, /\btax(?:es)? included\b/g,
  /\bneto a pagar\b/g, /\ba pagar\b/g, /\bto pay\b/g, /\btotal\b/g,
  /\b(?:con|sin|with|without) (?:centavos|cents|centimos)\b/g,
  /\bobligatori[oa]\b/g, /\brequerid[oa]\b/g, /\brequired\b/g,
];
/** Words that only join the understood parts: "en miles de pesos", "pesos y IVA incluido". */
const JOINERS = /\b(?:de|en|in|y|and)\b/g;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** What an amount header's notes say about its unit and currency, and whether a note refuses the run. */
export function readAmountHeader(header: string): AmountHeaderNote {
  const text = fold(header);
  const note: AmountHeaderNote = {};
  for (const [re, unit] of UNITS) {
    const m = re.exec(text);
    if (m !== null) {
      note.unit = unit;
      note.unitWords = m[0].trim().replace(/^\(\s*|\s*\)$/g, '');
      break;
    }
  }
  const named = new Set(CURRENCY_WORDS.filter(([re]) => re.test(text)).map(([, code]) => code));
  const pesos = readPesos(text);
  for (const code of pesos.codes) named.add(code);
  const { notes } = splitTrailingNotes(header);
  for (const n of notes) for (const code of n.match(CAPITAL_CODE) ?? []) if (ISO_4217.has(code)) named.add(code);
  if (named.size === 1) note.currency = [...named][0];
  if (/(?<![a-z])\$/.test(text)) note.dollarSign = true;

  const cents = CENTS.exec(text);
  if (cents !== null) note.refused = { note: cents[0], reason: 'cents' };
  else if (named.size > 1) note.refused = { note: notes.join(', ') || header, reason: 'currencies', currencies: [...named] };
  else if (pesos.unknown !== undefined) note.refused = { note: pesos.unknown, reason: 'unknown' };
  else {
    const unread = notes.find((n) => !isUnderstood(n));
    if (unread !== undefined) note.refused = { note: unread, reason: 'unknown' };
  }
  return note;
}

/** The currencies "pesos …" names, and a "pesos <country>" paylinks does not know. */
function readPesos(text: string): { codes: string[]; unknown?: string } {
  const codes: string[] = [];
  let unknown: string | undefined;
  let whose = false;
  for (const m of text.matchAll(PESOS_AFTER)) {
    const word = m[2] as string;
    const code = PESOS_OF[word];
    if (code !== undefined) codes.push(code);
    else if (m[1] !== undefined || NATIONALITY.test(word)) unknown ??= m[0];
    else continue;
    whose = true;
  }
  for (const m of text.matchAll(PESOS_BEFORE)) {
    const word = m[1] as string;
    const code = PESOS_OF[word];
    if (code !== undefined) codes.push(code);
    else if (NATIONALITY.test(word)) unknown ??= m[0];
    else continue;
    whose = true;
  }
  // Plain "pesos" ("miles de pesos", "Valor en pesos") are Colombian pesos.
  if (!whose && /\bpesos?\b/.test(text)) codes.push('COP');
  return unknown === undefined ? { codes } : { codes, unknown };
}

/** True when every word of a note is a unit, a currency, a harmless phrase or a joining word. */
function isUnderstood(raw: string): boolean {
  let t = ` ${fold(raw)} `;
  for (const [re] of UNITS) t = t.replace(new RegExp(re.source, 'g'), ' ');
  // The unit patterns for "(K)", "(M$)", "($000)" include the parentheses the note no longer has.
  t = ` ${t.trim()} `.replace(/^\s*(?:k\s?\$?|\$\s?k|m\s?\$|\$?\s?'?000s?)\s*$/, ' ');
  for (const [re] of CURRENCY_WORDS) t = t.replace(new RegExp(re.source, 'g'), ' ');
  t = t.replace(/\bpesos?(?:\s+(?:de\s+)?[a-z]+)?/g, (m) => (PESOS_OF[m.split(/\s+/).pop() as string] !== undefined ? ' ' : m.replace(/\bpesos?\b/, ' ')));
  t = t.replace(/\b(chilean|mexican|argentine|argentinian|uruguayan|dominican|cuban|philippine|colombian)\b/g, ' ');
  for (const code of raw.match(CAPITAL_CODE) ?? []) if (ISO_4217.has(code)) t = t.replace(new RegExp(`\\b${code.toLowerCase()}\\b`, 'g'), ' ');
  for (const re of HARMLESS) t = t.replace(re, ' ');
  t = t.replace(JOINERS, ' ');
  return !/[\p{L}\p{N}]/u.test(t);
}

/** What a due-date header's notes say about the order of day, month and year. */
export interface DueHeaderNote {
  /** The pattern as written ("mm/dd/aaaa"). */
  words: string;
  /** The order it gives; `any` when the month is a word ("dd-mmm-aaaa"), so the order is never in doubt. */
  order: DateOrder | 'any' | 'unreadable';
}

const DATE_TOKEN = String.raw`(?:d{1,2}|dia|day|m{1,4}|mes|month|y{2,4}|a{2,4}|ano|year)`;
const DATE_PATTERN = new RegExp(String.raw`(?<![\p{L}\d])${DATE_TOKEN}(?:\s*[/.\-]\s*${DATE_TOKEN}){1,2}(?![\p{L}\d])`, 'gu');

/** The date patterns a due-date header writes ("Fecha de vencimiento (mm/dd/aaaa)"); empty when it writes none. */
export function readDueHeader(header: string): DueHeaderNote[] {
  const found: DueHeaderNote[] = [];
  for (const m of fold(header).matchAll(DATE_PATTERN)) {
    const tokens = m[0].split(/\s*[/.\-]\s*/).map(kindOf);
    found.push({ words: m[0], order: orderOf(tokens) });
  }
  return found;
}

function kindOf(token: string): 'd' | 'm' | 'y' | 'name' {
  if (/^(?:d+|dia|day)$/.test(token)) return 'd';
  if (/^m{3,4}$/.test(token)) return 'name';
  if (/^(?:m+|mes|month)$/.test(token)) return 'm';
  return 'y';
}

function orderOf(tokens: Array<'d' | 'm' | 'y' | 'name'>): DueHeaderNote['order'] {
  const key = tokens.join('');
  if (tokens.includes('name')) return new Set(tokens).size === tokens.length ? 'any' : 'unreadable';
  if (key === 'dmy' || key === 'dm') return 'dmy';
  if (key === 'mdy' || key === 'md') return 'mdy';
  if (key === 'ymd') return 'ymd';
  return 'unreadable';
}
