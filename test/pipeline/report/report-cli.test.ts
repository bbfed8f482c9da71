/**
 * `paylinks report` end to end, on real parts: sheets issued by the built
 * CLI against the sandbox over 127.0.0.1, paid (fully, partially), expired
 * there, reconciled by the CLI, then reported from their folder. Checks the
 * figures exactly, the XLSX cells read back with exceljs, the HTML (well
 * formed, nothing external, bars proportional), a Spanish run without
 * English, and a reconciled sheet written by openpyxl (a committed fixture).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src/api/sandbox/options.js';
import { startSandbox } from '../../../src/api/sandbox/server.js';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { readCsvOutput, readXlsxOutput } from '../../helpers/sheets.js';
import { englishLines } from '../../i18n/english.js';
import { control } from '../../reconcile/issued-fixture.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/cartera-openpyxl.xlsx', import.meta.url));
const AS_OF = '2027-04-16';
/** The COP totals of the sandbox sheets and of the openpyxl fixture alike (built to hold the same bills). */
const COP_TOTAL_ES = 'COP: facturado $ 2.660.000,50, recaudado $ 550.000 (20,7 %), pendiente $ 2.110.000,50, de ello vencido $ 860.000,50';

let dir: string;
let sheets: string;
let sandbox: SandboxHandle;

const env = (): Record<string, string> => ({ PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey });
const cli = (args: string[], extra: Record<string, string> = {}): Promise<CliResult> => runCli(args, { env: { ...env(), ...extra }, timeoutMs: 60_000 });

// Days overdue on 2027-04-16 in the comments: every bucket boundary is crossed.
const ENERO = [
  'Cliente;Valor a pagar;Fecha de vencimiento;Factura;Cobrador',
  'Ana Ríos;1.250.000;16/04/2027;F-1;Ana Gómez', // 0: al día
  'Beto Paz;350.000,50;15/04/2027;F-2;Ana Gómez', // 1
  'Caro Gil;200.000;17/03/2027;F-3;Ana Gómez', // 30, pays 50.000
  'Dani Sol;100.000;16/03/2027;F-4;Carlos Niño', // 31, link expires
  'Eva Luz;80.000;15/02/2027;F-5;Carlos Niño', // 60
  'Fer Mar;70.000;14/02/2027;F-6;Carlos Niño', // 61
  'Gus Paz;60.000;16/01/2027;F-7;Carlos Niño', // 90
  'Hugo Rey;50.000;15/01/2027;F-8;Carlos Niño', // 91
  'Iris Luna;500.000;15/01/2027;F-9;Ana Gómez', // paid in full
  'Olga Sol;diez mil;15/01/2027;F-15;Carlos Niño', // INVALID: not a receivable
  '',
].join('\r\n');

