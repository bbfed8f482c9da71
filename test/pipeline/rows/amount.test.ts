import { describe, expect, it } from 'vitest';
import { parseAmount, roundAmount, scaleAmount } from '../../../src/pipeline/rows/amount.js';
import type { Locale } from '../../../src/pipeline/types.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const valid: Array<[Locale, string | number, string]> = [
  ['es-CO', '25000', '25000'],
  ['es-CO', '1.250.000', '1250000'],
  ['es-CO', '1.250.000,50', '1250000.5'],
  ['es-CO', '1.250.000,05', '1250000.05'],
  ['es-CO', '1250000,5', '1250000.5'],
  ['es-CO', '1250000,00', '1250000'],
  ['es-CO', '$ 1.250.000', '1250000'],
  ['es-CO', '$1.250.000,50', '1250000.5'],
  ['es-CO', `$${NBSP}1.250.000`, '1250000'],
  ['es-CO', `1.250.000${NNBSP}COP`, '1250000'],
  ['es-CO', 'COP 25.000', '25000'],
  ['es-CO', 'cop 25.000', '25000'],
  ['es-CO', 'USD 1.000,5', '1000.5'],
  ['es-CO', '  1.500  ', '1500'],
  ['es-CO', '1.500', '1500'],
  ['es-CO', '0025000', '25000'],
  ['es-CO', '0,5', '0.5'],
  ['en-US', '25000', '25000'],
  ['en-US', '1,250,000.50', '1250000.5'],
  ['en-US', '1250000.5', '1250000.5'],
  ['en-US', '$1,250,000', '1250000'],
  ['en-US', 'USD 1,250,000.05', '1250000.05'],
  ['en-US', '1,500', '1500'],
  ['en-US', '999.99', '999.99'],
  ['en-US', `1,000.00${NBSP}USD`, '1000'],
  ['es-CO', '999999999999999', '999999999999999'],
  ['es-CO', '9.999.999.999.999,99', '9999999999999.99'],
  // XLSX numeric cells
  ['es-CO', 25000, '25000'],
  ['en-US', 1250000.5, '1250000.5'],
  ['es-CO', 1234.5600000000002, '1234.56'],
  ['es-CO', 0.1 + 0.2, '0.3'],
  ['es-CO', 19.99, '19.99'],
];

describe('parseAmount: valid', () => {
  it.each(valid)('%s %j → %s', (locale, input, expected) => {
    // A currency code written in the cell is reported too, for the row to check against its currency.
    const written = typeof input === 'string' ? /\b(COP|USD)\b/i.exec(input)?.[1]?.toUpperCase() ?? (/US\$/.test(input) ? 'USD' : undefined) : undefined;
    expect(parseAmount(input, locale)).toEqual(written === undefined ? { ok: true, amount: expected } : { ok: true, amount: expected, currency: written });
  });

  it('reports the currency written in the cell', () => {
    expect(parseAmount('US$ 99', 'es-CO')).toEqual({ ok: true, amount: '99', currency: 'USD' });
    expect(parseAmount('1.250 cop', 'es-CO')).toEqual({ ok: true, amount: '1250', currency: 'COP' });
    expect(parseAmount('USD 1.250 COP', 'es-CO')).toMatchObject({ ok: false, code: 'AMOUNT_INVALID' });
  });
});

