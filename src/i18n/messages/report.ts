/**
 * `paylinks report`: the aging report ("cartera por edades") — its help, the
 * words of its tables and chart, its notes, refusals and closing lines.
 */
import { msg } from '../message.js';

export const report = {
  // --- help ---------------------------------------------------------------
  example: msg({
    es: 'La cartera por edades de cada hoja de la carpeta cartera/, por cobrador, en una página HTML',
    en: 'The aging report of every sheet in the folder cartera/, per collector, as one HTML page',
  }),
  describe: msg({
    es: 'Cartera por edades de hojas emitidas y conciliadas: recaudado, pendiente por días de mora y % de recaudo, en XLSX o HTML',
    en: 'Aging report of issued and reconciled sheets: collected, pending by days overdue and collection rate, as XLSX or HTML',
  }),
  helpInputs: msg({
    es: 'Hojas escritas por paylinks issue/reconcile (.csv o .xlsx), o carpetas que las contienen',
    en: 'Sheets written by paylinks issue/reconcile (.csv or .xlsx), or folders holding them',
  }),
  helpOut: msg({
    es: 'Archivo del informe: .xlsx (tablas con formato) o .html (un solo archivo con gráfico, listo para imprimir)',
    en: 'The report file: .xlsx (formatted tables) or .html (one self-contained file with a chart, ready to print)',
  }),
  helpBy: msg({
    es: 'Columna por la que se agrupa, p. ej. Cobrador [predeterminado: un solo grupo]',
    en: 'Column to group by, e.g. Cobrador [default: one group]',
  }),
  helpAsOf: msg({
    es: 'Fecha de corte AAAA-MM-DD para contar los días de mora [predeterminado: hoy en la zona horaria del sitio]',
    en: 'Cut-off date YYYY-MM-DD the days overdue are counted to [default: today in the site time zone]',
  }),
  helpLocale: msg({
    es: 'Formato de números y fechas de las hojas, como se le dio a issue: es-CO o en-US',
    en: 'Number and date format of the sheets, as given to issue: es-CO or en-US',
  }),
  helpCurrency: msg({
    es: 'Moneda de las filas cuando la hoja no tiene columna de moneda',
    en: 'Currency of rows when the sheet has no currency column',
  }),
  helpTimezone: msg({ es: 'Zona horaria del sitio', en: "The site's time zone" }),
  helpSheet: msg({
    es: 'Hoja del XLSX por nombre o posición (desde 1) [predeterminado: la que tiene la columna link_id]',
    en: 'XLSX sheet by name or 1-based position [default: the one with a link_id column]',
  }),
  helpMap: msg({
    es: 'Columna de un campo, como se le dio a issue: campo=Encabezado (repetible)',
    en: 'Column for a field, as given to issue: field=Header (repeatable)',
  }),

  // --- refusals -----------------------------------------------------------
  outFormat: msg<{ path: string }>({
    es: ({ path }) => `--out ${path}: el formato sale del nombre del archivo; termínelo en .xlsx o .html.`,
    en: ({ path }) => `--out ${path}: the format comes from the file name; end it in .xlsx or .html.`,
  }),
  asOfInvalid: msg<{ value: string }>({
    es: ({ value }) => `--as-of debe ser una fecha AAAA-MM-DD, no "${value}".`,
    en: ({ value }) => `--as-of must be a date YYYY-MM-DD, not "${value}".`,
  }),
  byMissing: msg<{ name: string; file: string; columns: string }>({
    es: ({ name, file, columns }) => `--by "${name}" nombra una columna que ${file} no tiene. Columnas encontradas: ${columns}.`,
    en: ({ name, file, columns }) => `--by "${name}" names a column ${file} does not have. Columns found: ${columns}.`,
  }),
  inputMissing: msg<{ path: string }>({
    es: ({ path }) => `${path} no existe; nombre una hoja escrita por paylinks o una carpeta que las contenga.`,
    en: ({ path }) => `${path} does not exist; name a sheet written by paylinks or a folder holding such sheets.`,
  }),
  inputNotSheet: msg<{ path: string }>({
    es: ({ path }) => `${path} no es una hoja .csv ni .xlsx; nombre una hoja escrita por paylinks o una carpeta que las contenga.`,
    en: ({ path }) => `${path} is not a .csv or .xlsx sheet; name a sheet written by paylinks or a folder holding such sheets.`,
  }),
  noSheets: msg({
    es: 'Ninguna hoja escrita por paylinks (con la columna link_id) entre las entradas; no se escribió el informe.',
    en: 'None of the inputs is a sheet written by paylinks (with a link_id column); no report was written.',
  }),
  outIsInput: msg<{ path: string }>({
    es: ({ path }) => `--out ${path} es una de las hojas que se leen; escriba el informe en otro archivo.`,
    en: ({ path }) => `--out ${path} is one of the sheets being read; write the report to another file.`,
  }),

  // --- notes about the inputs --------------------------------------------
  skippedFile: msg<{ path: string; reason: string }>({
    es: ({ path, reason }) => `Se omite ${path}: ${reason}`,
    en: ({ path, reason }) => `Skipped ${path}: ${reason}`,
  }),
  notOurSheet: msg({
    es: 'no es una hoja escrita por paylinks (no tiene la columna link_id).',
    en: 'not a sheet written by paylinks (it has no link_id column).',
  }),
  notReconciled: msg<{ path: string }>({
    es: ({ path }) => `${path} no ha sido conciliada (no tiene la columna payment_state): sus enlaces de pago se cuentan como pendientes; ejecute reconcile primero.`,
    en: ({ path }) => `${path} has not been reconciled (no payment_state column): its links count as pending; run reconcile first.`,
  }),
  notReceivable: msg<{ counts: string }>({
    es: ({ counts }) => `No son cartera y no se cuentan: ${counts}.`,
    en: ({ counts }) => `Not receivables, not counted: ${counts}.`,
  }),
  monthNote: msg({
    es: 'Mes de vencimiento: el mes de la fecha de vencimiento de cada factura (la hoja no guarda la fecha en que se creó el enlace de pago; en una facturación mensual es el mes de la factura).',
    en: 'Due month: the month of each bill’s due date (the sheet does not hold the date the link was created; in monthly billing it is the bill’s month).',
  }),
  daysNote: msg<{ asOf: string; timeZone: string }>({
    es: ({ asOf, timeZone }) =>
      `Días de mora: días desde la fecha de vencimiento hasta la fecha de corte ${asOf} (zona horaria ${timeZone}); "Al día" = aún no vencida. Pendiente = facturado menos lo pagado.`,
    en: ({ asOf, timeZone }) =>
      `Days overdue: days from the due date to the cut-off date ${asOf} (time zone ${timeZone}); "Current" = not yet due. Pending = billed less what was paid.`,
  }),
  rateNote: msg({
    es: '% de recaudo = recaudado / facturado, calculado exacto sobre los montos y redondeado a una décima.',
    en: 'Collection rate = collected / billed, computed exactly on the amounts and rounded to a tenth.',
  }),

  // --- words of the tables -----------------------------------------------
  title: msg({ es: 'Cartera por edades', en: 'Accounts receivable aging' }),
  asOf: msg({ es: 'Fecha de corte', en: 'As of' }),
  files: msg({ es: 'Archivos', en: 'Files' }),
  groupedBy: msg({ es: 'Agrupado por', en: 'Grouped by' }),
  oneGroup: msg({ es: '(un solo grupo)', en: '(one group)' }),
  all: msg({ es: 'Todos', en: 'All' }),
  blankValue: msg({ es: '(sin valor)', en: '(blank)' }),
  currencySection: msg<{ currency: string }>({ es: ({ currency }) => `Moneda: ${currency}`, en: ({ currency }) => `Currency: ${currency}` }),
  month: msg({ es: 'Mes de vencimiento', en: 'Due month' }),
  noDueMonth: msg({ es: '(sin fecha)', en: '(no date)' }),
  bills: msg({ es: 'Facturas', en: 'Bills' }),
  billed: msg({ es: 'Facturado', en: 'Billed' }),
  collected: msg({ es: 'Recaudado', en: 'Collected' }),
  pending: msg({ es: 'Pendiente', en: 'Pending' }),
  rate: msg({ es: '% de recaudo', en: 'Collection rate' }),
  bucketCurrent: msg({ es: 'Al día', en: 'Current' }),
  bucket1to30: msg({ es: '1–30 días', en: '1–30 days' }),
  bucket31to60: msg({ es: '31–60 días', en: '31–60 days' }),
  bucket61to90: msg({ es: '61–90 días', en: '61–90 days' }),
  bucketOver90: msg({ es: 'Más de 90 días', en: 'Over 90 days' }),
  total: msg({ es: 'Total general', en: 'Grand total' }),
  totalOf: msg<{ group: string }>({ es: ({ group }) => `Total de ${group}`, en: ({ group }) => `${group} total` }),
  noRate: msg({ es: '—', en: '—' }),
  agingSheet: msg({ es: 'Cartera', en: 'Aging' }),
  attentionSheet: msg({ es: 'Revisar', en: 'Check' }),
  aboutSheet: msg({ es: 'Parámetros', en: 'Parameters' }),
  parameter: msg({ es: 'Parámetro', en: 'Parameter' }),
  value: msg({ es: 'Valor', en: 'Value' }),
  notes: msg({ es: 'Notas', en: 'Notes' }),
  page: msg({ es: 'Página', en: 'Page' }),
  of: msg({ es: 'de', en: 'of' }),
  months: msg<{ month: number }>({
    es: ({ month }) => ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'][month - 1] ?? String(month),
    en: ({ month }) => ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1] ?? String(month),
  }),

  // --- rows that need a person -------------------------------------------
  attentionTitle: msg<{ count: number }>({
    es: ({ count }) => `Requieren revisión de una persona (${count}; no se cuentan en los totales)`,
    en: ({ count }) => `Need a person (${count}; not counted in the totals)`,
  }),
  noAttention: msg({ es: 'Ninguna fila requiere revisión.', en: 'No row needs a person.' }),
  file: msg({ es: 'Archivo', en: 'File' }),
  row: msg({ es: 'Fila', en: 'Row' }),
  reference: msg({ es: 'Referencia', en: 'Reference' }),
  amount: msg({ es: 'Monto', en: 'Amount' }),
  currency: msg({ es: 'Moneda', en: 'Currency' }),
  reason: msg({ es: 'Motivo', en: 'Reason' }),
  reasonUncertain: msg({
    es: 'UNCERTAIN (incierto): se envió la creación del enlace de pago y se perdió la respuesta; puede existir un enlace. Ejecute reconcile para resolverlo.',
    en: 'UNCERTAIN: the create was sent and its answer was lost; a link may exist. Run reconcile to resolve it.',
  }),
  reasonUnknown: msg<{ detail: string }>({
    es: ({ detail }) => `UNKNOWN (desconocido): no se pudo consultar el enlace de pago${detail === '' ? '' : `: ${detail}`}`,
    en: ({ detail }) => `UNKNOWN: the link could not be read${detail === '' ? '' : `: ${detail}`}`,
  }),
  reasonAmount: msg({
    es: 'el monto de la factura no se puede leer, así que no se sabe cuánto se debe.',
    en: 'the bill’s amount cannot be read, so what is owed is not known.',
  }),
  reasonPaidAmount: msg<{ state: string; value: string }>({
    es: ({ state, value }) =>
      value === '' ? `payment_state dice ${state} pero paid_amount está vacío, así que no se sabe cuánto se pagó.` : `paid_amount "${value}" no es un monto (se espera como lo escribe paylinks, p. ej. 1250000.50).`,
    en: ({ state, value }) =>
      value === '' ? `payment_state says ${state} but paid_amount is empty, so what was paid is not known.` : `paid_amount "${value}" is not an amount (expected as paylinks writes it, e.g. 1250000.50).`,
  }),
  reasonDueDate: msg({
    es: 'se debe un saldo pero la fecha de vencimiento no se puede leer, así que no se saben sus días de mora; corrija la fecha en la hoja.',
    en: 'a balance is owed but the due date cannot be read, so its days overdue are not known; correct the date in the sheet.',
  }),
  reasonState: msg<{ column: string; value: string }>({
    es: ({ column, value }) => `${column} "${value}" no es un estado que paylinks escriba.`,
    en: ({ column, value }) => `${column} "${value}" is not a state paylinks writes.`,
  }),

  // --- chart --------------------------------------------------------------
  chartTitle: msg<{ currency: string; by: string }>({
    es: ({ currency, by }) => `Saldo pendiente por días de mora, por ${by.toLowerCase()} (${currency})`,
    en: ({ currency, by }) => `Pending balance by days overdue, per ${by.toLowerCase()} (${currency})`,
  }),
  chartDesc: msg<{ groups: number }>({
    es: ({ groups }) => `Barras apiladas, una por grupo (${groups}); la altura de cada tramo es el saldo pendiente en ese rango de días de mora.`,
    en: ({ groups }) => `Stacked bars, one per group (${groups}); each segment's height is the pending balance in that range of days overdue.`,
  }),
  chartSegment: msg<{ group: string; bucket: string; amount: string }>({
    es: ({ group, bucket, amount }) => `${group}, tramo ${bucket}: ${amount}`,
    en: ({ group, bucket, amount }) => `${group}, ${bucket}: ${amount}`,
  }),
  chartEmpty: msg({ es: 'No hay saldo pendiente.', en: 'Nothing is pending.' }),
  legend: msg({ es: 'Convenciones', en: 'Legend' }),

  // --- closing lines on the terminal -------------------------------------
  wrote: msg<{ out: string; bills: string; files: number }>({
    es: ({ out, bills, files }) => `Informe de cartera escrito en ${out}: ${bills} facturas de ${files} ${files === 1 ? 'archivo' : 'archivos'}.`,
    en: ({ out, bills, files }) => `Aging report written to ${out}: ${bills} bills from ${files} ${files === 1 ? 'file' : 'files'}.`,
  }),
  totalLine: msg<{ currency: string; billed: string; collected: string; rate: string; pending: string; overdue: string }>({
    es: (p) => `  ${p.currency}: facturado ${p.billed}, recaudado ${p.collected} (${p.rate}), pendiente ${p.pending}, de ello vencido ${p.overdue}`,
    en: (p) => `  ${p.currency}: billed ${p.billed}, collected ${p.collected} (${p.rate}), pending ${p.pending}, of which overdue ${p.overdue}`,
  }),
  attentionLine: msg<{ count: number }>({
    es: ({ count }) => `Requieren revisión: ${count} ${count === 1 ? 'fila' : 'filas'}, fuera de los totales (vea el informe):`,
    en: ({ count }) => `Need a person: ${count} ${count === 1 ? 'row' : 'rows'}, left out of the totals (see the report):`,
  }),
  attentionItem: msg<{ file: string; row: number; reference: string; reason: string }>({
    es: ({ file, row, reference, reason }) => `  ${file} fila ${row} (${reference}): ${reason}`,
    en: ({ file, row, reference, reason }) => `  ${file} row ${row} (${reference}): ${reason}`,
  }),
  attentionMore: msg<{ count: number }>({
    es: ({ count }) => `  … y ${count} más en el informe.`,
    en: ({ count }) => `  … and ${count} more in the report.`,
  }),
} as const;
