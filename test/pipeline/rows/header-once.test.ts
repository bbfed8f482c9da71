/**
 * One table per sheet: a second header row (above or under the chosen one)
 * or a bill above the header refuses the sheet, never a silent choice; title
 * lines, notes and key/value title blocks above the header still bill.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellValue, RawRow } from '../../../src/io/types.js';
import { isTableHeader, looksLikeBillRow } from '../../../src/pipeline/rows/header-choice.js';
import { MappingError } from '../../../src/pipeline/rows/mapping-error.js';
import { openPrepared } from '../../../src/pipeline/rows/prepared-rows.js';
import { requestOptions } from '../../helpers/request-options.js';

const dir = mkdtempSync(join(tmpdir(), 'paylinks-header-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const request = requestOptions({ now: new Date('2026-11-27T15:00:00Z') });

const HEADER = 'Referencia,Cliente,Valor,Fecha de vencimiento';
const bills = (from: number, count: number, amount = '"100.000"'): string[] =>
  Array.from({ length: count }, (_, i) => `FAC-${from + i},Cliente ${from + i} SAS,${amount},15/12/2026`);

interface Read {
  header: number;
  billed: string[];
}

/** Reads the sheet through every row, as each pass of a run does. */
async function read(name: string, lines: string[]): Promise<Read> {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  const input = await openPrepared({ path, read: {} }, request);
  const billed: string[] = [];
  try {
    for await (const row of input.rows) if (row.errors.length === 0 && row.skip === undefined) billed.push(`${row.reference} ${row.amount}`);
  } finally {
    await input.close();
  }
  return { header: input.info.headerRowNumber, billed };
}

async function refusal(name: string, lines: string[]): Promise<MappingError> {
  const err = await read(name, lines).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MappingError);
  return err as MappingError;
}

describe('sheets that still bill', () => {
  it.each<[string, string[], number, string[]]>([
    [
      'the statement of issue #10: a key/value title block, a blank row, the table',
      ['Total a pagar:;$ 1.350.000;Fecha límite de pago:;15/01/2027', '', 'Cuota;Factura;Vencimiento;Valor', '1;FAC-1;15/01/2027;450.000', '2;FAC-2;15/02/2027;450.000', '3;FAC-3;15/03/2027;450.000'],
      3,
      ['FAC-1 450000', 'FAC-2 450000', 'FAC-3 450000'],
    ],
    ['a title and a date line above the header', ['Cartera noviembre 2026', 'Generado el 27/11/2026', HEADER, ...bills(1, 2)], 3, ['FAC-1 100000', 'FAC-2 100000']],
    ['a notes line with a number above the header', ['Nota: 2 facturas, valores en pesos', HEADER, ...bills(1, 2)], 2, ['FAC-1 100000', 'FAC-2 100000']],
    ['"Label: value" pairs whose labels are not field names', ['Saldo anterior:,"1.000.000",Corte:,30/11/2026', HEADER, ...bills(1, 1)], 2, ['FAC-1 100000']],
    ['a footer total after the bills', [HEADER, ...bills(1, 2), 'Total a pagar:,,"200.000",'], 1, ['FAC-1 100000', 'FAC-2 100000']],
    ['one table of 40 bills (the header is found once, however long the sheet)', [HEADER, ...bills(1, 40)], 1, bills(1, 40).map((l) => `${l.split(',')[0]} 100000`)],
  ])('%s', async (_, lines, header, billed) => {
    const result = await read(`ok-${header}-${billed.length}-${lines.length}.csv`, lines);
    expect(result).toEqual({ header, billed });
  });
});

