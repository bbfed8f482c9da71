/**
 * The closing reports people read on stdout: issue's, summary's and
 * template's, and the one message that ends a run whose credentials or
 * address are wrong (what to fix, never "run the same command again").
 */
import { msg } from '../message.js';

export const reports = {
  done: msg({ es: 'Listo', en: 'Done' }),
  dryRun: msg({ es: 'Simulación (nada enviado)', en: 'Dry run (nothing sent)' }),
  rows: msg({ es: 'filas', en: 'rows' }),
  time: msg({ es: 'tiempo', en: 'time' }),
  timeValue: msg<{ seconds: string; rate: string }>({
    es: ({ seconds, rate }) => `${seconds} s (${rate} filas/s)`,
    en: ({ seconds, rate }) => `${seconds} s (${rate} rows/s)`,
  }),
  stopped: msg({ es: 'Detenido', en: 'Stopped' }),
  rowsWithoutLink: msg({
    es: 'Filas sin enlace (las primeras 20; cada fila tiene su error en la salida):',
    en: 'Rows without a link (first 20; every row has its error in the output):',
  }),
  rowLine: msg<{ row: number; state: string; message: string }>({
    es: ({ row, state, message }) => `fila ${row} ${state}: ${message}`,
    en: ({ row, state, message }) => `row ${row} ${state}: ${message}`,
  }),
  uncertain: msg<{ count: number }>({
    es: ({ count }) => `${count} fila(s) quedaron en UNCERTAIN (por confirmar) y necesitan que alguien las revise:`,
    en: ({ count }) => `${count} row(s) are UNCERTAIN and need a person:`,
  }),
  uncertainLine: msg<{ row: number; reference: string; message: string }>({
    es: ({ row, reference, message }) => `fila ${row}, referencia ${reference}: ${message}`,
    en: ({ row, reference, message }) => `row ${row}, reference ${reference}: ${message}`,
  }),
  again: msg<{ journal: string }>({
    es: ({ journal }) => `Ejecute el mismo comando otra vez para terminar: el diario ${journal} recuerda cada enlace ya creado.`,
    en: ({ journal }) => `Run the same command again to finish: the journal ${journal} remembers every link already created.`,
  }),
  pushedBack: msg<{ count: number; limit?: number; suggested?: number }>({
    es: ({ count, limit, suggested }) =>
      `El servicio pidió ir más despacio ${count} vez/veces (429)` +
      (limit === undefined ? '.' : `; su límite parecía de unas ${Math.round(limit)} solicitudes por segundo.`) +
      (suggested === undefined ? '' : ` La próxima vez puede empezar con --rate ${suggested}.`),
    en: ({ count, limit, suggested }) =>
      `The service asked to slow down ${count} time(s) (429)` +
      (limit === undefined ? '.' : `; its limit looked like about ${Math.round(limit)} requests per second.`) +
      (suggested === undefined ? '' : ` Next time you can start with --rate ${suggested}.`),
  }),
  split: msg<{ files: number; folder: string }>({
    es: ({ files, folder }) => `${files} archivo(s) por valor en ${folder}`,
    en: ({ files, folder }) => `${files} file(s), one per value, in ${folder}`,
  }),
  splitFailed: msg({ es: 'No se escribieron los archivos por valor', en: 'The per-value files were not written' }),
  qr: msg<{ count: number; path: string }>({
    es: ({ count, path }) => `${count} código(s) QR en ${path}`,
    en: ({ count, path }) => `${count} QR code(s) in ${path}`,
  }),
  qrFailed: msg({ es: 'No se escribieron los códigos QR', en: 'The QR codes were not written' }),
  linkStates: msg({ es: 'Estados de los enlaces (link_state)', en: 'Link states (link_state)' }),
  paymentStates: msg({ es: 'Estados de pago (payment_state)', en: 'Payment states (payment_state)' }),
  skipped: msg<{ count: string; detail: string }>({
    es: ({ count, detail }) => `omitidas ${count} (no son cobros: ${detail}; ver la columna error)`,
    en: ({ count, detail }) => `skipped ${count} (not bills: ${detail}; see the error column)`,
  }),
  /** How the closing report names each reason a row is not a bill. */
  skipReasons: {
    TOTAL_ROW: msg({ es: 'totales', en: 'totals' }),
    TABLE_TOTAL_ROW: msg({ es: 'totales de tabla', en: 'table totals' }),
    FOOTER_ROW: msg({ es: 'pies de página', en: 'footers' }),
    HIDDEN_ROW: msg({ es: 'ocultas', en: 'hidden' }),
  },
  /** `paylinks summary`: the first line. */
  summaryHead: msg<{ file: string; rows: string }>({
    es: ({ file, rows }) => `${file}: ${rows} filas`,
    en: ({ file, rows }) => `${file}: ${rows} rows`,
  }),
  /** `paylinks template`: what was written and what to do next. */
  templateWritten: msg<{ path: string; command: string }>({
    es: ({ path, command }) => `Plantilla escrita en ${path}. Llénela (borre la fila de ejemplo) y pruébela con: ${command}`,
    en: ({ path, command }) => `Wrote the template to ${path}. Fill it in (delete the example row), then try: ${command}`,
  }),
  /**
   * A run stopped because the service refused the credentials or the address
   * is wrong: what happened, then what to fix. Never an invitation to run the
   * same command unchanged.
   */
  setup: {
    authFailed: msg<{ cause: string }>({
      es: ({ cause }) => `Placetopay rechazó las credenciales (${cause}).`,
      en: ({ cause }) => `Placetopay refused the credentials (${cause}).`,
    }),
    endpointMissing: msg({
      es: 'La dirección del servicio no es la de Placetopay: respondió 404 (no existe) a la creación del enlace de pago.',
      en: 'The service address is not Placetopay’s: it answered 404 (no such endpoint) to the payment link create.',
    }),
    causes: {
      101: msg({ es: 'código 101: el login no existe en este ambiente', en: 'code 101: the login does not exist in this environment' }),
      102: msg({ es: 'código 102: la llave secreta no corresponde a este login', en: 'code 102: the secret key does not match this login' }),
      103: msg({ es: 'código 103: el reloj de este equipo está a más de 5 minutos del del servicio', en: "code 103: this machine's clock is more than 5 minutes away from the service's" }),
      104: msg({ es: 'código 104: el sitio está inactivo', en: 'code 104: the site is inactive' }),
      none: msg({ es: 'HTTP 401 sin causa', en: 'HTTP 401 without a cause' }),
    },
    fixCredentials: msg({
      es: 'Qué corregir: las credenciales. Revise PLACETOPAY_LOGIN y PLACETOPAY_SECRET_KEY (o el archivo de --credentials) y que sean del ambiente al que apunta --env (test o production) o --base-url.',
      en: 'What to fix: the credentials. Check PLACETOPAY_LOGIN and PLACETOPAY_SECRET_KEY (or the --credentials file), and that they belong to the environment --env (test or production) or --base-url points at.',
    }),
    fixEnvironment: msg({
      es: 'Qué corregir: el ambiente. Ese login no existe donde apunta la ejecución: revise --env (test o production) o --base-url, y PLACETOPAY_LOGIN (o el archivo de --credentials).',
      en: 'What to fix: the environment. That login does not exist where the run points: check --env (test or production) or --base-url, and PLACETOPAY_LOGIN (or the --credentials file).',
    }),
    fixClock: msg({
      es: 'Qué corregir: la hora de este equipo (sincronícela, por ejemplo con NTP).',
      en: "What to fix: this machine's clock (synchronise it, e.g. with NTP).",
    }),
    fixSite: msg({
      es: 'Qué corregir: pida a Placetopay que active el sitio de estas credenciales.',
      en: 'What to fix: ask Placetopay to activate the site of these credentials.',
    }),
    fixAddress: msg({
      es: 'Qué corregir: la dirección. Use --env test o --env production, o una --base-url que sea la raíz del servicio (sin /api/... al final).',
      en: 'What to fix: the address. Use --env test or --env production, or a --base-url that is the root of the service (without /api/... at the end).',
    }),
    nothingCreated: msg<{ output: string }>({
      es: ({ output }) => `No se creó ningún enlace de pago y no se escribió ${output}.`,
      en: ({ output }) => `No payment link was created and ${output} was not written.`,
    }),
    linksKept: msg<{ output: string; journal: string }>({
      es: ({ output, journal }) => `Los enlaces ya creados están en ${output} y en el diario ${journal}; las demás filas quedaron sin enviar.`,
      en: ({ output, journal }) => `The links already created are in ${output} and in the journal ${journal}; the other rows were not sent.`,
    }),
    thenAgain: msg({
      es: 'Después de corregirlo, ejecute el comando de nuevo: no se crea ningún enlace dos veces.',
      en: 'Once that is fixed, run the command again: no link is created twice.',
    }),
  },
} as const;
