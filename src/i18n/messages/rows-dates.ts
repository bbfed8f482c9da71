/**
 * Why a due-date cell is not a due date (src/pipeline/rows/dates.ts,
 * due-window.ts, the past-date check of validate.ts). Each is the part after
 * `Row N, column "X": `.
 */
import { msg } from '../message.js';

type Order = 'dmy' | 'mdy' | 'ymd';

const EXAMPLE_EN: Record<Order, string> = {
  dmy: '2027-03-15 or 15/03/2027 (day/month/year)',
  mdy: '2027-03-15 or 03/15/2027 (month/day/year)',
  ymd: '2027-03-15 (year-month-day)',
};
const EXAMPLE_ES: Record<Order, string> = {
  dmy: '2027-03-15 o 15/03/2027 (día/mes/año)',
  mdy: '2027-03-15 o 03/15/2027 (mes/día/año)',
  ymd: '2027-03-15 (año-mes-día)',
};
const WORDS_EN: Record<Order, string> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' };
const WORDS_ES: Record<Order, string> = { dmy: 'día/mes/año', mdy: 'mes/día/año', ymd: 'año/mes/día' };
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

const writeEn = (order: Order): string => `write ${EXAMPLE_EN[order]}`;
const writeEs = (order: Order): string => `escriba ${EXAMPLE_ES[order]}`;

/** What closes a day/month that is not a real date: the order the sheet is read in, and the flag when the other order would fit. */
export interface OrderHint {
  order: 'dmy' | 'mdy';
  /** The other order, when the date would be real in it. */
  other?: 'dmy' | 'mdy';
}
const hintEn = (h: OrderHint | undefined): string =>
  h === undefined ? '' : `; the sheet's dates are read as ${WORDS_EN[h.order]}` +
    (h.other === undefined ? '' : `, or, if every date in the sheet is ${WORDS_EN[h.other]}, run with --date-order ${h.other}`);
const hintEs = (h: OrderHint | undefined): string =>
  h === undefined ? '' : `; las fechas de la hoja se leen como ${WORDS_ES[h.order]}` +
    (h.other === undefined ? '' : `, o, si todas las fechas de la hoja están en ${WORDS_ES[h.other]}, ejecute con --date-order ${h.other}`);
/** The cell as written, quoted; a date cell has no text, so it is "the date". */
const quotedEn = (shown: string): string => (shown === '' ? 'the date' : `"${shown}"`);
const quotedEs = (shown: string): string => (shown === '' ? 'la fecha' : `"${shown}"`);

