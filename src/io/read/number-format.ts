/**
 * What an Excel number format says about money: the currency it shows
 * (`[$USD-409]`, `"US$"`, `€`, `[$COP]`, `[$$-240A]`…), whether it shows a
 * bare `$` (COP in Colombia, USD in the United States: ambiguous), whether it
 * is a date, how many decimals it shows, and the text it displays for a
 * number — so the pipeline can refuse a cell whose displayed value differs in
 * money from the stored one (119399.84 under `#,##0` shows 119,400).
 *
 * Format codes are stored in the file in Excel's invariant notation whatever
 * the user's language: `,` groups thousands and `.` marks decimals. `displayed`
 * keeps that notation (what Excel shows under en-US; Excel under es-CO shows
 * the same digits with the separators swapped: 119.400).
 */
import type { CellFormat } from '../types.js';

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'currency'; symbol: string; locale: string }
  | { kind: 'digits'; text: string }
  /** Something that makes the display not computable here: exponent, fraction, text placeholder. */
  | { kind: 'other' };

/** ISO 4217 codes written as text in number formats (a list, so a word like "IVA" is not taken for one). */
const ISO_CODES = new Set(
  ('COP USD EUR GBP MXN BRL ARS CLP PEN CAD AUD NZD CHF JPY CNY VES UYU BOB PYG CRC GTQ DOP PAB HNL NIO CUP ' +
    'SEK NOK DKK INR KRW RUB TRY ILS PHP').split(' '),
);

/**
 * Signs that name a currency, longest first so `RD$` is not read as `$`.
 * Several currencies when the sign alone does not tell them apart (`Bs` is
 * Bolivia's boliviano and Venezuela's bolívar): the format then says "one of
 * these", and a row in any other currency is refused. A bare `$` is not here
 * (see `dollarSign`).
 */
const SYMBOLS: [string, string[]][] = (
  [
    ['US$', ['USD']],
    ['U$S', ['USD']],
    ['USD$', ['USD']],
    ['COP$', ['COP']],
    ['COL$', ['COP']],
    ['MX$', ['MXN']],
    ['AR$', ['ARS']],
    ['CLP$', ['CLP']],
    ['RD$', ['DOP']],
    ['R$', ['BRL']],
    ['C$', ['NIO']],
    ['$U', ['UYU']],
    ['S/.', ['PEN']],
    ['S/', ['PEN']],
    ['B/.', ['PAB']],
    ['Bs.S', ['VES']],
    ['Bs.D', ['VES']],
    ['Bs.F', ['VES']],
    ['Bs.', ['BOB', 'VES']],
    ['Bs', ['BOB', 'VES']],
    ['Gs.', ['PYG']],
    ['Gs', ['PYG']],
    ['₲', ['PYG']],
    ['₡', ['CRC']],
    ['€', ['EUR']],
    ['£', ['GBP']],
    ['¥', ['JPY', 'CNY']],
    ['￥', ['JPY', 'CNY']],
    ['円', ['JPY']],
    ['元', ['CNY']],
    ['₱', ['PHP', 'CUP']],
    ['₹', ['INR']],
    ['₩', ['KRW']],
    ['₽', ['RUB']],
    ['₺', ['TRY']],
    ['₪', ['ILS']],
    ['kr.', ['SEK', 'NOK', 'DKK']],
    ['kr', ['SEK', 'NOK', 'DKK']],
    ['CHF', ['CHF']],
  ] as [string, string[]][]
).sort((a, b) => b[0].length - a[0].length);

/**
 * One-letter signs: `Q` (quetzal) and `L` (lempira). A letter is a currency
 * only as the whole text written before the number (`"Q"#,##0.00`,
 * `[$L-480A] #,##0.00`); after it, `#,##0 "L"` is litres, not money.
 */
const LETTER_SYMBOLS: Record<string, string> = { Q: 'GTQ', 'Q.': 'GTQ', L: 'HNL', 'L.': 'HNL' };

/** Windows locale ids (hex) of the countries whose currency settles an ambiguous sign: `[$Bs-400A]` is Bolivia's. */
const LOCALE_CURRENCIES: Record<string, string> = {
  '400A': 'BOB',
  '200A': 'VES',
  '411': 'JPY',
  '804': 'CNY',
  '3464': 'PHP',
  '5C0A': 'CUP',
  '41D': 'SEK',
  '414': 'NOK',
  '814': 'NOK',
  '406': 'DKK',
};

/** Text written around a number that looks like a currency sign without being one paylinks knows: `₭`, `X/.`. */
const UNKNOWN_SIGN = /\p{Sc}/u;
const SLASH_ABBREVIATION = /^\p{Lu}\p{L}{0,2}\/\.?$/u;

