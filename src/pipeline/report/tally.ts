/**
 * The report's figures: per currency (COP is never added to USD), per group
 * (the --by column's value, or one group) and per due month, the bills, the
 * amounts billed, collected and pending, the pending split by days overdue,
 * and the collection rate. Sums are exact (BigInt, money.ts); the rate is
 * computed on the exact sums.
 */
import { AmountSum, percentOf } from '../money.js';
import { BUCKETS, type Bucket } from './aging.js';

export interface ReceivableEntry {
  group: string;
  /** `YYYY-MM`, or '' when the row has no readable due date (fully paid rows only). */
  month: string;
  currency: string;
  billed: string;
  collected: string;
  pending: string;
  /** Set when something is pending. */
  bucket?: Bucket;
}

export interface Figures {
  bills: number;
  billed: string;
  collected: string;
  pending: string;
  buckets: Record<Bucket, string>;
  /** collected / billed in percent with one decimal, canonical ("83.3"); undefined when nothing was billed. */
  rate?: string;
}

export interface MonthLine extends Figures {
  month: string;
}

export interface GroupBlock {
  group: string;
  months: MonthLine[];
  total: Figures;
}

export interface CurrencyBlock {
  currency: string;
  groups: GroupBlock[];
  total: Figures;
  /** Some amount of this currency has cents (the XLSX shows decimals then). */
  cents: boolean;
}

class Sums {
  bills = 0;
  readonly billed = new AmountSum();
  readonly collected = new AmountSum();
  readonly pending = new AmountSum();
  readonly buckets = Object.fromEntries(BUCKETS.map((b) => [b, new AmountSum()])) as Record<Bucket, AmountSum>;

  add(e: ReceivableEntry): void {
    this.bills += 1;
    this.billed.add(e.billed);
    this.collected.add(e.collected);
    this.pending.add(e.pending);
    if (e.bucket !== undefined) this.buckets[e.bucket].add(e.pending);
  }

  figures(): Figures {
    const billed = this.billed.toString();
    const collected = this.collected.toString();
    const f: Figures = {
      bills: this.bills,
      billed,
      collected,
      pending: this.pending.toString(),
      buckets: Object.fromEntries(BUCKETS.map((b) => [b, this.buckets[b].toString()])) as Record<Bucket, string>,
    };
    const rate = percentOf(collected, billed, 1);
    if (rate !== undefined) f.rate = rate;
    return f;
  }
}

/** Groups in a person's order (accents and case aside, numbers by value), the blank group last. */
function compareGroups(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  return a.localeCompare(b, 'es', { sensitivity: 'base', numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Months in calendar order, the month-less last. */
function compareMonths(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export class AgingTally {
  private readonly cells = new Map<string, Map<string, Map<string, Sums>>>();
  private readonly cents = new Set<string>();

  add(entry: ReceivableEntry): void {
    let groups = this.cells.get(entry.currency);
    if (groups === undefined) this.cells.set(entry.currency, (groups = new Map()));
    let months = groups.get(entry.group);
    if (months === undefined) groups.set(entry.group, (months = new Map()));
    let sums = months.get(entry.month);
    if (sums === undefined) months.set(entry.month, (sums = new Sums()));
    sums.add(entry);
    if ([entry.billed, entry.collected].some((a) => a.includes('.'))) this.cents.add(entry.currency);
  }

  /** One block per currency, in alphabetical order of the code. */
  blocks(): CurrencyBlock[] {
    return [...this.cells.keys()].sort().map((currency) => {
      const groups = this.cells.get(currency) as Map<string, Map<string, Sums>>;
      const total = new Sums();
      const blocks = [...groups.keys()].sort(compareGroups).map((group) => {
        const months = groups.get(group) as Map<string, Sums>;
        const groupTotal = new Sums();
        const lines = [...months.keys()].sort(compareMonths).map((month) => {
          const sums = months.get(month) as Sums;
          merge(groupTotal, sums);
          return { month, ...sums.figures() };
        });
        merge(total, groupTotal);
        return { group, months: lines, total: groupTotal.figures() };
      });
      return { currency, groups: blocks, total: total.figures(), cents: this.cents.has(currency) };
    });
  }
}

function merge(into: Sums, from: Sums): void {
  into.bills += from.bills;
  into.billed.add(from.billed.toString());
  into.collected.add(from.collected.toString());
  into.pending.add(from.pending.toString());
  for (const b of BUCKETS) into.buckets[b].add(from.buckets[b].toString());
}
