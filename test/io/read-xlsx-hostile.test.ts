/**
 * Workbooks Excel itself would not write, but other tools (and attackers)
 * do: built by hand as zips so every part is under the test's control.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileError } from '../../src/io/errors.js';
import type { CellValue } from '../../src/io/types.js';
import { readAll } from '../helpers/read.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-xlsx-hostile-'));
});

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DATE_STYLES = `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;

async function workbook(name: string, rows: string, options: { styles?: string; stylesLast?: boolean } = {}): Promise<string> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  const stylesRel = options.styles ? `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` : '';
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${stylesRel}</Relationships>`);
  if (options.styles && !options.stylesLast) zip.file('xl/styles.xml', options.styles);
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`);
  if (options.styles && options.stylesLast) zip.file('xl/styles.xml', options.styles);
  const path = join(dir, name);
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

const text = (t: string, ref = ''): string => `<c${ref ? ` r="${ref}"` : ''} t="inlineStr"><is><t>${t}</t></is></c>`;
const HEADER_ROW = `<row r="1">${text('Nombre')}${text('Valor')}${text('Vence')}</row>`;

async function read(path: string): Promise<CellValue[][]> {
  return (await readAll(path)).rows.map((row) => row.cells);
}

describe('hand-built workbooks', () => {
  it('reads cells without an r attribute from the first column of each row', async () => {
    const path = await workbook('no-r.xlsx', `${HEADER_ROW}<row r="2">${text('Ana')}<c><v>1000</v></c></row><row r="3">${text('Bea')}<c><v>2000</v></c></row>`);
    expect(await read(path)).toEqual([
      ['Ana', 1000],
      ['Bea', 2000],
    ]);
  });

  it('refuses a cell beyond column XFD instead of padding a row to it', async () => {
    const path = await workbook('wide.xlsx', `${HEADER_ROW}<row r="2"><c r="ZZZZZZZ2"><v>1</v></c></row>`);
    const err = await read(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).code).toBe('XLSX_MALFORMED');
    expect((err as FileError).message).toMatch(/beyond column XFD/);
  });

  it('reads a workbook with no styles part, and one whose styles come after the sheet', async () => {
    const row = `<row r="2">${text('Ana')}<c><v>1000</v></c><c s="1"><v>47498</v></c></row>`;
    expect(await read(await workbook('no-styles.xlsx', `${HEADER_ROW}${row}`))).toEqual([['Ana', 1000, 47498]]);
    const late = await read(await workbook('late-styles.xlsx', `${HEADER_ROW}${row}`, { styles: DATE_STYLES, stylesLast: true }));
    expect(late[0]?.slice(0, 2)).toEqual(['Ana', 1000]);
  });

  it('keeps a date-formatted number outside Excel\u2019s date range as a number', async () => {
    const path = await workbook('big-date.xlsx', `${HEADER_ROW}<row r="2">${text('Ana')}<c><v>1000</v></c><c s="1"><v>1250000000</v></c></row>`, { styles: DATE_STYLES });
    expect(await read(path)).toEqual([['Ana', 1000, 1250000000]]);
    const dated = await read(await workbook('date.xlsx', `${HEADER_ROW}<row r="2">${text('Ana')}<c><v>1000</v></c><c s="1"><v>47498</v></c></row>`, { styles: DATE_STYLES }));
    expect(dated[0]?.[2]).toEqual(new Date(Date.UTC(2030, 0, 15)));
  });
});

describe('package structure other writers produce', () => {
  const STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
  const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

  /** A workbook whose parts live where the test says, with the given tabs (name, state, rel type, target). */
  async function custom(name: string, parts: Record<string, string>): Promise<string> {
    const zip = new JSZip();
    for (const [part, xml] of Object.entries(parts)) zip.file(part, xml);
    const path = join(dir, name);
    await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return path;
  }
  const sheetXml = (rows: string, prefix = '') =>
    `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="${NS}"><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;

  it('strict OOXML relationship types, a workbook outside xl/, x:-prefixed tags and 1904 dates', async () => {
    const path = await custom('strict.xlsx', {
      '_rels/.rels': `<Relationships xmlns="${RELS}"><Relationship Id="r1" Type="${STRICT}/officeDocument" Target="/book/main.xml"/></Relationships>`,
      'book/main.xml': `<x:workbook xmlns:x="${NS}" xmlns:r="${STRICT}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Datos" sheetId="1" r:id="a"/></x:sheets></x:workbook>`,
      'book/_rels/main.xml.rels': `<Relationships xmlns="${RELS}"><Relationship Id="a" Type="${STRICT}/worksheet" Target="parts/one.xml"/><Relationship Id="b" Type="${STRICT}/styles" Target="../styles.xml"/></Relationships>`,
      'styles.xml': DATE_STYLES,
      'book/parts/one.xml': sheetXml(`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Vence</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" s="1"><x:v>0</x:v></x:c></x:row>`, 'x:'),
    });
    const { source, rows } = await readAll(path);
    expect(source.info.sheetName).toBe('Datos');
    expect(rows[0]!.cells).toEqual([new Date(Date.UTC(1904, 0, 1))]);
  });

  it('counts a chart sheet among the tab positions and says so when --sheet names it', async () => {
    const path = await custom('chart.xlsx', {
      '_rels/.rels': `<Relationships xmlns="${RELS}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Gráfico" sheetId="1" r:id="c"/><sheet name="Datos" sheetId="2" r:id="s"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${RELS}"><Relationship Id="c" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="s" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/chartsheets/sheet1.xml': `<chartsheet xmlns="${NS}"/>`,
      'xl/worksheets/sheet1.xml': sheetXml(HEADER_ROW),
    });
    expect((await readAll(path, { sheet: 2 })).source.info.sheetName).toBe('Datos');
    expect((await readAll(path)).source.info.sheetName).toBe('Datos');
    const err = await readAll(path, { sheet: 1 }).catch((e: unknown) => e as FileError);
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).message).toContain('sheet "Gráfico" of');
    expect((err as FileError).message).toContain('is a chart, not a worksheet');
  });

  it('leaves phonetic guides out of shared strings and joins rich-text runs', async () => {
    const path = await custom('rich.xlsx', {
      '_rels/.rels': `<Relationships xmlns="${RELS}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Hoja" sheetId="1" r:id="s"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${RELS}"><Relationship Id="s" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="t" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      'xl/sharedStrings.xml': `<sst xmlns="${NS}"><si><t>Nombre</t></si><si><r><t>Peña </t></r><r><rPr><b/></rPr><t xml:space="preserve">Bogotá</t></r><rPh sb="0" eb="1"><t>ペ</t></rPh></si><si><t/></si></sst>`,
      'xl/worksheets/sheet1.xml': sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>9</v></c></row>`),
    });
    expect(await read(path)).toEqual([['Peña Bogotá', '', null]]);
  });

  it('refuses by default when only hidden sheets hold data, saying --sheet reads them', async () => {
    const path = await custom('only-hidden.xlsx', {
      '_rels/.rels': `<Relationships xmlns="${RELS}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Vacía" sheetId="1" r:id="a"/><sheet name="Datos" sheetId="2" state="hidden" r:id="b"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${RELS}"><Relationship Id="a" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="b" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': sheetXml(''),
      'xl/worksheets/sheet2.xml': sheetXml(HEADER_ROW),
    });
    const err = await readAll(path).catch((e: unknown) => e as FileError);
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).code).toBe('FILE_EMPTY');
    expect((err as FileError).message).toContain('hidden sheets (Datos) are read only when --sheet names them');
  });
});
