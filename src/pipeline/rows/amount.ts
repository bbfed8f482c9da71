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
import { say } from '../../i18n/message.js';
import { rowsAmount as M } from '../../i18n/messages/rows-amount.js';

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
  other: DecimalMark;
}

const RULES: Record<DecimalMark, MarkRules> = {
  ',': {
    valid: [/^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/, /^\d+,\d{1,2}$/],
    foreign: [/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/, /^\d+\.\d{1,2}$/],
    spaced: /^\d{1,3}(?: \d{3})+(?:,\d{1,2})?$/,
    other: '.',
  },
  '.': {
    valid: [/^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/, /^\d+\.\d{1,2}$/],
    foreign: [/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/, /^\d+,\d{1,2}$/],
    spaced: /^\d{1,3}(?: \d{3})+(?:\.\d{1,2})?$/,
    other: ',',
  },
};

/** The decimal mark a setting means: a locale's own, or the mark itself (`--decimal`). */
export function decimalOf(style: Locale | DecimalMark): DecimalMark {
  return style === ',' || style === '.' ? style : LOCALE_DEFAULTS[style].decimal;
}

/** How to write an amount with this decimal mark, for messages. */
export function amountExample(style: Locale | DecimalMark): string {
  return say(M.example, { decimal: decimalOf(style) });
}

/** Parses an amount cell whose decimal mark is `style`'s (a locale's, or `,` / `.`). */
export function parseAmount(value: CellValue, style: Locale | DecimalMark): AmountResult {
  const decimal = decimalOf(style);
  if (value === null || value === undefined) return missing(decimal);
  if (typeof value === 'string') return fromText(value.trim(), decimal);
  if (typeof value === 'number') return fromNumber(value);
  if (isCellError(value)) return invalid(say(M.cellError, { error: value.error, decimal }));
  if (value instanceof Date) return invalid(say(M.dateNotAmount, { decimal }));
  return invalid(say(M.valueNotAmount, { value: String(value).toUpperCase(), decimal }));
}

function fromText(text: string, decimal: DecimalMark): AmountResult {
  if (text === '') return missing(decimal);
  const rules = RULES[decimal];
  // No valid amount is this long; refusing early also keeps the regexes below from backtracking on huge cells.
  if (text.length > MAX_TEXT_LENGTH) {
    return PLAIN.test(text)
      ? { ok: false, code: 'AMOUNT_TOO_LARGE', reason: say(M.tooManyDigits, { digits: text.length, max: MAX_SIGNIFICANT_DIGITS }) }
      : invalid(say(M.longText, { length: text.length, decimal }));
  }
  const m = SHAPE.exec(text);
  if (m === null || (m[1] !== undefined && m[4] !== undefined)) {
    return invalid(say(M.notAmount, { text, decimal }));
  }
  // The code written in the cell counts: the caller checks it against the row's currency.
  const before = m[2]?.toUpperCase() ?? (m[3] !== undefined ? 'USD' : undefined);
  const after = m[6]?.toUpperCase();
  if (before !== undefined && after !== undefined && before !== after) {
    return invalid(say(M.twoCurrencies, { text }));
  }
  const digits = m[5] as string;
  let canonical: string | undefined;
  if (digits !== digits.replace(SPACES, '')) {
    const spaced = fromSpaced(text, digits, decimal);
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
function fromSpaced(text: string, digits: string, decimal: DecimalMark): AmountResult {
  const rules = RULES[decimal];
  const kinds = new Set(digits.match(SPACES));
  const normal = digits.replace(SPACES, ' ');
  if (kinds.size === 1 && rules.spaced.test(normal)) {
    const at = normal.lastIndexOf(rules.other === '.' ? ',' : '.');
    const whole = (at < 0 ? normal : normal.slice(0, at)).replace(/ /g, '');
    return { ok: true, amount: canonicalize(whole, at < 0 ? '' : normal.slice(at + 1)) };
  }
  return invalid(say(M.badSpaces, { text, decimal }));
}

function explainMismatch(text: string, digits: string, decimal: DecimalMark): AmountResult {
  const rules = RULES[decimal];
  // The advice names --decimal, never --locale: a locale also changes how dates are read.
  if (rules.foreign.some((re) => re.test(digits))) {
    return invalid(say(M.otherMark, { text, decimal }));
  }
  const decimals = new RegExp(`\\${decimal}(\\d{3,})$`).exec(digits);
  if (decimals !== null && rules.valid.some((re) => re.test(digits.slice(0, -((decimals[1] as string).length - 2))))) {
    return invalid(say(M.tooManyDecimals, { text, decimal }));
  }
  return invalid(say(M.wrongMark, { text, decimal }));
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
    return { ok: false, code: 'AMOUNT_NOT_POSITIVE', reason: say(M.notPositive, { shown: `"${shown}"` }) };
  }
  const significant = canonical.replace('.', '').replace(/^0+/, '').length;
  if (significant > MAX_SIGNIFICANT_DIGITS) {
    return {
      ok: false,
      code: 'AMOUNT_TOO_LARGE',
      reason: say(M.tooManySignificant, { shown: `"${shown}"`, digits: significant, max: MAX_SIGNIFICANT_DIGITS }),
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
  if (!Number.isFinite(n)) return invalid(say(M.notFinite, { value: String(n) }));
  const rounded = Number(n.toPrecision(MAX_SIGNIFICANT_DIGITS));
  if (n <= 0 || rounded <= 0) {
    return { ok: false, code: 'AMOUNT_NOT_POSITIVE', reason: say(M.notPositive, { shown: String(n) }) };
  }
  if (Math.abs(n) >= 1e15 || Math.abs(n - rounded) >= 0.005) {
    return {
      ok: false,
      code: 'AMOUNT_TOO_LARGE',
      reason: say(M.numberTooLong, { value: String(n), max: MAX_SIGNIFICANT_DIGITS }),
    };
  }
  const text = String(rounded);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null || (m[2] ?? '').length > 2) {
    return invalid(say(M.numberDecimals, { value: text }));
  }
  return { ok: true, amount: canonicalize(m[1] as string, m[2] ?? '') };
}

function missing(decimal: DecimalMark): AmountResult {
  return { ok: false, code: 'AMOUNT_MISSING', reason: say(M.missing, { decimal }) };
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
