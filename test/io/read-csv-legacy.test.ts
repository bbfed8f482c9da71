/**
 * CSV encodings other than UTF-8 and Windows-1252 that Excel writes: cp850
 * ("CSV (MS-DOS)") and MacRoman ("CSV (Macintosh)", CR line ends), and text
 * that decoded to unlikely characters. Files in test/io/files (make_files.py).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSheet } from '../../src/io/read/index.js';
import { chooseSingleByte } from '../../src/io/read/single-byte.js';
import { failure, readAll } from '../helpers/read.js';

const files = join(import.meta.dirname, 'files');
const names = [
  ['C-1', 'José Muñoz Ñáñez', '1.250.000', '15/01/2027'],
  ['C-2', 'Begoña Díaz', '450.000', '20/01/2027'],
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-legacy-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('detected encodings', () => {
  it.each([
    ['excel-msdos-cp850.csv', 'cp850'],
    ['excel-mac-roman.csv', 'macroman'],
    ['excel-windows-1252.csv', 'windows-1252'],
  ])('%s reads as %s, names intact', async (name, encoding) => {
    const { source, rows } = await readAll(join(files, name));
    expect(source.info).toMatchObject({ encoding, delimiter: ';', header: ['Referencia', 'Nombre', 'Valor', 'Vencimiento'] });
    expect(rows.map((r) => r.cells)).toEqual(names);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(rows.every((r) => r.warnings === undefined)).toBe(true);
  });

  it('is chosen as --encoding too, under its usual names', async () => {
    for (const encoding of ['cp850', 'IBM850', 'ms-dos']) {
      const { source, rows } = await readAll(join(files, 'excel-msdos-cp850.csv'), { encoding });
      expect(source.info.encoding).toBe('cp850');
      expect(rows[0]!.cells[1]).toBe('José Muñoz Ñáñez');
    }
    for (const encoding of ['macroman', 'mac-roman', 'macintosh']) {
      const { source, rows } = await readAll(join(files, 'excel-mac-roman.csv'), { encoding });
      expect(source.info.encoding).toBe('macroman');
      expect(rows[1]!.cells[1]).toBe('Begoña Díaz');
    }
  });

  it('settles on cp850 when the first accent comes after the sample', async () => {
    const path = join(dir, 'late-cp850.csv');
    const filler = Array.from({ length: 3000 }, (_, i) => `A-${i};Ana;1.000;15/01/2027\r\n`).join('');
    await writeFile(path, Buffer.concat([Buffer.from(`Referencia;Nombre;Valor;Vencimiento\r\n${filler}`), Buffer.from('Z-1;Muñoz;2.000;15/01/2027\r\n', 'latin1').map((b) => (b === 0xf1 ? 0xa4 : b))]));
    const { source, rows } = await readAll(path);
    expect(rows.at(-1)!.cells[1]).toBe('Muñoz');
    expect(source.info.encoding).toBe('cp850');
  });

  it('refuses, naming --encoding and showing each reading, when the bytes read plausibly in two encodings', async () => {
    const path = join(dir, 'unsure.csv');
    // 0x8A is Š in Windows-1252 (unlikely), è in cp850, ä in MacRoman: both plausible.
    await writeFile(path, Buffer.concat([Buffer.from('Referencia;Nombre;Valor\r\nU-1;Jos'), Buffer.from([0x8a]), Buffer.from(';1.000\r\n')]));
    const err = await failure(() => openSheet(path));
    expect(err.code).toBe('FILE_ENCODING');
    expect(err.message).toContain('cannot tell which encoding');
    expect(err.message).toContain('cp850 (Excel "CSV (MS-DOS)") reads "Josè"');
    expect(err.message).toContain('macroman (Mac "CSV") reads "Josä"');
    expect(err.message).toContain('--encoding cp850');
  });
});

describe('chooseSingleByte', () => {
  const bytes = encode;
  it.each([
    ['Peña, Muñoz, Díaz', 'cp1252', 'windows-1252'],
    ['don’t “quoted” €100', 'cp1252', 'windows-1252'],
    ['Juan\u00A0Pérez', 'cp1252', 'windows-1252'],
    ['Peña, Muñoz, Díaz', 'cp850', 'cp850'],
    ['NIÑO ÁLVAREZ', 'cp850', 'cp850'],
    ['Peña, Muñoz, Díaz', 'mac_roman', 'macroman'],
    ['José Ñáñez', 'mac_roman', 'macroman'],
  ] as const)('%s written as %s reads as %s', (text, written, expected) => {
    expect(chooseSingleByte(bytes(text, written))).toEqual({ encoding: expected });
  });
});

describe('garbled text', () => {
  it('warns on a row whose text looks like UTF-8 read as Windows-1252, naming row and column', async () => {
    const { rows } = await readAll(join(files, 'mojibake-utf8.csv'));
    expect(rows[0]!.warnings).toEqual([
      'row 2, column "Nombre": "JosÃ© MuÃ±oz" holds unlikely characters ("Ã©"); the file may have been saved or converted in another encoding. Check this text before it reaches a payer, or read the file with --encoding (utf-8, windows-1252, cp850, macroman)',
    ]);
    expect(rows[1]!.warnings).toBeUndefined();
  });

  it('warns on control and box-drawing characters', async () => {
    const path = join(dir, 'box.csv');
    await writeFile(path, 'Referencia,Nombre,Valor\nB-1,Mu\u2502oz,1000\nB-2,Ana\u0007,2000\nB-3,Ana,3000\n');
    const { rows } = await readAll(path);
    expect(rows.map((r) => r.warnings?.length ?? 0)).toEqual([1, 1, 0]);
    expect(rows[0]!.warnings![0]).toMatch(/^row 2, column "Nombre": "Mu│oz"/);
  });
});

/** Python's codec names for the three single-byte encodings (the same tables as make_files.py). */
function encode(text: string, encoding: 'cp850' | 'mac_roman' | 'cp1252'): Buffer {
  const table: Record<string, Record<string, number>> = {
    cp850: { ñ: 0xa4, Ñ: 0xa5, á: 0xa0, í: 0xa1, ó: 0xa2, ú: 0xa3, é: 0x82, Á: 0xb5, É: 0x90, Í: 0xd6, Ó: 0xe0, Ú: 0xe9 },
    mac_roman: { ñ: 0x96, Ñ: 0x84, á: 0x87, é: 0x8e, í: 0x92, ó: 0x97, ú: 0x9c, Á: 0xe7, É: 0x83, Í: 0xea, Ó: 0xee, Ú: 0xf2 },
    cp1252: { '’': 0x92, '“': 0x93, '”': 0x94, '€': 0x80, '\u00A0': 0xa0, é: 0xe9 },
  };
  return Buffer.from([...text].map((c) => table[encoding]![c] ?? (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : Buffer.from(c, 'latin1')[0]!)));
}
