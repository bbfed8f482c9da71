/**
 * Words the tool writes into files people read: the Summary tab of a
 * workbook, the QR sheet, the name of a blank value. Payer-facing text (a
 * link's name and description) is the user's own template, not here.
 */
import { msg } from '../message.js';

export const labels = {
  state: msg({ es: 'Estado', en: 'State' }),
  rows: msg({ es: 'Filas', en: 'Rows' }),
  amount: msg({ es: 'Monto', en: 'Amount' }),
  currency: msg({ es: 'Moneda', en: 'Currency' }),
  /** The same word in both languages (listed in the catalogue test's SAME_IN_BOTH). */
  total: msg({ es: 'Total', en: 'Total' }),
  parameter: msg({ es: 'Parámetro', en: 'Parameter' }),
  value: msg({ es: 'Valor', en: 'Value' }),
  blank: msg({ es: '(sin valor)', en: '(blank)' }),
  run: {
    input: msg({ es: 'Archivo de entrada', en: 'Input file' }),
    fingerprint: msg({ es: 'Huella SHA-256 de la entrada', en: 'Input SHA-256 fingerprint' }),
    output: msg({ es: 'Archivo de salida', en: 'Output file' }),
    service: msg({ es: 'Servicio', en: 'Service' }),
    dryRun: msg({ es: 'Simulación (nada enviado)', en: 'Dry run (nothing sent)' }),
    time: msg({ es: 'Fecha y hora', en: 'Time' }),
    version: msg({ es: 'Versión de paylinks', en: 'paylinks version' }),
    splitBy: msg({ es: 'Dividido por', en: 'Split by' }),
  },
  /** The printed page's footer: Excel's codes &P (this page) and &N (pages) stay as they are. */
  pageFooter: msg({ es: 'Página &P de &N', en: 'Page &P of &N' }),
  qrSheet: {
    reference: msg({ es: 'Referencia', en: 'Reference' }),
    name: msg({ es: 'Nombre', en: 'Name' }),
    link: msg({ es: 'Enlace de pago', en: 'Payment link' }),
    code: msg({ es: 'Código QR', en: 'QR code' }),
  },
} as const;
