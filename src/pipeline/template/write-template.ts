/**
 * `paylinks template`: a blank billing sheet a clerk can fill in, with the
 * headers the tool recognises in their language, one example row that issues
 * as it is (its due date is in the future), and, in XLSX, data validation on
 * the amount, due date and reference cells and a notes sheet explaining each
 * column. The headers are taken from the synonym table, so the template and
 * the mapping cannot drift apart.
 */
import ExcelJS from 'exceljs';
import { createAtomicStream, flushAndCommit } from '../../io/atomic.js';
import type { CellValue } from '../../io/types.js';
import { createSheetWriter } from '../../io/write/index.js';
import { csvCellText } from '../../io/write/csv.js';
import { fieldOfHeader } from '../rows/headers.js';
import { excelDateFormat, excelMoneyFormat } from '../output/presentation.js';
import type { Field, Locale } from '../types.js';

export interface TemplateOptions {
  path: string;
  format: 'csv' | 'xlsx';
  locale: Locale;
  /** Today, for the example's due date (tests fix it). */
  today?: Date;
  /** Days from today to the example's due date. */
  dueInDays?: number;
}

interface TemplateColumn {
  /** The billing field, or undefined for a free column (the collector). */
  field?: Field;
  header: string;
  required: boolean;
  note: string;
  example: (due: Date) => CellValue;
  csvExample: (due: Date) => string;
  width: number;
}

/** Rows of the template that get data validation (a big billing run is ~40,000 rows). */
export const VALIDATED_ROWS = 50_000;

export async function writeTemplate(options: TemplateOptions): Promise<void> {
  const columns = templateColumns(options.locale);
  checkHeaders(columns);
  const due = new Date((options.today ?? new Date()).getTime() + (options.dueInDays ?? 30) * 86_400_000);
  const dueDate = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth(), due.getUTCDate()));
  if (options.format === 'csv') await writeCsv(options, columns, dueDate);
  else await writeXlsx(options, columns, dueDate);
}

