import { describe, expect, it } from 'vitest';
import type { CellValue, RawRow } from '../../../src/io/types.js';
import { scanHeader } from '../../../src/io/read/header-scan.js';
import { headerTest, isKeyValueLine, scoreHeader } from '../../../src/pipeline/rows/header-choice.js';

function iterate(rows: CellValue[][]): AsyncIterator<RawRow> {
  const raw = rows.map((cells, i) => ({ rowNumber: i + 1, cells }));
  return (async function* () {
    yield* raw;
  })();
}

const STATEMENT: CellValue[][] = [
  ['Total a pagar:', '$ 1.350.000', 'Fecha límite de pago:', '15/01/2027'],
  ['Cuota', 'Factura', 'Vencimiento', 'Valor'],
  ['1', 'FAC-1', '15/01/2027', '450.000'],
  ['2', 'FAC-2', '15/02/2027', '450.000'],
  ['3', 'FAC-3', '15/03/2027', '450.000'],
];

describe('isKeyValueLine', () => {
  it.each<[string, CellValue[], boolean]>([
    ['label then money then label then date', ['Total a pagar:', '$ 1.350.000', 'Fecha límite de pago:', '15/01/2027'], true],
    ['label then a number cell', ['Valor', 1350000, 'Vencimiento', new Date(Date.UTC(2027, 0, 15))], true],
    ['labels ending in colons with values elsewhere', ['Valor:', '', 'Vencimiento:', ''], true],
    ['a real header', ['Cuota', 'Factura', 'Vencimiento', 'Valor'], false],
    ['a header with a unit note', ['Factura', 'Valor (miles)', 'Vence'], false],
  ])('%s → %s', (_, cells, expected) => {
    expect(isKeyValueLine(cells)).toBe(expected);
  });
});

describe('scoreHeader', () => {
  it('gives a title block 0 and the table header a positive score', () => {
    const rows = STATEMENT.map((cells, i) => ({ rowNumber: i + 1, cells }));
    expect(scoreHeader(STATEMENT[0]!, rows.slice(1))).toBe(0);
    expect(scoreHeader(STATEMENT[1]!, rows.slice(2))).toBeGreaterThan(0);
  });

  it('prefers the candidate with data under it', () => {
    const header = ['Factura', 'Valor', 'Vence'];
    const data = [{ rowNumber: 3, cells: ['F-1', '1.000', '15/03/2027'] as CellValue[] }];
    const empty = [{ rowNumber: 3, cells: ['—', 'n/a', ''] as CellValue[] }];
    expect(scoreHeader(header, data)).toBeGreaterThan(scoreHeader(header, empty));
  });

  it('scores 0 for rows that are not headers at all', () => {
    expect(scoreHeader(['Estado de cuenta', 'Noviembre 2026'], [])).toBe(0);
  });
});

describe('scanHeader with the evidence test', () => {
  it('takes the table header under a key/value title block, never the title', async () => {
    const scan = await scanHeader(iterate(STATEMENT), headerTest);
    expect(scan?.header.cells).toEqual(['Cuota', 'Factura', 'Vencimiento', 'Valor']);
    expect(scan?.matched).toBe(true);
    expect(scan?.after.map((r) => r.rowNumber)).toEqual([3, 4, 5]);
  });

  it('takes the header under a plain title', async () => {
    const scan = await scanHeader(iterate([['Cartera noviembre'], ['Factura', 'Valor', 'Vence'], ['F-1', '1.000', '15/03/2027']]), headerTest);
    expect(scan?.header.rowNumber).toBe(2);
  });

  it('keeps the first row when it is the header', async () => {
    const scan = await scanHeader(iterate([['Factura', 'Valor', 'Vence'], ['F-1', '1.000', '15/03/2027']]), headerTest);
    expect(scan).toMatchObject({ header: { rowNumber: 1 }, matched: true, after: [{ rowNumber: 2 }] });
  });

  it('falls back to the first row, unmatched, when nothing is a header', async () => {
    const scan = await scanHeader(iterate([['a', 'b'], ['1', '2']]), headerTest);
    expect(scan).toMatchObject({ header: { rowNumber: 1 }, matched: false });
  });

  it('with a plain predicate still stops at the first match (readers that pass no scorer)', async () => {
    const scan = await scanHeader(iterate(STATEMENT), (cells) => headerTest(cells));
    expect(scan?.header.rowNumber).toBe(1);
  });
});