const DOLARES = [
  ['Cliente', 'Valor a pagar', 'Moneda', 'Fecha de vencimiento', 'Factura', 'Cobrador'],
  ['Juan Sol', '120,25', 'USD', '01/03/2027', 'F-10', 'Ana Gómez'], // paid
  ['Kike Mar', '99,99', 'USD', '01/03/2027', 'F-11', 'Ana Gómez'], // 46 days
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-report-'));
  sheets = join(dir, 'cartera');
  sandbox = await startSandbox({});
  const { mkdir } = await import('node:fs/promises');
  await mkdir(sheets);
  // The billing sheets sit in the folder too, as they do in a clerk's month folder: the report skips them.
  await writeFile(join(sheets, 'enero.csv'), ENERO);
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Facturas');
  for (const row of DOLARES) ws.addRow(row);
  await book.xlsx.writeFile(join(sheets, 'dolares.xlsx'));

  const issued = await cli(['issue', join(sheets, 'enero.csv'), '--out', join(sheets, 'enero-links.csv'), '--base-url', sandbox.url]);
  expect(issued.code, issued.stderr).toBe(1); // the INVALID row
  const usd = await cli(['issue', join(sheets, 'dolares.xlsx'), '--out', join(sheets, 'dolares-links.xlsx'), '--base-url', sandbox.url]);
  expect(usd.code, usd.stderr).toBe(0);

  const { rows } = await readCsvOutput(join(sheets, 'enero-links.csv'));
  const id = (ref: string): number => Number(rows.find((r) => r.Factura === ref)?.link_id);
  await control(sandbox, id('F-3'), 'pay', { amount: 50000 });
  await control(sandbox, id('F-9'), 'pay');
  await control(sandbox, id('F-4'), 'expire');
  const { rows: usdRows } = await readXlsxOutput(join(sheets, 'dolares-links.xlsx'));
  await control(sandbox, Number(usdRows.find((r) => r.Factura === 'F-10')?.link_id), 'pay');

  for (const sheet of ['enero-links.csv', 'dolares-links.xlsx']) {
    const reconciled = await cli(['reconcile', join(sheets, sheet), '--base-url', sandbox.url]);
    expect(reconciled.code, reconciled.stderr).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The figures the sheets above must give, as exact decimal text (the XLSX repeats the collector on each line, for filters): [group, month, bills, billed, collected, rate, pending, current, 1–30, 31–60, 61–90, >90]. */
const COP_LINES = [
  ['Ana Gómez', 'enero 2027', 1, '500000', '500000', 1, '0', '0', '0', '0', '0', '0'],
  ['Ana Gómez', 'marzo 2027', 1, '200000', '50000', 0.25, '150000', '0', '150000', '0', '0', '0'],
  ['Ana Gómez', 'abril 2027', 2, '1600000.5', '0', 0, '1600000.5', '1250000', '350000.5', '0', '0', '0'],
  ['Total de Ana Gómez', '', 4, '2300000.5', '550000', 0.239, '1750000.5', '1250000', '500000.5', '0', '0', '0'],
  ['Carlos Niño', 'enero 2027', 2, '110000', '0', 0, '110000', '0', '0', '0', '60000', '50000'],
  ['Carlos Niño', 'febrero 2027', 2, '150000', '0', 0, '150000', '0', '0', '80000', '70000', '0'],
  ['Carlos Niño', 'marzo 2027', 1, '100000', '0', 0, '100000', '0', '0', '100000', '0', '0'],
  ['Total de Carlos Niño', '', 5, '360000', '0', 0, '360000', '0', '0', '180000', '130000', '50000'],
  ['Total general', '', 9, '2660000.5', '550000', 0.207, '2110000.5', '1250000', '500000.5', '180000', '130000', '50000'],
];

describe('paylinks report', () => {
  it('XLSX: per collector and due month, exact figures in formatted cells, USD apart, skipped files noted', async () => {
    const out = join(dir, 'cartera.xlsx');
    const result = await cli(['report', sheets, '--out', out, '--by', 'Cobrador', '--as-of', AS_OF, '--lang', 'es']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('11 facturas de 2 archivos');
    expect(result.stdout).toContain(COP_TOTAL_ES);
    expect(result.stdout).toContain('USD: facturado $ 220,24, recaudado $ 120,25 (54,6 %), pendiente $ 99,99, de ello vencido $ 99,99');
    // The folder is read as reconcile reads it (discoverSheets): the billing sheet is left out, saying why.
    expect(result.stdout).toContain(`Se omite ${join(sheets, 'enero.csv')}: le falta link_state, link_id, link_url: no es una hoja escrita por \`paylinks issue\``);
    expect(result.stdout).toContain(`Se omite ${join(sheets, 'dolares.xlsx')}`);
    expect(englishLines(result.stdout + result.stderr)).toEqual([]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Cartera', 'Revisar', 'Parámetros']);
    const ws = book.getWorksheet('Cartera') as ExcelJS.Worksheet;
    const values = (n: number): ExcelJS.CellValue[] => Array.from((ws.getRow(n).values as ExcelJS.CellValue[]).slice(1), (v) => v ?? '');
    const headerRow = findRow(ws, (v) => v[0] === 'Cobrador');
    expect(values(headerRow)).toEqual(['Cobrador', 'Mes de vencimiento', 'Facturas', 'Facturado', 'Recaudado', '% de recaudo', 'Pendiente', 'Al día', '1–30 días', '31–60 días', '61–90 días', 'Más de 90 días']);
    expect(ws.getRow(headerRow).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(headerRow).getCell(1).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FF1F3A5F' } });
    const lines = COP_LINES.map((_, i) => values(headerRow + 1 + i).map((v) => v ?? ''));
    expect(lines).toEqual(COP_LINES.map((l) => l.map((v, i) => (i >= 3 && i !== 5 ? Number(v) : v))));
    const total = ws.getRow(headerRow + COP_LINES.length);
    expect(total.getCell(4).numFmt).toBe('"$ "#,##0.00'); // cents in COP: 350.000,50
    expect(total.getCell(6).numFmt).toBe('0.0%');
    expect(total.getCell(3).numFmt).toBe('#,##0');
    expect(total.getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` });
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(18);

    const usdHeader = findRow(ws, (v) => v[0] === 'Cobrador', headerRow + 1);
    expect(values(usdHeader - 1)).toEqual(['Moneda: USD']);
    expect(values(usdHeader + 1).map((v) => v ?? '')).toEqual(['Ana Gómez', 'marzo 2027', 2, 220.24, 120.25, 0.546, 99.99, 0, 0, 99.99, 0, 0]);
    expect(values(usdHeader + 2).map((v) => v ?? '')).toEqual(['Total general', '', 2, 220.24, 120.25, 0.546, 99.99, 0, 0, 99.99, 0, 0]);

    const about = book.getWorksheet('Parámetros') as ExcelJS.Worksheet;
    const notes = String(about.getRow(5).getCell(2).value);
    expect(notes).toContain('No son cartera y no se cuentan: INVALID 1.');
    expect(notes).toContain('Mes de vencimiento: el mes de la fecha de vencimiento');
    expect(about.getRow(2).values).toEqual([undefined, 'Fecha de corte', AS_OF]);
    const check = book.getWorksheet('Revisar') as ExcelJS.Worksheet;
    expect(check.getRow(3).getCell(1).value).toBe('Ninguna fila requiere revisión.');
  });

  it('HTML: one well-formed self-contained file, an SVG bar per collector with proportional segments, prints by page', async () => {
    const out = join(dir, 'cartera.html');
    const result = await cli(['report', join(sheets, 'enero-links.csv'), join(sheets, 'dolares-links.xlsx'), '--out', out, '--by', 'cobrador', '--as-of', AS_OF], { LANG: 'es_CO.UTF-8' });
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(out, 'utf8');

    // Well formed: a strict XML parser reads it to the end.
    const parser = new SaxesParser({ xmlns: true });
    const texts: string[] = [];
    const rects: Array<Record<string, string>> = [];
    const svgs: number[] = [];
    parser.on('error', (err) => {
      throw err;
    });
    let inStyle = false;
    parser.on('text', (t) => {
      if (!inStyle) texts.push(t);
    });
    parser.on('closetag', (tag) => {
      if (tag.local === 'style') inStyle = false;
    });
    parser.on('opentag', (tag) => {
      if (tag.local === 'style') inStyle = true;
      if (tag.local === 'svg') svgs.push(rects.length);
      if (tag.local === 'rect' && 'data-amount' in tag.attributes) {
        rects.push(Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, typeof a === 'string' ? a : a.value])));
      }
    });
    parser.write(html).close();

    // Nothing outside the file: no script, stylesheet link, image, font or URL but the two XML namespaces.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i);
    expect(html.match(/https?:\/\/[^\s"'<>]+/g)?.sort()).toEqual(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg']);
    expect(html).toContain('@media print');
    expect(html).toMatch(/break-before: page/);

    // The COP chart: one bar per collector; each segment's height is its amount on one scale.
    expect(svgs).toHaveLength(2);
    const cop = rects.slice(0, svgs[1]);
    expect(cop.map((r) => [r['data-bucket'], r['data-amount']])).toEqual([
      ['current', '1250000'],
      ['d1to30', '500000.5'],
      ['d31to60', '180000'],
      ['d61to90', '130000'],
      ['over90', '50000'],
    ]);
    const scale = Number(cop[0]?.height) / 1250000;
    for (const r of cop) expect(Number(r.height)).toBeCloseTo(Number(r['data-amount']) * scale, 1);
    // The tallest bar (Ana Gómez: 1.750.000,50) fills the plot.
    expect(Number(cop[0]?.height) + Number(cop[1]?.height)).toBeCloseTo(260, 1);
    expect(html).toContain('<title>Ana Gómez, tramo 1–30 días: $ 500.000,50</title>');
    expect(html).toMatch(/role="img"[^>]*aria-labelledby="chart-1-title chart-1-desc"/);

    const text = texts.join(' ');
    expect(text).toContain('Total de Carlos Niño');
    expect(text).toContain('$ 2.110.000,50');
    expect(text).toContain('20,7 %');
    expect(englishLines(texts.join('\n'))).toEqual([]);
    expect(englishLines(result.stdout + result.stderr)).toEqual([]);
  });

  it('English run: the same figures in English words and en-US amounts', async () => {
    const out = join(dir, 'aging.html');
    const result = await cli(['report', sheets, '--out', out, '--as-of', AS_OF, '--lang', 'en']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('COP: billed $2,660,000.50, collected $550,000 (20.7%), pending $2,110,000.50, of which overdue $860,000.50');
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<th scope="row">January 2027</th>');
    expect(html).toContain('Grand total');
    expect(html).toContain('lang="en"');
  });

  it('a reconciled sheet written by openpyxl: date and number cells, rows for a person listed apart, exit 1', async () => {
    const out = join(dir, 'openpyxl.xlsx');
    const result = await cli(['report', FIXTURE, '--out', out, '--by', 'Cobrador', '--as-of', AS_OF, '--lang', 'es']);
    expect(result.code, result.stderr).toBe(1);
    // Built to hold the same bills as the sandbox sheets: the same totals.
    expect(result.stdout).toContain(COP_TOTAL_ES);
    expect(result.stdout).toContain('USD: facturado $ 220,24, recaudado $ 120,25 (54,6 %)');
    expect(result.stdout).toContain('Requieren revisión: 3 filas');
    expect(englishLines(result.stdout + result.stderr)).toEqual([]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const check = book.getWorksheet('Revisar') as ExcelJS.Worksheet;
    const rows = [3, 4, 5].map((n) => (check.getRow(n).values as ExcelJS.CellValue[]).slice(2, 8));
    expect(rows).toEqual([
      [13, 'F-12', 'Ana Gómez', 'UNCERTAIN', undefined, 45000],
      [14, 'F-13', 'Carlos Niño', 'ISSUED', 'UNKNOWN', 30000],
      [15, 'F-14', 'Carlos Niño', 'ISSUED', 'PARTIAL', 40000],
    ]);
    expect(String(check.getRow(5).getCell(9).value)).toContain('paid_amount está vacío');
    const about = book.getWorksheet('Parámetros') as ExcelJS.Worksheet;
    expect(String(about.getRow(5).getCell(2).value)).toContain('No son cartera y no se cuentan: INVALID 1, FAILED 1, SKIPPED 1.');
  });

  // One test per refusal: each is a CLI run, and a loaded machine makes them slow.
  it.each<[string, () => string[], RegExp]>([
    ['an --out that is neither .xlsx nor .html', () => [FIXTURE, '--out', join(dir, 'x.pdf')], /termínelo en \.xlsx o \.html/],
    ['a date that does not exist', () => [FIXTURE, '--out', join(dir, 'x.html'), '--as-of', '2027-02-30'], /--as-of debe ser una fecha AAAA-MM-DD, no "2027-02-30"/],
    ['a --by column the sheet lacks', () => [FIXTURE, '--out', join(dir, 'x.html'), '--by', 'Zona'], /--by "Zona" nombra una columna que .* no tiene\. Columnas encontradas: "Cliente"/],
    ['a missing file', () => [join(dir, 'nope.csv'), '--out', join(dir, 'x.html')], /nope\.csv no existe/],
    ['a named billing sheet, not one paylinks wrote', () => [join(sheets, 'enero.csv'), '--out', join(dir, 'x.html')], /enero\.csv: no es una hoja escrita por paylinks \(no tiene la columna link_id\)/],
    ['--out naming a sheet it reads', () => [FIXTURE, '--out', FIXTURE], /es una de las hojas que se leen/],
  ])('refuses %s in Spanish (exit 2, nothing written)', async (_name, args, message) => {
    const result = await cli(['report', ...args(), '--lang', 'es']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(englishLines(result.stderr)).toEqual([]);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

function findRow(ws: ExcelJS.Worksheet, test: (values: ExcelJS.CellValue[]) => boolean, from = 1): number {
  for (let n = from; n <= ws.rowCount; n += 1) if (test((ws.getRow(n).values as ExcelJS.CellValue[]).slice(1))) return n;
  throw new Error('row not found');
}
