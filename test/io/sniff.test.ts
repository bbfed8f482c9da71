import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/io/read/delimiter.js';
import { decodeWindows1252, detectEncoding, incompleteTailStart } from '../../src/io/read/encoding.js';
import { openSheet } from '../../src/io/read/index.js';
import { sniffFormat } from '../../src/io/read/sniff.js';
import type { RawRow } from '../../src/io/types.js';
import { failure, readAll } from '../helpers/read.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-sniff-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function rowsOf(path: string): Promise<RawRow[]> {
  return (await readAll(path)).rows;
}

const whole = (bytes: Buffer | string) => ({ sample: Buffer.from(bytes), complete: true });

describe('sniffFormat', () => {
  it('tells formats apart by their first bytes', () => {
    expect(sniffFormat(whole(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])))).toBe('xlsx');
    expect(sniffFormat(whole(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])))).toBe('ole2');
    expect(sniffFormat(whole(''))).toBe('empty');
    expect(sniffFormat(whole('\uFEFF \r\n\t\n'))).toBe('empty');
    expect(sniffFormat(whole(Buffer.from([0xff, 0xfe, 0x0d, 0x00, 0x0a, 0x00])))).toBe('empty');
    expect(sniffFormat(whole('a;b\n1;2\n'))).toBe('text');
    expect(sniffFormat(whole(Buffer.from('Peña;Bogotá', 'latin1')))).toBe('text');
    expect(sniffFormat(whole(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb', 'utf16le')])))).toBe('text');
  });

  it('calls NUL bytes without a UTF-16 BOM, or many control characters, binary', () => {
    expect(sniffFormat(whole(Buffer.from('a\tb', 'utf16le')))).toBe('binary');
    expect(sniffFormat(whole(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x01, 0x02, 0x03, 0x41])))).toBe('binary');
  });

  it('recognises spreadsheets that are markup, not CSV, and ODF zips', () => {
    // Excel's "Web page" save, an ERP's "export to Excel" button, a bare table.
    expect(sniffFormat(whole('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table>'))).toBe('html');
    expect(sniffFormat(whole('\uFEFF\r\n  <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN"><html>'))).toBe('html');
    expect(sniffFormat(whole('<table border="1"><tr><td>Valor</td></tr></table>'))).toBe('html');
    expect(sniffFormat(whole('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'))).toBe('spreadsheetml2003');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">', 'utf16le')]);
    expect(sniffFormat(whole(utf16))).toBe('spreadsheetml2003');
    expect(sniffFormat(whole('<?xml version="1.0"?><office:document office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'))).toBe('ods');
    // A CSV whose first cell starts with "<" is still a CSV.
    expect(sniffFormat(whole('<ref>;valor\n1;2\n'))).toBe('text');
    expect(sniffFormat(whole('<?xml version="1.0"?><data/>'))).toBe('text');
    const mimetype = Buffer.alloc(30);
    mimetype.writeUInt32LE(0x04034b50, 0);
    mimetype.writeUInt16LE(8, 26);
    const ods = Buffer.concat([mimetype, Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]);
    expect(sniffFormat(whole(ods))).toBe('ods');
    expect(sniffFormat(whole(Buffer.concat([mimetype, Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text')])))).toBe('xlsx');
  });

  it('does not call a file empty from an incomplete sample', () => {
    expect(sniffFormat({ sample: Buffer.from('   '), complete: false })).toBe('text');
  });
});

describe('detectEncoding', () => {
  it('reads BOMs, valid UTF-8, and falls back to Windows-1252', () => {
    expect(detectEncoding(whole(Buffer.from([0xff, 0xfe, 0x41, 0])))).toEqual({ encoding: 'utf-16le', provisional: false });
    expect(detectEncoding(whole(Buffer.from([0xfe, 0xff, 0, 0x41])))).toEqual({ encoding: 'utf-16be', provisional: false });
    expect(detectEncoding(whole('\uFEFFabc'))).toEqual({ encoding: 'utf-8', provisional: false });
    expect(detectEncoding(whole('Peña'))).toEqual({ encoding: 'utf-8', provisional: false });
    expect(detectEncoding(whole(Buffer.from('Peña', 'latin1')))).toEqual({ encoding: 'windows-1252', provisional: false });
    expect(detectEncoding(whole('plain ascii'))).toEqual({ encoding: 'utf-8', provisional: true });
  });

  it('does not mistake a character cut by the end of the sample for bad UTF-8', () => {
    const cut = Buffer.from('Bogotá', 'utf8').subarray(0, -1);
    expect(detectEncoding({ sample: cut, complete: false }).encoding).toBe('utf-8');
    // At the real end of the file it is not UTF-8, and "BogotÃ" reads as no encoding would: refused, not guessed.
    expect(() => detectEncoding({ sample: cut, complete: true }, 'cut.csv')).toThrow(/cut\.csv is not UTF-8.*--encoding/);
    expect(incompleteTailStart(cut)).toBe(cut.length - 1);
    expect(incompleteTailStart(Buffer.from('€', 'utf8').subarray(0, 2))).toBe(0);
    expect(incompleteTailStart(Buffer.from('ok€', 'utf8'))).toBe(5);
  });

  it('decodes the Windows-1252 characters that Latin-1 lacks', () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x93, 0x61, 0x94, 0x96, 0xf1]))).toBe('€“a”–ñ');
  });
});

