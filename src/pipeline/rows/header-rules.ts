/**
 * What the amount header's notes make of the run, decided once before any
 * row is read: a unit note is applied only when `--amount-unit` confirms it,
 * and a currency note sets the rows' currency unless `--currency` says
 * another (then the run is refused: two sources disagree about money). A
 * note that is neither understood nor known harmless refuses the run
 * (`HEADER_NOTE_UNKNOWN`), and so does a date-order note in the due-date
 * header that disagrees with the run's order (`HEADER_DATE_ORDER_CONFLICT`).
 */
import { MappingError } from './mapping-error.js';
import { readDueHeader, unitName, type AmountHeaderNote } from './header-notes.js';
import { DOLLAR_SIGN_CURRENCIES } from './amount-cell.js';
import type { AmountUnit, DateOrder, Locale, RequestOptions } from '../types.js';

export interface HeaderRules {
  /** Multiplier of every amount (1: as written). */
  unit: AmountUnit;
  /** The currency the header names, when it names one. */
  currency?: string;
}

/** An amount cell whose number format scales what it shows (`#,##0,`: 1250000 shows 1,250). */
export interface ScaledAmountCell {
  numFmt: string;
  /** What the format multiplies the number by for display (0.001 for `#,##0,`). */
  scale: number;
  /** The number the cell holds, and what the format shows for it. */
  stored: string;
  shown: string;
}

/**
 * `scaled`: the first data row's amount cell, when its format scales it. A
 * unit in the header then most likely describes that display, over amounts
 * the cells hold in full: --amount-unit is not advised (it would multiply
 * them again), and neither is writing a unit into the header.
 */
export function checkHeaderNotes(
  note: AmountHeaderNote,
  header: string,
  options: Pick<RequestOptions, 'amountUnit' | 'currency' | 'currencyExplicit'>,
  file: string | undefined,
  scaled?: ScaledAmountCell,
): HeaderRules {
  const where = file ?? 'The sheet';
  if (note.refused !== undefined) throw refusedNote(note.refused, header, where, file);
  const confirmed = options.amountUnit;
  if (scaled !== undefined && (note.unit !== undefined || (confirmed !== undefined && confirmed !== 1))) {
    const factor = scaled.scale < 1 ? `divided by ${Math.round(1 / scaled.scale).toLocaleString('en-US')}` : `multiplied by ${Math.round(scaled.scale)}`;
    const said = note.unit !== undefined
      ? `the amount column "${header}" says its amounts are in ${unitName(note.unit)} ("${note.unitWords}"), but`
      : `--amount-unit ${confirmed} was given, but in the amount column "${header}"`;
    throw new MappingError(
      'HEADER_UNIT_UNCONFIRMED',
      file,
      `${where}: ${said} the cells' format "${scaled.numFmt}" shows them ${factor} (the first holds ${scaled.stored} and shows "${scaled.shown}"). ` +
        'paylinks bills neither a scaled display nor an amount multiplied again; format the amount column without scaling (e.g. #,##0) ' +
        `so the sheet shows the amounts the cells hold${note.unit !== undefined ? `, and take "${note.unitWords}" out of the header` : ', and run without --amount-unit'}.`,
    );
  }
  if (note.unit !== undefined && confirmed === undefined) {
    throw new MappingError(
      'HEADER_UNIT_UNCONFIRMED',
      file,
      `${where}: the amount column "${header}" says its amounts are in ${unitName(note.unit)} ("${note.unitWords}"), ` +
        `and paylinks does not multiply amounts on its own. If 1.250 in that column means ${(1250 * note.unit).toLocaleString('es-CO')}, ` +
        `run with --amount-unit ${note.unit}; if the amounts are already written in full, run with --amount-unit 1.`,
    );
  }
  if (note.unit === undefined && confirmed !== undefined && confirmed !== 1) {
    throw new MappingError(
      'HEADER_UNIT_UNCONFIRMED',
      file,
      `${where}: --amount-unit ${confirmed} was given, but the amount column "${header}" does not say its amounts are in ${unitName(confirmed)}; ` +
        `nothing is multiplied without the sheet saying so. Write the unit in the header (e.g. "${header} (miles)") or run without --amount-unit.`,
    );
  }
  if (note.unit !== undefined && confirmed !== undefined && confirmed !== 1 && confirmed !== note.unit) {
    throw new MappingError(
      'HEADER_UNIT_UNCONFIRMED',
      file,
      `${where}: the amount column "${header}" says ${unitName(note.unit)}, but --amount-unit says ${confirmed} (${unitName(confirmed)}); ` +
        `run with --amount-unit ${note.unit}, or correct the header.`,
    );
  }
  const rules: HeaderRules = { unit: note.unit !== undefined && confirmed !== undefined ? confirmed : 1 };
  if (note.currency !== undefined) {
    const run = options.currency.toUpperCase();
    if (options.currencyExplicit === true && run !== note.currency) {
      throw new MappingError(
        'HEADER_CURRENCY_CONFLICT',
        file,
        `${where}: the amount column "${header}" says its amounts are in ${note.currency}, but --currency says ${run}; ` +
          `nothing was sent. Run with --currency ${note.currency}, or correct the header if the amounts are in ${run}.`,
      );
    }
    rules.currency = note.currency;
  }
  // A bare "$" names no currency, but it is not how EUR or GBP amounts are written.
  const currency = rules.currency ?? options.currency.toUpperCase();
  if (note.dollarSign === true && !DOLLAR_SIGN_CURRENCIES.has(currency)) {
    throw new MappingError(
      'HEADER_CURRENCY_CONFLICT',
      file,
      `${where}: the amount column "${header}" writes its amounts with "$" (pesos or dollars), but the run's currency is ${currency}; ` +
        `nothing was sent. Run with the currency the amounts are in (e.g. --currency COP), or correct the header.`,
    );
  }
  return rules;
}

