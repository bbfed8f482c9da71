/**
 * The language of the tool's own words in the files and reports it writes
 * (`--lang es|en`, default from `--locale`). Payer-facing text (link name,
 * description) is the user's template, already in their language; this covers
 * the summaries, sheet labels and closing reports that collectors read.
 */
import type { Locale } from '../types.js';
import type { Lang } from '../../i18n/lang.js';

export type { Lang } from '../../i18n/lang.js';

export function langOf(locale: Locale): Lang {
  return locale === 'es-CO' ? 'es' : 'en';
}

export interface Words {
  state: string;
  rows: string;
  amount: string;
  currency: string;
  total: string;
  parameter: string;
  value: string;
  blank: string;
  run: {
    input: string;
    fingerprint: string;
    output: string;
    service: string;
    dryRun: string;
    time: string;
    version: string;
    splitBy: string;
  };
  report: {
    done: string;
    dryRun: string;
    rows: string;
    time: string;
    stopped: string;
    rowsWithoutLink: string;
    uncertain: (n: number) => string;
    again: (journal: string) => string;
    /** The service pushed back: how often, the limit it showed, and a --rate for next time. */
    pushedBack: (pushbacks: number, limit: number | undefined, suggested: number | undefined) => string;
    split: (files: number, folder: string) => string;
    splitFailed: string;
    qr: (count: number, path: string) => string;
    qrFailed: string;
    linkStates: string;
    paymentStates: string;
    /** The closing report's line for rows that are not bills. */
    skipped: (n: string, detail: string) => string;
  };
  qrSheet: { reference: string; name: string; link: string; code: string };
}

const ES: Words = {
  state: 'Estado',
  rows: 'Filas',
  amount: 'Monto',
  currency: 'Moneda',
  total: 'Total',
  parameter: 'Parámetro',
  value: 'Valor',
  blank: '(sin valor)',
  run: {
    input: 'Archivo de entrada',
    fingerprint: 'Huella SHA-256 de la entrada',
    output: 'Archivo de salida',
    service: 'Servicio',
    dryRun: 'Simulación (nada enviado)',
    time: 'Fecha y hora',
    version: 'Versión de paylinks',
    splitBy: 'Dividido por',
  },
  report: {
    done: 'Listo',
    dryRun: 'Simulación (nada enviado)',
    rows: 'filas',
    time: 'tiempo',
    stopped: 'Detenido',
    rowsWithoutLink: 'Filas sin enlace (las primeras 20; cada fila tiene su error en la salida):',
    uncertain: (n) => `${n} fila(s) quedaron en UNCERTAIN y necesitan que alguien las revise:`,
    again: (journal) => `Ejecute el mismo comando otra vez para terminar: el diario ${journal} recuerda cada enlace ya creado.`,
    pushedBack: (n, limit, suggested) =>
      `El servicio pidió ir más despacio ${n} vez/veces (429)` +
      (limit === undefined ? '.' : `; su límite parecía de unas ${Math.round(limit)} solicitudes por segundo.`) +
      (suggested === undefined ? '' : ` La próxima vez puede empezar con --rate ${suggested}.`),
    split: (files, folder) => `${files} archivo(s) por valor en ${folder}`,
    splitFailed: 'No se escribieron los archivos por valor',
    qr: (count, path) => `${count} código(s) QR en ${path}`,
    qrFailed: 'No se escribieron los códigos QR',
    linkStates: 'Estados de los enlaces (link_state)',
    paymentStates: 'Estados de pago (payment_state)',
    skipped: (n, detail) => `omitidas ${n} (no son cobros: ${detail}; ver la columna error)`,
  },
  qrSheet: { reference: 'Referencia', name: 'Nombre', link: 'Enlace', code: 'Código QR' },
};

const EN: Words = {
  state: 'State',
  rows: 'Rows',
  amount: 'Amount',
  currency: 'Currency',
  total: 'Total',
  parameter: 'Parameter',
  value: 'Value',
  blank: '(blank)',
  run: {
    input: 'Input file',
    fingerprint: 'Input SHA-256 fingerprint',
    output: 'Output file',
    service: 'Service',
    dryRun: 'Dry run (nothing sent)',
    time: 'Time',
    version: 'paylinks version',
    splitBy: 'Split by',
  },
  report: {
    done: 'Done',
    dryRun: 'Dry run (nothing sent)',
    rows: 'rows',
    time: 'time',
    stopped: 'Stopped',
    rowsWithoutLink: 'Rows without a link (first 20; every row has its error in the output):',
    uncertain: (n) => `${n} row(s) are UNCERTAIN and need a person:`,
    again: (journal) => `Run the same command again to finish: the journal ${journal} remembers every link already created.`,
    pushedBack: (n, limit, suggested) =>
      `The service asked to slow down ${n} time(s) (429)` +
      (limit === undefined ? '.' : `; its limit looked like about ${Math.round(limit)} requests per second.`) +
      (suggested === undefined ? '' : ` Next time you can start with --rate ${suggested}.`),
    split: (files, folder) => `${files} file(s), one per value, in ${folder}`,
    splitFailed: 'The per-value files were not written',
    qr: (count, path) => `${count} QR code(s) in ${path}`,
    qrFailed: 'The QR codes were not written',
    linkStates: 'Link states (link_state)',
    paymentStates: 'Payment states (payment_state)',
    skipped: (n, detail) => `skipped ${n} (not bills: ${detail}; see the error column)`,
  },
  qrSheet: { reference: 'Reference', name: 'Name', link: 'Link', code: 'QR code' },
};

export function words(lang: Lang): Words {
  return lang === 'es' ? ES : EN;
}