describe('detectDelimiter', () => {
  it('picks the character with a consistent count', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n', true)).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3\n', true)).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n', true)).toBe('\t');
    expect(detectDelimiter('solo\nuna\ncolumna\n', true)).toBe(',');
  });

  it('looks past a title line and commas inside quoted cells', () => {
    expect(detectDelimiter('Reporte de cartera\nnombre;valor\n"Pérez, Ana";1\n"Gómez, Luis";2\n', true)).toBe(';');
  });

  it('prefers ; over , on a tie when cells hold decimal commas', () => {
    expect(detectDelimiter('a;b,c\n1;2,50\n', true)).toBe(';');
    expect(detectDelimiter('a;b,c\nx;y,z\n', true)).toBe(',');
  });

  it('ignores a last line cut by the end of the sample', () => {
    expect(detectDelimiter('a;b\n1;2\n3;4\n5,6,7,8,9', false)).toBe(';');
  });
});

describe('openSheet: the format comes from the content', () => {
  it('reads an XLSX renamed .csv as a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hoja1').addRows([
      ['referencia', 'valor'],
      ['F-1', 1500],
    ]);
    const path = join(dir, 'really-xlsx.csv');
    await wb.xlsx.writeFile(path);
    const source = await openSheet(path);
    expect(source.info.format).toBe('xlsx');
    expect(await rowsOf(path)).toEqual([{ rowNumber: 2, cells: ['F-1', 1500] }]);
  });

  it('reads a CSV renamed .xlsx as text', async () => {
    const path = await file('really-csv.xlsx', 'referencia;valor\nF-1;1500\n');
    const source = await openSheet(path);
    expect(source.info.format).toBe('csv');
    expect(await rowsOf(path)).toEqual([{ rowNumber: 2, cells: ['F-1', '1500'] }]);
  });

  it('rejects an OLE2 file (encrypted workbook or old .xls) with advice', async () => {
    const path = await file('protected.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const err = await failure(() => openSheet(path));
    expect(err.code).toBe('FILE_ENCRYPTED');
    expect(err.message).toBe(
      `${path} is a password-protected workbook or an old .xls file; remove the password / save it as .xlsx (Excel Workbook) or CSV and try again`,
    );
  });

  it('rejects empty files, including a lone BOM', async () => {
    for (const [name, bytes] of [
      ['empty.csv', Buffer.alloc(0)],
      ['bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a])],
    ] as const) {
      const err = await failure(async () => openSheet(await file(name, bytes)));
      expect(err.code).toBe('FILE_EMPTY');
      expect(err.file).toBe(join(dir, name));
    }
  });

  it('rejects binary garbage, saying a CSV or XLSX is expected', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const err = await failure(async () => openSheet(await file('photo.csv', garbage)));
    expect(err.code).toBe('FILE_BINARY');
    expect(err.message).toMatch(/CSV .* or an XLSX workbook is expected/);
  });

  it('reports a missing file and a folder', async () => {
    const missing = await failure(() => openSheet(join(dir, 'nope.csv')));
    expect(missing.code).toBe('FILE_NOT_FOUND');
    expect(missing.message).toContain('nope.csv');
    const folder = join(dir, 'a-folder.csv');
    await mkdir(folder);
    expect((await failure(() => openSheet(folder))).code).toBe('FILE_NOT_FOUND');
  });

  it('reads a copy of the same bytes the same way whatever the name', async () => {
    const original = await file('copy-source.txt', 'a,b\n1,2\n');
    const renamed = join(dir, 'copy.xlsx');
    await copyFile(original, renamed);
    expect(await rowsOf(renamed)).toEqual(await rowsOf(original));
  });
});