const invalid: Array<[Locale, string | number | boolean | Date | null | { error: string }, string, RegExp]> = [
  ['es-CO', '1,250,000.50', 'AMOUNT_INVALID', /looks like a dot for decimals.*--decimal \. if every amount/],
  ['es-CO', '1.5', 'AMOUNT_INVALID', /not an amount with "," as the decimal mark.*--decimal \./],
  ['es-CO', '1.50', 'AMOUNT_INVALID', /--decimal \./],
  ['es-CO', '1,500', 'AMOUNT_INVALID', /--decimal \./],
  ['en-US', '1,5', 'AMOUNT_INVALID', /looks like a comma for decimals.*--decimal ,/],
  ['en-US', '1.250.000,50', 'AMOUNT_INVALID', /--decimal ,/],
  ['es-CO', '1.250.000,505', 'AMOUNT_INVALID', /more than 2 decimals/],
  ['en-US', '1250000.505', 'AMOUNT_INVALID', /more than 2 decimals/],
  ['es-CO', '1.25.000', 'AMOUNT_INVALID', /not an amount with "," as the decimal mark/],
  ['es-CO', '12.50.000', 'AMOUNT_INVALID', /not an amount/],
  ['es-CO', '1 250 00', 'AMOUNT_INVALID', /not thousands groups of three/],
  ['es-CO', '1 250.000', 'AMOUNT_INVALID', /ambiguous/],
  ['es-CO', `1 250${NBSP}000`, 'AMOUNT_INVALID', /ambiguous/],
  ['es-CO', '1 250 000.50', 'AMOUNT_INVALID', /ambiguous/],
  ['en-US', '1 250 000,50', 'AMOUNT_INVALID', /ambiguous/],
  ['es-CO', '12 34', 'AMOUNT_INVALID', /ambiguous/],
  ['es-CO', '1e5', 'AMOUNT_INVALID', /"1e5" is not an amount/],
  ['en-US', '0x10', 'AMOUNT_INVALID', /"0x10" is not an amount/],
  ['en-US', 'NaN', 'AMOUNT_INVALID', /"NaN"/],
  ['en-US', 'Infinity', 'AMOUNT_INVALID', /"Infinity"/],
  ['es-CO', '--5', 'AMOUNT_INVALID', /"--5"/],
  ['es-CO', '5-', 'AMOUNT_INVALID', /"5-"/],
  ['es-CO', ',5', 'AMOUNT_INVALID', /not an amount/],
  ['es-CO', 'abc', 'AMOUNT_INVALID', /write 1\.250\.000,50 or 1250000,50/],
  ['es-CO', '€ 5', 'AMOUNT_INVALID', /not an amount/],
  ['es-CO', '', 'AMOUNT_MISSING', /empty/],
  ['es-CO', `  ${NBSP} `, 'AMOUNT_MISSING', /empty/],
  ['es-CO', null, 'AMOUNT_MISSING', /empty/],
  ['es-CO', '0', 'AMOUNT_NOT_POSITIVE', /more than 0/],
  ['es-CO', '0,00', 'AMOUNT_NOT_POSITIVE', /more than 0/],
  ['es-CO', '$ 0', 'AMOUNT_NOT_POSITIVE', /more than 0/],
  ['es-CO', '-5', 'AMOUNT_NOT_POSITIVE', /"-5" is not a positive amount/],
  ['es-CO', '-$ 1.000', 'AMOUNT_NOT_POSITIVE', /positive/],
  ['en-US', '$-1,000.00', 'AMOUNT_NOT_POSITIVE', /positive/],
  ['es-CO', '12345678901234567890', 'AMOUNT_TOO_LARGE', /20 significant digits/],
  ['es-CO', '1234567890123456', 'AMOUNT_TOO_LARGE', /16 significant digits/],
  ['es-CO', '99.999.999.999.999,99', 'AMOUNT_TOO_LARGE', /16 significant digits/],
  ['es-CO', 0, 'AMOUNT_NOT_POSITIVE', /positive/],
  ['es-CO', -5, 'AMOUNT_NOT_POSITIVE', /positive/],
  ['es-CO', 1234.567, 'AMOUNT_INVALID', /more than 2 decimals/],
  ['es-CO', 1e-7, 'AMOUNT_INVALID', /more than 2 decimals/],
  ['es-CO', 1e21, 'AMOUNT_TOO_LARGE', /15/],
  ['es-CO', 123456789012345.67, 'AMOUNT_TOO_LARGE', /more than 15 digits/],
  ['es-CO', Number.NaN, 'AMOUNT_INVALID', /NaN/],
  ['es-CO', Number.POSITIVE_INFINITY, 'AMOUNT_INVALID', /Infinity/],
  ['es-CO', true, 'AMOUNT_INVALID', /TRUE/],
  ['es-CO', new Date(Date.UTC(2027, 0, 1)), 'AMOUNT_INVALID', /a date/],
  ['es-CO', { error: '#REF!' }, 'AMOUNT_INVALID', /#REF!/],
];

describe('parseAmount: refused', () => {
  it.each(invalid)('%s %j → %s', (locale, input, code, reason) => {
    const r = parseAmount(input, locale);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.reason).toMatch(reason);
  });

  it('quotes the value and tells what to write', () => {
    const r = parseAmount('1,250,000.50', 'es-CO');
    expect(r).toEqual({
      ok: false,
      code: 'AMOUNT_INVALID',
      reason:
        '"1,250,000.50" is not an amount with "," as the decimal mark (it looks like a dot for decimals, as in 1,250,000.50); ' +
        'write 1.250.000,50 or 1250000,50, or run with --decimal . if every amount in the sheet is written that way (dates are read as before)',
    });
  });

  it('never advises --locale, which would also change how dates are read', () => {
    for (const [style, text] of [['es-CO', '1250000.00'], ['en-US', '1.250.000,50'], [',', '1,5.0'], ['.', '1,5']] as const) {
      const r = parseAmount(text, style);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).not.toMatch(/--locale/);
    }
  });
});

