/**
 * Materialises the hostile-input corpus into a folder at test time.
 *
 * Readable cases live as files in test/corpus/files/ with `{{due+N}}`
 * (es-CO DD/MM/YYYY, N days from today) and `{{iso+N}}` (YYYY-MM-DD)
 * placeholders, so the corpus never rots: a due date is always in the future.
 * Cases that are large (a 1 MB cell, 10,000 columns), binary (garbage, OLE2,
 * workbooks) or full of control characters that editors and git mangle (tab,
 * CR) are generated here, deterministically.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const CORPUS_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface CorpusCase {
  id: string;
  /** What the case is about, for people reading the manifest. */
  what: string;
  /** A file under test/corpus/files/, or the name of a generator below. */
  file?: string;
  generate?: string;
  /** The name the input gets in the temp folder (its extension may lie on purpose). */
  as: string;
  /** Extra CLI flags. */
  args?: string[];
  /** Output file name; default out.csv. */
  out?: string;
  exit: 0 | 1 | 2;
  /** Exit 2: an exact fragment of the one-line message on stderr. */
  message?: string;
  /** Exit 0/1: rows the output must hold, and rows per state. */
  rows?: number;
  states?: Record<string, number>;
  /** Exit 0/1: exact error fragments by output row index (0-based). */
  errors?: Record<string, string>;
  /** Exact cell values the output must hold, by row index then column. */
  cells?: Record<string, Record<string, string>>;
}

export async function loadCases(): Promise<CorpusCase[]> {
  return JSON.parse(await readFile(join(CORPUS_DIR, 'cases.json'), 'utf8')) as CorpusCase[];
}

/** DD/MM/YYYY and YYYY-MM-DD `days` from today (UTC date, well clear of any time zone edge). */
export function dueDate(days: number, style: 'es' | 'iso' = 'es'): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return style === 'iso' ? `${d.getUTCFullYear()}-${mm}-${dd}` : `${dd}/${mm}/${d.getUTCFullYear()}`;
}

export function fillDates(text: string): string {
  return text.replace(/\{\{(due|iso)\+(\d+)\}\}/g, (_, kind: string, days: string) => dueDate(Number(days), kind === 'iso' ? 'iso' : 'es'));
}

/** Writes the case's input into `dir` and returns its path. */
export async function materialise(c: CorpusCase, dir: string): Promise<string> {
  const path = join(dir, c.as);
  if (c.file !== undefined) {
    await writeFile(path, fillDates(await readFile(join(CORPUS_DIR, 'files', c.file), 'utf8')));
  } else {
    const make = c.generate === undefined ? undefined : GENERATORS[c.generate];
    if (!make) throw new Error(`corpus case ${c.id}: no file and no generator "${c.generate}"`);
    await writeFile(path, await make());
  }
  return path;
}

const HEADER = 'Cliente;Valor;Vencimiento;Factura';
const csv = (lines: string[]): Buffer => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');

/** A small seeded generator (mulberry32): the same bytes on every run. */
function seededBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let a = seed >>> 0;
  for (let i = 0; i < n; i += 1) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function billingSheet(wb: ExcelJS.Workbook, name = 'Facturas'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(['Cliente', 'Valor', 'Vencimiento', 'Factura']);
  return ws;
}

const dueCell = (days: number): Date => new Date(`${dueDate(days, 'iso')}T00:00:00Z`);

