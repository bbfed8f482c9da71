/** Help of `paylinks template`. */
import { msg } from '../message.js';

export const helpTemplate = {
  describe: msg({
    es: 'Escribe una hoja de cobro en blanco (XLSX o CSV) con los encabezados que paylinks reconoce y una fila de ejemplo',
    en: 'Write a blank billing sheet (XLSX or CSV) with the headers paylinks recognises and an example row',
  }),
  format: msg({
    es: 'Formato de la hoja [predeterminado: según --out; si no, xlsx]',
    en: 'Sheet format [default: from --out, else xlsx]',
  }),
  locale: msg({
    es: 'Idioma de los encabezados y formato de números y fechas: es-CO o en-US',
    en: 'Language of the headers and format of numbers and dates: es-CO or en-US',
  }),
  out: msg({
    es: 'Archivo que se escribe [predeterminado: plantilla-cobro.<formato> (es-CO) / billing-template.<formato> (en-US)]',
    en: 'File to write [default: plantilla-cobro.<format> (es-CO) / billing-template.<format> (en-US)]',
  }),
  force: msg({ es: 'Sobrescribe el archivo si ya existe', en: 'Overwrite the file if it exists' }),
  asOf: msg({
    es: 'Toma esta fecha (AAAA-MM-DD) como hoy para la fecha de vencimiento del ejemplo',
    en: "Treat this date (YYYY-MM-DD) as today for the example's due date",
  }),
  exampleXlsx: msg({
    es: 'Encabezados en español, un libro con validación y notas',
    en: 'Spanish headers, a workbook with validation and notes',
  }),
  exampleCsv: msg({ es: 'Encabezados en inglés, un CSV', en: 'English headers, a CSV' }),
} as const;
