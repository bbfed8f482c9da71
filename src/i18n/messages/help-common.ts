/**
 * Help shared by every command: the top-level usage, the global flags, the
 * flags several commands declare alike (connection, output, reading), the
 * exit codes, and the line after a usage error.
 */
import { msg } from '../message.js';

export const helpCommon = {
  usage: msg({
    es: '$0 <comando> [opciones]\n\nCrea enlaces de pago de Placetopay en lote desde una hoja de cobro, y los concilia después.',
    en: '$0 <command> [options]\n\nIssue Placetopay payment links in bulk from a billing sheet, and reconcile them later.',
  }),
  nameACommand: msg<{ commands: string }>({
    es: ({ commands }) => `Indique un comando: ${commands} (vea --help).`,
    en: ({ commands }) => `Name a command: ${commands} (see --help).`,
  }),
  runHelp: msg({
    es: 'Escriba paylinks --help para ver cómo se usa.',
    en: 'Run paylinks --help for usage.',
  }),
  exitCodes: msg({
    es:
      'Códigos de salida: 0 todas las filas listas · 1 algunas filas no quedaron listas · 2 uso, configuración o entrada incorrectos (no se envió nada) · ' +
      '3 detenido por un error que afecta a todas las filas · 4 bloqueado por otra ejecución · 5 enlaces creados pero la salida no se escribió ' +
      '(ejecute el mismo comando con el mismo --out) · 129 la terminal se cerró · 130 interrumpido',
    en:
      'Exit codes: 0 all rows done · 1 some rows not done · 2 bad usage, configuration or input (nothing sent) · 3 stopped by an error affecting every row · ' +
      '4 locked by another run · 5 links created but the output not written (run the same command with the same --out) · 129 the terminal hung up · 130 interrupted',
  }),

  // Global flags.
  lang: msg({
    es: 'Idioma de los mensajes, la ayuda y los informes: es (español) o en (inglés) [predeterminado: el de LC_ALL, LC_MESSAGES o LANG; si no hay, es para --locale es-CO y en para en-US]',
    en: 'Language of messages, help and reports: es (Spanish) or en (English) [default: from LC_ALL, LC_MESSAGES or LANG; else es for --locale es-CO, en for en-US]',
  }),
  debug: msg({
    es: 'Muestra la traza de los errores inesperados',
    en: 'Show stack traces of unexpected errors',
  }),
  config: msg({
    es: 'Un archivo JSON con valores predeterminados para cualquier opción, p. ej. {"locale": "es-CO", "map": {"amount": "Saldo"}}',
    en: 'A JSON file with defaults for any flag, e.g. {"locale": "es-CO", "map": {"amount": "Saldo"}}',
  }),

  // Connection to the service (issue, reconcile).
  sandbox: msg({
    es: 'Usa un sandbox local embebido (sin credenciales, sin red)',
    en: 'Use an embedded local sandbox (no credentials, no network)',
  }),
  env: msg({
    es: 'Ambiente de Placetopay (test: sites-test, production: sites)',
    en: 'Placetopay environment (test: sites-test, production: sites)',
  }),
  baseUrl: msg({
    es: 'Cualquier otra dirección del servicio (un proxy, un sandbox iniciado con `paylinks sandbox`)',
    en: 'Any other service address (a proxy, a sandbox started with `paylinks sandbox`)',
  }),
  credentials: msg({
    es: 'Archivo JSON {"login", "secretKey"} [predeterminado: PLACETOPAY_LOGIN y PLACETOPAY_SECRET_KEY]',
    en: 'JSON file {"login", "secretKey"} [default: PLACETOPAY_LOGIN and PLACETOPAY_SECRET_KEY]',
  }),
  secretCredentials: msg({
    es: 'Archivo JSON {"login", "secretKey"} [predeterminado: PLACETOPAY_SECRET_KEY]',
    en: 'JSON file {"login", "secretKey"} [default: PLACETOPAY_SECRET_KEY]',
  }),
  timeout: msg({
    es: 'Segundos de espera por una respuesta antes de darla por perdida',
    en: 'Seconds to wait for an answer before it counts as lost',
  }),

  // Output of a run (issue, reconcile, mail).
  log: msg({
    es: 'Progreso como texto o como líneas JSON (auto: JSON cuando stderr no es una terminal)',
    en: 'Progress as text, or JSON lines (auto: JSON when stderr is not a terminal)',
  }),
  quiet: msg({
    es: 'Solo las advertencias y el informe final',
    en: 'Only warnings and the closing report',
  }),

  // How to read the money and dates of a sheet (issue, reconcile, summary, webhook).
  decimal: msg({
    es: 'Separador decimal de los valores: "," (1.250.000,50) o "." (1,250,000.50) [predeterminado: según --locale]',
    en: 'Decimal mark of the amounts: "," (1.250.000,50) or "." (1,250,000.50) [default: from --locale]',
  }),
  dateOrder: msg({
    es: 'Orden de las fechas numéricas: dmy (15/03/2027), mdy (03/15/2027) o ymd (2027/03/15) [predeterminado: según --locale]',
    en: 'Order of numeric dates: dmy (15/03/2027), mdy (03/15/2027) or ymd (2027/03/15) [default: from --locale]',
  }),
  amountUnit: msg({
    es:
      'Confirma una unidad escrita en el encabezado del valor, p. ej. "Valor (miles)": 1000 multiplica cada valor por mil, 1000000 por un millón, ' +
      '1 los cobra tal como están escritos [predeterminado: un encabezado con unidad se rechaza]',
    en:
      'Confirms a unit written in the amount header, e.g. "Valor (miles)": 1000 multiplies every amount by 1000, 1000000 by a million, ' +
      '1 bills them as written [default: a header with a unit is refused]',
  }),

  // Flags several commands share with the same meaning.
  sheetLocale: msg({
    es: 'Formato de números y fechas de la hoja (el mismo que se usó en issue): es-CO o en-US',
    en: 'Number and date format of the sheet (as given to issue): es-CO or en-US',
  }),
  sheetCurrency: msg({
    es: 'Moneda de las filas cuando la hoja no tiene columna de moneda (la misma que se usó en issue)',
    en: 'Currency of rows without a currency column (as given to issue)',
  }),
  mapAsIssue: msg({
    es: 'Columna de un campo, como se dio en issue: campo=Encabezado (se puede repetir)',
    en: 'Column for a field, as given to issue: field=Header (repeatable)',
  }),
  concurrency: msg({
    es: 'Solicitudes en curso a la vez, un tope fijo (1-64); dentro de él, el ritmo se ajusta a lo que el servicio acepta',
    en: 'Requests in flight at once, a hard ceiling (1-64); the pace within it adapts to what the service accepts',
  }),
  rate: msg({
    es: 'Nunca más de esta cantidad de solicitudes por segundo, un tope fijo [predeterminado: ninguno; el ritmo se ajusta al servicio]',
    en: 'Never more than this many requests per second, a hard ceiling [default: none; the pace adapts to the service]',
  }),
  port: msg({
    es: 'Puerto en el que escucha',
    en: 'Port to listen on',
  }),
  dueDateTimeZone: msg({
    es: 'La zona horaria del sitio: las fechas de vencimiento terminan a la medianoche de allá',
    en: "The site's time zone: due dates end at midnight there",
  }),
} as const;
