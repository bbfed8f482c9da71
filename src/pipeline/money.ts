/**
 * Arithmetic and display for canonical decimal amounts ("1250000.5"), done
 * on BigInt so totals of a 40,000-row sheet are exact to the cent.
 */
import type { Locale } from './types.js';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

function toScaled(amount: string): Scaled {
  const m = DECIMAL.exec(amount);
  if (m === null) throw new Error(`"${amount}" is not a canonical decimal amount`);
  const fraction = m[3] ?? '';
  const units = BigInt((m[2] as string) + fraction);
  return { units: m[1] === '-' ? -units : units, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function fromScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && text !== '0' ? `-${text}` : text;
}

/**
 * A running total for tallies over many rows: each amount is parsed once and
 * the sum stays a BigInt, instead of re-parsing a growing string per row.
 */
export class AmountSum {
  private units = 0n;
  private scale = 0;

  add(amount: string): void {
    const x = toScaled(amount);
    if (x.scale > this.scale) {
      this.units = rescale({ units: this.units, scale: this.scale }, x.scale);
      this.scale = x.scale;
    }
    this.units += rescale(x, this.scale);
  }

  toString(): string {
    return fromScaled(this.units, this.scale);
  }
}

export function addAmounts(a: string, b: string): string {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  return fromScaled(rescale(x, scale) + rescale(y, scale), scale);
}

export function sumAmounts(list: Iterable<string>): string {
  let total = '0';
  for (const amount of list) total = addAmounts(total, amount);
  return total;
}

/** -1, 0 or 1, like a sort comparator. */
export function compareAmounts(a: string, b: string): -1 | 0 | 1 {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale) - rescale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

// Currencies whose usual symbol is "$" (pesos and dollars); others show only their code.
const DOLLAR_SIGN = new Set(['COP', 'USD', 'MXN', 'CLP', 'ARS', 'UYU', 'CAD', 'AUD', 'NZD']);

/**
 * For people: es-CO `$ 1.250.000,50`, en-US `$1,250,000.50`. Cents are shown
 * (always two digits) only when the amount has them. With a currency, its
 * code follows: `$ 25.000 COP`.
 */
export function formatAmount(amount: string, locale: Locale, currency?: string): string {
  const m = DECIMAL.exec(amount);
  if (m === null) throw new Error(`"${amount}" is not a canonical decimal amount`);
  const [group, decimal] = locale === 'es-CO' ? ['.', ','] : [',', '.'];
  const whole = (m[2] as string).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const fraction = m[3] === undefined ? '' : decimal + m[3].padEnd(2, '0');
  const number = `${m[1]}${whole}${fraction}`;
  const code = currency?.toUpperCase();
  const symbol = code === undefined || DOLLAR_SIGN.has(code) ? (locale === 'es-CO' ? '$ ' : '$') : '';
  return code === undefined ? `${symbol}${number}` : `${symbol}${number} ${code}`;
}

/** a − b, exactly (may be negative). */
export function subtractAmounts(a: string, b: string): string {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  return fromScaled(rescale(x, scale) - rescale(y, scale), scale);
}

/**
 * `part / whole` as a percentage with `decimals` decimals, rounded half up,
 * on BigInt (no float ever touches the amounts): ("1", "3") → "33.3".
 * Undefined when `whole` is 0. Canonical decimal text, like the amounts.
 */
export function percentOf(part: string, whole: string, decimals = 1): string | undefined {
  const x = toScaled(part);
  const y = toScaled(whole);
  const scale = Math.max(x.scale, y.scale);
  const p = rescale(x, scale);
  const w = rescale(y, scale);
  if (w === 0n) return undefined;
  const negative = p < 0n !== w < 0n && p !== 0n;
  const num = (p < 0n ? -p : p) * 100n * 10n ** BigInt(decimals);
  const den = w < 0n ? -w : w;
  const rounded = (num * 2n + den) / (den * 2n);
  return fromScaled(negative ? -rounded : rounded, decimals);
}
