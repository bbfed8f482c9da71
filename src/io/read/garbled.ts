/**
 * Text that decoded to characters no one types: controls, box drawing, the
 * replacement character, or UTF-8 read once as Windows-1252 ("JosÃ©",
 * "â€œ"). The cell is kept as it is (it may be right); the row gets a
 * warning so the clerk checks the name before a payer sees it.
 */
import type { CellValue } from '../types.js';
import { say } from '../../i18n/message.js';
import { files } from '../../i18n/messages/files.js';

// eslint-disable-next-line no-control-regex
const GARBLED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2500-\u259F\uFFFD]|Ã[\u0080-\u00BF]|Â[\u0080-\u00BF]|â€/;

/** Warnings for the cells of a row that look garbled, naming the row and the column. */
export function garbledWarnings(rowNumber: number, cells: readonly CellValue[], header: readonly string[] | undefined): string[] | undefined {
  let warnings: string[] | undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell !== 'string') continue;
    const hit = GARBLED.exec(cell);
    if (hit === null) continue;
    (warnings ??= []).push(garbledMessage(rowNumber, columnName(i, header), cell, hit[0]));
  }
  return warnings;
}

export function garbledMessage(rowNumber: number, column: string, text: string, sample: string): string {
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
  const what = JSON.stringify(sample);
  return say(files.garbled, { row: rowNumber, column, shown, sample: what });
}

function columnName(index: number, header: readonly string[] | undefined): string {
  const name = header?.[index];
  return name !== undefined && name !== '' ? `"${name}"` : String(index + 1);
}
