import { describe, expect, it } from 'vitest';
import type { CellFormat } from '../../../src/io/types.js';
import { applyUnit, formatCurrencyConflict, readAmountCell } from '../../../src/pipeline/rows/amount-cell.js';

const hides0: CellFormat = { numFmt: '#,##0', displayDecimals: 0 };

describe('readAmountCell', () => {
  it.each<[number | string, CellFormat | undefined, boolean, { ok: boolean; amount?: string; code?: string }]>([
    [119399.84, hides0, false, { ok: false, code: 'AMOUNT_DISPLAY_MISMATCH' }],
    [119399.84, hides0, true, { ok: true, amount: '119400' }],
    [119400, hides0, false, { ok: true, amount: '119400' }],
    [1250.5, { numFmt: '#,##0.0', displayDecimals: 1 }, false, { ok: true, amount: '1250.5' }],
    [1250.55, { numFmt: '#,##0.0', displayDecimals: 1 }, true, { ok: true, amount: '1250.6' }],
    // More than 2 decimals stored, hidden by the format: the displayed value, on request.
    [119399.8437, hides0, false, { ok: false, code: 'AMOUNT_DISPLAY_MISMATCH' }],
    [119399.8437, hides0, true, { ok: true, amount: '119400' }],
    [119399.84, undefined, false, { ok: true, amount: '119399.84' }],
    // Text cells show what they hold.
    ['119.399,84', hides0, false, { ok: true, amount: '119399.84' }],
  ])('%j with %j (bill displayed: %s)', (cell, format, billDisplayed, expected) => {
    expect(readAmountCell(cell, format, ',', billDisplayed)).toMatchObject(expected);
  });

  it('shows both values and the flag', () => {
    const r = readAmountCell(119399.84, { ...hides0, displayed: '$ 119.400' }, ',', false);
    expect(r.ok ? '' : r.reason).toBe(
      'the cell holds 119399.84 but its format shows "$ 119.400" (the format hides decimals), so the bill\'s amount is in doubt; round the cell in the sheet (e.g. =ROUND(…;0)), or run with --bill-displayed to bill 119400',
    );
  });
});

describe('formatCurrencyConflict', () => {
  it.each<[CellFormat | undefined, string, boolean]>([
    [{ numFmt: '[$USD-409] #,##0.00', currency: 'USD' }, 'COP', true],
    [{ numFmt: '[$USD-409] #,##0.00', currency: 'USD' }, 'USD', false],
    [{ numFmt: '#,##0.00 [$€-C0A]', currency: 'EUR' }, 'COP', true],
    [{ numFmt: '[$COP] #,##0', currency: 'COP' }, 'COP', false],
    [{ numFmt: '[$COP] #,##0', currency: 'COP' }, 'USD', true],
    // A bare "$" is pesos or dollars: no evidence against either, whatever the number format.
    [{ numFmt: '"$" #,##0', dollarSign: true }, 'COP', false],
    [{ numFmt: '"$" #,##0', dollarSign: true }, 'USD', false],
    [{ numFmt: '"$" #,##0', dollarSign: true }, 'MXN', false],
    [{ numFmt: '"$" #,##0', dollarSign: true }, 'EUR', true],
    [{ numFmt: '"$" #,##0', dollarSign: true }, 'GBP', true],
    [{ numFmt: '#,##0' }, 'COP', false],
    [undefined, 'COP', false],
  ])('%j in a %s row → conflict %s', (format, currency, conflict) => {
    expect(formatCurrencyConflict(format, currency) !== undefined).toBe(conflict);
  });
});

describe('applyUnit', () => {
  it('multiplies exactly and refuses what grows past 15 digits', () => {
    expect(applyUnit('1250.5', 1000)).toEqual({ ok: true, amount: '1250500' });
    expect(applyUnit('1.5', 1_000_000)).toEqual({ ok: true, amount: '1500000' });
    expect(applyUnit('9999999999.99', 1_000_000)).toMatchObject({ ok: false, code: 'AMOUNT_TOO_LARGE' });
  });
});
