/**
 * What the amount header's notes make of the run, decided once before any
 * row is read: a unit note is applied only when `--amount-unit` confirms it,
 * and a currency note sets the rows' currency unless `--currency` says
 * another (then the run is refused: two sources disagree about money).
 */
import { MappingError } from './mapping-error.js';
import { unitName, type AmountHeaderNote } from './header-notes.js';
import type { AmountUnit, RequestOptions } from '../types.js';

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
  return rules;
}
