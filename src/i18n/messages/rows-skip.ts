/**
 * Why a row is not a bill (src/pipeline/rows/skip-rows.ts): SKIPPED, never
 * sent, not an error. Whole sentences, shown in the output's error column
 * after the skip code.
 */
import { msg } from '../message.js';

export const rowsSkip = {
  total: msg<{ row: number; column: string; text: string }>({
    es: ({ row, column, text }) => `La fila ${row} no es un cobro: la columna "${column}" dice "${text}", una línea de total o subtotal; no se envió.`,
    en: ({ row, column, text }) => `Row ${row} is not a bill: column "${column}" says "${text}", a total or subtotal line; it was not sent.`,
  }),
  tableTotal: msg<{ row: number }>({
    es: ({ row }) => `La fila ${row} es la fila de totales de una tabla de Excel, no un cobro; no se envió.`,
    en: ({ row }) => `Row ${row} is the totals row of an Excel table, not a bill; it was not sent.`,
  }),
  footer: msg<{ row: number; column: string; text: string }>({
    es: ({ row, column, text }) => `La fila ${row} no es un cobro: la columna "${column}" dice "${text}", una línea de pie de página bajo los datos; no se envió.`,
    en: ({ row, column, text }) => `Row ${row} is not a bill: column "${column}" says "${text}", a footer line under the data; it was not sent.`,
  }),
  afterFooter: msg<{ row: number; footer: number }>({
    es: ({ row, footer }) => `La fila ${row} no es un cobro: viene después de la línea de pie de página de la fila ${footer} y no tiene monto ni fecha de vencimiento; no se envió.`,
    en: ({ row, footer }) => `Row ${row} is not a bill: it comes after the footer line of row ${footer} and has no amount or due date; it was not sent.`,
  }),
  hidden: msg<{ row: number }>({
    es: ({ row }) => `La fila ${row} está oculta en la hoja (a mano o por un filtro), así que no se cobró; muéstrela, o ejecute con --include-hidden para cobrar las filas ocultas.`,
    en: ({ row }) => `Row ${row} is hidden in the sheet (by hand or by a filter), so it was not billed; unhide it, or run with --include-hidden to bill hidden rows.`,
  }),
} as const;
