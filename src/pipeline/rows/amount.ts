/**
 * Amount cells → canonical decimal strings ("1250000.5", "25000").
 *
 * Parsing is strict for the chosen locale: a value that fits another
 * locale's pattern is an error that says so, never a guess — `1.250` is one
 * thousand two hundred and fifty in Bogotá and one and a quarter in Miami.
 * Text is never turned into a float; only XLSX numeric cells (which already
 * are doubles) go through number formatting, see `fromNumber`.
 */
import { isCellError, type CellValue } from '../../io/types.js';
import { LOCALE_DEFAULTS, type DecimalMark, type Locale, type RowErrorCode } from '../types.js';

export type AmountResult =
  /** `currency`: the code written in the cell itself ("USD 1.250", "US$ 99", "1.250 COP"), if any. */
  | { ok: true; amount: string; currency?: string }
  | { ok: false; code: RowErrorCode; reason: string };

/** 15 significant digits: every such amount is exact as a JSON number (IEEE double). */
const MAX_SIGNIFICANT_DIGITS = 15;
const MAX_TEXT_LENGTH = 64;

// Optional sign, optional currency before and/or after, spaces (\s covers NBSP and narrow NBSP) around them.
// The digits may hold single spaces between digits ("1 250 000"), checked below.
const SHAPE = /^([-−])?\s*(?:(COP|USD)\s*\$?|(US)\$|\$)?\s*([-−])?\s*([0-9](?:[0-9.,]|[ \u00A0\u202F](?=[0-9]))*)\s*(COP|USD)?$/i;
const PLAIN = /^\d+$/;
const SPACES = /[ \u00A0\u202F]/g;

interface MarkRules {
  /** Patterns a valid amount matches with this decimal mark. */
  valid: RegExp[];
  /** Patterns that only make sense with the other mark. */
  foreign: RegExp[];
  /** Thousands grouped by one kind of space, with this decimal mark. */
  spaced: RegExp;
  example: string;
  /** How the other mark's amounts look, for messages. */
  otherLooks: string;
  other: DecimalMark;
}

const RULES: Record<DecimalMark, MarkRules> = {
  ',': {
    valid: [/^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/, /^\d+,\d{1,2}$/],
    foreign: [/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/, /^\d+\.\d{1,2}$/],
    spaced: /^\d{1,3}(?: \d{3})+(?:,\d{1,2})?$/,
    example: 'write 1.250.000,50 or 1250000,50',
    otherLooks: 'a dot for decimals, as in 1,250,000.50',
    other: '.',
  },
  '.': {
    valid: [/^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/, /^\d+\.\d{1,2}$/],
    foreign: [/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/, /^\d+,\d{1,2}$/],
    spaced: /^\d{1,3}(?: \d{3})+(?:\.\d{1,2})?$/,
    example: 'write 1,250,000.50 or 1250000.50',
    otherLooks: 'a comma for decimals, as in 1.250.000,50',
    other: ',',
  },
};

/** The decimal mark a setting means: a locale's own, or the mark itself (`--decimal`). */
export function decimalOf(style: Locale | DecimalMark): DecimalMark {
  return style === ',' || style === '.' ? style : LOCALE_DEFAULTS[style].decimal;
}

/** How to write an amount with this decimal mark, for messages. */
export function amountExample(style: Locale | DecimalMark): string {
  return RULES[decimalOf(style)].example;
}

/** Parses an amount cell whose decimal mark is `style`'s (a locale's, or `,` / `.`). */
export function parseAmount(value: CellValue, style: Locale | DecimalMark): AmountResult {
  const decimal = decimalOf(style);
  if (value === null || value === undefined) return missing(decimal);
  if (typeof value === 'string') return fromText(value.trim(), decimal);
  if (typeof value === 'number') return fromNumber(value);
  if (isCellError(value)) return invalid(`the cell holds the error ${value.error}; ${RULES[decimal].example}`);
  const shown = value instanceof Date ? 'a date' : `the value ${String(value).toUpperCase()}`;
  return invalid(`the cell holds ${shown}, not an amount; ${RULES[decimal].example}`);
}

