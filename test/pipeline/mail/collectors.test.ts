import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseAddresses, readCollectors } from '../../../src/pipeline/mail/collectors.js';
import { MappingError } from '../../../src/pipeline/rows/mapping-error.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-collectors-'));
});

describe('parseAddresses', () => {
  it.each<[string, string[], string[]]>([
    ['a@x.co', ['a@x.co'], []],
    ['a@x.co; b@y.co', ['a@x.co', 'b@y.co'], []],
    ['a@x.co,b@y.co', ['a@x.co', 'b@y.co'], []],
    ['"Gómez, Ana" <ana@x.co>, b@y.co', ['ana@x.co', 'b@y.co'], []],
    ['a@x.co b@y.co', [], ['holds more than one address']],
    ['ana at x', [], ['is not an email address']],
    ['a@x.co;; b@', ['a@x.co'], ['is not an email address']],
    ['equipo: a@x.co, b@x.co;', [], ['is a group']],
  ])('%s', (text, addresses, problems) => {
    const parsed = parseAddresses(text);
    expect(parsed.addresses).toEqual(addresses);
    expect(parsed.problems.map((p) => p.reason)).toEqual(problems.map((p) => expect.stringContaining(p)));
  });
});

describe('readCollectors', () => {
  it('CSV (Windows-1252, ;): Spanish headers, a title line, several addresses per cell, per column and per row', async () => {
    const text = [
      'Cobradores de enero;;;',
      'Cobrador;Correo;Correo 2;Zona',
      'Ana Gómez;"ana@x.co, ana.b@x.co";;Norte',
      'Ana Gómez;ANA@x.co;ana.c@x.co;Norte',
      '  Carlos Niño ;carlos@x.co;;Sur',
      'Pedro;pedro@@x;;Sur',
      ';huerfano@x.co;;',
      'Luisa;luisa@x.co;;Sur;luisa.b@x.co',
      '',
    ].join('\r\n');
    const path = join(dir, 'cobradores.csv');
    await writeFile(path, Buffer.from(text, 'latin1'));
    const file = await readCollectors(path, 'Cobrador');
    expect(file.collectorColumn).toBe('Cobrador');
    expect(file.emailColumns).toEqual(['Correo', 'Correo 2']);
    expect(file.collectors.get('Ana Gómez')?.addresses).toEqual(['ana@x.co', 'ana.b@x.co', 'ana.c@x.co']);
    expect(file.collectors.get('Carlos Niño')?.addresses).toEqual(['carlos@x.co']);
    expect(file.collectors.get('Pedro')?.addresses).toEqual([]);
    expect(file.problems).toEqual([
      expect.objectContaining({ value: 'Pedro', row: 6, column: 'Correo', text: 'pedro@@x' }),
      expect.objectContaining({ value: '', row: 7, column: 'Cobrador', reason: 'has addresses but no collector' }),
      expect.objectContaining({ value: 'Luisa', row: 8, column: '#5', text: 'luisa.b@x.co', reason: expect.stringContaining('column with no header') }),
    ]);
  });

  it('XLSX with English headers and the split column named otherwise (Zona); numeric values read as text', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Collectors');
    sheet.addRow(['Zona', 'Email']);
    sheet.addRow(['Norte', 'norte@x.co; norte2@x.co']);
    sheet.addRow([101, 'ciento1@x.co']);
    const path = join(dir, 'zonas.xlsx');
    await wb.xlsx.writeFile(path);
    const file = await readCollectors(path, 'Zona');
    expect([...file.collectors.keys()]).toEqual(['Norte', '101']);
    expect(file.collectors.get('Norte')?.addresses).toEqual(['norte@x.co', 'norte2@x.co']);
    expect(file.problems).toEqual([]);
  });

  it('a file with no address column is refused, naming the headers found', async () => {
    const path = join(dir, 'sin-correo.csv');
    await writeFile(path, 'Cobrador;Teléfono\r\nAna;300\r\n');
    await expect(readCollectors(path, 'Cobrador')).rejects.toThrow(MappingError);
    await expect(readCollectors(path, 'Cobrador')).rejects.toThrow(/no header with a collector column \("Cobrador", cobrador or collector\) and an address column/);
  });
});
