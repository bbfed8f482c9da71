import { describe, expect, it } from 'vitest';
import { readingConfig } from '../../../src/cli/reading-options.js';
import { RunError } from '../../../src/pipeline/run-error.js';

describe('readingConfig (--decimal, --date-order, --amount-unit)', () => {
  it.each([
    [{}, {}],
    [{ decimal: '.' }, { decimal: '.' }],
    [{ decimal: ' , ' }, { decimal: ',' }],
    [{ dateOrder: 'DMY' }, { dateOrder: 'dmy' }],
    [{ dateOrder: 'ymd' }, { dateOrder: 'ymd' }],
    [{ amountUnit: 1000 }, { amountUnit: 1000 }],
    [{ amountUnit: 1_000_000 }, { amountUnit: 1_000_000 }],
    [{ amountUnit: 1 }, { amountUnit: 1 }],
  ])('%j → %j', (args, expected) => {
    expect(readingConfig(args)).toEqual(expected);
  });

  it.each([
    [{ decimal: ';' }, /--decimal must be "," or "\.", not ";"/],
    [{ dateOrder: 'dd/mm/yyyy' }, /--date-order must be dmy, mdy or ymd/],
    [{ amountUnit: 100 }, /--amount-unit must be 1, 1000, 1000000, not "100"/],
    [{ amountUnit: Number.NaN }, /--amount-unit must be/],
  ])('refuses %j with a RunError', (args, message) => {
    expect(() => readingConfig(args)).toThrow(RunError);
    expect(() => readingConfig(args)).toThrow(message);
  });
});
