/**
 * What to tell a user whose file is a spreadsheet paylinks does not read:
 * name what the file really is and how to save it as something it reads,
 * in the program the file most likely came from.
 */
import { extname } from 'node:path';

/** An OpenDocument spreadsheet: it comes from LibreOffice, so the advice is LibreOffice's menus, never Excel's. */
export function odsAdvice(path: string): string {
  return (
    `${path} is an OpenDocument spreadsheet (.ods, from LibreOffice Calc); paylinks reads .xlsx and CSV. ` +
    'In LibreOffice Calc use File → Save As (Archivo → Guardar como), choose the file type "Excel 2007-365 (.xlsx)" ' +
    '("Libro de Excel 2007-365 (.xlsx)"), keep the format when asked, and run paylinks on the .xlsx'
  );
}

export function htmlAdvice(path: string): string {
  return (
    `${path} is a web page (HTML)${named(path)}, not a workbook: some systems export "Excel" files this way. ` +
    'Open it in Excel or LibreOffice Calc and save it as an Excel workbook (.xlsx) or as "CSV UTF-8", then run paylinks on that file'
  );
}

export function spreadsheetMl2003Advice(path: string): string {
  return (
    `${path} is an Excel 2003 XML spreadsheet (SpreadsheetML)${named(path)}, not an .xlsx workbook. ` +
    'Open it in Excel (File → Save As → "Excel Workbook (.xlsx)") or LibreOffice Calc (File → Save As → "Excel 2007-365 (.xlsx)"), ' +
    'then run paylinks on the .xlsx'
  );
}

function named(path: string): string {
  const ext = extname(path);
  return ext === '' ? '' : ` saved with a ${ext} name`;
}
