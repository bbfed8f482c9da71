/**
 * The preparer with what real sheets carry besides cells: header notes
 * (units, currencies), cell formats, hidden and total rows, and due dates
 * far ahead.
 */
import { describe, expect, it } from 'vitest';
import type { CellFormat, CellValue, RawRow } from '../../../src/io/types.js';
import { mapColumns } from '../../../src/pipeline/rows/headers.js';
import { MappingError } from '../../../src/pipeline/rows/mapping-error.js';
import { createRowPreparer } from '../../../src/pipeline/rows/validate.js';
import { RunError } from '../../../src/pipeline/run-error.js';
import type { RequestOptions } from '../../../src/pipeline/types.js';
import { requestOptions } from '../../helpers/request-options.js';

// "Today" is fixed: the due-date window is measured from it.
const options: RequestOptions = requestOptions({ now: new Date('2026-11-27T15:00:00Z') });

function preparer(header: string[], extra: Partial<RequestOptions> = {}) {
  return createRowPreparer(mapColumns(header, { file: 'cartera.csv' }), { ...options, ...extra }, 'cartera.csv');
}

function row(cells: CellValue[], extra: Partial<RawRow> = {}): RawRow {
  return { rowNumber: 5, cells, ...extra };
}

describe('units in the amount header', () => {
  const header = ['Factura', 'Valor (miles de pesos)', 'Vence'];

  it('refuses the run until the unit is confirmed', () => {
    expect(() => preparer(header)).toThrow(MappingError);
    expect(() => preparer(header)).toThrow(/--amount-unit 1000/);
  });

  it.each<[CellValue, string]>([
    ['1.250', '1250000'],
    ['1.250,5', '1250500'],
    ['0,75', '750'],
    [1250.5, '1250500'],
  ])('with --amount-unit 1000 bills %j as %s, exactly', (cell, expected) => {
    const prepared = preparer(header, { amountUnit: 1000 })(row(['F-1', cell, '15/03/2027']));
    expect(prepared.errors).toEqual([]);
    expect(prepared.amount).toBe(expected);
    expect(prepared.request?.payment.amount).toEqual({ currency: 'COP', total: expected });
    // The sheet's own figure is kept for the output's amount column.
    expect(prepared.sheetAmount).toBeDefined();
  });

  it('multiplies by a million and still refuses amounts that grow too large', () => {
    const prepare = preparer(['Factura', 'Valor (millones)', 'Vence'], { amountUnit: 1_000_000 });
    expect(prepare(row(['F-1', '1,5', '15/03/2027'])).amount).toBe('1500000');
    expect(prepare(row(['F-2', '9.999.999.999', '15/03/2027'])).errors[0]?.code).toBe('AMOUNT_TOO_LARGE');
  });

  it('bills as written with --amount-unit 1', () => {
    expect(preparer(header, { amountUnit: 1 })(row(['F-1', '1.250', '15/03/2027'])).amount).toBe('1250');
  });
});

describe('currencies in the amount header and the currency column', () => {
  it('sets the rows currency from the header', () => {
    const prepared = preparer(['Factura', 'Valor (USD)', 'Vence'])(row(['F-1', '1.500', '15/03/2027']));
    expect(prepared.request?.payment.amount).toEqual({ currency: 'USD', total: '1500' });
  });

  it('refuses the run when --currency says another', () => {
    expect(() => preparer(['Factura', 'Valor (USD)', 'Vence'], { currencyExplicit: true })).toThrow(/HEADER_CURRENCY_CONFLICT|says its amounts are in USD, but --currency says COP/);
  });

  it('marks a row whose currency column disagrees with the header CURRENCY_CONFLICT', () => {
    const prepare = preparer(['Factura', 'Valor US$', 'Vence', 'Moneda']);
    expect(prepare(row(['F-1', '1.500', '15/03/2027', 'USD'])).errors).toEqual([]);
    const bad = prepare(row(['F-2', '1.500', '15/03/2027', 'COP']));
    expect(bad.errors[0]).toMatchObject({ code: 'CURRENCY_CONFLICT', column: 'Moneda' });
    expect(bad.errors[0]?.message).toMatch(/the row says COP, but the amount column "Valor US\$" says its amounts are in USD/);
  });
});