/**
 * `[$$-LCID]`: the dollar sign of a given locale (Windows LCID in hex), which
 * names the currency: `[$$-240A]` is Spanish (Colombia), the peso.
 */
const DOLLAR_LOCALES: Record<string, string> = {
  '409': 'USD',
  '240A': 'COP',
  '80A': 'MXN',
  '2C0A': 'ARS',
  '340A': 'CLP',
  '380A': 'UYU',
  '1009': 'CAD',
  'C09': 'AUD',
  '1409': 'NZD',
  '3009': 'USD', // English (Zimbabwe) aside, en-* with $ not listed stay ambiguous
  '540A': 'USD', // Spanish (United States)
  '500A': 'USD', // Spanish (Puerto Rico)
  '440A': 'USD', // Spanish (El Salvador)
  '300A': 'USD', // Spanish (Ecuador)
};

/** Describes a format code (without `displayed`, which depends on the value). */
export function describeNumberFormat(code: string): CellFormat {
  const format: CellFormat = { numFmt: code };
  if (isDateFormat(code)) {
    format.isDate = true;
    return format;
  }
  if (/^general$/i.test(code.trim()) || code.trim() === '@') return format;
  const tokens = tokenize(sections(code)[0] ?? '');
  const currency = currencyOf(tokens);
  if (currency.iso !== undefined) format.currency = currency.iso;
  if (currency.oneOf !== undefined) format.currencyOneOf = currency.oneOf;
  if (currency.unknown !== undefined) format.unknownCurrency = currency.unknown;
  if (currency.dollarSign) format.dollarSign = true;
  const digits = digitPattern(tokens);
  if (digits !== undefined) format.displayDecimals = decimalPlaces(digits);
  // Said here, once, so the pipeline never re-parses the code: a scaling format shows another amount than
  // the cell holds. The positive section is the one a bill's amount shows under (as for decimals above).
  const shift = digits === undefined ? 0 : scaleShift(digits, parsedSections(code)[0]?.percent ?? false);
  if (shift !== 0) format.scale = Number(`1e${shift}`);
  return format;
}

/** The text the format shows for `value`, when it can be worked out (plain, grouped, scaled, percent formats). */
export function displayNumber(value: number, code: string): string | undefined {
  if (!Number.isFinite(value) || isDateFormat(code) || /^general$/i.test(code.trim())) return undefined;
  const parts = parsedSections(code);
  let section = parts[0]!;
  let sign = '';
  if (value < 0) {
    if (parts.length > 1 && !parts[1]!.blank) section = parts[1]!;
    else sign = '-';
  } else if (value === 0 && parts.length > 2 && !parts[2]!.blank) {
    section = parts[2]!;
  }
  const { tokens, percent } = section;
  if (tokens.some((t) => t.kind === 'other')) return undefined;
  let out = '';
  let placed = false;
  for (const token of tokens) {
    if (token.kind === 'digits') {
      if (placed) return undefined; // digits split by text (a phone-number pattern): not money
      const number = renderDigits(Math.abs(value), token.text, percent);
      if (number === undefined) return undefined;
      out += number;
      placed = true;
    } else if (token.kind === 'literal') out += token.text;
    else if (token.kind === 'currency') out += token.symbol;
  }
  if (!placed) return out.trim() === '' ? undefined : `${sign}${out}`;
  return `${sign}${out}`.trim();
}

/**
 * A number format shows a date or time when, outside quoted text, escapes,
 * fill/space markers and [brackets] (colours, locales, conditions; elapsed
 * `[h]` aside), it uses y, m, d, h, s or b — the rule exceljs applies.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  if (/\[(h+|m+|s+)]/i.test(format)) return true;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*]/g, '');
  return /[ymdhsMb]/.test(bare.replace(/general/gi, ''));
}

interface ParsedSection {
  tokens: Token[];
  percent: boolean;
  blank: boolean;
}

/** Parsed once per format code: a sheet has a handful of formats and hundreds of thousands of cells. */
const parsedCache = new Map<string, ParsedSection[]>();
const PARSED_CACHE_LIMIT = 1000;

function parsedSections(code: string): ParsedSection[] {
  let parsed = parsedCache.get(code);
  if (parsed === undefined) {
    parsed = sections(code).map((section) => ({ tokens: tokenize(section), percent: hasPercent(section), blank: section.trim() === '' }));
    if (parsedCache.size >= PARSED_CACHE_LIMIT) parsedCache.clear();
    parsedCache.set(code, parsed);
  }
  return parsed;
}

