import { describe, expect, it } from 'vitest';
import { readAmountHeader } from '../../../src/pipeline/rows/header-notes.js';
import { checkHeaderNotes } from '../../../src/pipeline/rows/header-rules.js';
import { fieldOfHeader } from '../../../src/pipeline/rows/headers.js';
import { mappingError } from '../../helpers/errors.js';

describe('readAmountHeader', () => {
  it.each<[string, { unit?: number; currency?: string }]>([
    ['Valor', {}],
    ['Valor (miles)', { unit: 1000 }],
    ['Valor (miles de pesos)', { unit: 1000, currency: 'COP' }],
    ['Valor en miles', { unit: 1000 }],
    ['VALOR (MILES)', { unit: 1000 }],
    ['Valor (millones)', { unit: 1_000_000 }],
    ['Valor (MM)', { unit: 1_000_000 }],
    ['Amount (thousands)', { unit: 1000 }],
    ['Amount (in thousands)', { unit: 1000 }],
    ["Amount ('000)", { unit: 1000 }],
    ['Valor (USD)', { currency: 'USD' }],
    ['Valor US$', { currency: 'USD' }],
    ['Valor (US $)', { currency: 'USD' }],
    ['Valor €', { currency: 'EUR' }],
    ['Valor (EUR)', { currency: 'EUR' }],
    ['Valor (COP)', { currency: 'COP' }],
    ['Valor ($)', {}],
    ['Valor (USD/COP)', {}],
    // near misses
    ['Milestone', {}],
    ['Valor total', {}],
  ])('%j', (header, expected) => {
    const note = readAmountHeader(header);
    expect({ unit: note.unit, currency: note.currency }).toEqual({ unit: expected.unit, currency: expected.currency });
  });

  it.each(['Valor (miles)', 'Valor en miles de pesos', 'Valor US$', 'Valor USD', 'Valor €', 'Valor (COP) *', 'Monto (millones)'])(
    '%j still names the amount column',
    (header) => {
      expect(fieldOfHeader(header)).toBe('amount');
    },
  );
});

describe('checkHeaderNotes', () => {
  const base = { currency: 'COP', currencyExplicit: false };

  it('refuses a unit note nobody confirmed, showing the header and the flag', () => {
    const err = mappingError(() => checkHeaderNotes(readAmountHeader('Valor (miles de pesos)'), 'Valor (miles de pesos)', base, 'cartera.csv'));
    expect(err.code).toBe('HEADER_UNIT_UNCONFIRMED');
    expect(err.message).toMatch(/^cartera\.csv: the amount column "Valor \(miles de pesos\)" says its amounts are in thousands/);
    expect(err.message).toMatch(/--amount-unit 1000/);
  });

  it('applies a confirmed unit, or bills as written with --amount-unit 1', () => {
    expect(checkHeaderNotes(readAmountHeader('Valor (miles)'), 'Valor (miles)', { ...base, amountUnit: 1000 }, 'x')).toEqual({ unit: 1000 });
    expect(checkHeaderNotes(readAmountHeader('Valor (miles)'), 'Valor (miles)', { ...base, amountUnit: 1 }, 'x')).toEqual({ unit: 1 });
  });

  it('refuses a unit the header does not say, or a different one', () => {
    expect(mappingError(() => checkHeaderNotes({}, 'Valor', { ...base, amountUnit: 1000 }, 'x')).message).toMatch(/does not say its amounts are in thousands/);
    expect(mappingError(() => checkHeaderNotes(readAmountHeader('Valor (miles)'), 'Valor (miles)', { ...base, amountUnit: 1_000_000 }, 'x')).message).toMatch(
      /says thousands, but --amount-unit says 1000000/,
    );
    expect(checkHeaderNotes({}, 'Valor', { ...base, amountUnit: 1 }, 'x')).toEqual({ unit: 1 });
  });

  // The first row's amount cell holds 1250000 under `#,##0,`: "(miles)" describes that display.
  const scaled = { numFmt: '#,##0,', scale: 0.001, stored: '1250000', shown: '1,250' };
  it.each<[string, { amountUnit?: 1 | 1000 | 1_000_000 }]>([
    ['Valor (miles)', {}],
    ['Valor (miles)', { amountUnit: 1000 }],
    ['Valor (miles)', { amountUnit: 1 }],
    ['Valor (millones)', { amountUnit: 1_000_000 }],
    ['Valor', { amountUnit: 1000 }],
  ])('%j %j over cells the format scales: refused, and --amount-unit is not advised', (header, flags) => {
    const err = mappingError(() => checkHeaderNotes(readAmountHeader(header), header, { ...base, ...flags }, 'cartera.xlsx', scaled));
    expect(err.code).toBe('HEADER_UNIT_UNCONFIRMED');
    expect(err.message).toMatch(/the cells' format "#,##0," shows them divided by 1,000 \(the first holds 1250000 and shows "1,250"\)/);
    expect(err.message).toMatch(/format the amount column without scaling \(e\.g\. #,##0\)/);
    expect(err.message).not.toMatch(/run with --amount-unit|Write the unit in the header/);
  });

  it('says what to change when the header notes a unit over scaled cells', () => {
    const err = mappingError(() => checkHeaderNotes(readAmountHeader('Valor (miles)'), 'Valor (miles)', base, 'cartera.xlsx', scaled));
    expect(err.message).toBe(
      'cartera.xlsx: the amount column "Valor (miles)" says its amounts are in thousands ("miles"), but the cells\' format "#,##0," shows them divided by 1,000 ' +
        '(the first holds 1250000 and shows "1,250"). paylinks bills neither a scaled display nor an amount multiplied again; ' +
        'format the amount column without scaling (e.g. #,##0) so the sheet shows the amounts the cells hold, and take "miles" out of the header.',
    );
  });

  it('leaves a header without a unit, and no --amount-unit, to the rows (each scaled cell is refused there)', () => {
    expect(checkHeaderNotes({}, 'Valor', base, 'x', scaled)).toEqual({ unit: 1 });
    expect(checkHeaderNotes({}, 'Valor', { ...base, amountUnit: 1 }, 'x', scaled)).toEqual({ unit: 1 });
  });

  it('takes the header currency, or refuses one that --currency contradicts', () => {
    expect(checkHeaderNotes(readAmountHeader('Valor (USD)'), 'Valor (USD)', base, 'x')).toEqual({ unit: 1, currency: 'USD' });
    expect(checkHeaderNotes(readAmountHeader('Valor (USD)'), 'Valor (USD)', { currency: 'USD', currencyExplicit: true }, 'x')).toEqual({ unit: 1, currency: 'USD' });
    const err = mappingError(() => checkHeaderNotes(readAmountHeader('Valor (USD)'), 'Valor (USD)', { currency: 'COP', currencyExplicit: true }, 'x'));
    expect(err.code).toBe('HEADER_CURRENCY_CONFLICT');
    expect(err.message).toMatch(/"Valor \(USD\)" says its amounts are in USD, but --currency says COP/);
  });
});
