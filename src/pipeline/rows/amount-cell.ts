/**
 * What an amount cell says once its format is taken into account: the
 * currency a number format names (`[$USD-409] #,##0.00`, `€`, a bare `$`),
 * and the amount a format displays when it hides decimals (119399.84 shown
 * as `$ 119.400`). Pure functions; the preparer turns their refusals into
 * row errors.
 */
import type { CellFormat, CellValue } from '../../io/types.js';
import { quoteValue } from './mapping-error.js';
import { checkAmountSize, parseAmount, roundAmount, scaleAmount, type AmountResult } from './amount.js';
import type { DecimalMark, RowErrorCode } from '../types.js';
import { say } from '../../i18n/message.js';
import { rowsAmount as M } from '../../i18n/messages/rows-amount.js';

export type AmountCellResult = AmountResult;

/**
 * The amount of a cell read with `decimal`. A number cell whose format shows
 * fewer decimals than it holds is refused (AMOUNT_DISPLAY_MISMATCH, both
 * values shown), or, with `billDisplayed`, read as displayed.
 */
export function readAmountCell(cell: CellValue, format: CellFormat | undefined, decimal: DecimalMark, billDisplayed: boolean): AmountCellResult {
  if (typeof cell === 'number' && format?.scale !== undefined && format.scale !== 1) return scaledDisplay(cell, format, format.scale, billDisplayed);
  const r = parseAmount(cell, decimal);
  const shownDecimals = format?.displayDecimals;
  if (typeof cell !== 'number' || shownDecimals === undefined || shownDecimals < 0 || shownDecimals > 2) return r;
  // What the format displays, rounded as the spreadsheet rounds it (15 significant digits first, like Excel).
  const stored = r.ok ? r.amount : String(Number(cell.toPrecision(15)));
  const shown = r.ok ? roundAmount(r.amount, shownDecimals) : Number(stored).toFixed(shownDecimals);
  const displayed = parseAmount(shown, '.');
  if (!displayed.ok || (r.ok && displayed.amount === r.amount)) return r;
  if (billDisplayed) return displayed;
  return {
    ok: false,
    code: 'AMOUNT_DISPLAY_MISMATCH',
    reason: say(M.hiddenDecimals, {
      stored,
      shown: format?.displayed !== undefined ? `"${format.displayed}"` : displayed.amount,
      decimals: shownDecimals,
      displayed: displayed.amount,
    }),
  };
}

/**
 * A format that scales the number (`#,##0,` shows 1250000 as 1,250; `0%`
 * shows 0.5 as 50%) shows another amount than the cell holds, by a factor,
 * not by a rounding: refused whatever the flags. `--bill-displayed` would bill
 * 1,250 for 1,250,000, and a "(miles)" header confirmed with --amount-unit
 * would multiply an amount the cell already holds in full.
 */
function scaledDisplay(cell: number, format: CellFormat, scale: number, billDisplayed: boolean): AmountCellResult {
  const stored = String(Number(cell.toPrecision(15)));
  const shown = format.displayed ?? String(Number((cell * scale).toPrecision(15)));
  const percent = scale > 1;
  return {
    ok: false,
    code: 'AMOUNT_DISPLAY_MISMATCH',
    reason: say(M.scaledDisplay, {
      stored,
      numFmt: quoteValue(format.numFmt ?? ''),
      shown,
      percent,
      factor: percent ? Math.round(scale) : Math.round(1 / scale),
      billDisplayed,
    }),
  };
}

/**
 * Currencies written with a bare `$`: the peso and dollar currencies. A bare
 * `$` in a cell format agrees with any of them (a Colombian office's "$" is
 * pesos whatever number format it types in) and names none of them.
 */
export const DOLLAR_SIGN_CURRENCIES: ReadonlySet<string> = new Set(['COP', 'USD', 'MXN', 'CLP', 'ARS', 'UYU', 'DOP', 'CUP', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'TWD', 'BSD', 'BBD', 'BZD', 'BMD', 'JMD', 'KYD', 'TTD', 'XCD', 'GYD', 'SRD', 'LRD', 'NAD', 'FJD', 'SBD']);

/**
 * A currency the amount cell's number format names, when it differs from
 * the row's `currency`. A bare `$` conflicts only with a currency that is not
 * written with `$` (EUR, GBP…): it cannot tell pesos from dollars, so it is
 * no evidence against either. Undefined when the format agrees or names none.
 */
export function formatCurrencyConflict(format: CellFormat | undefined, currency: string): { code: RowErrorCode; reason: string } | undefined {
  if (format === undefined) return undefined;
  const named = format.currency?.toUpperCase();
  if (named !== undefined) {
    if (named === currency) return undefined;
    return conflict([named], format, currency);
  }
  // A sign not recognised is a currency all the same (colones, soles were billed as pesos when taken for none).
  if (format.unknownCurrency !== undefined) {
    return {
      code: 'CURRENCY_CONFLICT',
      reason: say(M.unknownSign, { sign: quoteValue(format.unknownCurrency), numFmt: quoteValue(format.numFmt ?? ''), currency }),
    };
  }
  if (format.currencyOneOf !== undefined && !format.currencyOneOf.includes(currency)) {
    return conflict(format.currencyOneOf, format, currency);
  }
  // No code named: a bare "$" (pesos or dollars).
  if (format.dollarSign === true && !DOLLAR_SIGN_CURRENCIES.has(currency)) return conflict([], format, currency);
  return undefined;
}

function conflict(named: readonly string[], format: CellFormat, currency: string): { code: RowErrorCode; reason: string } {
  return { code: 'CURRENCY_CONFLICT', reason: say(M.formatCurrency, { named: [...named], numFmt: quoteValue(format.numFmt ?? ''), currency }) };
}

/**
 * An amount times the unit the user confirmed for the header's note
 * (`--amount-unit 1000`), exactly (the decimal point moves in the string);
 * refused when the result has too many digits.
 */
export function applyUnit(amount: string, unit: number): AmountResult {
  const scaled = scaleAmount(amount, String(unit).length - 1);
  return checkAmountSize(scaled, `${amount} × ${unit}`);
}