function fromText(text: string, decimal: DecimalMark): AmountResult {
  if (text === '') return missing(decimal);
  const rules = RULES[decimal];
  // No valid amount is this long; refusing early also keeps the regexes below from backtracking on huge cells.
  if (text.length > MAX_TEXT_LENGTH) {
    return PLAIN.test(text)
      ? { ok: false, code: 'AMOUNT_TOO_LARGE', reason: `the amount has ${text.length} digits; amounts of at most ${MAX_SIGNIFICANT_DIGITS} digits are accepted` }
      : invalid(`the cell holds ${text.length} characters of text, not an amount; ${rules.example}`);
  }
  const m = SHAPE.exec(text);
  if (m === null || (m[1] !== undefined && m[4] !== undefined)) {
    return invalid(`"${text}" is not an amount; ${rules.example} (digits only, optionally with $, COP or USD)`);
  }
  // The code written in the cell counts: the caller checks it against the row's currency.
  const before = m[2]?.toUpperCase() ?? (m[3] !== undefined ? 'USD' : undefined);
  const after = m[6]?.toUpperCase();
  if (before !== undefined && after !== undefined && before !== after) {
    return invalid(`"${text}" names two currencies; write the amount with one (or none)`);
  }
  const digits = m[5] as string;
  let canonical: string | undefined;
  if (digits !== digits.replace(SPACES, '')) {
    const spaced = fromSpaced(text, digits, rules);
    if (!spaced.ok) return spaced;
    canonical = spaced.amount;
  } else if (PLAIN.test(digits)) canonical = canonicalize(digits, '');
  else if (rules.valid.some((re) => re.test(digits))) canonical = splitLocalized(digits, decimal);
  if (canonical === undefined) return explainMismatch(text, digits, decimal);
  const result = checkMagnitude(canonical, text, m[1] !== undefined || m[4] !== undefined);
  const currency = before ?? after;
  return result.ok && currency !== undefined ? { ...result, currency } : result;
}

/**
 * Spaces as thousands separators ("1 250 000", "1 250 000,50"), as French-style
 * exports and some ERPs write them. Accepted only when unambiguous: one kind of
 * space, groups of exactly three digits, no dot or comma grouping besides.
 */
function fromSpaced(text: string, digits: string, rules: MarkRules): AmountResult {
  const kinds = new Set(digits.match(SPACES));
  const normal = digits.replace(SPACES, ' ');
  if (kinds.size === 1 && rules.spaced.test(normal)) {
    const at = normal.lastIndexOf(rules.other === '.' ? ',' : '.');
    const whole = (at < 0 ? normal : normal.slice(0, at)).replace(/ /g, '');
    return { ok: true, amount: canonicalize(whole, at < 0 ? '' : normal.slice(at + 1)) };
  }
  return invalid(
    `"${text}" has spaces between its digits that are not thousands groups of three (or mixes them with other separators), so its amount is ambiguous; ${rules.example}`,
  );
}

function explainMismatch(text: string, digits: string, decimal: DecimalMark): AmountResult {
  const rules = RULES[decimal];
  // The advice names --decimal, never --locale: a locale also changes how dates are read.
  if (rules.foreign.some((re) => re.test(digits))) {
    return invalid(
      `"${text}" is not an amount with "${decimal}" as the decimal mark (it looks like ${rules.otherLooks}); ${rules.example}, ` +
        `or run with --decimal ${rules.other} if every amount in the sheet is written that way (dates are read as before)`,
    );
  }
  const decimals = new RegExp(`\\${decimal}(\\d{3,})$`).exec(digits);
  if (decimals !== null && rules.valid.some((re) => re.test(digits.slice(0, -((decimals[1] as string).length - 2))))) {
    return invalid(`"${text}" has more than 2 decimals; round it to cents and ${rules.example}`);
  }
  return invalid(`"${text}" is not an amount with "${decimal}" as the decimal mark; ${rules.example}`);
}

/** "1.250.000,50" with decimal "," → "1250000.5". */
function splitLocalized(digits: string, decimal: string): string {
  const at = digits.lastIndexOf(decimal);
  const whole = at < 0 ? digits : digits.slice(0, at);
  const fraction = at < 0 ? '' : digits.slice(at + 1);
  return canonicalize(whole.replace(/[.,]/g, ''), fraction);
}

/** No leading zeros, no trailing fractional zeros, no "." for integers. */
export function canonicalize(whole: string, fraction: string): string {
  let i = 0;
  while (i < whole.length - 1 && whole.charCodeAt(i) === 48) i++;
  let j = fraction.length;
  while (j > 0 && fraction.charCodeAt(j - 1) === 48) j--;
  const w = whole.slice(i) || '0';
  return j === 0 ? w : `${w}.${fraction.slice(0, j)}`;
}

