import { describe, expect, it } from 'vitest';
import { readAmountHeader, readDueHeader } from '../../../src/pipeline/rows/header-notes.js';
import { checkDueHeader, checkHeaderNotes } from '../../../src/pipeline/rows/header-rules.js';
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
    // units people write besides the words
    ['Valor (x1000)', { unit: 1000 }],
    ['Valor (x 1.000)', { unit: 1000 }],
    ['Valor (K)', { unit: 1000 }],
    ['Valor (k$)', { unit: 1000 }],
    ['Valor ($K)', { unit: 1000 }],
    ['Valor (M$)', { unit: 1000 }],
    ['Valor ($000)', { unit: 1000 }],
    ['Valor (en mil pesos)', { unit: 1000, currency: 'COP' }],
    ['Valor (x1.000.000)', { unit: 1_000_000 }],
    ['Valor (x1000000)', { unit: 1_000_000 }],
    ['Valor (MM$)', { unit: 1_000_000 }],
    ['Valor ($000.000)', { unit: 1_000_000 }],
    // ISO codes in capitals, and whose pesos
    ['Valor (CLP)', { currency: 'CLP' }],
    ['Valor (MXN)', { currency: 'MXN' }],
    ['Valor (CLP$)', { currency: 'CLP' }],
    ['Valor (pesos)', { currency: 'COP' }],
    ['Valor (en pesos)', { currency: 'COP' }],
    ['Valor (pesos colombianos)', { currency: 'COP' }],
    ['Valor (pesos m/cte)', { currency: 'COP' }],
    ['Valor (COP$)', { currency: 'COP' }],
    ['Valor (pesos chilenos)', { currency: 'CLP' }],
    ['Valor (peso chileno)', { currency: 'CLP' }],
    ['Valor (pesos de Chile)', { currency: 'CLP' }],
    ['Valor (pesos mexicanos)', { currency: 'MXN' }],
    ['Valor (pesos argentinos)', { currency: 'ARS' }],
    ['Valor (pesos uruguayos)', { currency: 'UYU' }],
    ['Valor (pesos dominicanos)', { currency: 'DOP' }],
    ['Valor (pesos cubanos)', { currency: 'CUP' }],
    ['Valor (pesos filipinos)', { currency: 'PHP' }],
    ['Amount (Chilean pesos)', { currency: 'CLP' }],
    ['Valor (miles de pesos chilenos)', { unit: 1000, currency: 'CLP' }],
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

