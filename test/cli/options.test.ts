/**
 * The flag checks shared by the commands, each in one place: currency (issue,
 * reconcile, webhook, summary), sheet, and the probe-settle formula (issue, reconcile).
 */
import { describe, expect, it } from 'vitest';
import { currencyOption, probeSettleMs, sheetOption } from '../../src/cli/options.js';
import { RunError } from '../../src/pipeline/run-error.js';

describe('currencyOption', () => {
  it.each([
    ['COP', 'COP'],
    [' usd ', 'USD'],
    ['eur', 'EUR'],
  ])('%j → %s', (given, expected) => expect(currencyOption(given)).toBe(expected));

  it.each(['PESOS', 'US', '$', '', 'C0P'])('%j is refused with a message naming the flag and the value', (given) => {
    expect(() => currencyOption(given)).toThrow(RunError);
    expect(() => currencyOption(given)).toThrow(`--currency must be an ISO 4217 code such as COP or USD, not "${given}".`);
  });
});

describe('sheetOption', () => {
  it.each([
    [undefined, undefined],
    ['2', 2],
    [' 3 ', 3],
    ['Enero', 'Enero'],
    ['Hoja 1', 'Hoja 1'],
  ])('%j → %j', (given, expected) => expect(sheetOption(given)).toBe(expected));
});

describe('probeSettleMs', () => {
  it.each([
    { probeSettle: undefined, timeout: undefined, ms: 30_000 },
    { probeSettle: undefined, timeout: 5, ms: 30_000 },
    { probeSettle: undefined, timeout: 90, ms: 90_000 },
    { probeSettle: 2, timeout: 90, ms: 2_000 },
    { probeSettle: 0.5, timeout: undefined, ms: 500 },
  ])('--probe-settle $probeSettle --timeout $timeout → $ms ms', ({ probeSettle, timeout, ms }) => {
    expect(probeSettleMs(probeSettle, timeout)).toBe(ms);
  });

  it('refuses a settle or timeout that is not positive', () => {
    expect(() => probeSettleMs(0, 30)).toThrow('--probe-settle must be a positive number, not "0".');
    expect(() => probeSettleMs(undefined, -1)).toThrow('--timeout must be a positive number, not "-1".');
  });
});