describe('cell formats', () => {
  const header = ['Factura', 'Valor', 'Vence'];
  const withFormat = (cells: CellValue[], format: CellFormat) => row(cells, { formats: [undefined, format, undefined] });

  it.each<[string, CellFormat, string | undefined]>([
    ['[$USD-409] format on a COP row', { numFmt: '[$USD-409] #,##0.00', currency: 'USD' }, 'CURRENCY_CONFLICT'],
    ['€ format', { numFmt: '#,##0.00 [$€-C0A]', currency: 'EUR' }, 'CURRENCY_CONFLICT'],
    ['[$COP] format', { numFmt: '[$COP] #,##0', currency: 'COP' }, undefined],
    ['bare $ under es-CO (COP)', { numFmt: '"$" #,##0', dollarSign: true }, undefined],
    ['no currency', { numFmt: '#,##0' }, undefined],
  ])('%s → %s', (_, format, code) => {
    const prepared = preparer(header)(withFormat(['F-1', 1250000, '15/03/2027'], format));
    expect(prepared.errors[0]?.code).toBe(code);
  });

  it('a bare $ is pesos or dollars: a COP row bills under en-US too, a EUR row refuses it', () => {
    const cop = preparer(header, { locale: 'en-US' })(withFormat(['F-1', 1250000, '03/15/2027'], { numFmt: '$#,##0.00', dollarSign: true }));
    expect(cop.errors).toEqual([]);
    expect(cop.amount).toBe('1250000');
    const eur = preparer(header, { locale: 'en-US', currency: 'EUR' })(withFormat(['F-1', 1250000, '03/15/2027'], { numFmt: '$#,##0.00', dollarSign: true }));
    expect(eur.errors[0]).toMatchObject({ code: 'CURRENCY_CONFLICT' });
    expect(eur.errors[0]?.message).toMatch(/bare "\$" \(pesos or dollars\).*the row's currency is EUR/);
  });

  it('refuses an amount whose format hides decimals, showing both', () => {
    const prepared = preparer(header)(withFormat(['F-1', 119399.84, '15/03/2027'], { numFmt: '#,##0', displayed: '$ 119.400', displayDecimals: 0 }));
    expect(prepared.errors[0]).toMatchObject({ code: 'AMOUNT_DISPLAY_MISMATCH' });
    expect(prepared.errors[0]?.message).toMatch(/holds 119399\.84 but its format shows "\$ 119\.400".*--bill-displayed to bill 119400/);
    expect(prepared.request).toBeUndefined();
  });

  it('bills the displayed amount with --bill-displayed', () => {
    const prepared = preparer(header, { billDisplayed: true })(withFormat(['F-1', 119399.84, '15/03/2027'], { numFmt: '#,##0', displayDecimals: 0 }));
    expect(prepared.errors).toEqual([]);
    expect(prepared.amount).toBe('119400');
  });

  it('accepts a format that shows every decimal the cell holds', () => {
    const prepared = preparer(header)(withFormat(['F-1', 119400, '15/03/2027'], { numFmt: '#,##0', displayDecimals: 0 }));
    expect(prepared.errors).toEqual([]);
  });

  it('reads a serial number as a date only from a date-formatted cell', () => {
    const prepare = preparer(header);
    expect(prepare(row(['F-1', '1.000', 46461], { formats: [undefined, undefined, { isDate: true, numFmt: 'dd/mm/yyyy' }] })).expiresAt).toBe('2027-03-15 23:59:59');
    expect(prepare(row(['F-2', '1.000', 1052027])).errors[0]?.code).toBe('DUE_DATE_NOT_A_DATE_CELL');
  });
});

describe('the due-date window', () => {
  const header = ['Factura', 'Valor', 'Vence'];

  it.each<[string, string | undefined]>([
    ['27/11/2026', undefined],
    ['27/11/2029', undefined],
    ['28/11/2029', 'DUE_DATE_OUT_OF_RANGE'],
    ['15/01/2207', 'DUE_DATE_OUT_OF_RANGE'],
    ['31/12/9999', 'DUE_DATE_OUT_OF_RANGE'],
    ['26/11/2026', 'DUE_DATE_PAST'],
  ])('%s → %s', (due, code) => {
    expect(preparer(header)(row(['F-1', '1.000', due])).errors[0]?.code).toBe(code);
  });

  it('says the window and the flag', () => {
    const message = preparer(header)(row(['F-1', '1.000', '31/12/9999'])).errors[0]?.message;
    expect(message).toBe(
      'Row 5, column "Vence": "31/12/9999" (9999-12-31) is too far ahead to be a due date: due dates from 2026-11-27 to 2029-11-27 (3 years ahead) are accepted; correct the date, or widen the window with --max-due-years.',
    );
  });

  it('widens with --max-due-years', () => {
    expect(preparer(header, { maxDueYears: 10 })(row(['F-1', '1.000', '15/01/2036'])).errors).toEqual([]);
  });
});

describe('decimal mark and date order apart from the locale', () => {
  it('reads an ERP export (dot decimals, day-first dates) under es-CO with --decimal .', () => {
    const prepared = preparer(['Factura', 'Valor', 'Vence'], { decimal: '.' })(row(['F-1', '1250000.00', '10/02/2027']));
    expect(prepared.errors).toEqual([]);
    expect(prepared).toMatchObject({ amount: '1250000', expiresAt: '2027-02-10 23:59:59' });
  });

  it('reads month-first dates with --date-order mdy, amounts unchanged', () => {
    const prepared = preparer(['Factura', 'Valor', 'Vence'], { dateOrder: 'mdy' })(row(['F-1', '1.250.000', '02/10/2027']));
    expect(prepared).toMatchObject({ amount: '1250000', expiresAt: '2027-02-10 23:59:59' });
  });
});

describe('rows that are not bills', () => {
  const header = ['Factura', 'Cliente', 'Valor', 'Vence'];

  it('skips a TOTAL row with a date and an amount: no request, no errors', () => {
    const prepared = preparer(header)(row(['TOTAL', '', '1.350.000', '15/03/2027']));
    expect(prepared.skip?.code).toBe('TOTAL_ROW');
    expect(prepared.errors).toEqual([]);
    expect(prepared.request).toBeUndefined();
  });

  it('does not let a hidden row claim a reference the visible row uses', () => {
    const prepare = preparer(header);
    expect(prepare(row(['F-1', 'Ana', '1.000', '15/03/2027'], { hidden: true })).skip?.code).toBe('HIDDEN_ROW');
    expect(prepare(row(['F-1', 'Ana', '1.000', '15/03/2027'])).errors).toEqual([]);
  });

  it('gives a hidden row the fingerprint it would have visible (a resumed run still finds its link)', () => {
    const hidden = preparer(header)(row(['F-1', 'Ana', '1.000', '15/03/2027'], { hidden: true }));
    const shown = preparer(header)(row(['F-1', 'Ana', '1.000', '15/03/2027']));
    expect(hidden.fingerprint).toBe(shown.fingerprint);
  });

  it('bills a hidden row with --include-hidden, with a warning', () => {
    const prepared = preparer(header, { includeHidden: true })(row(['F-1', 'Ana', '1.000', '15/03/2027'], { hidden: true, warnings: ['odd text'] }));
    expect(prepared.request).toBeDefined();
    expect(prepared.warnings).toEqual(['odd text', 'Row 5 is hidden in the sheet and was billed because of --include-hidden.']);
  });
});

describe('settings errors are typed', () => {
  it('refuses a bad currency with a RunError, not a plain Error', () => {
    expect(() => preparer(['Factura', 'Valor', 'Vence'], { currency: 'PESOS' })).toThrow(RunError);
  });

  it('refuses an unknown time zone with a RunError', () => {
    expect(() => preparer(['Factura', 'Valor', 'Vence'], { timeZone: 'Mars/Olympus' })).toThrow(RunError);
  });
});

describe('notes the preparer never drops (amount and due-date headers)', () => {
  it.each<[string, string, string]>([
    ['Valor (IVA incluido)', '1.250.000', 'COP'],
    ['Valor (a pagar)', '1.250.000', 'COP'],
    ['Valor ($)', '1.250.000', 'COP'],
    ['Valor (pesos)', '1.250.000', 'COP'],
    ['Valor (pesos chilenos)', '1.250', 'CLP'],
    ['Valor (CLP)', '1.250', 'CLP'],
  ])('%j bills %s in %s', (amountHeader, cell, currency) => {
    const prepared = preparer(['Factura', amountHeader, 'Vence'])(row(['F-1', cell, '15/03/2027']));
    expect(prepared.errors).toEqual([]);
    expect(prepared.request?.payment.amount.currency).toBe(currency);
  });

  it.each([
    ['Valor (x1000)', 'HEADER_UNIT_UNCONFIRMED'],
    ['Valor (K)', 'HEADER_UNIT_UNCONFIRMED'],
    ['Valor (M$)', 'HEADER_UNIT_UNCONFIRMED'],
    ['Valor ($000)', 'HEADER_UNIT_UNCONFIRMED'],
    ['Valor (en mil pesos)', 'HEADER_UNIT_UNCONFIRMED'],
    ['Valor (centavos)', 'HEADER_NOTE_UNKNOWN'],
    ['Valor (USD/COP)', 'HEADER_NOTE_UNKNOWN'],
    ['Valor (neto)', 'HEADER_NOTE_UNKNOWN'],
    ['Valor (pesos bolivianos)', 'HEADER_NOTE_UNKNOWN'],
  ])('%j refuses the run before any row (%s)', (amountHeader, code) => {
    let thrown: unknown;
    try {
      preparer(['Factura', amountHeader, 'Vence']);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(MappingError);
    expect((thrown as MappingError).code).toBe(code);
  });

  it('applies a confirmed (x1000) like (miles)', () => {
    expect(preparer(['Factura', 'Valor (x1000)', 'Vence'], { amountUnit: 1000 })(row(['F-1', '1.250', '15/03/2027'])).amount).toBe('1250000');
  });

  it('refuses a due-date header whose order disagrees with the run, and reads it when they agree', () => {
    const header = ['Factura', 'Valor', 'Fecha de vencimiento (mm/dd/aaaa)'];
    expect(() => preparer(header)).toThrow(/HEADER_DATE_ORDER_CONFLICT|--date-order mdy/);
    expect(preparer(header, { dateOrder: 'mdy' })(row(['F-1', '1.250.000', '01/12/2027'])).expiresAt).toBe('2027-01-12 23:59:59');
    const dmy = ['Factura', 'Valor', 'Fecha de vencimiento (dd/mm/aaaa)'];
    expect(preparer(dmy)(row(['F-1', '1.250.000', '01/12/2027'])).expiresAt).toBe('2027-12-01 23:59:59');
  });
});
