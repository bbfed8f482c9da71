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
import type { Locale, RowErrorCode } from '../types.js';

export type AmountResult =
  /** `currency`: the code written in the cell itself ("USD 1.250", "US$ 99", "1.250 COP"), if any. */
  | { ok: true; amount: string; currency?: string }
  | { ok: false; code: RowErrorCode; reason: string };

/** 15 significant digits: every such amount is exact as a JSON number (IEEE double). */
const MAX_SIGNIFICANT_DIGITS = 15;
const MAX_TEXT_LENGTH = 64;

// Optional sign, optional currency before and/or after, spaces (\s covers NBSP and narrow NBSP) around them.
const SHAPE = /^([-−])?\s*(?:(COP|USD)\s*\$?|(US)\$|\$)?\s*([-−])?\s*([0-9][0-9.,]*)\s*(COP|USD)?$/i;
const PLAIN = /^\d+$/;

interface LocaleRules {
  /** Patterns a valid amount matches in this locale. */
  valid: RegExp[];
  /** Patterns that only make sense in the other locale. */
  foreign: RegExp[];
  decimal: ',' | '.';
  example: string;
  other: Locale;
}

const RULES: Record<Locale, LocaleRules> = {
  'es-CO': {
    valid: [/^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/, /^\d+,\d{1,2}$/],
    foreign: [/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/, /^\d+\.\d{1,2}$/],
    decimal: ',',
    example: 'write 1.250.000,50 or 1250000,50',
    other: 'en-US',
  },
  'en-US': {
    valid: [/^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/, /^\d+\.\d{1,2}$/],
    foreign: [/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/, /^\d+,\d{1,2}$/],
    decimal: '.',
    example: 'write 1,250,000.50 or 1250000.50',
    other: 'es-CO',
  },
};

/** Parses an amount cell for `locale`. */
export function parseAmount(value: CellValue, locale: Locale): AmountResult {
  if (value === null || value === undefined) return missing(locale);
  if (typeof value === 'string') return fromText(value.trim(), locale);
  if (typeof value === 'number') return fromNumber(value);
  if (isCellError(value)) return invalid(`the cell holds the error ${value.error}; ${RULES[locale].example}`);
  const shown = value instanceof Date ? 'a date' : `the value ${String(value).toUpperCase()}`;
  return invalid(`the cell holds ${shown}, not an amount; ${RULES[locale].example}`);
}

function fromText(text: string, locale: Locale): AmountResult {
  if (text === '') return missing(locale);
  const rules = RULES[locale];
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
  if (PLAIN.test(digits)) canonical = canonicalize(digits, '');
  else if (rules.valid.some((re) => re.test(digits))) canonical = splitLocalized(digits, rules.decimal);
  if (canonical === undefined) return explainMismatch(text, digits, locale);
  const result = checkMagnitude(canonical, text, m[1] !== undefined || m[4] !== undefined);
  const currency = before ?? after;
  return result.ok && currency !== undefined ? { ...result, currency } : result;
}

function explainMismatch(text: string, digits: string, locale: Locale): AmountResult {
  const rules = RULES[locale];
  if (rules.foreign.some((re) => re.test(digits))) {
    return invalid(
      `"${text}" is not an amount in ${locale} format (it looks like ${rules.other}); ${rules.example}, or run with --locale ${rules.other}`,
    );
  }
  const decimals = new RegExp(`\\${rules.decimal}(\\d{3,})$`).exec(digits);
  if (decimals !== null && rules.valid.some((re) => re.test(digits.slice(0, -((decimals[1] as string).length - 2))))) {
    return invalid(`"${text}" has more than 2 decimals; round it to cents and ${rules.example}`);
  }
  return invalid(`"${text}" is not an amount in ${locale} format; ${rules.example}`);
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

function missing(locale: Locale): AmountResult {
  return { ok: false, code: 'AMOUNT_MISSING', reason: `the amount is empty; ${RULES[locale].example}` };
}

function invalid(reason: string): AmountResult {
  return { ok: false, code: 'AMOUNT_INVALID', reason };
}
