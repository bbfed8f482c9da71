/**
 * Two ways a row's meaning went missing without a sound:
 *
 * - ROW_TOO_WIDE: a CSV value holding the separator (`1,250,000` unquoted in
 *   a `,` file) splits into cells; the header maps only the first piece, so
 *   1,250,000 was billed as 1 and the rest dropped.
 * - CURRENCY_MISSING: a blank cell in a currency column was filled with the
 *   run's currency (COP), so a row whose neighbours say USD billed pesos.
 *
 * Near misses must still bill: trailing empty cells (Excel writes `;;;`), a
 * workbook's cells beyond the header (nothing is split there), a sheet with
 * no currency column, and a currency the amount header names.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/io/types.js';
import { mapColumns } from '../../../src/pipeline/rows/headers.js';
import { createRowPreparer, type SheetReading } from '../../../src/pipeline/rows/validate.js';
import type { PreparedRow, RequestOptions } from '../../../src/pipeline/types.js';
import { requestOptions } from '../../helpers/request-options.js';

const options: RequestOptions = requestOptions({ now: new Date('2026-11-27T15:00:00Z') });

function prepareOne(header: string[], cells: CellValue[], sheet?: SheetReading, extra: Partial<RequestOptions> = {}): PreparedRow {
  const prepare = createRowPreparer(mapColumns(header, { file: 'cartera.csv' }), { ...options, ...extra }, 'cartera.csv', sheet);
  return prepare({ rowNumber: 3, cells });
}

describe('ROW_TOO_WIDE: a CSV row with cells beyond the header', () => {
  const header = ['Referencia', 'Cliente', 'Fecha de vencimiento', 'Valor'];
  const comma: SheetReading = { format: 'csv', delimiter: ',' };
  const commaAdviceCO = 'quote a value that contains a comma (write "1.250.000,50", not 1.250.000,50), or save the CSV with ; as the separator, as Excel in Spanish does.';

  it.each<[string, CellValue[], SheetReading, Partial<RequestOptions>, string, string]>([
    ['1,250,000 unquoted (en-US)', ['F-1', 'Ana', '01/15/2027', '1', '250', '000'], comma, { locale: 'en-US' }, '250,000',
      'Row 3: the row has 6 cells but the header has 4 columns, so "250", "000" belong to no column: a value holding the separator "," was probably split into several cells; ' +
        'quote a value that contains a comma (write "1,250,000", not 1,250,000), or save the CSV with ; as the separator, as Excel in Spanish does.'],
    ['850,50 unquoted (es-CO)', ['F-2', 'Beto', '15/01/2027', '850', '50'], comma, {}, '50',
      `Row 3: the row has 5 cells but the header has 4 columns, so "50" belongs to no column: a value holding the separator "," was probably split into several cells; ${commaAdviceCO}`],
    ['a split value followed by empty cells', ['F-3', 'Caro', '15/01/2027', '850', '50', '', ' '], comma, {}, '50',
      `Row 3: the row has 5 cells but the header has 4 columns, so "50" belongs to no column: a value holding the separator "," was probably split into several cells; ${commaAdviceCO}`],
    ['an empty cell between the header and an extra one', ['F-4', 'Dani', '15/01/2027', '1.000', '', 'x'], comma, {}, ',x',
      `Row 3: the row has 6 cells but the header has 4 columns, so "", "x" belong to no column: a value holding the separator "," was probably split into several cells; ${commaAdviceCO}`],
    ['many extra cells', ['F-5', 'Eva', '15/01/2027', '1', '2', '3', '4', '5', '6', '7', '8'], comma, {}, '2,3,4,5,6,7,8',
      `Row 3: the row has 11 cells but the header has 4 columns, so "2", "3", "4", "5", "6" and 2 more belong to no column: a value holding the separator "," was probably split into several cells; ${commaAdviceCO}`],
    ['a ; file', ['F-6', 'Fer', '15/01/2027', '1.000', 'nota'], { format: 'csv', delimiter: ';' }, {}, 'nota',
      'Row 3: the row has 5 cells but the header has 4 columns, so "nota" belongs to no column: a value holding the separator ";" was probably split into several cells; ' +
        'quote a value that contains ";", or remove the cells past the last column.'],
    ['a tab file', ['F-7', 'Gabi', '15/01/2027', '1.000', 'nota'], { format: 'csv', delimiter: '\t' }, {}, 'nota',
      'Row 3: the row has 5 cells but the header has 4 columns, so "nota" belongs to no column: a value holding the separator a tab was probably split into several cells; ' +
        'quote a value that contains a tab, or remove the cells past the last column.'],
  ])('%s is refused, never billed', (_what, cells, sheet, extra, value, message) => {
    const row = prepareOne(header, cells, sheet, extra);
    expect(row.request).toBeUndefined();
    expect(row.errors.map((e) => e.code)).toEqual(['ROW_TOO_WIDE']);
    expect(row.errors[0]).toEqual({ code: 'ROW_TOO_WIDE', rowNumber: 3, value, message });
    // The split first piece ("1" of 1,250,000) is not an amount the sheet means: no total counts it.
    expect(row.amount).toBeUndefined();
  });

  it('reports the row\'s other problems with it', () => {
    const row = prepareOne(header, ['F-1', 'Ana', '', '1', '250'], comma);
    expect(row.errors.map((e) => e.code)).toEqual(['ROW_TOO_WIDE', 'DUE_DATE_MISSING']);
  });

  it.each<[string, CellValue[], SheetReading | undefined, string]>([
    ['exactly the header\'s width', ['F-1', 'Ana', '15/01/2027', '1.250.000'], comma, '1250000'],
    ['trailing empty cells (Excel writes ;;;)', ['F-1', 'Ana', '15/01/2027', '1.250.000', '', '', ''], { format: 'csv', delimiter: ';' }, '1250000'],
    ['trailing blank and null cells', ['F-1', 'Ana', '15/01/2027', '1.250.000', '  ', null], comma, '1250000'],
    ['a quoted comma amount in one cell (en-US)', ['F-1', 'Ana', '15/01/2027', '1,250,000'], comma, '1250000'],
    ['a quoted decimal comma in one cell (es-CO)', ['F-1', 'Ana', '15/01/2027', '850,50'], comma, '850.5'],
    ['a workbook with a note beyond the header (nothing is split there)', ['F-1', 'Ana', new Date(Date.UTC(2027, 0, 15)), 1250000, 'pagará en enero'], { format: 'xlsx' }, '1250000'],
    ['no reading given (the reconcile pass)', ['F-1', 'Ana', '15/01/2027', '1.250.000', 'x'], undefined, '1250000'],
  ])('%s still bills', (what, cells, sheet, amount) => {
    const locale = what.includes('en-US') ? { locale: 'en-US' as const, dateOrder: 'dmy' as const } : {};
    const row = prepareOne(header, cells, sheet, locale);
    expect(row.errors).toEqual([]);
    expect(row.request?.payment.amount.total).toBe(amount);
  });

  it('accepts a value under a header cell left empty: it is inside the header\'s width', () => {
    const row = prepareOne([...header, ''], ['F-1', 'Ana', '15/01/2027', '1.250.000', 'nota'], comma);
    expect(row.errors).toEqual([]);
  });
});

describe('CURRENCY_MISSING: a blank cell in a currency column', () => {
  const header = ['Referencia', 'Cliente', 'Valor', 'Moneda', 'Vencimiento'];
  const message = 'Row 3, column "Moneda": the currency is empty; write an ISO 4217 code such as COP or USD (--currency applies only to sheets without a currency column).';

  it.each<[string, CellValue, Partial<RequestOptions>]>([
    ['an empty cell', '', {}],
    ['a cell of spaces', '   ', {}],
    ['a missing cell (a short row)', null, {}],
    ['an empty cell with --currency USD', '', { currency: 'USD', currencyExplicit: true }],
  ])('%s is refused, not filled with the run\'s currency', (_what, currency, extra) => {
    const row = prepareOne(header, ['F-2', 'Beta', '2.500', currency, '15/12/2026'], { format: 'csv', delimiter: ',' }, extra);
    expect(row.request).toBeUndefined();
    expect(row.errors).toEqual([{ code: 'CURRENCY_MISSING', rowNumber: 3, column: 'Moneda', field: 'currency', value: '', message }]);
    // No currency is stated for the row, so no total counts its amount as pesos.
    expect(row.currency).toBeUndefined();
  });

  it('is the only currency complaint when the amount names a currency', () => {
    const row = prepareOne(header, ['F-2', 'Beta', 'USD 2.500', '', '15/12/2026']);
    expect(row.errors.map((e) => e.code)).toEqual(['CURRENCY_MISSING']);
  });

  it('is not added to an Excel error in the currency cell', () => {
    const row = prepareOne(header, ['F-2', 'Beta', 2500, { error: '#N/A' }, new Date(Date.UTC(2026, 11, 15))]);
    expect(row.errors.map((e) => e.code)).toEqual(['CELL_ERROR']);
  });

  it.each<[string, string[], CellValue[], Partial<RequestOptions>, string]>([
    ['a code in the cell', header, ['F-1', 'Acme', '1.250', 'USD', '15/12/2026'], {}, 'USD'],
    ['a lower-case code', header, ['F-1', 'Acme', '1.250', 'cop', '15/12/2026'], {}, 'COP'],
    ['no currency column: the run\'s default', ['Referencia', 'Cliente', 'Valor', 'Vencimiento'], ['F-1', 'Acme', '1.250', '15/12/2026'], {}, 'COP'],
    ['no currency column: --currency', ['Referencia', 'Cliente', 'Valor', 'Vencimiento'], ['F-1', 'Acme', '1.250', '15/12/2026'], { currency: 'USD', currencyExplicit: true }, 'USD'],
    ['a blank cell under an amount header naming the currency', ['Referencia', 'Cliente', 'Valor (USD)', 'Moneda', 'Vencimiento'], ['F-1', 'Acme', '1.250', '', '15/12/2026'], {}, 'USD'],
  ])('%s still bills', (_what, head, cells, extra, currency) => {
    const row = prepareOne(head, cells, { format: 'csv', delimiter: ',' }, extra);
    expect(row.errors).toEqual([]);
    expect(row.request?.payment.amount).toEqual({ currency, total: '1250' });
  });

  it('no longer advises leaving a bad code empty, unless the amount header names the currency', () => {
    const plain = prepareOne(header, ['F-1', 'Acme', '1.250', 'PESOS', '15/12/2026']);
    expect(plain.errors[0]?.message).toBe('Row 3, column "Moneda": "PESOS" is not a currency code; write a 3-letter ISO 4217 code such as COP or USD.');
    const named = prepareOne(['Referencia', 'Cliente', 'Valor (USD)', 'Moneda', 'Vencimiento'], ['F-1', 'Acme', '1.250', 'PESOS', '15/12/2026']);
    expect(named.errors[0]?.message).toBe(
      'Row 3, column "Moneda": "PESOS" is not a currency code; write a 3-letter ISO 4217 code such as COP or USD, or leave it empty for USD (the amount header\'s).',
    );
  });
});
