/**
 * What to tell a user whose file is a spreadsheet paylinks does not read:
 * name what the file really is and how to save it as something it reads,
 * in the program the file most likely came from (ODS: LibreOffice's menus,
 * never Excel's). The words are in the catalogue (i18n/messages/files.ts).
 */
import { extname } from 'node:path';
import { say } from '../../i18n/message.js';
import { files } from '../../i18n/messages/files.js';

/** An OpenDocument spreadsheet: it comes from LibreOffice, so the advice is LibreOffice's menus, never Excel's. */
export function odsAdvice(path: string): string {
  return say(files.ods, { path });
}

export function htmlAdvice(path: string): string {
  return say(files.html, { path, ext: extname(path) });
}

export function spreadsheetMl2003Advice(path: string): string {
  return say(files.spreadsheetMl2003, { path, ext: extname(path) });
}
