/** Help of `paylinks summary`. */
import { msg } from '../message.js';

export const helpSummary = {
  describe: msg({
    es: 'Filas y valores por estado de una hoja escrita por issue o reconcile',
    en: 'Rows and amounts per state of a sheet written by issue or reconcile',
  }),
  file: msg({
    es: 'Una hoja escrita por paylinks issue o reconcile (.csv o .xlsx)',
    en: 'A sheet written by paylinks issue or reconcile (.csv or .xlsx)',
  }),
  json: msg({ es: 'Escribe un objeto JSON en vez de una tabla', en: 'Print one JSON object instead of a table' }),
  currency: msg({
    es: 'Moneda de las filas cuando la hoja no tiene columna de moneda',
    en: 'Currency of rows when the sheet has no currency column',
  }),
  timezone: msg({ es: 'La zona horaria del sitio', en: "The site's time zone" }),
  sheet: msg({
    es: 'Hoja del XLSX por nombre o por posición (desde 1) [predeterminado: la primera con un encabezado reconocible]',
    en: 'XLSX sheet by name or 1-based position [default: the first with a recognisable header]',
  }),
  example: msg({
    es: 'La tabla en el idioma de la ejecución; --json para programas',
    en: "The table in the run's language; --json for scripts",
  }),
} as const;