/** A `%` that multiplies by 100: not one quoted (`"%"`), escaped (`\\%`) or inside [brackets]. */
function hasPercent(section: string): boolean {
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '').replace(/\[[^\]]*]/g, '').includes('%');
}

/** The `;`-separated sections of a code (positive; negative; zero; text), outside quotes and brackets. */
function sections(code: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      current += code.slice(i, stop);
      i = stop - 1;
    } else if (c === '[') {
      const end = code.indexOf(']', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      current += code.slice(i, stop);
      i = stop - 1;
    } else if (c === '\\' || c === '_' || c === '*') {
      current += code.slice(i, i + 2);
      i++;
    } else if (c === ';') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i]!;
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal(section.slice(i + 1, stop));
      i = stop;
    } else if (c === '[') {
      const end = section.indexOf(']', i + 1);
      const stop = end < 0 ? section.length : end;
      const inside = section.slice(i + 1, stop);
      if (inside.startsWith('$')) {
        const dash = inside.indexOf('-', 1);
        const symbol = dash < 0 ? inside.slice(1) : inside.slice(1, dash);
        tokens.push({ kind: 'currency', symbol, locale: dash < 0 ? '' : inside.slice(dash + 1).toUpperCase() });
      }
      // Colours ([Red]) and conditions ([<1000]) show nothing.
      i = stop;
    } else if (c === '\\') {
      literal(section[i + 1] ?? '');
      i++;
    } else if (c === '_') {
      literal(' ');
      i++;
    } else if (c === '*') {
      // A fill repeats its character to the cell's width: shown once.
      literal(section[i + 1] ?? '');
      i++;
    } else if (c === '0' || c === '#' || c === '?' || c === '.' || (c === ',' && tokens[tokens.length - 1]?.kind === 'digits')) {
      const last = tokens[tokens.length - 1];
      if (last?.kind === 'digits') last.text += c;
      else tokens.push({ kind: 'digits', text: c });
    } else if ((c === 'G' || c === 'g') && section.slice(i, i + 7).toLowerCase() === 'general') {
      // `[$-409]General`: Excel's own number rendering, not worked out here.
      tokens.push({ kind: 'other' });
      i += 6;
    } else if (c === 'E' || c === 'e' || c === '/' || c === '@') {
      tokens.push({ kind: 'other' });
    } else literal(c);
  }
  return tokens;
}

interface FormatCurrency {
  /** The one currency the format names. */
  iso?: string;
  /** A sign shared by several currencies (`Bs`: BOB or VES). */
  oneOf?: string[];
  /** A currency sign paylinks does not recognise (`[$₭-454]`, `"X/."`): never taken for "no currency". */
  unknown?: string;
  dollarSign: boolean;
}

function currencyOf(tokens: Token[]): FormatCurrency {
  let beforeDigits = true;
  for (const token of tokens) {
    if (token.kind === 'digits') beforeDigits = false;
    if (token.kind === 'currency') {
      const symbol = token.symbol.trim();
      if (symbol === '') continue; // [$-409]: a locale only
      if (/^[A-Za-z]{3}$/.test(symbol) && ISO_CODES.has(symbol.toUpperCase())) return { iso: symbol.toUpperCase(), dollarSign: false };
      if (symbol === '$') {
        const iso = DOLLAR_LOCALES[token.locale];
        return iso !== undefined ? { iso, dollarSign: false } : { dollarSign: true };
      }
      const letter = LETTER_SYMBOLS[symbol];
      if (letter !== undefined) return { iso: letter, dollarSign: false };
      const named = SYMBOLS.find(([s]) => s === symbol)?.[1];
      if (named !== undefined) return settled(named, token.locale);
      // `[$…]` declares a currency: one not recognised is reported, not dropped.
      return { unknown: symbol, dollarSign: false };
    }
    if (token.kind === 'literal') {
      const text = token.text;
      for (const m of text.matchAll(/(?:^|[^A-Za-z])([A-Z]{3})(?![A-Za-z])/g)) {
        if (ISO_CODES.has(m[1]!)) return { iso: m[1]!, dollarSign: false };
      }
      const named = SYMBOLS.find(([s]) => signIn(text, s))?.[1];
      if (named !== undefined) return settled(named, '');
      const bare = text.trim();
      if (beforeDigits && LETTER_SYMBOLS[bare] !== undefined) return { iso: LETTER_SYMBOLS[bare]!, dollarSign: false };
      if (text.includes('$')) return { dollarSign: true };
      const sign = UNKNOWN_SIGN.exec(text)?.[0];
      if (sign !== undefined) return { unknown: bare.length <= 8 ? bare : sign, dollarSign: false };
      if (SLASH_ABBREVIATION.test(bare)) return { unknown: bare, dollarSign: false };
    }
  }
  return { dollarSign: false };
}

