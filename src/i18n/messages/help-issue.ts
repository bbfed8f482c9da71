/** Help of `paylinks issue`: the command, its flags and its examples. */
import { msg } from '../message.js';

export const helpIssue = {
  describe: msg({
    es: 'Crea un enlace de pago por cada fila de una hoja de cobro (CSV o XLSX) y escribe una hoja con los enlaces',
    en: 'Create one payment link per row of a billing sheet (CSV or XLSX) and write a sheet with the links',
  }),
  input: msg({ es: 'La hoja de cobro (.csv o .xlsx)', en: 'The billing sheet (.csv or .xlsx)' }),
  out: msg({
    es: 'Hoja de salida (.csv o .xlsx) [predeterminado: <input>-links.<mismo formato>]',
    en: 'Output sheet (.csv or .xlsx) [default: <input>-links.<same format>]',
  }),
  sheet: msg({
    es: 'Hoja del XLSX por nombre o por posición (desde 1) entre las pestañas en el orden del libro, contando las ocultas [predeterminado: la única hoja visible con un encabezado reconocible]',
    en: 'XLSX sheet by name or 1-based position among the tabs in workbook order, hidden tabs counted [default: the one visible sheet with a recognisable header]',
  }),
  encoding: msg({
    es: 'Codificación del texto del CSV: utf-8, windows-1252, cp850 (Excel "CSV (MS-DOS)"), macroman ("CSV" de Mac), utf-16le [predeterminado: se detecta]',
    en: 'CSV text encoding: utf-8, windows-1252, cp850 (Excel "CSV (MS-DOS)"), macroman (Mac "CSV"), utf-16le [default: detected]',
  }),
  delimiter: msg({
    es: 'Separador del CSV: , ; tab [predeterminado: se detecta]',
    en: 'CSV delimiter: , ; tab [default: detected]',
  }),
  map: msg({
    es: 'Columna de un campo: campo=Encabezado (se puede repetir); campos: name amount dueDate reference email phone description currency',
    en: 'Column for a field: field=Header (repeatable); fields: name amount dueDate reference email phone description currency',
  }),
  locale: msg({
    es: 'Formato de números y fechas de la hoja: es-CO (1.250.000,50; DD/MM/AAAA) o en-US (1,250,000.50; MM/DD/AAAA); --decimal y --date-order fijan cada parte por separado',
    en: 'Number and date format of the sheet: es-CO (1.250.000,50; DD/MM/YYYY) or en-US (1,250,000.50; MM/DD/YYYY); --decimal and --date-order set each part apart',
  }),
  currency: msg({
    es: 'Moneda ISO 4217 cuando la hoja no tiene columna de moneda; un encabezado del valor que nombra otra moneda (p. ej. "Valor (USD)") se rechaza [predeterminado: la que nombra el encabezado del valor; si no, COP]',
    en: 'ISO 4217 currency when the sheet has no currency column; an amount header naming another currency (e.g. "Valor (USD)") is refused [default: the one the amount header names, else COP]',
  }),
  maxDueYears: msg({
    es: 'Se rechazan las fechas de vencimiento a más de esta cantidad de años (DUE_DATE_OUT_OF_RANGE)',
    en: 'Due dates more than this many years ahead are refused (DUE_DATE_OUT_OF_RANGE)',
  }),
  includeHidden: msg({
    es: 'Cobra las filas ocultas en la hoja (a mano o por un filtro) [predeterminado: quedan SKIPPED con una advertencia]',
    en: 'Bill rows hidden in the sheet (by hand or by a filter) [default: marked SKIPPED with a warning]',
  }),
  billDisplayed: msg({
    es: 'Cuando el formato de una celda oculta decimales (119399,84 mostrado como $ 119.400), cobra el valor que se ve [predeterminado: la fila se rechaza]',
    en: "When a cell's format hides decimals (119399,84 shown as $ 119.400), bill the displayed amount [default: the row is refused]",
  }),
  timezone: msg({
    es: 'La zona horaria del sitio: los enlaces vencen al final de la fecha de vencimiento de allá',
    en: "The site's time zone: links expire at the end of the due date there",
  }),
  paymentExpiration: msg({
    es: 'Minutos que puede durar cada sesión de pago',
    en: 'Minutes each checkout session may last',
  }),
  paymentsAllowed: msg({
    es: 'Pagos que acepta cada enlace (1: una factura se paga una vez)',
    en: 'Payments each link accepts (1: a bill is paid once)',
  }),
  description: msg({
    es: 'Plantilla de la descripción cuando la hoja no tiene columna de descripción [predeterminado: "Factura {reference}" (es) / "Invoice {reference}" (en)]',
    en: 'Description template when the sheet has no description column [default: "Factura {reference}" (es) / "Invoice {reference}" (en)]',
  }),
  name: msg({
    es: 'Plantilla del nombre del enlace; los marcadores son nombres de campos. Las filas sin nombre del pagador usan la referencia',
    en: 'Link name template; placeholders are field names. Rows with no payer name use the reference',
  }),
  notify: msg({
    es: 'Avisar al pagador: email,sms,whatsapp (con las columnas de correo y teléfono) [predeterminado: a nadie]',
    en: 'Message the payer: email,sms,whatsapp (from the email and phone columns) [default: nobody]',
  }),
  notificationUrl: msg({
    es: 'URL a la que el servicio avisa de pagos y vencimientos',
    en: 'URL the service notifies of payments and expiries',
  }),
  paymentMethods: msg({
    es: 'Medios de pago permitidos, separados por comas (p. ej. pse,visa,master)',
    en: 'Allowed payment methods, comma-separated (e.g. pse,visa,master)',
  }),
  linkLocale: msg({
    es: 'Idioma que ve el pagador, p. ej. es_CO o en_US [predeterminado: según --locale]',
    en: 'Language the payer sees, e.g. es_CO or en_US [default: from --locale]',
  }),
  retries: msg({
    es: 'Reintentos de una solicitud que falló cuando reintentar es seguro',
    en: 'Retries of a request that failed where a retry is safe',
  }),
  dryRun: msg({
    es: 'Valida y escribe la salida sin llamar a la API',
    en: 'Validate and write the output without calling the API',
  }),
  resendUncertain: msg({
    es: 'Referencias (separadas por comas, o "all") de filas UNCERTAIN que usted revisó a mano y quiere enviar de nuevo',
    en: 'References (comma-separated, or "all") of UNCERTAIN rows you checked by hand and want sent again',
  }),
  probeWindow: msg({
    es: 'Máximo de ids de enlace que se consultan al buscar creaciones cuya respuesta se perdió',
    en: 'Most link ids to query when looking for creates whose answers were lost',
  }),
  probeSettle: msg({
    es: 'Segundos que una creación cuya respuesta se perdió puede seguir en curso en el servicio antes de buscarla [predeterminado: --timeout, mínimo 30]',
    en: 'Seconds a create whose answer was lost may still be running at the service, before it is looked for [default: --timeout, at least 30]',
  }),
  asOf: msg({
    es: 'Toma esta fecha (AAAA-MM-DD) como hoy al revisar las fechas de vencimiento (ensayos)',
    en: 'Treat this date (YYYY-MM-DD) as today when checking due dates (rehearsals)',
  }),
  splitBy: msg({
    es: 'Además escribe un archivo por cada valor de esta columna (p. ej. Cobrador) en <out>-by-<columna>/, con un manifiesto',
    en: 'Also write one file per value of this column (e.g. Cobrador) in <out>-by-<column>/, with a manifest',
  }),
  qr: msg({
    es: 'Un código QR de cada enlace emitido: <out>-qr/<referencia>.png (CSV) o <out>-qr.xlsx (XLSX)',
    en: 'A QR code of each issued link: <out>-qr/<reference>.png (CSV) or <out>-qr.xlsx (XLSX)',
  }),
  exampleDryRun: msg({
    es: 'Revisa la hoja sin enviar nada: la salida dice qué se emitiría y qué filas tienen errores',
    en: 'Check the sheet without sending anything: the output says what would be issued and which rows have errors',
  }),
  exampleSend: msg({
    es: 'Crea los enlaces en producción y un archivo por cobrador',
    en: 'Create the links in production, and one file per collector',
  }),
} as const;
