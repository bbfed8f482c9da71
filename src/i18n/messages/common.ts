/** Words shared by many messages. */
import { msg } from '../message.js';

export const common = {
  row: msg<{ row: number }>({ es: ({ row }) => `Fila ${row}`, en: ({ row }) => `Row ${row}` }),
  rowColumn: msg<{ row: number; column: string }>({
    es: ({ row, column }) => `Fila ${row}, columna "${column}"`,
    en: ({ row, column }) => `Row ${row}, column "${column}"`,
  }),
  /** A row error as the output's error column shows it: the row, the column as written in the file when there is one, the reason. */
  rowProblem: msg<{ row: number; column?: string; reason: string }>({
    es: ({ row, column, reason }) => `${column === undefined ? `Fila ${row}` : `Fila ${row}, columna "${column}"`}: ${reason}.`,
    en: ({ row, column, reason }) => `${column === undefined ? `Row ${row}` : `Row ${row}, column "${column}"`}: ${reason}.`,
  }),
} as const;
