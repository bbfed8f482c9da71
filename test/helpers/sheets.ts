/**
 * Reading what the CLI wrote, for assertions: CSV output as records, XLSX
 * output through exceljs, both keyed by header.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { columnKeyOf } from '../../src/pipeline/output/column-keys.js';

export type Row = Record<string, string>;

/**
 * A record keyed by each header as written and, for paylinks' own columns, by
 * their stable key too: a Spanish sheet's "Estado del enlace" is also
 * `link_state`, so assertions read the same whichever language wrote it.
 */
function keyed<T>(header: readonly string[], values: readonly T[], blank: T): Record<string, T> {
  const record: Record<string, T> = {};
  header.forEach((h, i) => {
    record[h] = values[i] ?? blank;
    const key = columnKeyOf(h);
    if (key !== undefined && !(key in record)) record[key] = values[i] ?? blank;
  });
  return record;
}

export async function readCsvOutput(path: string, delimiter = ';'): Promise<{ header: string[]; rows: Row[]; bytes: Buffer }> {
  const bytes = await readFile(path);
  const records = parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true }) as string[][];
  const header = records[0] ?? [];
  const rows = records.slice(1).map((r) => keyed(header, r, ''));
  return { header, rows, bytes };
}

export async function readXlsxOutput(path: string): Promise<{ workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet; header: string[]; rows: Array<Record<string, ExcelJS.CellValue>> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${path} has no sheet`);
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ''));
  const rows: Array<Record<string, ExcelJS.CellValue>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    rows.push(keyed<ExcelJS.CellValue>(header, values, null));
  });
  return { workbook, sheet, header, rows };
}

/** A due date `days` from today as DD/MM/YYYY (es-CO). */
export function dueInDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** A generated es-CO billing sheet with `n` valid rows. */
export function billingCsv(n: number, options: { delimiter?: string; prefix?: string; days?: number } = {}): string {
  const d = options.delimiter ?? ';';
  const lines = [['Cliente', 'Valor a pagar', 'Fecha de vencimiento', 'Factura', 'Correo'].join(d)];
  for (let i = 1; i <= n; i += 1) {
    const amount = (10_000 + i * 137).toLocaleString('es-CO').replace(/\u00a0/g, '');
    lines.push([`Cliente ${i}`, amount, dueInDays(options.days ?? 30), `${options.prefix ?? 'F'}-${String(i).padStart(5, '0')}`, `c${i}@example.com`].join(d));
  }
  return `${lines.join('\r\n')}\r\n`;
}
