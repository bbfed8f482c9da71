import { describe, expect, it } from 'vitest';
import { mappingError } from '../../helpers/errors.js';
import { fieldOfHeader, isHeaderRow, mapColumns, normalizeHeader, parseMapFlags, SYNONYMS } from '../../../src/pipeline/rows/headers.js';
import { FIELDS } from '../../../src/pipeline/types.js';


describe('normalizeHeader', () => {
  it.each([
    ['  Fecha de   Vencimiento ', 'fecha de vencimiento'],
    ['FECHA_DE_VENCIMIENTO', 'fecha de vencimiento'],
    ['Teléfono', 'telefono'],
    ['Descripción', 'descripcion'],
    ['Valor (COP)', 'valor'],
    ['Valor *', 'valor'],
    ['Valor (COP) *', 'valor'],
    ['No. Factura', 'no factura'],
    ['e-mail', 'e mail'],
    ['due.date', 'due date'],
    ['Fecha\u00a0límite:', 'fecha limite'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });
});

describe('synonyms', () => {
  it('recognises the documented synonyms in Spanish and English', () => {
    const expected: Array<[string, string]> = [
      ['Nombre del pagador', 'name'], ['Cliente', 'name'], ['PAYER NAME', 'name'],
      ['Valor a pagar', 'amount'], ['Importe', 'amount'], ['Monto', 'amount'], ['Valor total', 'amount'],
      ['Fecha límite', 'dueDate'], ['Fecha vencimiento', 'dueDate'], ['Due', 'dueDate'], ['Expiration', 'dueDate'],
      ['Número de factura', 'reference'], ['No. Factura', 'reference'], ['Invoice number', 'reference'], ['Ref', 'reference'],
      ['Correo electrónico', 'email'], ['E-mail', 'email'], ['Email address', 'email'],
      ['Celular', 'phone'], ['Teléfono móvil', 'phone'], ['Móvil', 'phone'],
      ['Concepto', 'description'], ['Detalle', 'description'],
      ['Moneda', 'currency'],
    ];
    for (const [header, field] of expected) expect(fieldOfHeader(header), header).toBe(field);
    expect(fieldOfHeader('Fecha')).toBeUndefined();
    expect(fieldOfHeader('Subtotal')).toBeUndefined();
  });

  it('has no synonym claimed by two fields', () => {
    const owner = new Map<string, string>();
    for (const field of FIELDS) {
      for (const s of SYNONYMS[field]) {
        const key = normalizeHeader(s);
        expect(owner.get(key) ?? field, `${s} is listed under ${owner.get(key)} and ${field}`).toBe(field);
        owner.set(key, field);
      }
    }
  });
});

describe('isHeaderRow', () => {
  it.each([
    [['Referencia', 'Nombre', 'Valor', 'Vencimiento'], true],
    [['Valor', 'Vencimiento'], true],
    [['nombre', 'valor'], true],
    [['Nombre', 'Correo'], false],
    [['Valor', 'Total'], false],
    [['Facturación marzo 2027', null, null], false],
    [['FAC-1', 'Ana', '1.250.000', '15/03/2027'], false],
    [[1, 2, new Date(0), 'Valor'], false],
  ] as const)('%j → %s', (cells, expected) => {
    expect(isHeaderRow([...cells])).toBe(expected);
  });
});

describe('parseMapFlags', () => {
  it('reads field=Header with field spellings people use', () => {
    expect(parseMapFlags(['amount=Valor Neto', 'due=Fecha Corte', 'ref = Código ', 'name=Razón social=SA'])).toEqual({
      amount: 'Valor Neto',
      dueDate: 'Fecha Corte',
      reference: 'Código',
      name: 'Razón social=SA',
    });
    expect(parseMapFlags(['dueDate=X'])).toEqual({ dueDate: 'X' });
    expect(parseMapFlags(['due_date=X'])).toEqual({ dueDate: 'X' });
    expect(parseMapFlags(['DUE-DATE=X'])).toEqual({ dueDate: 'X' });
  });

  it.each(['amount', 'amount=', 'precio=Valor', '=Valor'])('refuses %j listing the fields', (spec) => {
    const err = mappingError(() => parseMapFlags([spec]));
    expect(err.code).toBe('MAP_INVALID');
    expect(err.message).toContain(`--map "${spec}"`);
    expect(err.message).toContain('name, amount, dueDate, reference, email, phone, description, currency');
  });

  it('refuses the same field twice', () => {
    expect(mappingError(() => parseMapFlags(['amount=A', 'total=B'])).code).toBe('MAP_INVALID');
  });
});

describe('mapColumns', () => {
  const file = 'cartera.csv';

  it('maps a Spanish header with accents and odd spacing, leaving unknown columns alone', () => {
    const header = ['Nº Cliente', '  Nombre  del Pagador', 'Valor a Pagar (COP)', '  Fecha de   Vencimiento ', 'Correo Electrónico', 'Celular', 'Notas', 'Notas'];
    expect(mapColumns(header, { file })).toEqual({
      header,
      fields: { name: 1, amount: 2, dueDate: 3, email: 4, phone: 5 },
    });
  });

  it('maps an English header', () => {
    const map = mapColumns(['Invoice #', 'Customer', 'Amount', 'Due Date', 'Currency', 'Description'], { file });
    expect(map.fields).toEqual({ reference: 0, name: 1, amount: 2, dueDate: 3, currency: 4, description: 5 });
  });

  it('refuses two columns for one field, naming both and suggesting --map', () => {
    const err = mappingError(() => mapColumns(['Cliente', 'Valor', 'Total', 'Vencimiento'], { file }));
    expect(err.code).toBe('HEADER_AMBIGUOUS');
    expect(err.file).toBe(file);
    expect(err.message).toContain('cartera.csv');
    expect(err.message).toContain('"Valor" (column B)');
    expect(err.message).toContain('"Total" (column C)');
    expect(err.message).toContain('--map amount="Valor"');
  });

  it('lets --map settle an ambiguity; the other column passes through', () => {
    const map = mapColumns(['Cliente', 'Valor', 'Total', 'Vencimiento'], { file, overrides: { amount: 'TOTAL' } });
    expect(map.fields).toEqual({ name: 0, amount: 2, dueDate: 3 });
  });

  it('refuses the same header twice on a used field', () => {
    const err = mappingError(() => mapColumns(['Valor', 'Vencimiento', 'valor '], { file }));
    expect(err.code).toBe('HEADER_DUPLICATE');
    expect(err.message).toMatch(/"Valor" appears twice/);
  });

  it('refuses --map to a header that appears twice', () => {
    const err = mappingError(() => mapColumns(['Monto', 'Vencimiento', 'Neto', 'Neto'], { file, overrides: { amount: 'Neto' } }));
    expect(err.code).toBe('HEADER_DUPLICATE');
  });

  it('maps a column with a name it would not guess through --map, matched loosely', () => {
    const map = mapColumns(['Código', 'Saldo', 'Vence'], { file, overrides: { amount: 'saldo', reference: 'codigo' } });
    expect(map.fields).toEqual({ reference: 0, amount: 1, dueDate: 2 });
  });

  it('refuses --map naming a column the file lacks, listing the columns', () => {
    const err = mappingError(() => mapColumns(['Valor', 'Vence'], { file, overrides: { reference: 'Código' } }));
    expect(err.code).toBe('MAP_COLUMN_NOT_FOUND');
    expect(err.message).toContain('--map reference="Código"');
    expect(err.message).toContain('"Valor", "Vence"');
  });

  it('refuses --map giving one column to two fields', () => {
    const err = mappingError(() => mapColumns(['Valor', 'Vence', 'Cliente'], { file, overrides: { name: 'Cliente', reference: 'Cliente' } }));
    expect(err.code).toBe('MAP_INVALID');
  });

  it('names a missing required column with its synonyms and --map', () => {
    const err = mappingError(() => mapColumns(['Nombre', 'Valor', 'Fecha'], { file }));
    expect(err.code).toBe('COLUMN_MISSING');
    expect(err.message).toContain('cartera.csv');
    expect(err.message).toContain('due date');
    expect(err.message).toContain('fecha de vencimiento');
    expect(err.message).toContain('"Nombre", "Valor", "Fecha"');
    expect(err.message).toContain('--map dueDate="Your header"');
  });

  it('says no header was found when nothing is recognisable, showing the first cells', () => {
    const err = mappingError(() => mapColumns(['FAC-1', 'Ana', '1.250.000', '15/03/2027'], { file }));
    expect(err.code).toBe('HEADER_NOT_FOUND');
    expect(err.message).toContain('"FAC-1", "Ana", "1.250.000", "15/03/2027"');
    expect(err.message).toContain('--map');
  });
});

describe('hostile cells', () => {
  it('normalises a huge header cell quickly', () => {
    const start = performance.now();
    expect(normalizeHeader(`a${' '.repeat(200_000)}b (x`)).toBe('a b (x');
    expect(isHeaderRow([`${'('.repeat(50_000)}`, `${' *'.repeat(50_000)}`])).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
