/**
 * Whole-sheet refusals about the header row (src/pipeline/rows/header-rules.ts,
 * header-choice.ts): a note in the amount or due-date header, a second
 * header, a bill above the header. Each names the file (or "The sheet").
 */
import { msg } from '../message.js';

type Unit = 1 | 1000 | 1_000_000;
type Order = 'dmy' | 'mdy' | 'ymd';

const UNIT_EN: Record<Unit, string> = { 1: 'units', 1000: 'thousands', 1_000_000: 'millions' };
const UNIT_ES: Record<Unit, string> = { 1: 'unidades', 1000: 'miles', 1_000_000: 'millones' };
const ORDER_EN: Record<Order, string> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year-month-day' };
const ORDER_ES: Record<Order, string> = { dmy: 'día/mes/año', mdy: 'mes/día/año', ymd: 'año-mes-día' };

const whereEn = (file: string | undefined): string => file ?? 'The sheet';
const whereEs = (file: string | undefined): string => file ?? 'La hoja';

/** A sheet of a workbook, or a CSV: what a sentence about "the sheet" names. */
export interface SheetPlace {
  path: string;
  sheetName?: string;
  xlsx: boolean;
}
const placeEn = (p: SheetPlace): string => (p.sheetName === undefined ? p.path : `sheet "${p.sheetName}" of ${p.path}`);
const placeEs = (p: SheetPlace): string => (p.sheetName === undefined ? p.path : `La hoja "${p.sheetName}" de ${p.path}`);
const oneTableEn = (p: SheetPlace): string =>
  p.xlsx ? 'delete the other block, or move it to another sheet and choose the sheet to bill with --sheet' : 'delete the other block, or move it to another file';
const oneTableEs = (p: SheetPlace): string =>
  p.xlsx ? 'borre el otro bloque, o páselo a otra hoja y elija la hoja que se cobra con --sheet' : 'borre el otro bloque, o páselo a otro archivo';

/** A row as the message shows it: its number and its non-blank cells, already quoted. */
export interface ShownRow {
  row: number;
  cells: string;
}

