/** Words shared by many messages. */
import { msg } from '../message.js';

export const common = {
  row: msg<{ row: number }>({ es: ({ row }) => `Fila ${row}`, en: ({ row }) => `Row ${row}` }),
  rowColumn: msg<{ row: number; column: string }>({
    es: ({ row, column }) => `Fila ${row}, columna "${column}"`,
    en: ({ row, column }) => `Row ${row}, column "${column}"`,
  }),
} as const;
