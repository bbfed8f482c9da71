/**
 * Flags that say how to read the money and dates of a sheet, shared by the
 * commands that read billing sheets (issue, summary): `--decimal` and
 * `--date-order` set apart what `--locale` sets together, and
 * `--amount-unit` confirms a unit note in the amount header.
 */
import type { Argv } from 'yargs';
import { RunError } from '../pipeline/run-error.js';
import { AMOUNT_UNITS, type AmountUnit, type DateOrder, type DecimalMark } from '../pipeline/types.js';
import { say } from '../i18n/message.js';
import { helpCommon as c } from '../i18n/messages/help-common.js';
import { options as bad } from '../i18n/messages/options.js';

export interface ReadingArgs {
  decimal?: string;
  dateOrder?: string;
  amountUnit?: number;
}

/** Keeps yargs' inferred types, so a command's handler argument is inferred from its builder. */
export function readingOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('decimal', { type: 'string', describe: say(c.decimal) })
    .option('date-order', { type: 'string', describe: say(c.dateOrder) })
    .option('amount-unit', { type: 'number', describe: say(c.amountUnit) });
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
    if (d !== ',' && d !== '.') throw new RunError('BAD_OPTION', say(bad.decimal, { value: args.decimal }));
    reading.decimal = d;
  }
  if (args.dateOrder !== undefined) {
    const o = args.dateOrder.trim().toLowerCase();
    if (o !== 'dmy' && o !== 'mdy' && o !== 'ymd') throw new RunError('BAD_OPTION', say(bad.dateOrder, { value: args.dateOrder }));
    reading.dateOrder = o;
  }
  if (args.amountUnit !== undefined) {
    const unit = AMOUNT_UNITS.find((u) => u === args.amountUnit);
    if (unit === undefined) throw new RunError('BAD_OPTION', say(bad.amountUnit, { value: String(args.amountUnit), units: AMOUNT_UNITS.join(', ') }));
    reading.amountUnit = unit;
  }
  return reading;
}