/** A stored (uncompressed) or deflated zip, enough for an XLSX skeleton; CRCs via zlib. */
function zip(entries: Array<{ name: string; text: string }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.text, 'utf8');
    const packed = deflateRawSync(data);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const EMPTY_WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets/></workbook>`;
const EMPTY_WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

export const GENERATORS: Record<string, () => Buffer | Promise<Buffer>> = {
  /** Random bytes with NULs: what a wrong attachment looks like. */
  'binary-garbage': () => seededBytes(4096, 42),
  /** Excel's "Unicode text": UTF-16LE with BOM, tab-separated, accents. */
  'utf16le-tab': () =>
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`Cliente\tValor\tVencimiento\tFactura\r\nPeña Ñuñez\t10.000\t${dueDate(30)}\tU-1\r\nJosé Ángel\t20.000,50\t${dueDate(31)}\tU-2\r\n`, 'utf16le'),
    ]),
  /** One description cell of 1 MiB (a pasted document): over any sane cell limit. */
  'one-mb-cell': () => csv([`${HEADER};Descripción`, `Ana;10.000;${dueDate(30)};M-1;${'x'.repeat(1024 * 1024)}`]),
  /** 10,000 columns: the four real ones then 9,996 empty-header columns. */
  'ten-thousand-columns': () => {
    const pad = (v: string): string => `${v}${';'.repeat(9996)}`;
    return csv([pad(HEADER), pad(`Ana;10.000;${dueDate(30)};C-1`)]);
  },
  /** The first bytes of an OLE2 compound file: a password-protected XLSX (or an old .xls). */
  'ole2-header': () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), seededBytes(4088, 7)]),
  /** A valid zip whose workbook lists no sheet at all. */
  'xlsx-no-sheets': () =>
    zip([
      { name: '[Content_Types].xml', text: CONTENT_TYPES },
      { name: '_rels/.rels', text: ROOT_RELS },
      { name: 'xl/workbook.xml', text: EMPTY_WORKBOOK },
      { name: 'xl/_rels/workbook.xml.rels', text: EMPTY_WB_RELS },
    ]),
  /** An XLSX cut in half (a download that stopped). */
  'xlsx-truncated': async () => {
    const full = await workbook((wb) => {
      const ws = billingSheet(wb);
      for (let i = 1; i <= 200; i += 1) ws.addRow([`Cliente ${i}`, 10_000 + i, dueCell(30), `T-${i}`]);
    });
    return full.subarray(0, Math.floor(full.length / 2));
  },
  /** A good workbook, to be saved under a .csv name. */
  'xlsx-good': () =>
    workbook((wb) => {
      const ws = billingSheet(wb);
      ws.addRow(['Ana', 10_000, dueCell(30), 'X-1']);
      ws.addRow(['Beto', 20_000.5, dueCell(31), 'X-2']);
    }),
  /** A formula whose cached result is #REF! in the amount column, beside a good formula. */
  'xlsx-ref-error': () =>
    workbook((wb) => {
      const ws = billingSheet(wb);
      ws.addRow(['Ana', { formula: 'Hoja2!B7', result: { error: '#REF!' } }, dueCell(30), 'R-1']);
      ws.addRow(['Beto', { formula: '1000*10', result: 10_000 }, dueCell(30), 'R-2']);
      ws.addRow(['Carla', 30_000, { formula: 'Z99', result: { error: '#VALUE!' } }, 'R-3']);
    }),
  /** A merged title above the header, and a client name merged down over two rows. */
  'xlsx-merged': () =>
    workbook((wb) => {
      const ws = wb.addWorksheet('Facturas');
      ws.addRow(['Facturación enero', null, null, null]);
      ws.mergeCells('A1:D1');
      ws.addRow(['Cliente', 'Valor', 'Vencimiento', 'Factura']);
      ws.addRow(['Grupo Éxito', 10_000, dueCell(30), 'G-1']);
      ws.addRow([null, 20_000, dueCell(30), 'G-2']);
      ws.mergeCells('A3:A4');
    }),
  /** Names that start formulas, in a workbook; the output is an XLSX too. */
  'xlsx-formula-start': () =>
    workbook((wb) => {
      const ws = billingSheet(wb);
      ws.addRow(['=1+2', 10_000, dueCell(30), 'Q-1']);
      ws.addRow(['@SUM(A1)', 10_000, dueCell(30), 'Q-2']);
    }),
  /** Cells starting with =, +, -, @, tab and CR, in the name and a pass-through column. */
  'formula-start': () =>
    csv([
      `${HEADER};Nota`,
      `"=HYPERLINK(""http://evil.example"",""pagar"")";10.000;${dueDate(30)};F-1;=1+1`,
      `+Pedro;10.000;${dueDate(30)};F-2;+57 300 123 4567`,
      `-Juana;10.000;${dueDate(30)};F-3;-2+3`,
      `@Maria;10.000;${dueDate(30)};F-4;@SUM(A1:A9)`,
      `"\tTabulada";10.000;${dueDate(30)};F-5;"\t=cmd|' /C calc'!A0"`,
      `"\rRetorno";10.000;${dueDate(30)};F-6;"\r=1"`,
      `Normal;10.000;${dueDate(30)};F-7;-5`,
    ]),
  /** A NUL byte far into an otherwise good CSV (past the binary check's window). */
  'late-nul': () => {
    const lines = [HEADER];
    for (let i = 1; i <= 400; i += 1) lines.push(`Cliente ${i};10.000;${dueDate(30)};N-${i}`);
    lines.push(`Malo\u0000;10.000;${dueDate(30)};N-401`);
    return csv(lines);
  },
  /** Windows-1252 bytes with accents, as Excel on Windows in Spanish saves "CSV". */
  'windows-1252': () => Buffer.from(`Nombre del pagador;Valor a pagar;Fecha de vencimiento;Referencia\r\nPeña Ñuñez;$ 1.250.000;${dueDate(30)};W-1\r\nJosé Ángel;350.000,50;${dueDate(30)};W-2\r\n`, 'latin1'),
};