/** A sign written in text, not inside a word: `Bs` in `"Bs "`, not in `"Obs."`; `S/` in `"S/ "`, not in `"S/N"`. */
function signIn(text: string, sign: string): boolean {
  for (let at = text.indexOf(sign); at >= 0; at = text.indexOf(sign, at + 1)) {
    const before = text.slice(0, at);
    const after = text.slice(at + sign.length);
    if (!/\p{L}$/u.test(before) && !/^\p{L}/u.test(after)) return true;
  }
  return false;
}

/** One currency, or several a locale id settles (`[$Bs-400A]`: BOB). */
function settled(currencies: string[], locale: string): FormatCurrency {
  if (currencies.length === 1) return { iso: currencies[0]!, dollarSign: false };
  const byLocale = LOCALE_CURRENCIES[locale];
  if (byLocale !== undefined && currencies.includes(byLocale)) return { iso: byLocale, dollarSign: false };
  return { oneOf: [...currencies], dollarSign: false };
}

function digitPattern(tokens: Token[]): string | undefined {
  const digits = tokens.find((t): t is Extract<Token, { kind: 'digits' }> => t.kind === 'digits');
  return digits?.text;
}

function decimalPlaces(pattern: string): number {
  const dot = pattern.indexOf('.');
  return dot < 0 ? 0 : pattern.slice(dot + 1).replace(/[^0#?]/g, '').length;
}

/**
 * The power of ten a digit pattern multiplies a value by for display:
 * commas after the last placeholder divide by 1,000 each (`#,##0,` shows
 * 1250000 as 1,250), a percent sign multiplies by 100; commas between
 * placeholders only group.
 */
function scaleShift(pattern: string, percent: boolean): number {
  const dot = pattern.indexOf('.');
  const integerPattern = dot < 0 ? pattern : pattern.slice(0, dot);
  const trailing = /,*$/.exec(integerPattern)![0].length + (dot < 0 ? 0 : /,*$/.exec(pattern.slice(dot + 1))![0].length);
  return (percent ? 2 : 0) - 3 * trailing;
}

/** `value` (not negative) under a digit pattern such as `#,##0.00`, `#,##0,` (thousands) or `0.0` with `%`. */
function renderDigits(value: number, pattern: string, percent: boolean): string | undefined {
  const dot = pattern.indexOf('.');
  const integerPattern = dot < 0 ? pattern : pattern.slice(0, dot);
  const fractionPattern = dot < 0 ? '' : pattern.slice(dot + 1).replace(/,/g, '');
  const grouped = /[0#?],+[0#?]/.test(integerPattern);
  const decimals = fractionPattern.replace(/[^0#?]/g, '').length;
  const shift = scaleShift(pattern, percent);
  const rounded = roundDecimal(value, shift, decimals);
  if (rounded === undefined) return undefined;
  let [integer, fraction = ''] = rounded.split('.');
  const minimumIntegerDigits = integerPattern.replace(/[^0]/g, '').length;
  if (integer === '0' && minimumIntegerDigits === 0) integer = '';
  integer = integer!.padStart(minimumIntegerDigits, '0');
  if (grouped) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // Optional decimal places (#) drop trailing zeros; ? shows a space for them.
  let shown = '';
  for (let i = fraction.length - 1, trimming = true; i >= 0; i--) {
    const placeholder = fractionPattern.replace(/[^0#?]/g, '')[i];
    if (trimming && fraction[i] === '0' && placeholder === '#') continue;
    if (trimming && fraction[i] === '0' && placeholder === '?') {
      shown = ` ${shown}`;
      continue;
    }
    trimming = false;
    shown = fraction[i] + shown;
  }
  return dot < 0 ? integer : `${integer}.${shown}`;
}

/**
 * `value × 10^shift` rounded half away from zero to `decimals` places, as
 * Excel does on the 15 significant digits it keeps — not on the binary
 * double (1.005 shows 1.01 in Excel, while (1.005).toFixed(2) is "1.00").
 */
export function roundDecimal(value: number, shift: number, decimals: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  const [mantissa, exponentText] = value.toExponential(14).split('e');
  const digits = mantissa!.replace('.', '');
  const point = Number(exponentText) + 1 + shift; // digits before the decimal point
  const wanted = point + decimals; // digits kept
  if (wanted < 0) return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
  const kept = digits.slice(0, wanted).padEnd(wanted, '0');
  let units = BigInt(kept === '' ? '0' : kept);
  if ((digits[wanted] ?? '0') >= '5') units += 1n;
  const text = units.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}
