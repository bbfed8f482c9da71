import { describe, expect, it } from 'vitest';
import type { CellValue, RawRow } from '../../../src/io/types.js';
import { MappingError } from '../../../src/pipeline/rows/mapping-error.js';
import { mapColumns } from '../../../src/pipeline/rows/headers.js';
import { checkTemplate, renderTemplate, TemplateError } from '../../../src/pipeline/rows/text-template.js';
import type { PreparedRow, RequestOptions, RowErrorCode } from '../../../src/pipeline/types.js';
import { createRowPreparer } from '../../../src/pipeline/rows/validate.js';
import { requestOptions } from '../../helpers/request-options.js';

const HEADER = ['Referencia', 'Nombre', 'Valor', 'Vencimiento', 'Correo', 'Celular', 'Concepto'];
/** Rows bill in the run's currency (no currency column; an 8th cell is ignored). */
const map = mapColumns(HEADER, { file: 'cartera.csv' });
/** Each row names its currency: a blank Moneda cell is CURRENCY_MISSING (validate-width-currency.test.ts). */
const withCurrency = mapColumns([...HEADER, 'Moneda'], { file: 'cartera.csv' });

const options: RequestOptions = requestOptions({
  notify: ['email', 'sms'],
  notificationUrl: 'https://example.com/hook',
  linkLocale: 'es_CO',
  paymentMethods: ['pse', 'visa'],
  now: new Date('2027-03-01T12:00:00Z'),
});

function rows(cells: CellValue[][]): RawRow[] {
  return cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));
}

function codes(row: PreparedRow): RowErrorCode[] {
  return row.errors.map((e) => e.code);
}