describe('sheets refused', () => {
  it.each<[string, string[], string, RegExp]>([
    [
      'two blocks under the same header (the first was silently dropped)',
      [HEADER, ...bills(1, 2, '"1.250.000"'), '', HEADER, ...bills(3, 5)],
      'HEADER_TWICE',
      /has more than one header row: row 1 \("Referencia", "Cliente", "Valor", "Fecha de vencimiento"\), row 5 \("Referencia", .*one table per sheet.*delete the other block/,
    ],
    [
      'a per-client summary above the detail (its totals would be billed)',
      ['Resumen por cliente,,,', 'Cliente,Total,Vence,', 'Acme SAS,"1.350.000",15/12/2026,', 'Beta SAS,"800.000",15/12/2026,', ',,,', 'Detalle,,,', HEADER, ...bills(1, 2)],
      'HEADER_TWICE',
      /row 2 \("Cliente", "Total", "Vence"\), row 7 \("Referencia"/,
    ],
    [
      'a summary without its own header above the detail',
      ['Resumen por cliente,,,', 'Acme SAS,"1.350.000",15/12/2026,', '', HEADER, ...bills(1, 2)],
      'DATA_ABOVE_HEADER',
      /row 2 \("Acme SAS", "1\.350\.000", "15\/12\/2026"\) is above the header on row 4 .* reads like a bill .*left out/,
    ],
    [
      'the same header again after the first block, past the rows scanned for the header',
      [HEADER, ...bills(1, 40), '', HEADER, ...bills(41, 1, '"5.000.000"')],
      'HEADER_TWICE',
      /row 1 \(.*\), row 43 \("Referencia"/,
    ],
    [
      'a header an ERP repeats inside one table',
      [HEADER, ...bills(1, 3), HEADER, ...bills(4, 3)],
      'HEADER_TWICE',
      /row 1 .*row 5 .*A header that your system repeats every few rows must be removed too/,
    ],
    [
      'a detail block above a summary with other columns',
      [HEADER, ...bills(1, 2), '', 'Cliente,Total,Vence,', 'Acme SAS,"1.350.000",15/12/2026,'],
      'HEADER_TWICE',
      /row 1 .*row 5 \("Cliente", "Total", "Vence"\)/,
    ],
  ])('%s', async (_, lines, code, message) => {
    const err = await refusal(`refused-${code}-${lines.length}.csv`, lines);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.file).toMatch(/\.csv$/);
  });
});

describe('isTableHeader', () => {
  it.each<[string, CellValue[], boolean]>([
    ['a table header', ['Referencia', 'Cliente', 'Valor', 'Fecha de vencimiento'], true],
    ['a summary header', ['Cliente', 'Total', 'Vence'], true],
    ['a key/value title block', ['Total a pagar:', '$ 1.350.000', 'Fecha límite de pago:', '15/01/2027'], false],
    ['a title', ['Resumen por cliente'], false],
    ['one field name only', ['Total', '', '1.350.000'], false],
  ])('%s → %s', (_, cells, expected) => {
    expect(isTableHeader(cells)).toBe(expected);
  });
});

describe('looksLikeBillRow', () => {
  const row = (cells: CellValue[], extra: Partial<RawRow> = {}): RawRow => ({ rowNumber: 1, cells, ...extra });
  it.each<[string, RawRow, boolean]>([
    ['a bill in table form', row(['FAC-1', 'Acme SAS', '1.250.000', '15/12/2026']), true],
    ['numbers and a date cell (XLSX)', row(['Acme', 1350000, new Date(Date.UTC(2026, 11, 15))]), true],
    ['an Excel serial formatted as a date', row(['Acme', 1350000, 46371], { formats: [undefined, undefined, { isDate: true } as never] }), true],
    ['the title block of issue #10', row(['Total a pagar:', '$ 1.350.000', 'Fecha límite de pago:', '15/01/2027']), false],
    ['labels ending in colons that are not field names', row(['Saldo anterior:', '1.000.000', 'Corte:', '30/11/2026']), false],
    ['a date line', row(['Generado el', '27/11/2026']), false],
    ['an amount with no date', row(['Total cartera', '1.350.000']), false],
    ['a title', row(['Cartera noviembre 2026']), false],
  ])('%s → %s', (_, r, expected) => {
    expect(looksLikeBillRow(r)).toBe(expected);
  });
});