function checkMagnitude(canonical: string, shown: string, negative: boolean): AmountResult {
  if (negative || /^0(?:\.0*)?$/.test(canonical)) {
    return { ok: false, code: 'AMOUNT_NOT_POSITIVE', reason: `"${shown}" is not a positive amount; a bill must be for more than 0` };
  }
  const significant = canonical.replace('.', '').replace(/^0+/, '').length;
  if (significant > MAX_SIGNIFICANT_DIGITS) {
    return {
      ok: false,
      code: 'AMOUNT_TOO_LARGE',
      reason: `"${shown}" has ${significant} significant digits; amounts of at most ${MAX_SIGNIFICANT_DIGITS} digits are accepted`,
    };
  }
  return { ok: true, amount: canonical };
}

/**
 * An XLSX numeric cell is already a double. Excel shows (and computes with)
 * 15 significant digits, so the value is first rounded to 15 significant
 * digits: that removes float noise such as 1234.5600000000002 (a formula
 * like =A1*1.19) without touching any digit the clerk could see. If that
 * rounding moves the value by half a cent or more, the number needs more
 * than 15 digits to be exact and is refused rather than rounded. The text
 * of the rounded double (its shortest round-trip form) is the amount; it must
 * have at most 2 decimals. No arithmetic is done on the amount itself.
 */
function fromNumber(n: number): AmountResult {
  if (!Number.isFinite(n)) return invalid(`the cell holds ${String(n)}, not an amount`);
  const rounded = Number(n.toPrecision(MAX_SIGNIFICANT_DIGITS));
  if (n <= 0 || rounded <= 0) {
    return { ok: false, code: 'AMOUNT_NOT_POSITIVE', reason: `${String(n)} is not a positive amount; a bill must be for more than 0` };
  }
  if (Math.abs(n) >= 1e15 || Math.abs(n - rounded) >= 0.005) {
    return {
      ok: false,
      code: 'AMOUNT_TOO_LARGE',
      reason: `${String(n)} needs more than ${MAX_SIGNIFICANT_DIGITS} digits; amounts of at most ${MAX_SIGNIFICANT_DIGITS} significant digits are accepted`,
    };
  }
  const text = String(rounded);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null || (m[2] ?? '').length > 2) {
    return invalid(`${text} has more than 2 decimals; round the amount to cents in the sheet`);
  }
  return { ok: true, amount: canonicalize(m[1] as string, m[2] ?? '') };
}

function missing(decimal: DecimalMark): AmountResult {
  return { ok: false, code: 'AMOUNT_MISSING', reason: `the amount is empty; ${RULES[decimal].example}` };
}

function invalid(reason: string): AmountResult {
  return { ok: false, code: 'AMOUNT_INVALID', reason };
}

/**
 * A canonical amount times 10^zeros, by moving the decimal point in the
 * string: "1250.5" × 1000 → "1250500". Exact (no float); the caller checks
 * the result's size again.
 */
export function scaleAmount(canonical: string, zeros: number): string {
  const [whole, fraction = ''] = canonical.split('.') as [string, string?];
  const padded = fraction.padEnd(zeros, '0');
  return canonicalize(whole + padded.slice(0, zeros), padded.slice(zeros));
}

/**
 * A canonical amount rounded to `decimals` places, half away from zero (as
 * Excel rounds what a format displays): "119399.84", 0 → "119400".
 */
export function roundAmount(canonical: string, decimals: number): string {
  const [whole, fraction = ''] = canonical.split('.') as [string, string?];
  if (fraction.length <= decimals) return canonical;
  const kept = whole + fraction.slice(0, decimals);
  const up = fraction.charCodeAt(decimals) >= 53; // '5'
  const rounded = up ? (BigInt(kept) + 1n).toString().padStart(kept.length, '0') : kept;
  const cut = rounded.length - decimals;
  return canonicalize(rounded.slice(0, cut), rounded.slice(cut));
}

/** The number of significant digits an amount may have, for callers that rescale one. */
export function checkAmountSize(canonical: string, shown: string): AmountResult {
  return checkMagnitude(canonical, shown, false);
}