export const rowsDates = {
  missing: msg<{ order: Order }>({
    es: ({ order }) => `la fecha de vencimiento está vacía; ${writeEs(order)}`,
    en: ({ order }) => `the due date is empty; ${writeEn(order)}`,
  }),
  cellError: msg<{ error: string; order: Order }>({
    es: ({ error, order }) => `la celda muestra ${error} (una fórmula que Excel no pudo calcular); ${writeEs(order)}`,
    en: ({ error, order }) => `the cell holds the error ${error}; ${writeEn(order)}`,
  }),
  valueNotDate: msg<{ value: string; order: Order }>({
    es: ({ value, order }) => `la celda contiene el valor ${value}, no una fecha; ${writeEs(order)}`,
    en: ({ value, order }) => `the cell holds the value ${value}, not a date; ${writeEn(order)}`,
  }),
  unreadableDateCell: msg({
    es: 'la celda contiene una fecha que Excel no pudo leer; escriba la fecha de nuevo',
    en: 'the cell holds a date Excel could not read; type the date again',
  }),
  serialOutOfRange: msg<{ value: string; order: Order }>({
    es: ({ value, order }) => `la celda contiene el número ${value}, no una fecha; dé a la columna formato de fecha en Excel, o ${writeEs(order)}`,
    en: ({ value, order }) => `the cell holds the number ${value}, not a date; format the column as a date in Excel, or ${writeEn(order)}`,
  }),
  plainNumber: msg<{ shown: string; order: Order }>({
    es: ({ shown, order }) =>
      `"${shown}" es un número, no una fecha (la celda no tiene formato de fecha, así que no se lee como fecha serial de Excel); ` +
      `dé a la columna formato de fecha en la hoja de cálculo, o ${writeEs(order)}`,
    en: ({ shown, order }) =>
      `"${shown}" is a plain number, not a date (the cell is not formatted as a date, so it is not read as an Excel serial date); ` +
      `format the column as a date in the spreadsheet, or ${writeEn(order)}`,
  }),
  longText: msg<{ length: number; order: Order }>({
    es: ({ length, order }) => `la celda contiene ${length} caracteres de texto, no una fecha; ${writeEs(order)}`,
    en: ({ length, order }) => `the cell holds ${length} characters of text, not a date; ${writeEn(order)}`,
  }),
  shortYear: msg<{ text: string; order: Order }>({
    es: ({ text, order }) => `"${text}" tiene el año con 2 dígitos; escriba el año con 4 dígitos (${EXAMPLE_ES[order]})`,
    en: ({ text, order }) => `"${text}" has a 2-digit year; write the year with 4 digits (${EXAMPLE_EN[order]})`,
  }),
  notDate: msg<{ text: string; order: Order }>({
    es: ({ text, order }) => `"${text}" no es una fecha; ${writeEs(order)}`,
    en: ({ text, order }) => `"${text}" is not a date; ${writeEn(order)}`,
  }),
  yearLast: msg<{ text: string }>({
    es: ({ text }) => `"${text}" pone el año al final, pero las fechas de la hoja son año/mes/día (--date-order ymd); ${writeEs('ymd')}`,
    en: ({ text }) => `"${text}" puts the year last, but the sheet's dates are year/month/day (--date-order ymd); ${writeEn('ymd')}`,
  }),
  noYear: msg<{ text: string }>({
    es: ({ text }) => `"${text}" no tiene un año de 4 dígitos; escríbala como 15 de enero de 2027, 15-ene-2027 o 2027-01-15`,
    en: ({ text }) => `"${text}" has no 4-digit year; write it as 15 de enero de 2027, 15-ene-2027 or 2027-01-15`,
  }),
  badMonth: msg<{ shown: string; hint?: OrderHint }>({
    es: ({ shown, hint }) => `${quotedEs(shown)} no es una fecha real: el mes debe ser de 1 a 12${hintEs(hint)}`,
    en: ({ shown, hint }) => `${quotedEn(shown)} is not a real date: the month must be 1 to 12${hintEn(hint)}`,
  }),
  badDay: msg<{ shown: string; month: number; year: number; days: number; hint?: OrderHint }>({
    es: ({ shown, month, year, days, hint }) => `${quotedEs(shown)} no es una fecha real: ${MONTHS_ES[month - 1]} de ${year} tiene ${days} días${hintEs(hint)}`,
    en: ({ shown, month, year, days, hint }) => `${quotedEn(shown)} is not a real date: ${MONTHS_EN[month - 1]} ${year} has ${days} days${hintEn(hint)}`,
  }),
  badYear: msg<{ shown: string; year: number }>({
    es: ({ shown, year }) => `${quotedEs(shown)} tiene el año ${year}; escriba un año de 1900 a 9999`,
    en: ({ shown, year }) => `${quotedEn(shown)} has year ${year}; write a year from 1900 to 9999`,
  }),
  past: msg<{ shown: string; expires: string; timeZone: string }>({
    es: ({ shown, expires, timeZone }) =>
      `${shown} ya pasó: el enlace de pago vencería el ${expires} (${timeZone}), que no es posterior a este momento; escriba una fecha de vencimiento de hoy en adelante`,
    en: ({ shown, expires, timeZone }) =>
      `${shown} is past: the link would expire at ${expires} (${timeZone}), which is not after now; write a due date from today on`,
  }),
  tooFar: msg<{ shown: string; date: string; today: string; last: string; years: number }>({
    es: ({ shown, date, today, last, years }) =>
      `${shown} (${date}) está demasiado lejos para ser una fecha de vencimiento: se aceptan fechas de vencimiento del ${today} al ${last} ` +
      `(${years} año${years === 1 ? '' : 's'} hacia adelante); corrija la fecha, o amplíe el plazo con --max-due-years`,
    en: ({ shown, date, today, last, years }) =>
      `${shown} (${date}) is too far ahead to be a due date: due dates from ${today} to ${last} ` +
      `(${years} year${years === 1 ? '' : 's'} ahead) are accepted; correct the date, or widen the window with --max-due-years`,
  }),
  unknownTimeZone: msg<{ timeZone: string }>({
    es: ({ timeZone }) => `La zona horaria "${timeZone}" no existe; use un nombre IANA como America/Bogota o America/New_York.`,
    en: ({ timeZone }) => `Unknown time zone "${timeZone}"; use an IANA name such as America/Bogota or America/New_York.`,
  }),
} as const;
