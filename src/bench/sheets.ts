/**
 * Generated billing sheets for the benchmark: es-CO CSV and XLSX with due
 * dates relative to today, written as streams so a million rows never sit in
 * memory. Files are cached in .bench/ by row count and date.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';

export const BENCH_DIR = '.bench';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** DD/MM/YYYY `days` from today. */
function due(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

function amount(i: number): string {
  const units = (10_000 + (i % 90_000) * 137).toLocaleString('es-CO').replace(/\u00a0/g, '');
  return i % 4 === 0 ? `${units},50` : units;
}

const HEADER = ['Cliente', 'Valor a pagar', 'Fecha de vencimiento', 'Factura', 'Correo'];

/** A CSV of `rows` valid rows (references P-0000001…), `;`-separated, CRLF, like Excel on Windows in Spanish. */
export async function billingCsv(rows: number, prefix = 'P'): Promise<string> {
  await mkdir(BENCH_DIR, { recursive: true });
  const path = join(BENCH_DIR, `billing-${prefix}-${rows}-${today()}.csv`);
  if (existsSync(path)) return path;
  const dates = Array.from({ length: 30 }, (_, k) => due(30 + k));
  const out = createWriteStream(`${path}.part`);
  let chunk = `${HEADER.join(';')}\r\n`;
  for (let i = 1; i <= rows; i += 1) {
    chunk += `Cliente ${i};${amount(i)};${dates[i % 30]};${prefix}-${String(i).padStart(7, '0')};c${i}@example.com\r\n`;
    if (chunk.length > 1 << 20 || i === rows) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end();
  await once(out, 'finish');
  await rename(`${path}.part`, path);
  return path;
}

/** An XLSX of `rows` valid rows with real date cells and numeric amounts, written by exceljs's streaming writer. */
export async function billingXlsx(rows: number): Promise<string> {
  await mkdir(BENCH_DIR, { recursive: true });
  const path = join(BENCH_DIR, `billing-${rows}-${today()}.xlsx`);
  if (existsSync(path)) return path;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${path}.part`, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Facturas');
  sheet.getColumn(3).numFmt = 'dd/mm/yyyy';
  sheet.addRow(HEADER).commit();
  const dates = Array.from({ length: 30 }, (_, k) => {
    const d = new Date(Date.now() + (30 + k) * 86_400_000);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  });
  for (let i = 1; i <= rows; i += 1) {
    const row = sheet.addRow([`Cliente ${i}`, 10_000 + (i % 90_000) * 137 + (i % 4 === 0 ? 0.5 : 0), dates[i % 30], `X-${String(i).padStart(7, '0')}`, `c${i}@example.com`]);
    row.getCell(3).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  await rename(`${path}.part`, path);
  return path;
}