// The decimal mark is set apart from the locale (--decimal): an ERP export under es-CO with dot decimals.
const byMark: Array<[',' | '.', string, string]> = [
  ['.', '1250000.00', '1250000'],
  ['.', '1,250,000.50', '1250000.5'],
  ['.', '$ 1,250,000', '1250000'],
  [',', '1.250.000,50', '1250000.5'],
  [',', '1250000,5', '1250000.5'],
  // Spaces (and no-break spaces) as thousands separators, where unambiguous.
  [',', '1 250 000', '1250000'],
  [',', '1 250 000,50', '1250000.5'],
  [',', `1${NBSP}250${NBSP}000`, '1250000'],
  [',', `1${NNBSP}250${NNBSP}000,05`, '1250000.05'],
  ['.', '1 250 000.50', '1250000.5'],
  ['.', '12 500', '12500'],
  [',', '$ 1 250 000', '1250000'],
  [',', '1 250 000 COP', '1250000'],
];

describe('parseAmount: by decimal mark', () => {
  it.each(byMark)('%s %j → %s', (mark, input, expected) => {
    expect(parseAmount(input, mark)).toMatchObject({ ok: true, amount: expected });
  });

  it('reads 1.250 differently by mark, never by guess', () => {
    expect(parseAmount('1.250', ',')).toMatchObject({ ok: true, amount: '1250' });
    expect(parseAmount('1.250', '.')).toMatchObject({ ok: false, code: 'AMOUNT_INVALID' });
  });
});

describe('scaleAmount and roundAmount: exact string arithmetic', () => {
  it.each([
    ['1250', 3, '1250000'],
    ['1250.5', 3, '1250500'],
    ['1.25', 3, '1250'],
    ['0.5', 6, '500000'],
    ['1.234567', 3, '1234.567'],
    ['999999999999', 3, '999999999999000'],
  ])('scaleAmount(%s, %i) → %s', (amount, zeros, expected) => {
    expect(scaleAmount(amount, zeros)).toBe(expected);
  });

  it.each([
    ['119399.84', 0, '119400'],
    ['119399.49', 0, '119399'],
    ['119399.5', 0, '119400'],
    ['0.995', 2, '1'],
    ['1250000.05', 1, '1250000.1'],
    ['99.99', 0, '100'],
    ['1250', 0, '1250'],
    ['1250.5', 2, '1250.5'],
  ])('roundAmount(%s, %i) → %s', (amount, decimals, expected) => {
    expect(roundAmount(amount, decimals)).toBe(expected);
  });
});

describe('parseAmount: hostile cells', () => {
  it('refuses huge cells quickly instead of backtracking', () => {
    const start = performance.now();
    expect(parseAmount(`-${' '.repeat(100_000)}x`, 'es-CO')).toMatchObject({ ok: false, code: 'AMOUNT_INVALID' });
    expect(parseAmount('9'.repeat(100), 'es-CO')).toMatchObject({ ok: false, code: 'AMOUNT_TOO_LARGE' });
    expect(performance.now() - start).toBeLessThan(200);
  });
});