async function writeCsv(options: TemplateOptions, columns: TemplateColumn[], due: Date): Promise<void> {
  // Excel in a Spanish locale splits CSV on ";", in English on ",".
  const delimiter = options.locale === 'es-CO' ? ';' : ',';
  const writer = await createSheetWriter(options.path, { format: 'csv', delimiter, columns: columns.map((c) => ({ header: c.header })) });
  try {
    await writer.writeRow(columns.map((c) => c.csvExample(due)));
    await writer.commit();
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

async function writeXlsx(options: TemplateOptions, columns: TemplateColumn[], due: Date): Promise<void> {
  const es = options.locale === 'es-CO';
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(es ? 'Facturas' : 'Invoices', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(columns.map((c) => c.example(due)));
  const letter = (field: Field): string => String.fromCharCode(65 + columns.findIndex((c) => c.field === field));
  const range = (field: Field): string => `${letter(field)}2:${letter(field)}${VALIDATED_ROWS + 1}`;
  // Formats on the whole column, so the rows a clerk adds look like the example.
  sheet.getColumn(letter('amount')).numFmt = excelMoneyFormat('COP');
  sheet.getColumn(letter('dueDate')).numFmt = excelDateFormat(options.locale);
  // exceljs has data validation on worksheets, but its type definitions leave the property out.
  const validations = (sheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(range('amount'), {
    type: 'decimal',
    operator: 'greaterThan',
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: es ? 'Valor no válido' : 'Invalid amount',
    error: es ? 'Escriba un valor mayor que 0, con máximo 2 decimales.' : 'Type an amount greater than 0, with at most 2 decimals.',
  });
  validations.add(range('dueDate'), {
    type: 'date',
    operator: 'greaterThanOrEqual',
    formulae: ['TODAY()'],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: es ? 'Fecha no válida' : 'Invalid date',
    error: es ? 'Escriba una fecha de hoy en adelante (día/mes/año).' : 'Type a date from today on (month/day/year).',
  });
  validations.add(range('reference'), {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [32],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: es ? 'Referencia muy larga' : 'Reference too long',
    error: es ? 'Máximo 32 caracteres: letras, números y guiones.' : 'At most 32 characters: letters, digits and hyphens.',
  });
  const notes = workbook.addWorksheet(es ? 'Notas' : 'Notes');
  notes.columns = [
    { header: es ? 'Columna' : 'Column', width: 24 },
    { header: es ? 'Obligatoria' : 'Required', width: 12 },
    { header: es ? 'Qué escribir' : 'What to write', width: 100 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow([c.header, c.required ? (es ? 'Sí' : 'Yes') : 'No', c.note]).alignment = { wrapText: true, vertical: 'top' };
  notes.addRow([]);
  notes.addRow([es ? 'Borre la fila de ejemplo antes de cobrar de verdad.' : 'Delete the example row before billing for real.']).font = { italic: true };
  const atomic = await createAtomicStream(options.path);
  await flushAndCommit(atomic, () => workbook.xlsx.write(atomic.stream));
}

/** The template's header must map back to the same fields, or the tool would not read its own template. */
function checkHeaders(columns: TemplateColumn[]): void {
  for (const c of columns) {
    if (c.field !== undefined && fieldOfHeader(c.header) !== c.field) throw new Error(`template header "${c.header}" does not map to ${c.field}`);
    if (c.field === undefined && fieldOfHeader(c.header) !== undefined) throw new Error(`template header "${c.header}" would be taken for a field`);
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dayMonthYear(d: Date): string {
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function monthDayYear(d: Date): string {
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

function templateColumns(locale: Locale): TemplateColumn[] {
  const es = locale === 'es-CO';
  const text = (value: string) => ({ example: () => value, csvExample: () => csvCellText(value) });
  return es
    ? [
        { field: 'name', header: 'Cliente', required: false, width: 28, note: 'Nombre del pagador; es el nombre del enlace. Si está vacío se usa la factura.', ...text('María Fernanda Peña') },
        { field: 'amount', header: 'Valor a pagar', required: true, width: 16, note: 'Valor en pesos: 1.250.000 o 1250000,50 (máximo 2 decimales; sin puntos decimales al estilo inglés).', example: () => 150000, csvExample: () => '150.000' },
        { field: 'dueDate', header: 'Fecha de vencimiento', required: true, width: 20, note: 'Día/mes/año (15/01/2031) o una fecha de Excel. El enlace vence al final de ese día, hora de Bogotá. Debe ser de hoy en adelante.', example: (d) => d, csvExample: (d) => dayMonthYear(d) },
        { field: 'reference', header: 'Factura', required: false, width: 16, note: 'Referencia única: letras, números y guiones, máximo 32 caracteres. Si no hay columna, se deriva de la fila.', ...text('FV-0001') },
        { field: 'email', header: 'Correo electrónico', required: false, width: 28, note: 'Correo del pagador; se usa solo con --notify email.', ...text('maria.pena@example.com') },
        { field: 'phone', header: 'Celular', required: false, width: 16, note: 'Celular colombiano de 10 dígitos (300 123 4567) o con +57; se usa solo con --notify sms/whatsapp.', ...text('3001234567') },
        { field: 'description', header: 'Concepto', required: false, width: 30, note: 'Lo que ve el pagador; máximo 250 caracteres. Si está vacío: "Factura <referencia>" (--description).', ...text('Servicio de ejemplo') },
        { header: 'Cobrador', required: false, width: 18, note: 'Columna libre: quién cobra. Se copia tal cual a la salida; --split-by Cobrador escribe un archivo por cobrador.', ...text('Ana Gómez') },
      ]
    : [
        { field: 'name', header: 'Name', required: false, width: 28, note: "The payer's name; it becomes the link's name. When empty, the reference is used.", ...text('Mary Smith') },
        { field: 'amount', header: 'Amount', required: true, width: 16, note: 'The amount: 1,250,000.50 or 1250000.50 (at most 2 decimals).', example: () => 150000, csvExample: () => '150,000' },
        { field: 'dueDate', header: 'Due date', required: true, width: 20, note: "Month/day/year (01/15/2031), 2031-01-15 or an Excel date. The link expires at the end of that day in the site's time zone. From today on.", example: (d) => d, csvExample: (d) => monthDayYear(d) },
        { field: 'reference', header: 'Reference', required: false, width: 16, note: 'A unique reference: letters, digits and hyphens, at most 32 characters. Without the column, one is derived from the row.', ...text('INV-0001') },
        { field: 'email', header: 'Email', required: false, width: 28, note: "The payer's email; used only with --notify email.", ...text('mary.smith@example.com') },
        { field: 'phone', header: 'Phone', required: false, width: 16, note: 'A 10-digit US number such as (212) 555-0100, or + and the country code (+57 300 123 4567); used only with --notify sms/whatsapp.', ...text('(212) 555-0100') },
        { field: 'description', header: 'Description', required: false, width: 30, note: 'What the payer sees; at most 250 characters. When empty: "Invoice <reference>" (--description).', ...text('Example service') },
        { header: 'Collector', required: false, width: 18, note: 'A free column: who collects. Copied as is to the output; --split-by Collector writes one file per collector.', ...text('Ann Lee') },
      ];
}
