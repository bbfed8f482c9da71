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

  // A format that scales the number shows another amount, by a factor: refused, and --bill-displayed does not bill it.
  const thousands: CellFormat = { numFmt: '#,##0,', displayDecimals: 0, scale: 0.001, displayed: '1,250' };
  const millions: CellFormat = { numFmt: '#,##0.0,,', displayDecimals: 1, scale: 0.000001, displayed: '1.3' };
  const percent: CellFormat = { numFmt: '0%', displayDecimals: 0, scale: 100, displayed: '50%' };
  it.each<[number | string, CellFormat, boolean, { ok: boolean; amount?: string; code?: string }]>([
    [1250000, thousands, false, { ok: false, code: 'AMOUNT_DISPLAY_MISMATCH' }],
    [1250000, thousands, true, { ok: false, code: 'AMOUNT_DISPLAY_MISMATCH' }],
    [1250000, millions, false, { ok: false, code: 'AMOUNT_DISPLAY_MISMATCH' }],
    [1250000, millions, true, { ok: false, code: 'AMOUNT_DISPLAY_MISMATCH' }],
    [0.5, percent, false, { ok: false, code: 'AMOUNT_DISPLAY_MISMATCH' }],
    [0.5, percent, true, { ok: false, code: 'AMOUNT_DISPLAY_MISMATCH' }],
    // Near misses: grouping commas do not scale; a text cell shows what it holds.
    [1250000, { numFmt: '#,##0', displayDecimals: 0, displayed: '1,250,000' }, false, { ok: true, amount: '1250000' }],
    [1250000.5, { numFmt: '#,##0.00', displayDecimals: 2, displayed: '1,250,000.50' }, true, { ok: true, amount: '1250000.5' }],
    ['1.250.000', thousands, false, { ok: true, amount: '1250000' }],
  ])('scaled: %j with %j (bill displayed: %s)', (cell, format, billDisplayed, expected) => {
    expect(readAmountCell(cell, format, ',', billDisplayed)).toMatchObject(expected);
  });

  it('shows the stored and the displayed value of a scaled cell, and says to format it without scaling', () => {
    const r = readAmountCell(1250000, thousands, ',', false);
    expect(r.ok ? '' : r.reason).toBe(
      'the cell holds 1250000 but its format "#,##0," shows "1,250" (the format divides it by 1,000), so the bill\'s amount is in doubt; ' +
        'format the amount column without scaling (e.g. #,##0) so it shows the amount the cell holds',
    );
    const flagged = readAmountCell(1250000, thousands, ',', true);
    expect(flagged.ok ? '' : flagged.reason).toMatch(/; --bill-displayed does not bill a scaled display$/);
    const pct = readAmountCell(0.5, percent, ',', true);
    expect(pct.ok ? '' : pct.reason).toMatch(/^the cell holds 0\.5 but its format "0%" shows "50%" \(the format shows it as a percentage, multiplied by 100\)/);
    // Without a rendered text (a format not worked out), the displayed value is computed from the scale.
    const bare = readAmountCell(1250000, { numFmt: '#,##0,', scale: 0.001 }, ',', false);
    expect(bare.ok ? '' : bare.reason).toMatch(/holds 1250000 but its format "#,##0," shows "1250"/);
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
    // Colones and soles are not pesos.
    [{ numFmt: '[$₡-140A] #,##0.00', currency: 'CRC' }, 'COP', true],
    [{ numFmt: '[$₡-140A] #,##0.00', currency: 'CRC' }, 'CRC', false],
    [{ numFmt: '"S/" #,##0.00', currency: 'PEN' }, 'COP', true],
    [{ numFmt: '"S/" #,##0.00', currency: 'PEN' }, 'PEN', false],
    [{ numFmt: '"RD$"#,##0.00', currency: 'DOP' }, 'COP', true],
    // A sign two currencies share agrees with either, and with no other.
    [{ numFmt: '"Bs" #,##0.00', currencyOneOf: ['BOB', 'VES'] }, 'BOB', false],
    [{ numFmt: '"Bs" #,##0.00', currencyOneOf: ['BOB', 'VES'] }, 'VES', false],
    [{ numFmt: '"Bs" #,##0.00', currencyOneOf: ['BOB', 'VES'] }, 'COP', true],
    // A sign not recognised is refused whatever the row's currency.
    [{ numFmt: '[$₭-454]#,##0', unknownCurrency: '₭' }, 'COP', true],
    [{ numFmt: '[$₭-454]#,##0', unknownCurrency: '₭' }, 'USD', true],
  ])('%j in a %s row → conflict %s', (format, currency, conflict) => {
    expect(formatCurrencyConflict(format, currency) !== undefined).toBe(conflict);
  });

  it('names a sign it does not recognise and says so', () => {
    expect(formatCurrencyConflict({ numFmt: '"X/." #,##0.00', unknownCurrency: 'X/.' }, 'COP')).toEqual({
      code: 'CURRENCY_CONFLICT',
      reason:
        'the cell is formatted with the currency sign "X/." (format ""X/." #,##0.00"), which paylinks does not recognise, so the bill\'s currency is in doubt; ' +
        'format the amount column without a currency sign (e.g. #,##0) or with the row\'s currency (e.g. [$COP] #,##0)',
    });
    expect(formatCurrencyConflict({ numFmt: '"Bs" #,##0', currencyOneOf: ['BOB', 'VES'] }, 'COP')?.reason).toMatch(/^the cell is formatted as BOB or VES \(format/);
  });
});

describe('applyUnit', () => {
  it('multiplies exactly and refuses what grows past 15 digits', () => {
    expect(applyUnit('1250.5', 1000)).toEqual({ ok: true, amount: '1250500' });
    expect(applyUnit('1.5', 1_000_000)).toEqual({ ok: true, amount: '1500000' });
    expect(applyUnit('9999999999.99', 1_000_000)).toMatchObject({ ok: false, code: 'AMOUNT_TOO_LARGE' });
  });
});
