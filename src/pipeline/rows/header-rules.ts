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
import { readDueHeader, type AmountHeaderNote } from './header-notes.js';
import { say } from '../../i18n/message.js';
import { header as M } from '../../i18n/messages/header.js';
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
  const f = file === undefined ? {} : { file };
  if (note.refused !== undefined) throw refusedNote(note.refused, header, file);
  const confirmed = options.amountUnit;
  if (scaled !== undefined && (note.unit !== undefined || (confirmed !== undefined && confirmed !== 1))) {
    const percent = scaled.scale >= 1;
    throw new MappingError(
      'HEADER_UNIT_UNCONFIRMED',
      file,
      say(M.unitOverScaled, {
        ...f,
        header,
        ...(note.unit !== undefined ? { unit: note.unit, unitWords: note.unitWords ?? '' } : {}),
        ...(confirmed !== undefined ? { confirmed } : {}),
        numFmt: scaled.numFmt,
        percent,
        factor: percent ? Math.round(scaled.scale) : Math.round(1 / scaled.scale),
        stored: scaled.stored,
        shown: scaled.shown,
      }),
    );
  }
  if (note.unit !== undefined && confirmed === undefined) {
    throw new MappingError('HEADER_UNIT_UNCONFIRMED', file, say(M.unitUnconfirmed, { ...f, header, unit: note.unit, unitWords: note.unitWords ?? '' }));
  }
  if (note.unit === undefined && confirmed !== undefined && confirmed !== 1) {
    throw new MappingError('HEADER_UNIT_UNCONFIRMED', file, say(M.unitNotInHeader, { ...f, header, confirmed }));
  }
  if (note.unit !== undefined && confirmed !== undefined && confirmed !== 1 && confirmed !== note.unit) {
    throw new MappingError('HEADER_UNIT_UNCONFIRMED', file, say(M.unitDiffers, { ...f, header, unit: note.unit, confirmed }));
  }
  const rules: HeaderRules = { unit: note.unit !== undefined && confirmed !== undefined ? confirmed : 1 };
  if (note.currency !== undefined) {
    const run = options.currency.toUpperCase();
    if (options.currencyExplicit === true && run !== note.currency) {
      throw new MappingError('HEADER_CURRENCY_CONFLICT', file, say(M.currencyConflict, { ...f, header, named: note.currency, run }));
    }
    rules.currency = note.currency;
  }
  // A bare "$" names no currency, but it is not how EUR or GBP amounts are written.
  const currency = rules.currency ?? options.currency.toUpperCase();
  if (note.dollarSign === true && !DOLLAR_SIGN_CURRENCIES.has(currency)) {
    throw new MappingError('HEADER_CURRENCY_CONFLICT', file, say(M.dollarSign, { ...f, header, currency }));
  }
  return rules;
}

/** A note paylinks cannot bill from: never dropped, the run is refused before anything is sent. */
function refusedNote(refused: NonNullable<AmountHeaderNote['refused']>, header: string, file: string | undefined): MappingError {
  const f = file === undefined ? {} : { file };
  if (refused.reason === 'cents') return new MappingError('HEADER_NOTE_UNKNOWN', file, say(M.cents, { ...f, header, note: refused.note }));
  if (refused.reason === 'currencies') {
    return new MappingError('HEADER_NOTE_UNKNOWN', file, say(M.twoCurrencies, { ...f, header, currencies: refused.currencies ?? [] }));
  }
  return new MappingError('HEADER_NOTE_UNKNOWN', file, say(M.noteUnknown, { ...f, header, note: refused.note }));
}

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
  const f = file === undefined ? {} : { file };
  const source = options.dateOrder !== undefined ? `--date-order ${options.dateOrder}` : `--locale ${options.locale satisfies Locale}`;
  for (const note of readDueHeader(header)) {
    if (note.order === 'any' || note.order === runOrder) continue;
    if (note.order === 'unreadable') {
      throw new MappingError('HEADER_DATE_ORDER_CONFLICT', file, say(M.dateOrderUnreadable, { ...f, header, words: note.words }));
    }
    throw new MappingError(
      'HEADER_DATE_ORDER_CONFLICT',
      file,
      say(M.dateOrderConflict, { ...f, header, words: note.words, note: note.order, run: runOrder, source }),
    );
  }
}
