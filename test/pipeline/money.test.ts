import { describe, expect, it } from 'vitest';
import { addAmounts, compareAmounts, formatAmount, sumAmounts } from '../../src/pipeline/money.js';

describe('addAmounts / sumAmounts', () => {
  it.each([
    ['0.1', '0.2', '0.3'],
    ['1250000.5', '0.5', '1250001'],
    ['25000', '0.05', '25000.05'],
    ['999999999999999', '1', '1000000000000000'],
    ['0', '0', '0'],
    ['-5', '2.5', '-2.5'],
    ['-0.5', '0.5', '0'],
  ])('%s + %s = %s', (a, b, sum) => {
    expect(addAmounts(a, b)).toBe(sum);
  });

  it('sums 40,000 cents exactly where floats drift', () => {
    const list = Array.from({ length: 40_000 }, () => '0.01');
    expect(sumAmounts(list)).toBe('400');
    expect(list.reduce((s, a) => s + Number(a), 0)).not.toBe(400);
  });

  it('sums nothing to 0', () => {
    expect(sumAmounts([])).toBe('0');
  });

  it('refuses text that is not a canonical amount', () => {
    expect(() => addAmounts('1.250,5', '1')).toThrow(/not a canonical decimal/);
  });
});

describe('compareAmounts', () => {
  it.each([
    ['1', '1.00', 0],
    ['1250000.5', '1250000.50', 0],
    ['2', '10', -1],
    ['10.01', '10.1', -1],
    ['100', '99.99', 1],
  ] as const)('%s vs %s → %d', (a, b, expected) => {
    expect(compareAmounts(a, b)).toBe(expected);
  });
});

describe('formatAmount', () => {
  it.each([
    ['1250000.5', 'es-CO', undefined, '$ 1.250.000,50'],
    ['1250000.5', 'en-US', undefined, '$1,250,000.50'],
    ['25000', 'es-CO', undefined, '$ 25.000'],
    ['999', 'es-CO', undefined, '$ 999'],
    ['1000', 'en-US', undefined, '$1,000'],
    ['0.05', 'en-US', undefined, '$0.05'],
    ['25000', 'es-CO', 'COP', '$ 25.000 COP'],
    ['1234.5', 'en-US', 'usd', '$1,234.50 USD'],
    ['1234.5', 'es-CO', 'EUR', '1.234,50 EUR'],
  ] as const)('%s %s %s → %s', (amount, locale, currency, expected) => {
    expect(formatAmount(amount, locale, currency)).toBe(expected);
  });
});
