/**
 * Rows and amounts per state, per currency: what a summary shows. Amounts
 * are canonical decimal strings added with BigInt (money.ts), never floats,
 * so the summary of a 40,000-row sheet is exact to the cent.
 */
import { AmountSum } from '../money.js';

export interface StateCount {
  rows: number;
  /** Sum of the amounts of the rows in this state, by currency (rows whose amount did not parse count in `rows` only). */
  amounts: Record<string, string>;
}

export interface TallyJson {
  rows: number;
  states: Record<string, StateCount>;
  /** All rows' amounts, by currency. */
  amounts: Record<string, string>;
}

/** States in the order people read them; others follow in the order first seen. */
export const STATE_ORDER = [
  'ISSUED', 'WOULD_ISSUE', 'INVALID', 'FAILED', 'UNCERTAIN', 'SKIPPED',
  'PAID', 'PARTIAL', 'PENDING', 'EXPIRED', 'DISABLED', 'UNKNOWN',
];

/** Rows that are not bills; their amounts never count. */
const SKIPPED = 'SKIPPED';

export class StateTally {
  private total = 0;
  private readonly states = new Map<string, { rows: number; sums: Map<string, AmountSum> }>();
  private readonly sums = new Map<string, AmountSum>();

  get rows(): number {
    return this.total;
  }

  /**
   * Counts a row. A SKIPPED row (a total, footer or hidden row) is counted
   * in its state but its amount is never added anywhere: a total row's
   * amount is the sum of the bills above it.
   */
  add(state: string, amount?: string, currency?: string): void {
    if (state === SKIPPED) amount = undefined;
    this.total += 1;
    let entry = this.states.get(state);
    if (entry === undefined) {
      entry = { rows: 0, sums: new Map() };
      this.states.set(state, entry);
    }
    entry.rows += 1;
    if (amount !== undefined && currency !== undefined) {
      sumFor(entry.sums, currency).add(amount);
      sumFor(this.sums, currency).add(amount);
    }
  }

  /** States in reading order. */
  ordered(): Array<[string, StateCount]> {
    const known = STATE_ORDER.filter((s) => this.states.has(s));
    const others = [...this.states.keys()].filter((s) => !STATE_ORDER.includes(s));
    return [...known, ...others].map((s) => {
      const entry = this.states.get(s) as { rows: number; sums: Map<string, AmountSum> };
      return [s, { rows: entry.rows, amounts: amountsOf(entry.sums) }];
    });
  }

  toJSON(): TallyJson {
    return { rows: this.total, states: Object.fromEntries(this.ordered()), amounts: amountsOf(this.sums) };
  }
}

function sumFor(sums: Map<string, AmountSum>, currency: string): AmountSum {
  let sum = sums.get(currency);
  if (sum === undefined) {
    sum = new AmountSum();
    sums.set(currency, sum);
  }
  return sum;
}

function amountsOf(sums: Map<string, AmountSum>): Record<string, string> {
  return Object.fromEntries([...sums].map(([currency, sum]) => [currency, sum.toString()]));
}
