import { describe, expect, it } from 'vitest';
import type { CellValue, RawRow } from '../../../src/io/types.js';
import { mapColumns } from '../../../src/pipeline/rows/headers.js';
import { isFooterLabel, RowSkipper, totalLabel } from '../../../src/pipeline/rows/skip-rows.js';

describe('totalLabel', () => {
  it.each<[string, 'exact' | 'qualified' | undefined]>([
    ['TOTAL', 'exact'],
    ['Total', 'exact'],
    ['total:', 'exact'],
    ['  TOTAL  ', 'exact'],
    ['Totales', 'exact'],
    ['SUBTOTAL', 'exact'],
    ['Sub-total', 'exact'],
    ['Sub total', 'exact'],
    ['Gran total', 'exact'],
    ['GRAN TOTAL:', 'exact'],
    ['Total general', 'exact'],
    ['Grand Total', 'exact'],
    ['Suma', 'exact'],
    ['SUMAS', 'exact'],
    ['Sum', 'exact'],
    ['Totals', 'exact'],
    ['Subtotal Zona Norte', 'qualified'],
    ['Total enero', 'qualified'],
    ['TOTAL CARTERA:', 'qualified'],
    ['Subtotal: cobrador Pérez', 'qualified'],
    // near misses: never a total
    ['Totalgas S.A.S.', undefined],
    ['Total Seguros S.A.', undefined],
    ['Total Seguros S.A.S', undefined],
    ['Total Distribuciones Ltda.', undefined],
    ['Pago total del servicio', undefined],
    ['Abono total', undefined],
    ['Sumatoria', undefined],
    ['Sumapaz Ltda', undefined],
    ['TOTAL-001', undefined],
    ['Ana Total', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(totalLabel(text)).toBe(expected);
  });
});

describe('isFooterLabel', () => {
  it.each<[string, boolean]>([
    ['Elaborado por: María Pérez', true],
    ['ELABORADO POR', true],
    ['Preparado por: contabilidad', true],
    ['Revisado por:', true],
    ['Aprobado por: Gerencia', true],
    ['Fecha de impresión: 27/11/2026', true],
    ['Fecha impresion 27/11/2026', true],
    ['Impreso el 27/11/2026', true],
    ['Generado el 27/11/2026 10:00', true],
    ['Página 1 de 2', true],
    ['Pagina 2', true],
    ['Page 1 of 3', true],
    ['Prepared by: J. Smith', true],
    ['Printed on 11/27/2026', true],
    ['Firma:', true],
    ['Firma', true],
    ['_______________________', true],
    ['-----', true],
    // near misses
    ['Firma Legal S.A.S.', false],
    ['Página Web Ltda', false],
    ['Elaboración de estados financieros', false],
    ['Impresos Rápidos S.A.S.', false],
    ['FAC-001', false],
    ['Ana Pérez', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isFooterLabel(text)).toBe(expected);
  });
});

const HEADER = ['Factura', 'Cliente', 'Valor', 'Vence', 'Correo', 'Concepto'];
const map = mapColumns(HEADER, { file: 'x.csv' });
const NO_REF = mapColumns(['Cliente', 'Valor', 'Vence', 'Concepto'], { file: 'x.csv' });

function check(cells: CellValue[], extra: Partial<RawRow> = {}, m = map, includeHidden = false) {
  return new RowSkipper(m, includeHidden).check({ rowNumber: 9, cells, ...extra });
}

describe('RowSkipper', () => {
  it.each<[string, CellValue[], string | undefined]>([
    ['TOTAL in the reference with a date and an amount', ['TOTAL', '', '1.350.000', '15/03/2027', '', ''], 'TOTAL_ROW'],
    ['Total in the name, no reference', ['', 'Total', '1.350.000', '15/03/2027', '', ''], 'TOTAL_ROW'],
    ['Subtotal with a qualifier, no reference', ['', 'Subtotal Zona Norte', '900.000', '', '', ''], 'TOTAL_ROW'],
    ['Total in the description, no reference', ['', '', '1.350.000', '15/03/2027', '', 'TOTAL'], 'TOTAL_ROW'],
    ['exact total word in the name even with a reference', ['FAC-9', 'TOTAL', '1.350.000', '', '', ''], 'TOTAL_ROW'],
    ['a bill for Totalgas S.A.S.', ['FAC-1', 'Totalgas S.A.S.', '450.000', '15/03/2027', '', ''], undefined],
    ['a bill whose description says Pago total', ['FAC-2', 'Ana', '450.000', '15/03/2027', '', 'Pago total del servicio'], undefined],
    ['a bill for Total Seguros with a reference', ['FAC-3', 'Total Seguros', '450.000', '15/03/2027', '', ''], undefined],
    ['a bill for Total Seguros S.A. without a reference', ['', 'Total Seguros S.A.', '450.000', '15/03/2027', '', ''], undefined],
    ['a qualified total in the name of a row with an email', ['', 'Total Gas', '450.000', '15/03/2027', 'pagos@totalgas.co', ''], undefined],
    ['a description "Total" on a bill with a reference', ['FAC-4', 'Ana', '450.000', '15/03/2027', '', 'Total'], undefined],
    ['a footer in the first column', ['Elaborado por: María', '', '', '', '', ''], 'FOOTER_ROW'],
    ['a footer with a date and an amount', ['Fecha de impresión:', '', '1.350.000', '27/11/2026', '', ''], 'FOOTER_ROW'],
  ])('%s', (_, cells, code) => {
    expect(check(cells)?.code).toBe(code);
  });

  it('skips a total row with a qualifier only when the sheet has no reference for it', () => {
    expect(check(['Total Gas', '450.000', '15/03/2027', ''], {}, NO_REF)?.code).toBe('TOTAL_ROW');
    expect(check(['Total Gas S.A.S.', '450.000', '15/03/2027', ''], {}, NO_REF)).toBeUndefined();
  });

  it('says which column said total, in a sentence', () => {
    expect(check(['TOTAL', '', '1.350.000', '15/03/2027', '', ''])?.message).toBe(
      'Row 9 is not a bill: column "Factura" says "TOTAL", a total or subtotal line; it was not sent.',
    );
  });

  it('takes an Excel table totals row whatever it says', () => {
    expect(check(['FAC-1', 'Ana', '450.000', '15/03/2027', '', ''], { tableTotal: true })?.code).toBe('TABLE_TOTAL_ROW');
  });

  it('skips hidden rows unless --include-hidden', () => {
    const cells = ['FAC-1', 'Ana', '450.000', '15/03/2027', '', ''];
    expect(check(cells, { hidden: true })?.code).toBe('HIDDEN_ROW');
    expect(check(cells, { hidden: true })?.message).toMatch(/--include-hidden/);
    expect(check(cells, { hidden: true }, map, true)).toBeUndefined();
    // A hidden total row is a total row even with --include-hidden.
    expect(check(['TOTAL', '', '1', '', '', ''], { hidden: true }, map, true)?.code).toBe('TOTAL_ROW');
  });

  it('treats lines after a footer with no amount and no due date as footer too, not bills after it', () => {
    const skipper = new RowSkipper(map, false);
    expect(skipper.check({ rowNumber: 10, cells: ['Elaborado por:', '', '', '', '', ''] })?.code).toBe('FOOTER_ROW');
    expect(skipper.check({ rowNumber: 11, cells: ['María Pérez', 'Contadora', '', '', '', ''] })).toMatchObject({
      code: 'FOOTER_ROW',
      message: 'Row 11 is not a bill: it comes after the footer line of row 10 and has no amount or due date; it was not sent.',
    });
    expect(skipper.check({ rowNumber: 12, cells: ['FAC-9', 'Ana', '1.000', '15/03/2027', '', ''] })).toBeUndefined();
  });

  it('never skips ordinary bills', () => {
    const skipper = new RowSkipper(map, false);
    expect(skipper.check({ rowNumber: 2, cells: ['FAC-1', 'Ana', '', '', '', ''] })).toBeUndefined();
  });
});
