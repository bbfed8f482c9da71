/**
 * Row errors of src/pipeline/rows/validate.ts, contact.ts and reference.ts
 * (amounts and dates have their own files), and the row layer's warnings.
 * Each reason is the part after `Row N, column "X": ` (common.rowProblem).
 */
import { msg } from '../message.js';

const EXTRA_CELLS_SHOWN = 5;
const REFERENCE_RULE_EN = 'a reference may hold only letters A–Z, digits and hyphens, up to 32 characters (e.g. FAC-2027-001)';
const REFERENCE_RULE_ES = 'una referencia solo puede tener letras A–Z, dígitos y guiones, hasta 32 caracteres (p. ej. FAC-2027-001)';

type Channel = 'email' | 'phone' | 'both';
const CONTACT_EN: Record<Channel, string> = { email: 'email', phone: 'phone number', both: 'email or phone number' };
const CONTACT_ES: Record<Channel, string> = { email: 'correo', phone: 'número de teléfono', both: 'correo ni número de teléfono' };

/** Where the amount's other currency comes from, for CURRENCY_INVALID on the amount cell. */
export type CurrencySource = { kind: 'column' } | { kind: 'header'; header: string } | { kind: 'run' };

export const rows = {
  currencyMissing: msg({
    es: 'la moneda está vacía; escriba un código ISO 4217 como COP o USD (--currency solo aplica a hojas sin columna de moneda)',
    en: 'the currency is empty; write an ISO 4217 code such as COP or USD (--currency applies only to sheets without a currency column)',
  }),
  /** `headerCurrency`: the currency the amount header names, which a blank cell would take. */
  currencyInvalid: msg<{ value: string; headerCurrency?: string }>({
    es: ({ value, headerCurrency }) =>
      `${value} no es un código de moneda; escriba un código ISO 4217 de 3 letras como COP o USD` +
      (headerCurrency === undefined ? '' : `, o déjela vacía para ${headerCurrency} (la del encabezado del monto)`),
    en: ({ value, headerCurrency }) =>
      `${value} is not a currency code; write a 3-letter ISO 4217 code such as COP or USD` +
      (headerCurrency === undefined ? '' : `, or leave it empty for ${headerCurrency} (the amount header's)`),
  }),
  currencyConflict: msg<{ row: string; header: string; headerCurrency: string }>({
    es: ({ row, header, headerCurrency }) =>
      `la fila dice ${row}, pero la columna del monto "${header}" dice que sus montos están en ${headerCurrency}; haga que coincidan`,
    en: ({ row, header, headerCurrency }) =>
      `the row says ${row}, but the amount column "${header}" says its amounts are in ${headerCurrency}; make the two agree`,
  }),
  amountOtherCurrency: msg<{ shown: string; amountCurrency: string; source: CurrencySource; currency: string }>({
    es: ({ shown, amountCurrency, source, currency }) =>
      `${shown} está en ${amountCurrency}, pero ` +
      (source.kind === 'column' ? 'la columna de moneda dice' : source.kind === 'header' ? `el encabezado del monto "${source.header}" dice` : 'la moneda de la ejecución (--currency) es') +
      ` ${currency}; escriba el monto sin moneda, o haga que coincidan`,
    en: ({ shown, amountCurrency, source, currency }) =>
      `${shown} is in ${amountCurrency}, but ` +
      (source.kind === 'column' ? 'the currency column says' : source.kind === 'header' ? `the amount header "${source.header}" says` : `the run's currency is (--currency)`) +
      ` ${currency}; write the amount without a currency, or make the two agree`,
  }),
  rowTooWide: msg<{ cells: number; columns: number; extra: string[]; separator: string; decimal: ',' | '.' }>({
    es: ({ cells, columns, extra, separator, decimal }) => {
      const named = separator === '\t' ? 'un tabulador' : `"${separator}"`;
      const shown = extra.slice(0, EXTRA_CELLS_SHOWN).map((v) => `"${v}"`).join(', ') +
        (extra.length > EXTRA_CELLS_SHOWN ? ` y ${extra.length - EXTRA_CELLS_SHOWN} más` : '');
      const example = decimal === ',' ? '1.250.000,50' : '1,250,000';
      const advice = separator === ','
        ? `ponga entre comillas un valor que contenga una coma (escriba "${example}", no ${example}), o guarde el CSV con ; como separador, como lo hace Excel en español`
        : `ponga entre comillas un valor que contenga ${named}, o borre las celdas que están después de la última columna`;
      return `la fila tiene ${cells} celdas pero el encabezado tiene ${columns} columnas, así que ${shown} no ${extra.length === 1 ? 'pertenece' : 'pertenecen'} a ninguna columna: ` +
        `probablemente un valor que contiene el separador ${named} se partió en varias celdas; ${advice}`;
    },
    en: ({ cells, columns, extra, separator, decimal }) => {
      const named = separator === '\t' ? 'a tab' : `"${separator}"`;
      const shown = extra.slice(0, EXTRA_CELLS_SHOWN).map((v) => `"${v}"`).join(', ') +
        (extra.length > EXTRA_CELLS_SHOWN ? ` and ${extra.length - EXTRA_CELLS_SHOWN} more` : '');
      // The example holds a comma the way this run reads amounts, so following the advice bills.
      const example = decimal === ',' ? '1.250.000,50' : '1,250,000';
      const advice = separator === ','
        ? `quote a value that contains a comma (write "${example}", not ${example}), or save the CSV with ; as the separator, as Excel in Spanish does`
        : `quote a value that contains ${named}, or remove the cells past the last column`;
      return `the row has ${cells} cells but the header has ${columns} columns, so ${shown} belong${extra.length === 1 ? 's' : ''} to no column: ` +
        `a value holding the separator ${named} was probably split into several cells; ${advice}`;
    },
  }),
  referenceDuplicate: msg<{ reference: string; first: number }>({
    es: ({ reference, first }) => `"${reference}" ya la usó la fila ${first}; cada cobro necesita su propia referencia`,
    en: ({ reference, first }) => `"${reference}" was already used by row ${first}; each bill needs its own reference`,
  }),
  /** `template`: the description template the text came from, when it did not come from a column. */
  descriptionTooLong: msg<{ length: number; max: number; template?: string }>({
    es: ({ length, max, template }) =>
      `la descripción tiene ${length} caracteres; se aceptan como máximo ${max}` +
      (template === undefined ? '; acórtela' : ` (de la plantilla "${template}"); acorte la plantilla`),
    en: ({ length, max, template }) =>
      `the description is ${length} characters long; at most ${max} are accepted` +
      (template === undefined ? '; shorten it' : ` (from the template "${template}"); shorten the template`),
  }),
  nameMissing: msg<{ template: string }>({
    es: ({ template }) => `el nombre del enlace de pago está vacío (plantilla "${template}"); llene las celdas que usa la plantilla`,
    en: ({ template }) => `the link name is empty (template "${template}"); fill in the cells the template uses`,
  }),
  recipientMissing: msg<{ channel: Channel; notify: string }>({
    es: ({ channel, notify }) =>
      `el pagador no tiene ${CONTACT_ES[channel]} por donde avisarle (--notify ${notify}); escríbalo en la hoja, o ejecute sin --notify`,
    en: ({ channel, notify }) =>
      `the payer has no ${CONTACT_EN[channel]} to notify through (--notify ${notify}); write one in the sheet, or run without --notify`,
  }),
  cellError: msg<{ error: string }>({
    es: ({ error }) => `la celda muestra ${error} (una fórmula que Excel no pudo calcular); corrija la fórmula o escriba el valor en la hoja`,
    en: ({ error }) => `the cell holds the Excel error ${error}; fix the formula or type the value in the sheet`,
  }),
  controlCharacter: msg<{ code: string }>({
    es: ({ code }) => `contiene el carácter de control U+${code}, que no se puede enviar; vuelva a escribir la celda o exporte la hoja de nuevo`,
    en: ({ code }) => `contains the control character U+${code}, which cannot be sent; retype the cell or export the sheet again`,
  }),

  // contact.ts
  emailSeveral: msg<{ value: string }>({
    es: ({ value }) => `${value} tiene más de una dirección; escriba una dirección por celda`,
    en: ({ value }) => `${value} holds more than one address; write one address per cell`,
  }),
  emailTooLong: msg<{ value: string; length: number; max: number }>({
    es: ({ value, length, max }) => `${value} tiene ${length} caracteres; una dirección tiene como máximo ${max}`,
    en: ({ value, length, max }) => `${value} is ${length} characters long; an address has at most ${max}`,
  }),
  emailInvalid: msg<{ value: string }>({
    es: ({ value }) => `${value} no es una dirección de correo; escríbala como nombre@dominio.com, sin espacios`,
    en: ({ value }) => `${value} is not an email address; write it as name@domain.com, without spaces`,
  }),
  phoneInvalid: msg<{ value: string; locale: 'es-CO' | 'en-US' }>({
    es: ({ value, locale }) =>
      `${value} no es un número de teléfono; escriba + y el indicativo del país seguido de los dígitos (p. ej. +57 300 123 4567), o ` +
      (locale === 'es-CO' ? 'un celular colombiano de 10 dígitos como 300 123 4567' : 'un número de EE. UU. de 10 dígitos como (212) 555-0100'),
    en: ({ value, locale }) =>
      `${value} is not a phone number; write + and the country code followed by the digits (e.g. +57 300 123 4567), or ` +
      (locale === 'es-CO' ? 'a 10-digit Colombian mobile such as 300 123 4567' : 'a 10-digit US number such as (212) 555-0100'),
  }),

  // reference.ts
  referenceMissing: msg({ es: `la referencia está vacía; ${REFERENCE_RULE_ES}`, en: `the reference is empty; ${REFERENCE_RULE_EN}` }),
  referenceTooLong: msg<{ value: string; length: number }>({
    es: ({ value, length }) => `${value} tiene ${length} caracteres; ${REFERENCE_RULE_ES}`,
    en: ({ value, length }) => `${value} is ${length} characters long; ${REFERENCE_RULE_EN}`,
  }),
  /** `bad`: the first character not accepted, or undefined when it is a space. */
  referenceInvalid: msg<{ text: string; bad?: string }>({
    es: ({ text, bad }) => `"${text}" ${bad === undefined ? 'tiene espacios, que no se aceptan' : `tiene "${bad}", que no se acepta`}; ${REFERENCE_RULE_ES}`,
    en: ({ text, bad }) => `"${text}" ${bad === undefined ? 'contains spaces, which are not accepted' : `contains "${bad}", which is not accepted`}; ${REFERENCE_RULE_EN}`,
  }),

  // Warnings and settings of the row layer.
  hiddenBilled: msg<{ row: number }>({
    es: ({ row }) => `La fila ${row} está oculta en la hoja y se cobró por --include-hidden.`,
    en: ({ row }) => `Row ${row} is hidden in the sheet and was billed because of --include-hidden.`,
  }),
  currencyOption: msg<{ currency: string }>({
    es: ({ currency }) => `La moneda "${currency}" no es un código ISO 4217; use tres letras como COP o USD.`,
    en: ({ currency }) => `The currency "${currency}" is not an ISO 4217 code; use three letters such as COP or USD.`,
  }),
} as const;
