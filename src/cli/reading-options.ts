/**
 * Flags that say how to read the money and dates of a sheet, shared by the
 * commands that read billing sheets (issue, summary): `--decimal` and
 * `--date-order` set apart what `--locale` sets together, and
 * `--amount-unit` confirms a unit note in the amount header.
 */
import type { Argv } from 'yargs';
import { RunError } from '../pipeline/run-error.js';
import { AMOUNT_UNITS, type AmountUnit, type DateOrder, type DecimalMark } from '../pipeline/types.js';

export interface ReadingArgs {
  decimal?: string;
  dateOrder?: string;
  amountUnit?: number;
}

/** Keeps yargs' inferred types, so a command's handler argument is inferred from its builder. */
export function readingOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('decimal', { type: 'string', describe: 'Decimal mark of the amounts: "," (1.250.000,50) or "." (1,250,000.50) [default: from --locale]' })
    .option('date-order', { type: 'string', describe: 'Order of numeric dates: dmy (15/03/2027), mdy (03/15/2027) or ymd (2027/03/15) [default: from --locale]' })
    .option('amount-unit', { type: 'number', describe: 'Confirms a unit written in the amount header, e.g. "Valor (miles)": 1000 multiplies every amount by 1000, 1000000 by a million, 1 bills them as written [default: a header with a unit is refused]' });
}

export interface Reading {
  decimal?: DecimalMark;
  dateOrder?: DateOrder;
  amountUnit?: AmountUnit;
}

export function readingConfig(args: ReadingArgs): Reading {
  const reading: Reading = {};
  if (args.decimal !== undefined) {
    const d = args.decimal.trim();
    if (d !== ',' && d !== '.') throw new RunError('BAD_OPTION', `--decimal must be "," or ".", not "${args.decimal}".`);
    reading.decimal = d;
  }
  if (args.dateOrder !== undefined) {
    const o = args.dateOrder.trim().toLowerCase();
    if (o !== 'dmy' && o !== 'mdy' && o !== 'ymd') throw new RunError('BAD_OPTION', `--date-order must be dmy, mdy or ymd, not "${args.dateOrder}".`);
    reading.dateOrder = o;
  }
  if (args.amountUnit !== undefined) {
    const unit = AMOUNT_UNITS.find((u) => u === args.amountUnit);
    if (unit === undefined) throw new RunError('BAD_OPTION', `--amount-unit must be ${AMOUNT_UNITS.join(', ')}, not "${String(args.amountUnit)}".`);
    reading.amountUnit = unit;
  }
  return reading;
}
