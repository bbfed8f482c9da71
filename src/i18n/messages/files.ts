/**
 * Whole-file errors of the readers and writers (src/io): a file that is not
 * there, not a spreadsheet paylinks reads, in an encoding it cannot tell, a
 * workbook whose sheet is unclear, an output that cannot be written. Each
 * names the file and says what would be accepted; flags, codes and paths stay
 * as they are in the Spanish.
 */
import { msg } from '../message.js';

type Path = { path: string };

/** Spanish menus of Excel and LibreOffice are the ones a Colombian office sees. */
export const files = {
  // Opening a file (io/read/sniff.ts, io/read/index.ts)
  notFound: msg<Path & { cwd: string }>({
    es: ({ path, cwd }) => `No se encontró ${path}; revise la ruta (las rutas relativas parten de ${cwd})`,
    en: ({ path, cwd }) => `${path} was not found; check the path (relative paths start at ${cwd})`,
  }),
  isFolder: msg<Path>({
    es: ({ path }) => `${path} es una carpeta, no un archivo; indique la ruta de un archivo CSV o XLSX`,
    en: ({ path }) => `${path} is a folder, not a file; give the path of a CSV or XLSX file`,
  }),
  unreadableCode: msg<Path & { code: string }>({
    es: ({ path, code }) => `No se puede leer ${path} (${code}): revise sus permisos, o cierre el programa que lo tiene bloqueado, e intente de nuevo`,
    en: ({ path, code }) => `${path} cannot be read (${code}): check its permissions, or close the program that has it locked, and try again`,
  }),
  unreadable: msg<Path & { detail: string }>({
    es: ({ path, detail }) => `No se puede leer ${path}: ${detail}`,
    en: ({ path, detail }) => `${path} cannot be read: ${detail}`,
  }),
  encrypted: msg<Path>({
    es: ({ path }) => `${path} es un libro protegido con contraseña o un archivo .xls antiguo; quítele la contraseña o guárdelo como .xlsx (Libro de Excel) o CSV e intente de nuevo`,
    en: ({ path }) => `${path} is a password-protected workbook or an old .xls file; remove the password / save it as .xlsx (Excel Workbook) or CSV and try again`,
  }),
  empty: msg<Path>({
    es: ({ path }) => `${path} está vacío; debe empezar con una fila de encabezados seguida de una fila por factura`,
    en: ({ path }) => `${path} is empty; it should start with a header row followed by one row per invoice`,
  }),
  binary: msg<Path>({
    es: ({ path }) => `${path} no es una hoja de cálculo que paylinks pueda leer (contiene datos binarios); se espera un CSV (texto separado por comas, punto y coma o tabulaciones) o un libro XLSX`,
    en: ({ path }) => `${path} is not a spreadsheet paylinks can read (it holds binary data); a CSV (text separated by commas, semicolons or tabs) or an XLSX workbook is expected`,
  }),

  // Spreadsheets paylinks does not read (io/read/format-advice.ts)
  ods: msg<Path>({
    es: ({ path }) =>
      `${path} es una hoja de cálculo OpenDocument (.ods, de LibreOffice Calc); paylinks lee .xlsx y CSV. ` +
      'En LibreOffice Calc use Archivo → Guardar como, elija el tipo "Libro de Excel 2007-365 (.xlsx)", ' +
      'conserve el formato cuando se lo pregunte, y ejecute paylinks sobre el .xlsx',
    en: ({ path }) =>
      `${path} is an OpenDocument spreadsheet (.ods, from LibreOffice Calc); paylinks reads .xlsx and CSV. ` +
      'In LibreOffice Calc use File → Save As (Archivo → Guardar como), choose the file type "Excel 2007-365 (.xlsx)" ' +
      '("Libro de Excel 2007-365 (.xlsx)"), keep the format when asked, and run paylinks on the .xlsx',
  }),
  html: msg<Path & { ext: string }>({
    es: ({ path, ext }) =>
      `${path} es una página web (HTML)${ext === '' ? '' : ` guardada con nombre ${ext}`}, no un libro de Excel: algunos sistemas exportan así sus archivos "Excel". ` +
      'Ábralo en Excel o en LibreOffice Calc y guárdelo como libro de Excel (.xlsx) o como "CSV UTF-8"; luego ejecute paylinks sobre ese archivo',
    en: ({ path, ext }) =>
      `${path} is a web page (HTML)${ext === '' ? '' : ` saved with a ${ext} name`}, not a workbook: some systems export "Excel" files this way. ` +
      'Open it in Excel or LibreOffice Calc and save it as an Excel workbook (.xlsx) or as "CSV UTF-8", then run paylinks on that file',
  }),
  spreadsheetMl2003: msg<Path & { ext: string }>({
    es: ({ path, ext }) =>
      `${path} es una hoja de cálculo XML de Excel 2003 (SpreadsheetML)${ext === '' ? '' : ` guardada con nombre ${ext}`}, no un libro .xlsx. ` +
      'Ábrala en Excel (Archivo → Guardar como → "Libro de Excel (.xlsx)") o en LibreOffice Calc (Archivo → Guardar como → "Libro de Excel 2007-365 (.xlsx)"); ' +
      'luego ejecute paylinks sobre el .xlsx',
    en: ({ path, ext }) =>
      `${path} is an Excel 2003 XML spreadsheet (SpreadsheetML)${ext === '' ? '' : ` saved with a ${ext} name`}, not an .xlsx workbook. ` +
      'Open it in Excel (File → Save As → "Excel Workbook (.xlsx)") or LibreOffice Calc (File → Save As → "Excel 2007-365 (.xlsx)"), ' +
      'then run paylinks on the .xlsx',
  }),

  // Encodings (io/read/encoding.ts)
  unknownEncoding: msg<Path & { name: string }>({
    es: ({ name, path }) => `codificación desconocida "${name}" para ${path}; use utf-8, windows-1252 (también llamada latin1), cp850 (Excel "CSV (MS-DOS)"), macroman ("CSV" de Mac), utf-16le o utf-16be`,
    en: ({ name, path }) => `unknown encoding "${name}" for ${path}; use utf-8, windows-1252 (also called latin1), cp850 (Excel "CSV (MS-DOS)"), macroman (Mac "CSV"), utf-16le or utf-16be`,
  }),
  encodingReading: msg<{ encoding: 'windows-1252' | 'cp850' | 'macroman'; example: string }>({
    es: ({ encoding, example }) =>
      `${{ 'windows-1252': 'windows-1252 (Excel en Windows)', cp850: 'cp850 (Excel "CSV (MS-DOS)")', macroman: 'macroman ("CSV" de Mac)' }[encoding]} lee "${example}"`,
    en: ({ encoding, example }) =>
      `${{ 'windows-1252': 'windows-1252 (Excel on Windows)', cp850: 'cp850 (Excel "CSV (MS-DOS)")', macroman: 'macroman (Mac "CSV")' }[encoding]} reads "${example}"`,
  }),
  encodingUnsure: msg<Path & { shown: string }>({
    es: ({ path, shown }) =>
      `${path} no está en UTF-8, y paylinks no puede saber en qué codificación se guardó: ${shown}. ` +
      'Ejecute de nuevo con --encoding windows-1252, --encoding cp850 o --encoding macroman (aquella con la que los nombres se lean bien), o guarde el archivo de nuevo como "CSV UTF-8"',
    en: ({ path, shown }) =>
      `${path} is not UTF-8, and paylinks cannot tell which encoding it was saved in: ${shown}. ` +
      'Run again with --encoding windows-1252, --encoding cp850 or --encoding macroman (the one whose names read right), or save the file again as "CSV UTF-8"',
  }),
  utf16Invalid: msg<Path & { encoding: string; offset: number }>({
    es: ({ path, encoding, offset }) => `${path} no es texto ${encoding} válido (bytes errados después del byte ${offset}); guárdelo de nuevo desde Excel como "CSV UTF-8" e intente otra vez`,
    en: ({ path, encoding, offset }) => `${path} is not valid ${encoding} text (bad bytes after byte ${offset}); save it again from Excel as "CSV UTF-8" and try again`,
  }),
  utf8Invalid: msg<Path & { forced: boolean; byte: string; position: number }>({
    es: ({ path, forced, byte, position }) =>
      `No se puede leer ${path} como UTF-8: ${forced ? 'usted pidió utf-8, pero' : 'parecía UTF-8, pero'} el byte${byte} en la posición ${position} no es UTF-8. ` +
      'Si el archivo lo guardó Excel en Windows, léalo con --encoding windows-1252 (cp850 para el "CSV (MS-DOS)" de Excel, macroman para un "CSV" de Mac), o guárdelo de nuevo como "CSV UTF-8".',
    en: ({ path, forced, byte, position }) =>
      `${path} cannot be read as UTF-8: ${forced ? 'you asked for utf-8, but' : 'it looked like UTF-8, but'} byte${byte} at offset ${position} is not UTF-8. ` +
      'If the file was saved by Excel on Windows, read it with --encoding windows-1252 (cp850 for Excel "CSV (MS-DOS)", macroman for a Mac "CSV"), or save it again as "CSV UTF-8".',
  }),
  garbled: msg<{ row: number; column: string; shown: string; sample: string }>({
    es: ({ row, column, shown, sample }) =>
      `fila ${row}, columna ${column}: ${shown} tiene caracteres inusuales (${sample}); puede que el archivo se haya guardado o convertido en otra codificación. ` +
      'Revise este texto antes de que le llegue a un pagador, o lea el archivo con --encoding (utf-8, windows-1252, cp850, macroman)',
    en: ({ row, column, shown, sample }) =>
      `row ${row}, column ${column}: ${shown} holds unlikely characters (${sample}); the file may have been saved or converted in another encoding. ` +
      'Check this text before it reaches a payer, or read the file with --encoding (utf-8, windows-1252, cp850, macroman)',
  }),

  // CSV structure (io/read/csv.ts)
  csvNoData: msg<Path>({
    es: ({ path }) => `${path} no tiene filas con datos (solo líneas en blanco); debe empezar con una fila de encabezados seguida de una fila por factura`,
    en: ({ path }) => `${path} has no rows with data (only blank lines); it should start with a header row followed by one row per invoice`,
  }),
  csvTooManyColumns: msg<Path & { row: number; count: number; max: number }>({
    es: ({ path, row, count, max }) => `${path}: la fila ${row} tiene ${count} columnas; se leen máximo ${max}. Quite las columnas sobrantes (o revise que el separador sea el correcto) e intente de nuevo`,
    en: ({ path, row, count, max }) => `${path}: row ${row} has ${count} columns; at most ${max} are read. Remove the extra columns (or check that the delimiter is right) and try again`,
  }),
  csvQuoteNotClosed: msg<Path & { row: number }>({
    es: ({ path, row }) => `${path}: la fila ${row} abre una celda entre comillas (") que nunca se cierra; cierre la comilla, o escriba una comilla dentro de una celda como "", e intente de nuevo`,
    en: ({ path, row }) => `${path}: row ${row} opens a quoted cell (") that is never closed; close the quote, or write a quote inside a cell as "", and try again`,
  }),
  csvCellTooBig: msg<Path & { row: number }>({
    es: ({ path, row }) => `${path}: la fila ${row} tiene una celda de más de 1 MB (casi siempre una comilla (") que nunca se cierra, y el resto del archivo quedó en una sola celda); corrija las comillas de esa fila e intente de nuevo`,
    en: ({ path, row }) => `${path}: row ${row} has a cell over 1 MB (usually a quote (") that is never closed, so the rest of the file became one cell); fix the quotes on that row and try again`,
  }),
  csvTextAfterQuote: msg<Path & { row: number }>({
    es: ({ path, row }) => `${path}: la fila ${row} tiene texto justo después de la comilla que cierra una celda; una celda entre comillas debe terminar en su comilla (escriba una comilla dentro de ella como ""), e intente de nuevo`,
    en: ({ path, row }) => `${path}: row ${row} has text right after the closing quote of a quoted cell; a quoted cell must end at its quote (write a quote inside it as ""), then try again`,
  }),
  csvInvalid: msg<Path & { row: number; detail: string }>({
    es: ({ path, row, detail }) => `${path}: la fila ${row} no es CSV válido (${detail}); corrija esa fila e intente de nuevo`,
    en: ({ path, row, detail }) => `${path}: row ${row} is not valid CSV (${detail}); fix that row and try again`,
  }),

  // Workbooks (io/read/xlsx.ts)
  zipNotWorkbook: msg<Path>({
    es: ({ path }) => `${path} es un archivo zip pero no un libro de Excel; guárdelo desde Excel como .xlsx (Libro de Excel) o CSV e intente de nuevo`,
    en: ({ path }) => `${path} is a zip file but not an Excel workbook; save it from Excel as .xlsx (Excel Workbook) or CSV and try again`,
  }),
  noWorksheets: msg<Path>({
    es: ({ path }) => `${path} no tiene hojas de cálculo (¿solo gráficos o macros?); ponga los datos de cobro en una hoja e intente de nuevo`,
    en: ({ path }) => `${path} has no worksheets (only charts or macros?); put the billing data on a worksheet and try again`,
  }),
  notAWorksheet: msg<Path & { sheet: string; kind: string; list: string }>({
    es: ({ path, sheet, kind, list }) => `la hoja "${sheet}" de ${path} es ${kind === 'chart' ? 'un gráfico' : `una hoja de tipo ${kind}`}, no una hoja con celdas; ${list}`,
    en: ({ path, sheet, kind, list }) => `sheet "${sheet}" of ${path} is a ${kind}, not a worksheet with cells; ${list}`,
  }),
  sheetNoData: msg<Path & { sheet: string; sheets: string }>({
    es: ({ path, sheet, sheets }) => `la hoja "${sheet}" de ${path} no tiene filas con datos; elija otra hoja con --sheet (hojas: ${sheets})`,
    en: ({ path, sheet, sheets }) => `sheet "${sheet}" of ${path} has no rows with data; choose another sheet with --sheet (sheets: ${sheets})`,
  }),
  sheetsAmbiguous: msg<Path & { count: number; names: string }>({
    es: ({ path, count, names }) => `${path} tiene ${count} hojas que parecen hojas de cobro: ${names}. paylinks no escoge una por usted: indique con --sheet el nombre o la posición de la que va a cobrar`,
    en: ({ path, count, names }) => `${path} has ${count} sheets that look like billing sheets: ${names}. paylinks will not pick one for you: pass --sheet with the name or position of the one to bill`,
  }),
  noVisibleData: msg<Path & { sheets: string; hidden: string }>({
    es: ({ path, sheets, hidden }) =>
      `${path} no tiene filas con datos en ninguna hoja visible (hojas: ${sheets})${hidden === '' ? '' : `; las hojas ocultas (${hidden}) solo se leen cuando --sheet las nombra`}; elija una hoja con --sheet`,
    en: ({ path, sheets, hidden }) =>
      `${path} has no rows with data in any visible sheet (sheets: ${sheets})${hidden === '' ? '' : `; hidden sheets (${hidden}) are read only when --sheet names them`}; choose a sheet with --sheet`,
  }),
  hiddenSheetNote: msg<{ sheet: string; veryHidden: boolean }>({
    es: ({ sheet, veryHidden }) => `se lee la hoja ${veryHidden ? 'muy oculta' : 'oculta'} "${sheet}" porque --sheet la nombró`,
    en: ({ sheet, veryHidden }) => `reading ${veryHidden ? 'very hidden' : 'hidden'} sheet "${sheet}" because --sheet named it`,
  }),
  hiddenMark: msg({ es: ' (oculta)', en: ' (hidden)' }),
  sheetList: msg<{ tabs: string }>({
    es: ({ tabs }) => `sus hojas, en el orden de las pestañas, son ${tabs}`,
    en: ({ tabs }) => `its sheets, in tab order, are ${tabs}`,
  }),
  noSheetNumber: msg<{ number: number; count: number }>({
    es: ({ number, count }) => `no tiene hoja número ${number} (tiene ${count})`,
    en: ({ number, count }) => `has no sheet number ${number} (it has ${count})`,
  }),
  noSheetNamed: msg<{ name: string }>({
    es: ({ name }) => `no tiene ninguna hoja llamada "${name}"`,
    en: ({ name }) => `has no sheet named "${name}"`,
  }),
  sheetNotFound: msg<Path & { what: string; list: string }>({
    es: ({ path, what, list }) => `${path} ${what}; ${list}. Indique en --sheet uno de estos nombres, o una posición desde 1 (las hojas ocultas cuentan)`,
    en: ({ path, what, list }) => `${path} ${what}; ${list}. Pass --sheet with one of these names, or a position from 1 (hidden sheets count)`,
  }),
  damaged: msg<Path & { sheet?: string; detail: string }>({
    es: ({ path, sheet, detail }) =>
      `${sheet === undefined ? path : `la hoja "${sheet}" de ${path}`} está dañado o no es un libro de Excel real (${detail}); ábralo en Excel, guárdelo de nuevo como .xlsx e intente otra vez`,
    en: ({ path, sheet, detail }) =>
      `${sheet === undefined ? path : `sheet "${sheet}" of ${path}`} is damaged or is not a real Excel workbook (${detail}); open it in Excel, save it again as .xlsx, and try again`,
  }),
  partTooBig: msg<{ part: string; size: number; limit: number }>({
    es: ({ part, size, limit }) => `la parte ${part} ocupa ${size} bytes descomprimida; se leen máximo ${limit}`,
    en: ({ part, size, limit }) => `part ${part} is ${size} bytes once unzipped; at most ${limit} are read`,
  }),
  beyondLastColumn: msg<{ cell: string; row: number }>({
    es: ({ cell, row }) => `la celda ${cell} de la fila ${row} queda más allá de la columna XFD, la última que tiene Excel`,
    en: ({ cell, row }) => `cell ${cell} on row ${row} is beyond column XFD, the last one Excel has`,
  }),
} as const;