export const header = {
  /** A unit in the header (or --amount-unit) over cells whose format already scales what they show. */
  unitOverScaled: msg<{
    file?: string; header: string; unit?: Unit; unitWords?: string; confirmed?: Unit;
    numFmt: string; percent: boolean; factor: number; stored: string; shown: string;
  }>({
    es: (p) =>
      `${whereEs(p.file)}: ` +
      (p.unit !== undefined
        ? `la columna del monto "${p.header}" dice que sus montos están en ${UNIT_ES[p.unit]} ("${p.unitWords}"), pero`
        : `se indicó --amount-unit ${p.confirmed}, pero en la columna del monto "${p.header}"`) +
      ` el formato de las celdas "${p.numFmt}" los muestra ${p.percent ? `multiplicados por ${p.factor}` : `divididos entre ${p.factor.toLocaleString('es-CO')}`} ` +
      `(la primera contiene ${p.stored} y muestra "${p.shown}"). paylinks no cobra lo que muestra un formato con escala ni un monto multiplicado otra vez; ` +
      'dé a la columna del monto un formato sin escala (p. ej. #,##0) para que la hoja muestre los montos que contienen las celdas' +
      (p.unit !== undefined ? `, y quite "${p.unitWords}" del encabezado.` : ', y ejecute sin --amount-unit.'),
    en: (p) =>
      `${whereEn(p.file)}: ` +
      (p.unit !== undefined
        ? `the amount column "${p.header}" says its amounts are in ${UNIT_EN[p.unit]} ("${p.unitWords}"), but`
        : `--amount-unit ${p.confirmed} was given, but in the amount column "${p.header}"`) +
      ` the cells' format "${p.numFmt}" shows them ${p.percent ? `multiplied by ${p.factor}` : `divided by ${p.factor.toLocaleString('en-US')}`} ` +
      `(the first holds ${p.stored} and shows "${p.shown}"). paylinks bills neither a scaled display nor an amount multiplied again; ` +
      'format the amount column without scaling (e.g. #,##0) so the sheet shows the amounts the cells hold' +
      (p.unit !== undefined ? `, and take "${p.unitWords}" out of the header.` : ', and run without --amount-unit.'),
  }),
  unitUnconfirmed: msg<{ file?: string; header: string; unit: 1000 | 1_000_000; unitWords: string }>({
    es: ({ file, header, unit, unitWords }) =>
      `${whereEs(file)}: la columna del monto "${header}" dice que sus montos están en ${UNIT_ES[unit]} ("${unitWords}"), ` +
      `y paylinks no multiplica montos por su cuenta. Si 1.250 en esa columna significa ${(1250 * unit).toLocaleString('es-CO')}, ` +
      `ejecute con --amount-unit ${unit}; si los montos ya están escritos completos, ejecute con --amount-unit 1.`,
    en: ({ file, header, unit, unitWords }) =>
      `${whereEn(file)}: the amount column "${header}" says its amounts are in ${UNIT_EN[unit]} ("${unitWords}"), ` +
      `and paylinks does not multiply amounts on its own. If 1.250 in that column means ${(1250 * unit).toLocaleString('es-CO')}, ` +
      `run with --amount-unit ${unit}; if the amounts are already written in full, run with --amount-unit 1.`,
  }),
  unitNotInHeader: msg<{ file?: string; header: string; confirmed: Unit }>({
    es: ({ file, header, confirmed }) =>
      `${whereEs(file)}: se indicó --amount-unit ${confirmed}, pero la columna del monto "${header}" no dice que sus montos estén en ${UNIT_ES[confirmed]}; ` +
      `no se multiplica nada sin que la hoja lo diga. Escriba la unidad en el encabezado (p. ej. "${header} (miles)") o ejecute sin --amount-unit.`,
    en: ({ file, header, confirmed }) =>
      `${whereEn(file)}: --amount-unit ${confirmed} was given, but the amount column "${header}" does not say its amounts are in ${UNIT_EN[confirmed]}; ` +
      `nothing is multiplied without the sheet saying so. Write the unit in the header (e.g. "${header} (miles)") or run without --amount-unit.`,
  }),
  unitDiffers: msg<{ file?: string; header: string; unit: 1000 | 1_000_000; confirmed: Unit }>({
    es: ({ file, header, unit, confirmed }) =>
      `${whereEs(file)}: la columna del monto "${header}" dice ${UNIT_ES[unit]}, pero --amount-unit dice ${confirmed} (${UNIT_ES[confirmed]}); ` +
      `ejecute con --amount-unit ${unit}, o corrija el encabezado.`,
    en: ({ file, header, unit, confirmed }) =>
      `${whereEn(file)}: the amount column "${header}" says ${UNIT_EN[unit]}, but --amount-unit says ${confirmed} (${UNIT_EN[confirmed]}); ` +
      `run with --amount-unit ${unit}, or correct the header.`,
  }),
  currencyConflict: msg<{ file?: string; header: string; named: string; run: string }>({
    es: ({ file, header, named, run }) =>
      `${whereEs(file)}: la columna del monto "${header}" dice que sus montos están en ${named}, pero --currency dice ${run}; ` +
      `no se envió nada. Ejecute con --currency ${named}, o corrija el encabezado si los montos están en ${run}.`,
    en: ({ file, header, named, run }) =>
      `${whereEn(file)}: the amount column "${header}" says its amounts are in ${named}, but --currency says ${run}; ` +
      `nothing was sent. Run with --currency ${named}, or correct the header if the amounts are in ${run}.`,
  }),
  dollarSign: msg<{ file?: string; header: string; currency: string }>({
    es: ({ file, header, currency }) =>
      `${whereEs(file)}: la columna del monto "${header}" escribe sus montos con "$" (pesos o dólares), pero la moneda de la ejecución es ${currency}; ` +
      'no se envió nada. Ejecute con la moneda en que están los montos (p. ej. --currency COP), o corrija el encabezado.',
    en: ({ file, header, currency }) =>
      `${whereEn(file)}: the amount column "${header}" writes its amounts with "$" (pesos or dollars), but the run's currency is ${currency}; ` +
      'nothing was sent. Run with the currency the amounts are in (e.g. --currency COP), or correct the header.',
  }),
  cents: msg<{ file?: string; header: string; note: string }>({
    es: ({ file, header, note }) =>
      `${whereEs(file)}: la columna del monto "${header}" dice que sus montos están en centavos ("${note}"), y paylinks no divide montos: ` +
      '125000050 se cobraría como $ 125.000.050, no $ 1.250.000,50. Escriba los montos completos (1.250.000,50) y quite la nota del nombre de la columna; no se envió nada.',
    en: ({ file, header, note }) =>
      `${whereEn(file)}: the amount column "${header}" says its amounts are in cents ("${note}"), and paylinks does not divide amounts: ` +
      '125000050 would be billed as 125.000.050, not 1.250.000,50. Write the amounts in full (1.250.000,50) and rename the column without the note; nothing was sent.',
  }),
  twoCurrencies: msg<{ file?: string; header: string; currencies: string[] }>({
    es: ({ file, header, currencies }) =>
      `${whereEs(file)}: la columna del monto "${header}" nombra ${currencies.length || 2} monedas (${currencies.join(', ')}), ` +
      `así que la moneda de los montos es dudosa; no se envió nada. Deje una sola moneda en el encabezado (p. ej. "Valor (${currencies[0] ?? 'COP'})"), ` +
      'o quite la nota del nombre de la columna y dé a cada fila su moneda en una columna Moneda.',
    en: ({ file, header, currencies }) =>
      `${whereEn(file)}: the amount column "${header}" names ${currencies.length || 2} currencies (${currencies.join(', ')}), ` +
      `so the amounts' currency is in doubt; nothing was sent. Keep one currency in the header (e.g. "Valor (${currencies[0] ?? 'COP'})"), ` +
      'or rename the column without the note and give each row its currency in a Moneda column.',
  }),
  noteUnknown: msg<{ file?: string; header: string; note: string }>({
    es: ({ file, header, note }) =>
      `${whereEs(file)}: la columna del monto "${header}" tiene la nota "${note}", que paylinks no entiende, y una nota puede cambiar ` +
      'lo que significa cada monto (una unidad, una moneda); no se envió nada. Si la nota no cambia los montos, quítela del nombre de la columna; ' +
      'si los cambia, escriba los montos completos, en pesos o en la moneda de la ejecución, en una columna sin la nota. ' +
      'Notas que paylinks lee: (miles), (millones), (x1000), (COP), (USD), (CLP) y otros códigos ISO, (pesos chilenos), (IVA incluido), (a pagar).',
    en: ({ file, header, note }) =>
      `${whereEn(file)}: the amount column "${header}" has the note "${note}", which paylinks does not understand, and a note can change ` +
      'what every amount means (a unit, a currency); nothing was sent. If the note does not change the amounts, rename the column without it; ' +
      'otherwise write the amounts in full, in pesos or the currency of the run, in a column without the note. ' +
      'Notes paylinks reads: (miles), (millones), (x1000), (COP), (USD), (CLP) and other ISO codes, (pesos chilenos), (IVA incluido), (a pagar).',
  }),
  dateOrderUnreadable: msg<{ file?: string; header: string; words: string }>({
    es: ({ file, header, words }) =>
      `${whereEs(file)}: la columna de fecha de vencimiento "${header}" dice que sus fechas se escriben "${words}", un orden que paylinks no lee; no se envió nada. ` +
      'Escriba las fechas como día/mes/año (15/03/2027), mes/día/año o año-mes-día (2027-03-15), y corrija el encabezado para que coincida.',
    en: ({ file, header, words }) =>
      `${whereEn(file)}: the due date column "${header}" says its dates are written "${words}", an order paylinks does not read; nothing was sent. ` +
      'Write the dates as day/month/year (15/03/2027), month/day/year or year-month-day (2027-03-15), and correct the header to match.',
  }),
  /** `source`: the flag that set the run's order (`--date-order mdy`, `--locale es-CO`). */
  dateOrderConflict: msg<{ file?: string; header: string; words: string; note: Order; run: Order; source: string }>({
    es: ({ file, header, words, note, run, source }) =>
      `${whereEs(file)}: la columna de fecha de vencimiento "${header}" dice que sus fechas están en ${ORDER_ES[note]} ("${words}"), pero esta ejecución lee las fechas como ` +
      `${ORDER_ES[run]} (${source}); no se envió nada. Si las fechas están en ${ORDER_ES[note]}, ejecute con --date-order ${note}; ` +
      'si no, corrija el encabezado.',
    en: ({ file, header, words, note, run, source }) =>
      `${whereEn(file)}: the due date column "${header}" says its dates are ${ORDER_EN[note]} ("${words}"), but this run reads dates as ` +
      `${ORDER_EN[run]} (${source}); nothing was sent. If the dates are ${ORDER_EN[note]}, run with --date-order ${note}; ` +
      'otherwise correct the header.',
  }),

  // header-choice.ts: one table per sheet.
  dataAboveHeader: msg<{ place: SheetPlace; bill: ShownRow; header: ShownRow }>({
    es: ({ place, bill, header }) =>
      `${placeEs(place)}: la fila ${bill.row} (${bill.cells}) está encima del encabezado de la fila ${header.row} (${header.cells}) ` +
      'pero parece un cobro (un monto y una fecha); las filas encima del encabezado nunca se cobran, así que quedaría por fuera. ' +
      `paylinks lee una tabla por hoja, bajo su fila de encabezado: ${oneTableEs(place)}. ` +
      'Los títulos, las notas y las líneas "Etiqueta: valor" encima del encabezado no son problema.',
    en: ({ place, bill, header }) =>
      `${placeEn(place)}: row ${bill.row} (${bill.cells}) is above the header on row ${header.row} (${header.cells}) ` +
      'but reads like a bill (an amount and a date); rows above the header are never billed, so it would be left out. ' +
      `paylinks reads one table per sheet, under its header row: ${oneTableEn(place)}. ` +
      'Titles, notes and "Label: value" lines above the header are fine.',
  }),
  headerTwice: msg<{ place: SheetPlace; rows: ShownRow[] }>({
    es: ({ place, rows }) =>
      `${placeEs(place)} tiene más de una fila de encabezado: ${rows.map((r) => `fila ${r.row} (${r.cells})`).join(', ')}. ` +
      'paylinks lee una tabla por hoja y no va a escoger entre ellas ' +
      `(las filas de una tabla quedan por fuera, o se leen con las columnas de la otra): ${oneTableEs(place)}. ` +
      'Un encabezado que su sistema repite cada tantas filas también se debe quitar.',
    en: ({ place, rows }) =>
      `${placeEn(place)} has more than one header row: ${rows.map((r) => `row ${r.row} (${r.cells})`).join(', ')}. ` +
      'paylinks reads one table per sheet and will not choose between them ' +
      `(the rows of one table would be left out, or read through the other's columns): ${oneTableEn(place)}. ` +
      'A header that your system repeats every few rows must be removed too.',
  }),
} as const;
