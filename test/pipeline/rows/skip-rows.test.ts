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
    ['Suma Ana Gómez', 'qualified'],
    // only plain "Total" may start a company's name
    ['Subtotal Acme S.A.S.', 'qualified'],
    ['SUBTOTAL ACME S.A.S.', 'qualified'],
    ['Sub-total Acme Ltda', 'qualified'],
    ['Gran total Acme S.A.S.', 'qualified'],
    ['Suma Inversiones S.A.S.', 'qualified'],
    ['Sumas Beta Ltda.', 'qualified'],
    ['Totales Acme Inc.', 'qualified'],
    ['Total general Acme S.A.S.', 'qualified'],
    ['Total: Acme S.A.S.', 'qualified'],
    // a label that ends with the word Total (English Excel's "<group> Total")
    ['Acme SAS Total', 'qualified'],
    ['ACME S.A.S. TOTAL', 'qualified'],
    ['Ana Gómez Total:', 'qualified'],
    ['Ana Total', 'qualified'],
    ['Valor total', 'qualified'],
    ['Abono total', 'qualified'],
    // near misses: never a total
    ['Totalgas S.A.S.', undefined],
    ['Total Seguros S.A.', undefined],
    ['Total Seguros S.A.S', undefined],
    ['Total Distribuciones Ltda.', undefined],
    ['Total Seguros', 'qualified'],
    ['Pago total del servicio', undefined],
    ['Saldo total del crédito', undefined],
    ['Suma asegurada póliza 4471', 'qualified'],
    ['Totalmente Limpio S.A.S.', undefined],
    ['Totalizadora', undefined],
    ['Sumatoria', undefined],
    ['Sumapaz Ltda', undefined],
    ['TOTAL-001', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(totalLabel(text)).toBe(expected);
  });

  it('takes "Total <name>" for a total when <name> is a group seen earlier (Spanish Excel outline)', () => {
    const seen = (name: string) => name === 'acme s.a.s.';
    expect(totalLabel('Total Acme S.A.S.', seen)).toBe('qualified');
    expect(totalLabel('TOTAL  ACME S.A.S.', seen)).toBe('qualified');
    expect(totalLabel('Total Seguros S.A.', seen)).toBeUndefined();
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

  // The total rule row by row, on a sheet without a reference column (Cliente, Valor, Vence, Concepto).
  it.each<[string, CellValue[], 'TOTAL_ROW' | undefined]>([
    // rows the reviewer saw billed: they are totals
    ['Subtotal + a company name', ['Subtotal Acme S.A.S.', '1.500.000', '15/12/2026', ''], 'TOTAL_ROW'],
    ['Gran total + a company name', ['Gran total Acme S.A.S.', '1.500.000', '15/12/2026', ''], 'TOTAL_ROW'],
    ['Total general', ['Total general', '1.700.000', '15/12/2026', ''], 'TOTAL_ROW'],
    ['English Excel outline "<group> Total"', ['Acme SAS Total', '1.000.000', '15/12/2026', ''], 'TOTAL_ROW'],
    ['empty name, description "Valor total"', ['', '1.500.000', '15/12/2026', 'Valor total'], 'TOTAL_ROW'],
    ['empty name, description "Subtotal zona norte"', ['', '900.000', '', 'Subtotal zona norte'], 'TOTAL_ROW'],
    ['a named row whose concept is a bare TOTAL', ['Facturación noviembre', '1.500.000', '15/12/2026', 'TOTAL'], 'TOTAL_ROW'],
    ['SUMAS', ['SUMAS', '1.500.000', '', ''], 'TOTAL_ROW'],
    ['Suma + a person (collector subtotal)', ['Suma Ana Gómez', '1.600.000', '15/01/2027', ''], 'TOTAL_ROW'],
    // ambiguous (company-like name after a total word that is not plain Total), nothing else to go on: skipped, with its reason
    ['Suma Inversiones S.A.S. with no reference or contact', ['Suma Inversiones S.A.S.', '980.000', '20/01/2027', ''], 'TOTAL_ROW'],
    // real bills: a client's concept is not a label, and plain Total + a company is a company
    ['concept "Suma asegurada…" with a client name', ['Acme SAS', '1.000.000', '15/12/2026', 'Suma asegurada póliza 4471'], undefined],
    ['concept "Total consumo…" with a client name', ['Beta SAS', '500.000', '15/12/2026', 'Total consumo noviembre'], undefined],
    ['concept "Pago total del servicio" with a client name', ['Ana Pérez', '450.000', '15/12/2026', 'Pago total del servicio'], undefined],
    ['concept "Valor total" with a client name', ['Acme SAS', '450.000', '15/12/2026', 'Valor total'], undefined],
    ['concept "Subtotal zona norte" with a client name', ['Acme SAS', '450.000', '15/12/2026', 'Subtotal zona norte'], undefined],
    ['Totalgas S.A.S.', ['Totalgas S.A.S.', '450.000', '15/12/2026', ''], undefined],
    ['Total Seguros S.A.', ['Total Seguros S.A.', '450.000', '15/12/2026', 'Póliza'], undefined],
    ['Total Distribuciones Ltda.', ['Total Distribuciones Ltda.', '450.000', '15/12/2026', ''], undefined],
    ['an ordinary bill', ['Gamma SAS', '300.000', '15/12/2026', 'Servicio noviembre'], undefined],
  ])('no reference column: %s → %s', (_, cells, code) => {
    expect(check(cells, {}, NO_REF)?.code).toBe(code);
  });

  // With a reference and an email column (Factura, Cliente, Valor, Vence, Correo, Concepto).
  it.each<[string, CellValue[], 'TOTAL_ROW' | undefined]>([
    ['Suma Inversiones S.A.S. with its reference (corpus near miss)', ['FV-2027-0303', 'Suma Inversiones S.A.S.', '980.000', '20/01/2027', 'pagos@suma.example.co', 'Arrendamiento oficina 402'], undefined],
    ['Suma Inversiones S.A.S. with an email only', ['', 'Suma Inversiones S.A.S.', '980.000', '20/01/2027', 'pagos@suma.example.co', ''], undefined],
    ['TOTAL-001 as a reference', ['TOTAL-001', 'Ana', '450.000', '15/03/2027', '', ''], undefined],
    ['a name ending in Total on a row with its own reference', ['FAC-8', 'Energía Total', '450.000', '15/03/2027', '', ''], undefined],
    ['concept "Total consumo…" with a reference', ['FAC-5', 'Beta SAS', '500.000', '15/12/2026', '', 'Total consumo noviembre'], undefined],
    ['Subtotal + a company, reference cell empty', ['', 'Subtotal Acme S.A.S.', '1.500.000', '15/12/2026', '', ''], 'TOTAL_ROW'],
    ['outline "<group> Total", reference cell empty', ['', 'Acme SAS Total', '1.000.000', '15/12/2026', '', ''], 'TOTAL_ROW'],
    ['empty name and reference, description "Valor total"', ['', '', '1.500.000', '15/12/2026', '', 'Valor total'], 'TOTAL_ROW'],
    ['"FAC-1 Total" in the reference (outline grouped by invoice)', ['FAC-1 Total', '', '1.500.000', '', '', ''], 'TOTAL_ROW'],
  ])('reference column: %s → %s', (_, cells, code) => {
    expect(check(cells)?.code).toBe(code);
  });

  it('takes a bare total word in an unmapped first column even beside a name', () => {
    const grouped = mapColumns(['Grupo', 'Cliente', 'Valor', 'Vence'], { file: 'x.csv' });
    expect(check(['TOTAL', 'Acme SAS', '1.500.000', '15/12/2026'], {}, grouped)?.code).toBe('TOTAL_ROW');
    expect(check(['Norte', 'Acme SAS', '1.500.000', '15/12/2026'], {}, grouped)).toBeUndefined();
  });

  // The reviewer's sheets, row after row through one skipper (it remembers the groups seen).
  it.each<[string, string[], CellValue[][], ('TOTAL_ROW' | undefined)[]]>([
    [
      'subtotal_co.csv',
      ['Cliente', 'Valor', 'Fecha de vencimiento'],
      [
        ['Acme S.A.S.', '1.000.000', '15/12/2026'],
        ['Acme S.A.S.', '500.000', '15/12/2026'],
        ['Subtotal Acme S.A.S.', '1.500.000', '15/12/2026'],
        ['Beta Ltda', '200.000', '15/12/2026'],
        ['Total general', '1.700.000', '15/12/2026'],
      ],
      [undefined, undefined, 'TOTAL_ROW', undefined, 'TOTAL_ROW'],
    ],
    [
      'totals3.csv',
      ['Cliente', 'Concepto', 'Valor', 'Fecha de vencimiento'],
      [
        ['Acme SAS', 'Servicio', '1.000.000', '15/12/2026'],
        ['Beta SAS', 'Servicio', '500.000', '15/12/2026'],
        ['Acme SAS Total', '', '1.000.000', '15/12/2026'],
        ['', 'Valor total', '1.500.000', '15/12/2026'],
      ],
      [undefined, undefined, 'TOTAL_ROW', 'TOTAL_ROW'],
    ],
    [
      'concept_total.csv',
      ['Cliente', 'Concepto', 'Valor', 'Fecha de vencimiento'],
      [
        ['Acme SAS', 'Suma asegurada póliza 4471', '1.000.000', '15/12/2026'],
        ['Beta SAS', 'Total consumo noviembre', '500.000', '15/12/2026'],
        ['Gamma SAS', 'Servicio noviembre', '300.000', '15/12/2026'],
      ],
      [undefined, undefined, undefined],
    ],
    [
      'total_co.csv (Spanish Excel outline "Total <group>")',
      ['Cliente', 'Valor', 'Fecha de vencimiento'],
      [
        ['Acme S.A.S.', '1.000.000', '15/12/2026'],
        ['Total Acme S.A.S.', '1.000.000', '15/12/2026'],
        ['Total Seguros S.A.', '700.000', '15/12/2026'],
      ],
      [undefined, 'TOTAL_ROW', undefined],
    ],
  ])('%s', (_, header, rows, codes) => {
    const skipper = new RowSkipper(mapColumns(header, { file: 'x.csv' }), false);
    expect(rows.map((cells, i) => skipper.check({ rowNumber: i + 2, cells })?.code)).toEqual(codes);
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
