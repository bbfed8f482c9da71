/**
 * How an output workbook shows the bill's own columns. The mapped amount and
 * due date columns are written as real numbers and dates (in the currency's
 * and the locale's format) for the rows whose cells parsed, so a collector
 * can sum, sort and filter them. The value written is exactly the amount and
 * date the link was made from, and it displays as the input did
 * (`$ 1.250.000` stays `$ 1.250.000`), so nothing is duplicated in an extra
 * column. A cell that did not parse is kept as it was typed, so the row's
 * error can be read against it (an `amount` column formats numbers only, and
 * a `date` column types only real ISO dates, never text such as "31/02/2027"). CSV outputs keep every input
 * cell untouched.
 */
import type { CellValue, ColumnSpec, SheetFormat, WriteOptions } from '../../io/types.js';
import type { ColumnMap, Locale } from '../types.js';

// Currencies whose usual symbol is "$" (as in money.ts); others show their ISO code.
const DOLLAR_SIGN = new Set(['COP', 'USD', 'MXN', 'CLP', 'ARS', 'UYU', 'CAD', 'AUD', 'NZD']);
// ISO 4217 currencies without minor units: no ",00" on every amount.
const NO_DECIMALS = new Set(['CLP', 'JPY', 'KRW', 'PYG', 'VND', 'ISK', 'UGX', 'XAF', 'XOF']);

/** How many rows the XLSX writer samples to size columns to their content. */
export const WIDTH_SAMPLE_ROWS = 100;

/**
 * An Excel number format for amounts in `currency`. Excel shows the group and
 * decimal separators of the reader's own locale, so `#,##0.00` reads as
 * 1.250.000,00 in Bogotá and 1,250,000.00 in New York. Without a currency
 * (a sheet mixing currencies in a currency column) only the number is shown.
 */
export function excelMoneyFormat(currency: string | undefined): string {
  const code = currency?.toUpperCase();
  const number = code !== undefined && NO_DECIMALS.has(code) ? '#,##0' : '#,##0.00';
  if (code === undefined) return number;
  if (DOLLAR_SIGN.has(code)) return `"$" ${number};-"$" ${number}`;
  return `${number} "${code}";-${number} "${code}"`;
}

/** The way the sheet's locale writes dates: day first in es-CO, month first in en-US. */
export function excelDateFormat(locale: Locale): string {
  return locale === 'es-CO' ? 'dd/mm/yyyy' : 'mm/dd/yyyy';
}

export interface Presentation {
  columns: ColumnSpec[];
  options: Pick<WriteOptions, 'moneyFormat' | 'dateFormat' | 'fitWidths'>;
  /** The cells of a row as the output shows them (XLSX: parsed amount and date typed). */
  cells(cells: readonly CellValue[], parsed: { amount?: string; dueDate?: string }): CellValue[];
}

/**
 * For an XLSX output: the amount and due date columns typed, widths fitted
 * to the content. For a CSV output: everything as it is.
 */
export function presentBillColumns(
  columns: readonly ColumnSpec[],
  map: ColumnMap,
  options: { format: SheetFormat; locale: Locale; currency: string },
): Presentation {
  if (options.format === 'csv') return { columns: [...columns], options: {}, cells: (cells) => [...cells] };
  const amountIndex = map.fields.amount;
  const dueIndex = map.fields.dueDate;
  const typed = columns.map((c, i) => {
    if (i === amountIndex && (c.kind ?? 'text') === 'text') return { ...c, kind: 'amount' as const };
    if (i === dueIndex && (c.kind ?? 'text') === 'text') return { ...c, kind: 'date' as const };
    return c;
  });
  // A currency column means rows may differ: the amount then shows no symbol, the column beside it says which.
  const currency = map.fields.currency === undefined ? options.currency : undefined;
  return {
    columns: typed,
    options: { moneyFormat: excelMoneyFormat(currency), dateFormat: excelDateFormat(options.locale), fitWidths: WIDTH_SAMPLE_ROWS },
    cells(cells, parsed) {
      const out = [...cells];
      if (amountIndex !== undefined && amountIndex < out.length) {
        if (parsed.amount !== undefined) out[amountIndex] = amountNumber(parsed.amount) ?? out[amountIndex] ?? null;
      }
      if (dueIndex !== undefined && dueIndex < out.length) {
        if (parsed.dueDate !== undefined) out[dueIndex] = parsed.dueDate;
      }
      return out;
    },
  };
}


/**
 * A canonical amount as an Excel number, when a double holds it exactly
 * (15 significant digits); beyond that the cell keeps the input's text
 * rather than show a rounded amount.
 */
function amountNumber(amount: string): number | undefined {
  const significant = amount.replace(/[-.]/g, '').replace(/^0+/, '');
  return significant.length > 15 ? undefined : Number(amount);
}