/** A note paylinks cannot bill from: never dropped, the run is refused before anything is sent. */
function refusedNote(refused: NonNullable<AmountHeaderNote['refused']>, header: string, where: string, file: string | undefined): MappingError {
  if (refused.reason === 'cents') {
    return new MappingError(
      'HEADER_NOTE_UNKNOWN',
      file,
      `${where}: the amount column "${header}" says its amounts are in cents ("${refused.note}"), and paylinks does not divide amounts: ` +
        `125000050 would be billed as 125.000.050, not 1.250.000,50. Write the amounts in full (1.250.000,50) and rename the column without the note; nothing was sent.`,
    );
  }
  if (refused.reason === 'currencies') {
    return new MappingError(
      'HEADER_NOTE_UNKNOWN',
      file,
      `${where}: the amount column "${header}" names ${refused.currencies?.length ?? 2} currencies (${(refused.currencies ?? []).join(', ')}), ` +
        `so the amounts' currency is in doubt; nothing was sent. Keep one currency in the header (e.g. "Valor (${refused.currencies?.[0] ?? 'COP'})"), ` +
        'or rename the column without the note and give each row its currency in a Moneda column.',
    );
  }
  return new MappingError(
    'HEADER_NOTE_UNKNOWN',
    file,
    `${where}: the amount column "${header}" has the note "${refused.note}", which paylinks does not understand, and a note can change ` +
      'what every amount means (a unit, a currency); nothing was sent. If the note does not change the amounts, rename the column without it; ' +
      'otherwise write the amounts in full, in pesos or the currency of the run, in a column without the note. ' +
      'Notes paylinks reads: (miles), (millones), (x1000), (COP), (USD), (CLP) and other ISO codes, (pesos chilenos), (IVA incluido), (a pagar).',
  );
}

const ORDER_WORDS: Record<DateOrder, string> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year-month-day' };

/**
 * A date-order note in the due-date header ("Fecha de vencimiento
 * (mm/dd/aaaa)") must agree with the order the run reads dates in, or
 * 01/12/2027 would be read as 1 December when the sheet means 12 January.
 * A pattern with the month as a word ("dd-mmm-aaaa") agrees with any order.
 */
export function checkDueHeader(
  header: string,
  options: Pick<RequestOptions, 'dateOrder' | 'locale'>,
  runOrder: DateOrder,
  file: string | undefined,
): void {
  const where = file ?? 'The sheet';
  const source = options.dateOrder !== undefined ? `--date-order ${options.dateOrder}` : `--locale ${options.locale satisfies Locale}`;
  for (const note of readDueHeader(header)) {
    if (note.order === 'any' || note.order === runOrder) continue;
    if (note.order === 'unreadable') {
      throw new MappingError(
        'HEADER_DATE_ORDER_CONFLICT',
        file,
        `${where}: the due date column "${header}" says its dates are written "${note.words}", an order paylinks does not read; nothing was sent. ` +
          'Write the dates as day/month/year (15/03/2027), month/day/year or year-month-day (2027-03-15), and correct the header to match.',
      );
    }
    throw new MappingError(
      'HEADER_DATE_ORDER_CONFLICT',
      file,
      `${where}: the due date column "${header}" says its dates are ${ORDER_WORDS[note.order]} ("${note.words}"), but this run reads dates as ` +
        `${ORDER_WORDS[runOrder]} (${source}); nothing was sent. If the dates are ${ORDER_WORDS[note.order]}, run with --date-order ${note.order}; ` +
        'otherwise correct the header.',
    );
  }
}