describe('a valid row', () => {
  it('becomes a complete create request', () => {
    const prepare = createRowPreparer(map, options);
    const cells: CellValue[] = ['FAC-1', '  Ana Pérez ', '1.250.000,50', '15/03/2027', 'ana@example.com', '300 123 4567', 'Cuota marzo', ''];
    const row = prepare({ rowNumber: 2, cells });
    expect(row.errors).toEqual([]);
    expect(row.cells).toBe(cells);
    expect(row).toMatchObject({ rowNumber: 2, reference: 'FAC-1', amount: '1250000.5', currency: 'COP', expiresAt: '2027-03-15 23:59:59' });
    expect(row.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(row.request).toEqual({
      name: 'Ana Pérez',
      reference: 'FAC-1',
      description: 'Cuota marzo',
      expirationDate: '2027-03-15 23:59:59',
      paymentExpiration: 15,
      paymentsAllowed: 1,
      payment: { amount: { currency: 'COP', total: '1250000.5' } },
      notificationUrl: 'https://example.com/hook',
      locale: 'es_CO',
      paymentMethod: ['pse', 'visa'],
      recipients: [{ email: 'ana@example.com', phoneNumber: '+573001234567', sendSMS: true }],
    });
  });

  it('takes XLSX-typed cells, a per-row currency, the description template and reaches the payer by one channel', () => {
    const prepare = createRowPreparer(withCurrency, options);
    const row = prepare({ rowNumber: 7, cells: [1001, null, 25000, new Date(Date.UTC(2027, 2, 31)), null, 3001234567, null, 'usd'] });
    expect(row.errors).toEqual([]);
    expect(row.request).toMatchObject({
      name: '1001',
      reference: '1001',
      description: 'Factura 1001',
      expirationDate: '2027-03-31 23:59:59',
      payment: { amount: { currency: 'USD', total: '25000' } },
      recipients: [{ phoneNumber: '+573001234567', sendSMS: true }],
    });
  });

  it('gives the same fingerprint for the same bill and a different one when the bill changes', () => {
    const a = createRowPreparer(map, options)({ rowNumber: 2, cells: ['FAC-1', 'Ana', '1.000', '15/03/2027', 'a@b.co'] });
    const b = createRowPreparer(map, options)({ rowNumber: 9, cells: ['FAC-1', 'Ana', '1000', '2027-03-15', 'a@b.co'] });
    const c = createRowPreparer(map, options)({ rowNumber: 2, cells: ['FAC-1', 'Ana', '1.001', '15/03/2027', 'a@b.co'] });
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });
});

describe('row errors', () => {
  const long = 'x'.repeat(251);
  const table = rows([
    /* 2 */ ['FAC-1', 'Ana', '1.000', '15/03/2027', 'ana@example.com', '', '', 'COP'],
    /* 3 */ ['FAC-2', 'Beto', '', '15/03/2027', 'b@example.com', '', '', 'COP'],
    /* 4 */ ['FAC-3', 'Caro', '1,250,000.50', '15/03/2027', 'c@example.com', '', '', 'COP'],
    /* 5 */ ['FAC-4', 'Dani', '-5', '15/03/2027', 'd@example.com', '', '', 'COP'],
    /* 6 */ ['FAC-5', 'Eva', '12345678901234567890', '15/03/2027', 'e@example.com', '', '', 'COP'],
    /* 7 */ ['FAC-6', 'Fer', '1.000', '', 'f@example.com', '', '', 'COP'],
    /* 8 */ ['FAC-7', 'Gabi', '1.000', '31/02/2027', 'g@example.com', '', '', 'COP'],
    /* 9 */ ['FAC-8', 'Hugo', '1.000', '2027-02-28', 'h@example.com', '', '', 'COP'],
    /* 10 */ ['', 'Iris', '1.000', '15/03/2027', 'i@example.com', '', '', 'COP'],
    /* 11 */ ['FAC 9', 'Juan', '1.000', '15/03/2027', 'j@example.com', '', '', 'COP'],
    /* 12 */ ['F'.repeat(33), 'Kim', '1.000', '15/03/2027', 'k@example.com', '', '', 'COP'],
    /* 13 */ ['fac-1', 'Luz', '1.000', '15/03/2027', 'l@example.com', '', '', 'COP'],
    /* 14 */ ['FAC-10', 'Mar', '1.000', '15/03/2027', 'm@example.com', '', long, 'COP'],
    /* 15 */ ['FAC-11', 'Nico', '1.000', '15/03/2027', 'nico@', '', '', 'COP'],
    /* 16 */ ['FAC-12', 'Olga', '1.000', '15/03/2027', 'o@example.com', '12345', '', 'COP'],
    /* 17 */ ['FAC-13', 'Pia', '1.000', '15/03/2027', 'p@example.com', '', '', 'PESOS'],
    /* 18 */ ['FAC-14', 'Quim', { error: '#REF!' }, '15/03/2027', 'q@example.com', '', '', 'COP'],
    /* 19 */ ['FAC-15', 'Rosa', '1.000', '15/03/2027', '', '', '', 'COP'],
    /* 20 */ ['FAC 16', 'Sol', '1.5', '2027-13-01', 'sol@', '', '', 'X'],
  ]);
  const prepared = (() => {
    const prepare = createRowPreparer(withCurrency, options);
    return table.map((r) => prepare(r));
  })();
  const byRow = (n: number) => prepared[n - 2] as PreparedRow;

  it.each<[number, RowErrorCode, string | undefined, string, RegExp]>([
    [3, 'AMOUNT_MISSING', 'Valor', '', /^Row 3, column "Valor": the amount is empty; write 1\.250\.000,50 or 1250000,50\.$/],
    [4, 'AMOUNT_INVALID', 'Valor', '1,250,000.50',
      /^Row 4, column "Valor": "1,250,000\.50" is not an amount with "," as the decimal mark \(it looks like a dot for decimals, as in 1,250,000\.50\); write 1\.250\.000,50 or 1250000,50, or run with --decimal \. if every amount in the sheet is written that way \(dates are read as before\)\.$/],
    [5, 'AMOUNT_NOT_POSITIVE', 'Valor', '-5', /^Row 5, column "Valor": "-5" is not a positive amount/],
    [6, 'AMOUNT_TOO_LARGE', 'Valor', '12345678901234567890', /^Row 6, column "Valor": "12345678901234567890" has 20 significant digits/],
    [7, 'DUE_DATE_MISSING', 'Vencimiento', '', /^Row 7, column "Vencimiento": the due date is empty/],
    [8, 'DUE_DATE_INVALID', 'Vencimiento', '31/02/2027', /^Row 8, column "Vencimiento": "31\/02\/2027" is not a real date: February 2027 has 28 days/],
    [9, 'DUE_DATE_PAST', 'Vencimiento', '2027-02-28',
      /^Row 9, column "Vencimiento": "2027-02-28" is past: the link would expire at 2027-02-28 23:59:59 \(America\/Bogota\)/],
    [10, 'REFERENCE_MISSING', 'Referencia', '', /^Row 10, column "Referencia": the reference is empty/],
    [11, 'REFERENCE_INVALID', 'Referencia', 'FAC 9', /^Row 11, column "Referencia": "FAC 9" contains spaces, which are not accepted/],
    [12, 'REFERENCE_TOO_LONG', 'Referencia', 'F'.repeat(33), /^Row 12, column "Referencia": "F{33}" is 33 characters long/],
    [13, 'REFERENCE_DUPLICATE', 'Referencia', 'fac-1', /^Row 13, column "Referencia": "fac-1" was already used by row 2/],
    [14, 'DESCRIPTION_TOO_LONG', 'Concepto', long, /^Row 14, column "Concepto": the description is 251 characters long; at most 250/],
    [15, 'EMAIL_INVALID', 'Correo', 'nico@', /^Row 15, column "Correo": "nico@" is not an email address/],
    [16, 'PHONE_INVALID', 'Celular', '12345', /^Row 16, column "Celular": "12345" is not a phone number; write \+ and the country code/],
    [17, 'CURRENCY_INVALID', 'Moneda', 'PESOS', /^Row 17, column "Moneda": "PESOS" is not a currency code; write a 3-letter ISO 4217 code/],
    [18, 'CELL_ERROR', 'Valor', '#REF!', /^Row 18, column "Valor": the cell holds the Excel error #REF!; fix the formula/],
    [19, 'RECIPIENT_MISSING', 'Correo', '', /^Row 19, column "Correo": the payer has no email or phone number to notify through \(--notify email,sms\)/],
  ])('row %i: %s', (rowNumber, code, column, value, message) => {
    const row = byRow(rowNumber);
    expect(row.request).toBeUndefined();
    expect(row.errors).toHaveLength(1);
    expect(row.errors[0]).toMatchObject({ code, rowNumber, column, value });
    expect(row.errors[0]?.message).toMatch(message);
  });

  it('refuses a control character in a name or description but keeps line breaks', () => {
    const prepare = createRowPreparer(map, { ...options, notify: [] });
    const nul = prepare({ rowNumber: 7, cells: ['FAC-7', 'Ana\u0000', '10.000', '15/03/2027', '', '', 'ok', ''] });
    expect(codes(nul)).toEqual(['CONTROL_CHARACTER']);
    expect(nul.errors[0]?.message).toMatch(/^Row 7, column "Nombre": .*U\+0000/);
    expect(nul.request).toBeUndefined();
    const bell = prepare({ rowNumber: 8, cells: ['FAC-8', 'Ana', '10.000', '15/03/2027', '', '', 'cuota\u0007', ''] });
    expect(codes(bell)).toEqual(['CONTROL_CHARACTER']);
    const lines = prepare({ rowNumber: 9, cells: ['FAC-9', 'Ana', '10.000', '15/03/2027', '', '', 'cuota\r\nmarzo\tdos', ''] });
    expect(lines.errors).toEqual([]);
    expect(lines.request?.description).toBe('cuota\r\nmarzo\tdos');
  });

  it('refuses an amount written in another currency than the row has', () => {
    const prepare = createRowPreparer(withCurrency, { ...options, notify: [] });
    const usdInCop = prepare({ rowNumber: 3, cells: ['FAC-3', 'Ana', 'USD 1.250', '15/03/2027', '', '', 'x', 'COP'] });
    expect(codes(usdInCop)).toEqual(['CURRENCY_INVALID']);
    expect(usdInCop.errors[0]?.message).toMatch(/^Row 3, column "Valor": "USD 1.250" is in USD, but the currency column says COP/);
    const usDollarDefault = createRowPreparer(map, { ...options, notify: [] })({ rowNumber: 4, cells: ['FAC-4', 'Ana', 'US$ 99', '15/03/2027', '', '', 'x'] });
    expect(codes(usDollarDefault)).toEqual(['CURRENCY_INVALID']);
    expect(usDollarDefault.errors[0]?.message).toMatch(/but the run's currency is \(--currency\) COP/);
    const agrees = prepare({ rowNumber: 5, cells: ['FAC-5', 'Ana', '1.250 USD', '15/03/2027', '', '', 'x', 'USD'] });
    expect(agrees.errors).toEqual([]);
    expect(agrees.request?.payment.amount).toEqual({ currency: 'USD', total: '1250' });
    const plainPeso = prepare({ rowNumber: 6, cells: ['FAC-6', 'Ana', '$ 1.250', '15/03/2027', '', '', 'x', 'COP'] });
    expect(plainPeso.errors).toEqual([]);
  });

  it('leaves the first user of a reference valid', () => {
    expect(byRow(2).errors).toEqual([]);
    expect(byRow(2).request).toBeDefined();
  });

  it('collects every error of a row, in one pass', () => {
    const row = byRow(20);
    expect(codes(row)).toEqual(['AMOUNT_INVALID', 'DUE_DATE_INVALID', 'CURRENCY_INVALID', 'EMAIL_INVALID', 'REFERENCE_INVALID']);
    expect(row.request).toBeUndefined();
    expect(row.reference).toBe('FAC 16');
    expect(row.errors.map((e) => e.field)).toEqual(['amount', 'dueDate', 'currency', 'email', 'reference']);
  });

  it('still sets a reference and a fingerprint on invalid rows', () => {
    expect(byRow(10).reference).toMatch(/^PL-[0-9A-Z]{12}$/);
    for (const row of prepared) expect(row.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reports NAME_MISSING when the name template renders empty', () => {
    const prepare = createRowPreparer(map, { ...options, nameTemplate: '{email}', notify: [] });
    const row = prepare({ rowNumber: 4, cells: ['FAC-1', 'Ana', '1.000', '15/03/2027', '', '', '', ''] });
    expect(codes(row)).toEqual(['NAME_MISSING']);
    expect(row.errors[0]).toMatchObject({ rowNumber: 4, column: 'Nombre', value: 'Ana' });
    expect(row.errors[0]?.message).toMatch(/^Row 4, column "Nombre": the link name is empty \(template "\{email\}"\)/);
  });

  it('falls back to the reference when the row has no name, and names a long templated description', () => {
    const prepare = createRowPreparer(map, { ...options, notify: [], descriptionTemplate: `{reference} ${'y'.repeat(250)}` });
    const row = prepare({ rowNumber: 5, cells: ['FAC-1', '', '1.000', '15/03/2027'] });
    expect(codes(row)).toEqual(['DESCRIPTION_TOO_LONG']);
    expect(row.errors[0]?.message).toMatch(/^Row 5: the description is 256 characters long; at most 250 are accepted \(from the template/);
    const ok = createRowPreparer(map, { ...options, notify: [] })({ rowNumber: 5, cells: ['FAC-1', '', '1.000', '15/03/2027'] });
    expect(ok.request?.name).toBe('FAC-1');
    expect(ok.request?.recipients).toBeUndefined();
  });

  it('does not add RECIPIENT_MISSING when the contact was there but malformed', () => {
    expect(codes(byRow(15))).toEqual(['EMAIL_INVALID']);
  });

  it('validates a phone even when nobody is messaged', () => {
    const prepare = createRowPreparer(map, { ...options, notify: [] });
    expect(codes(prepare({ rowNumber: 2, cells: ['FAC-1', 'Ana', '1.000', '15/03/2027', '', 'n/a'] }))).toEqual(['PHONE_INVALID']);
  });

  it('merges sms and whatsapp into one recipient', () => {
    const prepare = createRowPreparer(map, { ...options, notify: ['whatsapp', 'sms'] });
    const row = prepare({ rowNumber: 2, cells: ['FAC-1', 'Ana', '1.000', '15/03/2027', 'a@b.co', '+57 300 123 4567'] });
    expect(row.request?.recipients).toEqual([{ phoneNumber: '+573001234567', sendSMS: true, sendWhatsapp: true }]);
  });
});

describe('derived references (no reference column)', () => {
  const header = ['Cliente', 'Valor', 'Vence'];
  const noRef = mapColumns(header, { file: 'sin-ref.csv' });
  const opts = { ...options, notify: [] };
  const sheet = rows([
    ['Ana', '1.000', '15/03/2027'],
    ['Beto', '2.000', '15/03/2027'],
    ['Ana', '1.000', '15/03/2027'],
    ['Ana', '1.000', '15/03/2027'],
  ]);

  it('numbers identical rows and stays stable across runs', () => {
    const first = sheet.map(createRowPreparer(noRef, opts)).map((r) => r.reference);
    const second = sheet.map(createRowPreparer(noRef, opts)).map((r) => r.reference);
    expect(second).toEqual(first);
    expect(first[0]).toMatch(/^PL-[0-9A-Z]{12}$/);
    expect(first[2]).toBe(`${first[0]}-2`);
    expect(first[3]).toBe(`${first[0]}-3`);
    expect(new Set(first).size).toBe(4);
  });

  it('does not depend on the row number or on how the amount and date were written', () => {
    const prepare = createRowPreparer(noRef, opts);
    const inserted = [prepare({ rowNumber: 2, cells: ['Zoe', '9', '2027-03-20'] }), prepare({ rowNumber: 30, cells: ['Beto', '2000', '2027-03-15'] })];
    const original = createRowPreparer(noRef, opts)({ rowNumber: 3, cells: ['Beto', '2.000', '15/03/2027'] });
    expect(inserted[1]?.reference).toBe(original.reference);
    expect(original.request?.reference).toBe(original.reference);
  });
});

describe('templates', () => {
  it('renders placeholders and leaves other text alone', () => {
    expect(renderTemplate('Factura {reference} de {name}', { reference: 'FAC-1', name: 'Ana' })).toBe('Factura FAC-1 de Ana');
    expect(renderTemplate('{reference}', {})).toBe('');
    expect(renderTemplate('sin campos', { name: 'x' })).toBe('sin campos');
  });

  it('shows the amount as people write it, in the run locale', () => {
    const prepare = createRowPreparer(map, { ...options, notify: [], descriptionTemplate: 'Factura {reference} por {amount}, vence {dueDate}' });
    const row = prepare({ rowNumber: 2, cells: ['FAC-1', 'Ana', '1250000,5', '15/03/2027'] });
    expect(row.request?.description).toBe('Factura FAC-1 por $ 1.250.000,50 COP, vence 2027-03-15');
  });

  it('names every unknown placeholder', () => {
    expect(() => checkTemplate('{refrence} {nombre} {name}')).toThrow(/uses \{refrence\}, \{nombre\}, which are not known/);
    expect(() => checkTemplate('Factura {reference}')).not.toThrow();
  });
});

describe('settings checked once, before any row', () => {
  it('refuses an unknown template placeholder', () => {
    expect(() => createRowPreparer(map, { ...options, descriptionTemplate: 'Factura {refrence}' })).toThrow(TemplateError);
    expect(() => createRowPreparer(map, { ...options, nameTemplate: '{nombre}' })).toThrow(/\{nombre\}.*not known; placeholders are \{name\}/);
  });

  it('refuses an unknown time zone and a bad default currency', () => {
    expect(() => createRowPreparer(map, { ...options, timeZone: 'Bogota' })).toThrow(/Unknown time zone "Bogota"/);
    expect(() => createRowPreparer(map, { ...options, currency: 'PESO' })).toThrow(/"PESO" is not an ISO 4217 code/);
  });

  it('refuses --notify when no column can serve it', () => {
    const bare = mapColumns(['Referencia', 'Valor', 'Vence'], { file: 'x.csv' });
    let err: unknown;
    try {
      createRowPreparer(bare, { ...options, notify: ['email'] }, 'x.csv');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MappingError);
    expect(err).toMatchObject({ code: 'COLUMN_MISSING', file: 'x.csv' });
    expect((err as Error).message).toMatch(/^x\.csv: --notify email needs an email column/);
    expect(() => createRowPreparer(bare, { ...options, notify: [] })).not.toThrow();
  });
});

describe('many rows', () => {
  // Speed is measured by `npm run bench`, not asserted here; this checks that a large
  // sheet keeps references unique and every row valid (the duplicate tracking holds up).
  it('prepares 50,000 distinct rows, all valid', () => {
    const prepare = createRowPreparer(map, options);
    let valid = 0;
    for (let i = 0; i < 50_000; i++) {
      const cells: CellValue[] = [`FAC-${i}`, `Cliente ${i % 977}`, `${1 + (i % 999)}.250,50`, `${1 + (i % 28)}/04/2027`, `c${i}@example.com`, '300 123 4567', '', ''];
      if (prepare({ rowNumber: i + 2, cells }).request) valid++;
    }
    expect(valid).toBe(50_000);
  });
});