describe('every note in the amount header is understood, harmless or refused', () => {
  // Understood or harmless: the header bills (unit notes still need --amount-unit, as before).
  it.each([
    'Valor', 'Valor (COP)', 'Valor (COP) *', 'Valor *', 'Valor ($)', 'Valor (COP$)', 'Valor ($ COP)', 'Valor (pesos)',
    'Valor (IVA incluido)', 'Valor (iva incluida)', 'Valor (incluye IVA)', 'Valor (incluido IVA)', 'Valor (con IVA)', 'Valor (CON IVA)',
    'Valor (a pagar)', 'Valor (neto a pagar)', 'Valor (total)', 'Valor (obligatorio)', 'Valor (requerido)', 'Amount (required)',
    'Amount (VAT included)', 'Amount (incl. VAT)', 'Amount (tax included)', 'Amount (to pay)',
    'Valor (con centavos)', 'Valor (sin centavos)', 'Valor (pesos, IVA incluido)', 'Valor (COP) (IVA incluido)',
    'Valor (miles de pesos)', 'Valor (x1000)', 'Valor (USD)', 'Valor (CLP)', 'Valor (pesos chilenos)', 'Valor US$', 'Valor en miles',
  ])('%j is read', (header) => {
    expect(readAmountHeader(header).refused).toBeUndefined();
  });

  it.each<[string, 'unknown' | 'cents' | 'currencies', string]>([
    ['Valor (centavos)', 'cents', 'centavos'],
    ['Valor (en centavos)', 'cents', 'centavos'],
    ['Amount (cents)', 'cents', 'cents'],
    ['Valor (céntimos)', 'cents', 'centimos'],
    ['Valor (USD/COP)', 'currencies', 'USD/COP'],
    ['Valor (USD) (COP)', 'currencies', 'USD, COP'],
    ['Valor (CLP/USD)', 'currencies', 'CLP/USD'],
    ['Valor en pesos (USD)', 'currencies', 'USD'],
    ['Valor (pesos bolivianos)', 'unknown', 'pesos bolivianos'],
    ['Valor (pesos de Bolivia)', 'unknown', 'pesos de bolivia'],
    ['Valor (pesos oro)', 'unknown', 'pesos oro'],
    ['Amount (Bolivian pesos)', 'unknown', 'bolivian pesos'],
    ['Valor (sin IVA)', 'unknown', 'sin IVA'],
    ['Valor (antes de IVA)', 'unknown', 'antes de IVA'],
    ['Valor (neto)', 'unknown', 'neto'],
    ['Valor (bruto)', 'unknown', 'bruto'],
    ['Valor (unidad)', 'unknown', 'unidad'],
    ['Valor (cuota 1 de 3)', 'unknown', 'cuota 1 de 3'],
    ['Valor (50%)', 'unknown', '50%'],
    ['Valor (x100)', 'unknown', 'x100'],
    ['Valor (/1000)', 'unknown', '/1000'],
    ['Valor (clp)', 'unknown', 'clp'], // a code is read in capitals only; lower case is not guessed
    ['Valor (PEN)', 'unknown', 'PEN'], // "pendiente" as often as soles: not read as a currency
    ['Valor (ALL)', 'unknown', 'ALL'],
    ['Valor (R$)', 'unknown', 'R$'],
    ['Valor (UF)', 'unknown', 'UF'],
    ['Valor (IVA incluido) (ver nota)', 'unknown', 'ver nota'],
  ])('%j is refused (%s)', (header, reason, note) => {
    const refused = readAmountHeader(header).refused;
    expect(refused?.reason).toBe(reason);
    if (reason === 'currencies') expect(refused?.currencies?.length).toBe(2);
    else expect(refused?.note).toBe(note);
  });

  it.each([
    ['Valor (x1000)', /says its amounts are in thousands \("x1000"\)/],
    ['Valor (K)', /--amount-unit 1000/],
    ['Valor (M$)', /--amount-unit 1000/],
    ['Valor ($000)', /--amount-unit 1000/],
    ['Valor (en mil pesos)', /--amount-unit 1000/],
    ['Valor (x1.000.000)', /--amount-unit 1000000/],
  ])('%j needs --amount-unit like "(miles)"', (header, message) => {
    const err = mappingError(() => checkHeaderNotes(readAmountHeader(header), header, { currency: 'COP', currencyExplicit: false }, 'x.csv'));
    expect(err.code).toBe('HEADER_UNIT_UNCONFIRMED');
    expect(err.message).toMatch(message);
  });

  it('refuses an unknown note with HEADER_NOTE_UNKNOWN, showing the header and the note and what to do', () => {
    const err = mappingError(() => checkHeaderNotes(readAmountHeader('Valor (neto)'), 'Valor (neto)', { currency: 'COP', currencyExplicit: false }, 'cartera.csv'));
    expect(err.code).toBe('HEADER_NOTE_UNKNOWN');
    expect(err.message).toMatch(/^cartera\.csv: the amount column "Valor \(neto\)" has the note "neto", which paylinks does not understand/);
    expect(err.message).toMatch(/rename the column without it/);
    expect(err.message).toMatch(/write the amounts in full/);
  });

  it('refuses cents and two currencies with HEADER_NOTE_UNKNOWN, saying why', () => {
    const opts = { currency: 'COP', currencyExplicit: false };
    const cents = mappingError(() => checkHeaderNotes(readAmountHeader('Valor (centavos)'), 'Valor (centavos)', { ...opts, amountUnit: 1 }, 'x.csv'));
    expect(cents.code).toBe('HEADER_NOTE_UNKNOWN');
    expect(cents.message).toMatch(/"Valor \(centavos\)" says its amounts are in cents \("centavos"\), and paylinks does not divide amounts/);
    const two = mappingError(() => checkHeaderNotes(readAmountHeader('Valor (USD/COP)'), 'Valor (USD/COP)', opts, 'x.csv'));
    expect(two.code).toBe('HEADER_NOTE_UNKNOWN');
    expect(two.message).toMatch(/"Valor \(USD\/COP\)" names 2 currencies \(USD, COP\)/);
  });

  it('a currency other than the run\'s sets the rows\' currency, or conflicts with --currency', () => {
    expect(checkHeaderNotes(readAmountHeader('Valor (CLP)'), 'Valor (CLP)', { currency: 'COP', currencyExplicit: false }, 'x')).toEqual({ unit: 1, currency: 'CLP' });
    expect(checkHeaderNotes(readAmountHeader('Valor (pesos chilenos)'), 'Valor (pesos chilenos)', { currency: 'COP', currencyExplicit: false }, 'x')).toEqual({
      unit: 1,
      currency: 'CLP',
    });
    const err = mappingError(() => checkHeaderNotes(readAmountHeader('Valor (pesos chilenos)'), 'Valor (pesos chilenos)', { currency: 'COP', currencyExplicit: true }, 'x'));
    expect(err.code).toBe('HEADER_CURRENCY_CONFLICT');
    expect(err.message).toMatch(/says its amounts are in CLP, but --currency says COP/);
  });

  it('a bare "$" agrees with pesos and dollars, not with EUR', () => {
    expect(checkHeaderNotes(readAmountHeader('Valor ($)'), 'Valor ($)', { currency: 'USD', currencyExplicit: true }, 'x')).toEqual({ unit: 1 });
    const err = mappingError(() => checkHeaderNotes(readAmountHeader('Valor ($)'), 'Valor ($)', { currency: 'EUR', currencyExplicit: true }, 'x'));
    expect(err.code).toBe('HEADER_CURRENCY_CONFLICT');
    expect(err.message).toMatch(/writes its amounts with "\$" \(pesos or dollars\), but the run's currency is EUR/);
  });

  it.each(['Valor (IVA incluido)', 'Valor (x1000)', 'Valor (K)', 'Valor (centavos)', 'Valor (neto)', 'Valor (pesos chilenos)', 'Valor (USD/COP)'])(
    '%j still names the amount column, so its note is read',
    (header) => {
      expect(fieldOfHeader(header)).toBe('amount');
    },
  );
});

describe('date-order notes in the due-date header', () => {
  it.each<[string, string | undefined]>([
    ['Fecha de vencimiento', undefined],
    ['Fecha de vencimiento (dd/mm/aaaa)', 'dmy'],
    ['Fecha de vencimiento (DD/MM/AAAA)', 'dmy'],
    ['Vence (d/m/aaaa)', 'dmy'],
    ['Vence (dd-mm-aaaa)', 'dmy'],
    ['Vence (dd.mm.yyyy)', 'dmy'],
    ['Vence (día/mes/año)', 'dmy'],
    ['Vence (dd/mm)', 'dmy'],
    ['Vence (dd/mm/aa)', 'dmy'],
    ['Fecha de vencimiento (mm/dd/aaaa)', 'mdy'],
    ['Due date (MM/DD/YYYY)', 'mdy'],
    ['Due date (month/day/year)', 'mdy'],
    ['Vence (aaaa-mm-dd)', 'ymd'],
    ['Due date (yyyy-mm-dd)', 'ymd'],
    ['Vence (aaaa/mm/dd)', 'ymd'],
    ['Vence (dd-mmm-aaaa)', 'any'],
    ['Due date (mmm dd, yyyy)', undefined], // no separator between month and day: not a pattern this reads, and harmless
    ['Vence (aaaa/dd/mm)', 'unreadable'],
    ['Vence (mm/aaaa)', 'unreadable'],
    // near misses: words that are not patterns
    ['Fecha de vencimiento (hora Colombia)', undefined],
    ['Vencimiento (día hábil)', undefined],
  ])('%j → %s', (header, order) => {
    expect(readDueHeader(header)[0]?.order).toBe(order);
  });

  const es = { locale: 'es-CO' as const };
  const us = { locale: 'en-US' as const };

  it.each<[string, { locale: 'es-CO' | 'en-US'; dateOrder?: 'dmy' | 'mdy' | 'ymd' }, 'dmy' | 'mdy' | 'ymd']>([
    ['Fecha de vencimiento (dd/mm/aaaa)', es, 'dmy'],
    ['Fecha de vencimiento (mm/dd/aaaa)', { ...es, dateOrder: 'mdy' }, 'mdy'],
    ['Due date (MM/DD/YYYY)', us, 'mdy'],
    ['Vence (aaaa-mm-dd)', { ...es, dateOrder: 'ymd' }, 'ymd'],
    ['Vence (dd-mmm-aaaa)', es, 'dmy'],
    ['Vence (dd-mmm-aaaa)', us, 'mdy'],
    ['Fecha de vencimiento (hora Colombia)', us, 'mdy'],
  ])('%j agrees with %j: read as usual', (header, options, order) => {
    expect(() => checkDueHeader(header, options, order, 'x.csv')).not.toThrow();
  });

  it.each<[string, { locale: 'es-CO' | 'en-US'; dateOrder?: 'dmy' | 'mdy' | 'ymd' }, 'dmy' | 'mdy' | 'ymd', RegExp]>([
    ['Fecha de vencimiento (mm/dd/aaaa)', es, 'dmy', /says its dates are month\/day\/year \("mm\/dd\/aaaa"\), but this run reads dates as day\/month\/year \(--locale es-CO\).*run with --date-order mdy/],
    ['Fecha de vencimiento (dd/mm/aaaa)', us, 'mdy', /reads dates as month\/day\/year \(--locale en-US\).*run with --date-order dmy/],
    ['Fecha de vencimiento (dd/mm/aaaa)', { ...es, dateOrder: 'mdy' }, 'mdy', /\(--date-order mdy\).*run with --date-order dmy/],
    ['Vence (aaaa-mm-dd)', es, 'dmy', /year-month-day.*run with --date-order ymd/],
    ['Vence (aaaa/dd/mm)', es, 'dmy', /"aaaa\/dd\/mm", an order paylinks does not read/],
  ])('%j under %j is refused', (header, options, order, message) => {
    const err = mappingError(() => checkDueHeader(header, options, order, 'x.csv'));
    expect(err.code).toBe('HEADER_DATE_ORDER_CONFLICT');
    expect(err.message).toContain(`"${header}"`);
    expect(err.message).toMatch(message);
  });
});
