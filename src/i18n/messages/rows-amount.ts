/**
 * Why an amount cell is not an amount (src/pipeline/rows/amount.ts,
 * amount-cell.ts). Each is the part after `Row N, column "X": `; values are
 * quoted by the caller where today's English quotes them.
 */
import { msg } from '../message.js';

type Mark = ',' | '.';

/** How to write an amount with this decimal mark: the advice that closes most amount messages. */
const exampleEn = (decimal: Mark): string => (decimal === ',' ? 'write 1.250.000,50 or 1250000,50' : 'write 1,250,000.50 or 1250000.50');
const exampleEs = (decimal: Mark): string => (decimal === ',' ? 'escriba 1.250.000,50 o 1250000,50' : 'escriba 1,250,000.50 o 1250000.50');

/** How the other mark's amounts look. */
const otherLooksEn = (decimal: Mark): string => (decimal === ',' ? 'a dot for decimals, as in 1,250,000.50' : 'a comma for decimals, as in 1.250.000,50');
const otherLooksEs = (decimal: Mark): string =>
  decimal === ',' ? 'punto para los decimales, como en 1,250,000.50' : 'coma para los decimales, como en 1.250.000,50';
const other = (decimal: Mark): Mark => (decimal === ',' ? '.' : ',');

export const rowsAmount = {
  example: msg<{ decimal: Mark }>({ es: ({ decimal }) => exampleEs(decimal), en: ({ decimal }) => exampleEn(decimal) }),
  missing: msg<{ decimal: Mark }>({
    es: ({ decimal }) => `el monto está vacío; ${exampleEs(decimal)}`,
    en: ({ decimal }) => `the amount is empty; ${exampleEn(decimal)}`,
  }),
  cellError: msg<{ error: string; decimal: Mark }>({
    es: ({ error, decimal }) => `la celda muestra ${error} (una fórmula que Excel no pudo calcular); ${exampleEs(decimal)}`,
    en: ({ error, decimal }) => `the cell holds the error ${error}; ${exampleEn(decimal)}`,
  }),
  dateNotAmount: msg<{ decimal: Mark }>({
    es: ({ decimal }) => `la celda contiene una fecha, no un monto; ${exampleEs(decimal)}`,
    en: ({ decimal }) => `the cell holds a date, not an amount; ${exampleEn(decimal)}`,
  }),
  valueNotAmount: msg<{ value: string; decimal: Mark }>({
    es: ({ value, decimal }) => `la celda contiene el valor ${value}, no un monto; ${exampleEs(decimal)}`,
    en: ({ value, decimal }) => `the cell holds the value ${value}, not an amount; ${exampleEn(decimal)}`,
  }),
  tooManyDigits: msg<{ digits: number; max: number }>({
    es: ({ digits, max }) => `el monto tiene ${digits} dígitos; se aceptan montos de hasta ${max} dígitos`,
    en: ({ digits, max }) => `the amount has ${digits} digits; amounts of at most ${max} digits are accepted`,
  }),
  longText: msg<{ length: number; decimal: Mark }>({
    es: ({ length, decimal }) => `la celda contiene ${length} caracteres de texto, no un monto; ${exampleEs(decimal)}`,
    en: ({ length, decimal }) => `the cell holds ${length} characters of text, not an amount; ${exampleEn(decimal)}`,
  }),
  notAmount: msg<{ text: string; decimal: Mark }>({
    es: ({ text, decimal }) => `"${text}" no es un monto; ${exampleEs(decimal)} (solo dígitos, opcionalmente con $, COP o USD)`,
    en: ({ text, decimal }) => `"${text}" is not an amount; ${exampleEn(decimal)} (digits only, optionally with $, COP or USD)`,
  }),
  twoCurrencies: msg<{ text: string }>({
    es: ({ text }) => `"${text}" nombra dos monedas; escriba el monto con una sola (o con ninguna)`,
    en: ({ text }) => `"${text}" names two currencies; write the amount with one (or none)`,
  }),
  badSpaces: msg<{ text: string; decimal: Mark }>({
    es: ({ text, decimal }) =>
      `"${text}" tiene espacios entre sus dígitos que no forman grupos de miles de tres (o los mezcla con otros separadores), así que el monto es ambiguo; ${exampleEs(decimal)}`,
    en: ({ text, decimal }) =>
      `"${text}" has spaces between its digits that are not thousands groups of three (or mixes them with other separators), so its amount is ambiguous; ${exampleEn(decimal)}`,
  }),
  otherMark: msg<{ text: string; decimal: Mark }>({
    es: ({ text, decimal }) =>
      `"${text}" no es un monto con "${decimal}" como separador decimal (parece escrito con ${otherLooksEs(decimal)}); ${exampleEs(decimal)}, ` +
      `o ejecute con --decimal ${other(decimal)} si todos los montos de la hoja están escritos así (las fechas se siguen leyendo igual)`,
    en: ({ text, decimal }) =>
      `"${text}" is not an amount with "${decimal}" as the decimal mark (it looks like ${otherLooksEn(decimal)}); ${exampleEn(decimal)}, ` +
      `or run with --decimal ${other(decimal)} if every amount in the sheet is written that way (dates are read as before)`,
  }),
  tooManyDecimals: msg<{ text: string; decimal: Mark }>({
    es: ({ text, decimal }) => `"${text}" tiene más de 2 decimales; redondéelo a centavos y ${exampleEs(decimal)}`,
    en: ({ text, decimal }) => `"${text}" has more than 2 decimals; round it to cents and ${exampleEn(decimal)}`,
  }),
  wrongMark: msg<{ text: string; decimal: Mark }>({
    es: ({ text, decimal }) => `"${text}" no es un monto con "${decimal}" como separador decimal; ${exampleEs(decimal)}`,
    en: ({ text, decimal }) => `"${text}" is not an amount with "${decimal}" as the decimal mark; ${exampleEn(decimal)}`,
  }),
  /** `shown` is quoted by the caller when it is the cell's text, bare when it is a number cell. */
  notPositive: msg<{ shown: string }>({
    es: ({ shown }) => `${shown} no es un monto positivo; un cobro debe ser por más de 0`,
    en: ({ shown }) => `${shown} is not a positive amount; a bill must be for more than 0`,
  }),
  tooManySignificant: msg<{ shown: string; digits: number; max: number }>({
    es: ({ shown, digits, max }) => `${shown} tiene ${digits} dígitos significativos; se aceptan montos de hasta ${max} dígitos`,
    en: ({ shown, digits, max }) => `${shown} has ${digits} significant digits; amounts of at most ${max} digits are accepted`,
  }),
  notFinite: msg<{ value: string }>({
    es: ({ value }) => `la celda contiene ${value}, no un monto`,
    en: ({ value }) => `the cell holds ${value}, not an amount`,
  }),
  numberTooLong: msg<{ value: string; max: number }>({
    es: ({ value, max }) => `${value} necesita más de ${max} dígitos; se aceptan montos de hasta ${max} dígitos significativos`,
    en: ({ value, max }) => `${value} needs more than ${max} digits; amounts of at most ${max} significant digits are accepted`,
  }),
  numberDecimals: msg<{ value: string }>({
    es: ({ value }) => `${value} tiene más de 2 decimales; redondee el monto a centavos en la hoja`,
    en: ({ value }) => `${value} has more than 2 decimals; round the amount to cents in the sheet`,
  }),

  // amount-cell.ts: what the cell's format says.
  hiddenDecimals: msg<{ stored: string; shown: string; decimals: number; displayed: string }>({
    es: ({ stored, shown, decimals, displayed }) =>
      `la celda contiene ${stored} pero su formato muestra ${shown} (el formato oculta decimales), así que el monto del cobro es dudoso; ` +
      `redondee la celda en la hoja (p. ej. =REDONDEAR(…;${decimals})), o ejecute con --bill-displayed para cobrar ${displayed}`,
    en: ({ stored, shown, decimals, displayed }) =>
      `the cell holds ${stored} but its format shows ${shown} (the format hides decimals), so the bill's amount is in doubt; ` +
      `round the cell in the sheet (e.g. =ROUND(…;${decimals})), or run with --bill-displayed to bill ${displayed}`,
  }),
  /** `percent`: the format multiplies by `factor` (a percentage); else it divides by `factor`. */
  scaledDisplay: msg<{ stored: string; numFmt: string; shown: string; percent: boolean; factor: number; billDisplayed: boolean }>({
    es: ({ stored, numFmt, shown, percent, factor, billDisplayed }) =>
      `la celda contiene ${stored} pero su formato ${numFmt} muestra "${shown}" ` +
      `(el formato ${percent ? `lo muestra como porcentaje, multiplicado por ${factor}` : `lo divide entre ${factor.toLocaleString('es-CO')}`}), así que el monto del cobro es dudoso; ` +
      'dé a la columna del monto un formato sin escala (p. ej. #,##0) para que muestre el monto que contiene la celda' +
      (billDisplayed ? '; --bill-displayed no cobra lo que muestra un formato con escala' : ''),
    en: ({ stored, numFmt, shown, percent, factor, billDisplayed }) =>
      `the cell holds ${stored} but its format ${numFmt} shows "${shown}" ` +
      `(the format ${percent ? `shows it as a percentage, multiplied by ${factor}` : `divides it by ${factor.toLocaleString('en-US')}`}), so the bill's amount is in doubt; ` +
      'format the amount column without scaling (e.g. #,##0) so it shows the amount the cell holds' +
      (billDisplayed ? '; --bill-displayed does not bill a scaled display' : ''),
  }),
  unknownSign: msg<{ sign: string; numFmt: string; currency: string }>({
    es: ({ sign, numFmt, currency }) =>
      `la celda tiene formato con el signo de moneda ${sign} (formato ${numFmt}), que paylinks no reconoce, así que la moneda del cobro es dudosa; ` +
      `dé a la columna del monto un formato sin signo de moneda (p. ej. #,##0) o con la moneda de la fila (p. ej. [$${currency}] #,##0)`,
    en: ({ sign, numFmt, currency }) =>
      `the cell is formatted with the currency sign ${sign} (format ${numFmt}), which paylinks does not recognise, so the bill's currency is in doubt; ` +
      `format the amount column without a currency sign (e.g. #,##0) or with the row's currency (e.g. [$${currency}] #,##0)`,
  }),
  /** The cell's format names `named` (one code, or several any of which it may be), or a bare `$` when `named` is empty. */
  formatCurrency: msg<{ named: string[]; numFmt: string; currency: string }>({
    es: ({ named, numFmt, currency }) =>
      `la celda ${named.length === 0 ? 'tiene formato con un "$" solo (pesos o dólares)' : `tiene formato de ${named.join(' o ')}`} (formato ${numFmt}), ` +
      `pero la moneda de la fila es ${currency}; haga coincidir el formato de la celda y la moneda (--currency o la columna de moneda)`,
    en: ({ named, numFmt, currency }) =>
      `the cell ${named.length === 0 ? 'is formatted with a bare "$" (pesos or dollars)' : `is formatted as ${named.join(' or ')}`} (format ${numFmt}), ` +
      `but the row's currency is ${currency}; make the cell format and the currency (--currency or the currency column) agree`,
  }),
} as const;
