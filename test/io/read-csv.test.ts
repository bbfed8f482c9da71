import { mkdtemp, readdir, readlink, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSheet } from '../../src/io/read/index.js';
import type { CellValue } from '../../src/io/types.js';
import { failure, readAll } from '../helpers/read.js';

let dir: string;
beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'paylinks-read-csv-')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** Latin-1 code points written one byte each, as Excel on Windows does (Windows-1252). */
function cp1252(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** Which of this process's open file descriptors point at `path` (Linux). */
async function openFds(path: string): Promise<number> {
  let count = 0;
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target === path) count++;
  }
  return count;
}

const isBillingHeader = (cells: CellValue[]) => cells.some((c) => typeof c === 'string' && /^valor$/i.test(c.trim()));

describe('encodings', () => {
  it('reads UTF-8 without a BOM', async () => {
    const path = await file('utf8.csv', 'nombre,ciudad\nPeña,Bogotá\n');
    const { source, rows } = await readAll(path);
    expect(source.info).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', header: ['nombre', 'ciudad'], headerRowNumber: 1 });
    expect(rows).toEqual([{ rowNumber: 2, cells: ['Peña', 'Bogotá'] }]);
  });

  it('reads UTF-8 with a BOM and keeps the BOM out of the first header', async () => {
    const path = await file('bom.csv', '\uFEFFreferencia;valor\r\nF-1;1.250.000,50\r\n');
    const { source, rows } = await readAll(path);
    expect(source.info.header).toEqual(['referencia', 'valor']);
    expect(source.info.delimiter).toBe(';');
    expect(rows).toEqual([{ rowNumber: 2, cells: ['F-1', '1.250.000,50'] }]);
  });

  it('detects Windows-1252, including €, smart quotes and accents', async () => {
    const bytes = Buffer.concat([cp1252('nombre;ciudad;nota\nPeña;Bogotá;'), Buffer.from([0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94]), cp1252('\n')]);
    const path = await file('ansi.csv', bytes);
    const { source, rows } = await readAll(path);
    expect(source.info.encoding).toBe('windows-1252');
    expect(rows[0]!.cells).toEqual(['Peña', 'Bogotá', '€ “ok”']);
  });

  it('settles an all-ASCII start on Windows-1252 when the first accent comes after the sample', async () => {
    const filler = Array.from({ length: 4000 }, (_, i) => `F-${i};Juan Perez;1000`).join('\n');
    const path = await file('late-accent.csv', Buffer.concat([cp1252(`referencia;nombre;valor\n${filler}\nF-X;Peña;2000\n`)]));
    const { source, rows } = await readAll(path);
    expect(rows.at(-1)).toEqual({ rowNumber: 4002, cells: ['F-X', 'Peña', '2000'] });
    expect(source.info.encoding).toBe('windows-1252');
  });

  it('reads UTF-8 whose accents fall on chunk boundaries', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i},Ñandú Peña Bogotá ${i}`);
    const path = await file('boundaries.csv', `id,nombre\n${lines.join('\n')}\n`);
    const { rows } = await readAll(path);
    expect(rows).toHaveLength(20_000);
    expect(rows.every((row, i) => row.cells[1] === `Ñandú Peña Bogotá ${i}` && row.rowNumber === i + 2)).toBe(true);
  });

  it('reads UTF-16LE with a BOM, tab-delimited (Excel "Unicode text")', async () => {
    const text = 'nombre\tvalor\r\nPeña\t25000\r\n';
    const path = await file('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { source, rows } = await readAll(path);
    expect(source.info).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', header: ['nombre', 'valor'] });
    expect(rows).toEqual([{ rowNumber: 2, cells: ['Peña', '25000'] }]);
  });

  it('reads UTF-16BE with a BOM', async () => {
    const le = Buffer.from('a\tb\nñ\t2\n', 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const path = await file('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const { source, rows } = await readAll(path);
    expect(source.info.encoding).toBe('utf-16be');
    expect(rows[0]!.cells).toEqual(['ñ', '2']);
  });

  it('honours a forced encoding', async () => {
    const path = await file('forced.csv', cp1252('a,b\nPeña,1\n'));
    const { rows } = await readAll(path, { encoding: 'latin1' });
    expect(rows[0]!.cells).toEqual(['Peña', '1']);
  });

  it('fails with FILE_ENCODING when a UTF-8 file has bad bytes later on, suggesting windows-1252', async () => {
    const head = `\uFEFFa,b\n${'x,1\n'.repeat(30_000)}`;
    const path = await file('broken-utf8.csv', Buffer.concat([Buffer.from(head, 'utf8'), cp1252('Peña,2\n')]));
    const source = await openSheet(path);
    const err = await failure(async () => {
      for await (const _ of source.rows);
    });
    expect(err.code).toBe('FILE_ENCODING');
    expect(err.message).toContain(path);
    expect(err.message).toContain('--encoding windows-1252');
    expect(err.message).toContain('0xF1');
  });

  it('fails with FILE_ENCODING when utf-8 is forced on Windows-1252 bytes', async () => {
    const path = await file('forced-wrong.csv', cp1252('nombre\nPeña\n'));
    const err = await failure(() => readAll(path, { encoding: 'utf-8' }));
    expect(err.code).toBe('FILE_ENCODING');
    expect(err.message).toContain('you asked for utf-8');
  });

  it('rejects an unknown encoding name, listing the accepted ones', async () => {
    const path = await file('any.csv', 'a\n1\n');
    const err = await failure(() => openSheet(path, { encoding: 'klingon' }));
    expect(err.code).toBe('FILE_ENCODING');
    expect(err.message).toMatch(/utf-8, windows-1252/);
  });
});

describe('delimiters and structure', () => {
  it('detects ; when cells hold decimal commas', async () => {
    const path = await file('semicolon.csv', 'referencia;nombre;valor\nF-1;Ana, María;1250,50\nF-2;Luis;3,5\n');
    const { source, rows } = await readAll(path);
    expect(source.info.delimiter).toBe(';');
    expect(rows.map((r) => r.cells)).toEqual([
      ['F-1', 'Ana, María', '1250,50'],
      ['F-2', 'Luis', '3,5'],
    ]);
  });

  it('detects tab', async () => {
    const path = await file('tabs.tsv', 'a\tb\tc\n1\t2,5\t3\n');
    const { source, rows } = await readAll(path);
    expect(source.info.delimiter).toBe('\t');
    expect(rows[0]!.cells).toEqual(['1', '2,5', '3']);
  });

  it('ignores delimiters inside quotes when detecting', async () => {
    const path = await file('quoted-commas.csv', 'name;note\n"Smith, John";"a, b, c"\n"Doe, Jane";"d, e"\n');
    const { source } = await readAll(path);
    expect(source.info.delimiter).toBe(';');
  });

  it('honours a forced delimiter, including "tab"', async () => {
    const path = await file('forced-delim.csv', 'a;b\tc\n1;2\t3\n');
    expect((await readAll(path, { delimiter: 'tab' })).rows[0]!.cells).toEqual(['1;2', '3']);
    expect((await readAll(path, { delimiter: ';' })).rows[0]!.cells).toEqual(['1', '2\t3']);
  });

  it('reads a single-column file', async () => {
    const path = await file('one-column.csv', 'email\na@x.co\nb@x.co\n');
    const { source, rows } = await readAll(path);
    expect(source.info.delimiter).toBe(',');
    expect(rows.map((r) => r.cells)).toEqual([['a@x.co'], ['b@x.co']]);
  });

  it('keeps quoted newlines and "" escapes, handles CRLF, and numbers rows as Excel does', async () => {
    const text = 'ref,nota\r\nF-1,"línea 1\r\nlínea 2"\r\n\r\nF-2,"dice ""hola"""\r\n  ,  \r\n;,\r\nF-3,  con espacios  \r\n';
    const path = await file('quoted.csv', text);
    const { rows } = await readAll(path);
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['F-1', 'línea 1\r\nlínea 2'] },
      { rowNumber: 4, cells: ['F-2', 'dice "hola"'] },
      { rowNumber: 6, cells: [';', ''] },
      { rowNumber: 7, cells: ['F-3', '  con espacios  '] },
    ]);
  });

  it('skips title lines above the header that isHeader recognises', async () => {
    const text = 'Cartera marzo 2025;;\nGenerado: 2025-03-01;;\n;;\nreferencia;nombre;valor\nF-1;Ana;100\n';
    const path = await file('titles.csv', text);
    const { source, rows } = await readAll(path, { isHeader: isBillingHeader });
    expect(source.info.header).toEqual(['referencia', 'nombre', 'valor']);
    expect(source.info.headerRowNumber).toBe(4);
    expect(rows).toEqual([{ rowNumber: 5, cells: ['F-1', 'Ana', '100'] }]);
  });

  it('falls back to the first non-blank row when isHeader accepts none', async () => {
    const path = await file('no-match.csv', '\n a , b \n1,2\n');
    const { source, rows } = await readAll(path, { isHeader: () => false });
    expect(source.info.header).toEqual(['a', 'b']);
    expect(source.info.headerRowNumber).toBe(2);
    expect(rows).toEqual([{ rowNumber: 3, cells: ['1', '2'] }]);
  });

  it('fails with FILE_EMPTY when every line is blank', async () => {
    const path = await file('blank-rows.csv', ';;\n;;\n');
    const err = await failure(() => openSheet(path));
    expect(err.code).toBe('FILE_EMPTY');
  });
});

describe('malformed CSV', () => {
  it('names the row of an unclosed quote', async () => {
    const path = await file('unbalanced.csv', 'ref,nota\nF-1,"ok\nsigue"\n\nF-2,"sin cerrar\nF-3,x\n');
    const err = await failure(() => readAll(path));
    expect(err.code).toBe('CSV_MALFORMED');
    expect(err.row).toBe(4);
    expect(err.message).toContain(`${path}: row 4`);
    expect(err.message).toMatch(/never closed/);
  });

  it('rejects a cell over 1 MB', async () => {
    const path = await file('huge-cell.csv', `a,b\n1,2\n3,${'x'.repeat(1_200_000)}\n`);
    const err = await failure(() => readAll(path));
    expect(err.code).toBe('CSV_MALFORMED');
    expect(err.row).toBe(3);
    expect(err.message).toMatch(/row 3 has a cell over 1 MB/);
  });

  it('rejects a row with 10,000 columns', async () => {
    const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
    const path = await file('wide.csv', `a,b\n1,2\n${wide}\n`);
    const err = await failure(() => readAll(path));
    expect(err.code).toBe('CSV_MALFORMED');
    expect(err.row).toBe(3);
    expect(err.message).toMatch(/row 3 has 10000 columns; at most 1000 are read/);
  });
});

describe('close()', () => {
  it('releases the file when the caller stops early', async () => {
    const path = await file('many.csv', `a,b\n${'1,2\n'.repeat(200_000)}`);
    const source = await openSheet(path);
    let seen = 0;
    let openWhileReading = 0;
    for await (const _ of source.rows) {
      if (++seen === 10) {
        openWhileReading = await openFds(path);
        break;
      }
    }
    expect(openWhileReading).toBe(1);
    await source.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await openFds(path)).toBe(0);
  });
});
