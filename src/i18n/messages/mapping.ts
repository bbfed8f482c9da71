/**
 * Whole-sheet refusals about which column holds which field
 * (src/pipeline/rows/headers.ts, the notify check of validate.ts), `--map`
 * flags, and name/description templates (text-template.ts). Field keys and
 * flags stay as they are inside the Spanish text.
 */
import { msg } from '../message.js';

type Field = 'name' | 'amount' | 'dueDate' | 'reference' | 'email' | 'phone' | 'description' | 'currency';

/** A field as a sentence names it. English keeps today's words (the key, "due date" in COLUMN_MISSING). */
const FIELD_ES: Record<Field, string> = {
  name: 'el nombre', amount: 'el monto', dueDate: 'la fecha de vencimiento', reference: 'la referencia',
  email: 'el correo', phone: 'el teléfono', description: 'la descripción', currency: 'la moneda',
};
/** "de" + the field, contracted as Spanish writes it: "del monto", "de la moneda". */
const ofFieldEs = (field: Field): string => FIELD_ES[field].replace(/^el /, 'del ').replace(/^la /, 'de la ');
const describeEn = (field: Field): string => (field === 'dueDate' ? 'due date' : field);

const quoteListEn = (items: readonly string[]): string => (items.length === 0 ? '(none)' : items.map((h) => `"${h}"`).join(', '));
const quoteListEs = (items: readonly string[]): string => (items.length === 0 ? '(ninguna)' : items.map((h) => `"${h}"`).join(', '));

/** Two columns that both look like one field: their headers and Excel letters. */
export interface ColumnNamed {
  header: string;
  letter: string;
}
const namesEn = (columns: readonly ColumnNamed[]): string => columns.map((c) => `"${c.header}" (column ${c.letter})`).join(' and ');
const namesEs = (columns: readonly ColumnNamed[]): string => columns.map((c) => `"${c.header}" (columna ${c.letter})`).join(' y ');

type Needs = 'email' | 'phone' | 'both';
const NEEDS_EN: Record<Needs, string> = { email: 'an email', phone: 'a phone', both: 'an email or phone' };
const NEEDS_ES: Record<Needs, string> = { email: 'una columna de correo', phone: 'una columna de teléfono', both: 'una columna de correo o de teléfono' };

export const mapping = {
  mapNotUnderstood: msg<{ spec: string; fields: readonly string[] }>({
    es: ({ spec, fields }) =>
      `--map "${spec}" no se entiende; escriba --map campo=Encabezado, p. ej. --map amount="Valor a pagar". Campos: ${fields.join(', ')}.`,
    en: ({ spec, fields }) =>
      `--map "${spec}" is not understood; write --map field=Header, e.g. --map amount="Valor a pagar". Fields: ${fields.join(', ')}.`,
  }),
  mapTwice: msg<{ field: Field; first: string; second: string }>({
    es: ({ field, first, second }) => `--map nombra dos veces la columna ${ofFieldEs(field)} ("${first}" y "${second}"); indíquela una sola vez.`,
    en: ({ field, first, second }) => `--map names the ${field} column twice ("${first}" and "${second}"); give it once.`,
  }),
  mapColumnNotFound: msg<{ file: string; field: Field; wanted: string; columns: readonly string[] }>({
    es: ({ file, field, wanted, columns }) =>
      `${file}: --map ${field}="${wanted}" nombra una columna que el archivo no tiene. Columnas encontradas: ${quoteListEs(columns)}.`,
    en: ({ file, field, wanted, columns }) =>
      `${file}: --map ${field}="${wanted}" names a column the file does not have. Columns found: ${quoteListEn(columns)}.`,
  }),
  mapColumnTwice: msg<{ file: string; column: string }>({
    es: ({ file, column }) => `${file}: --map le da la columna "${column}" a dos campos; cada columna puede tener un solo campo.`,
    en: ({ file, column }) => `${file}: --map gives column "${column}" to two fields; each column can hold one field.`,
  }),
  headerDuplicate: msg<{ file: string; header: string; columns: ColumnNamed[]; field: Field }>({
    es: ({ file, header, columns, field }) =>
      `${file}: el encabezado "${header}" aparece dos veces, en ${namesEs(columns)}, y las dos se tomarán como ${FIELD_ES[field]}. ` +
      'Cambie el nombre de una de ellas en el archivo para que cada columna tenga su propio encabezado.',
    en: ({ file, header, columns, field }) =>
      `${file}: the header "${header}" appears twice, in ${namesEn(columns)}, and both would be the ${field}. ` +
      'Rename one of them in the file so each column has its own header.',
  }),
  headerAmbiguous: msg<{ file: string; columns: ColumnNamed[]; field: Field }>({
    es: ({ file, columns, field }) =>
      `${file}: ${namesEs(columns)} parecen ser la columna ${ofFieldEs(field)}. ` +
      `Indique cuál usar con --map ${field}="${columns[0]?.header ?? ''}" (o --map ${field}="${columns[1]?.header ?? ''}").`,
    en: ({ file, columns, field }) =>
      `${file}: both ${namesEn(columns)} look like the ${field} column. ` +
      `Say which one to use with --map ${field}="${columns[0]?.header ?? ''}" (or --map ${field}="${columns[1]?.header ?? ''}").`,
  }),
  /** `accepted`: the headers recognised for each missing field. */
  columnMissing: msg<{ file: string; missing: Array<{ field: Field; accepted: readonly string[] }>; columns: readonly string[] }>({
    es: ({ file, missing, columns }) =>
      `${file}: no hay columna para ${missing.map((m) => `${FIELD_ES[m.field]} (encabezados aceptados: ${quoteListEs(m.accepted)})`).join('; ni para ')}. ` +
      `Columnas encontradas: ${quoteListEs(columns)}. Cambie el nombre de la columna, o indíquela con --map ${missing[0]?.field ?? 'amount'}="Su encabezado".`,
    en: ({ file, missing, columns }) =>
      `${file}: no column for ${missing.map((m) => `the ${describeEn(m.field)} (accepted headers: ${m.accepted.join(', ')})`).join('; and ')}. ` +
      `Columns found: ${quoteListEn(columns)}. Rename the column, or name it with --map ${missing[0]?.field ?? 'amount'}="Your header".`,
  }),
  /** `first`: the first cells of the row taken for the header; `more` when it has others. */
  headerNotFound: msg<{ file: string; first: readonly string[]; more: boolean; amount: readonly string[]; dueDate: readonly string[] }>({
    es: ({ file, first, more, amount, dueDate }) =>
      `${file}: no hay un encabezado reconocible; las primeras celdas son ${quoteListEs(first)}${more ? ', …' : ''}. ` +
      `La hoja necesita una fila de encabezado con al menos una columna de monto (${quoteListEs(amount)}) ` +
      `y una columna de fecha de vencimiento (${quoteListEs(dueDate)}); otros nombres se pueden indicar con --map amount="Encabezado" --map due="Encabezado".`,
    en: ({ file, first, more, amount, dueDate }) =>
      `${file}: no recognisable header; the first cells are ${quoteListEn(first)}${more ? ', …' : ''}. ` +
      `The sheet needs a header row with at least an amount column (${amount.join(', ')}) ` +
      `and a due date column (${dueDate.join(', ')}); other names can be given with --map amount="Header" --map due="Header".`,
  }),
  notifyColumnMissing: msg<{ file?: string; notify: string; needs: Needs; columns: readonly string[] }>({
    es: ({ file, notify, needs, columns }) =>
      `${file ?? 'La hoja'}: --notify ${notify} necesita ${NEEDS_ES[needs]}, y el archivo no tiene ninguna ` +
      `(columnas encontradas: ${columns.map((h) => `"${h}"`).join(', ')}). Agregue la columna, indíquela con --map, o ejecute sin --notify.`,
    en: ({ file, notify, needs, columns }) =>
      `${file ?? 'The sheet'}: --notify ${notify} needs ${NEEDS_EN[needs]} column, and the file has none ` +
      `(columns found: ${columns.map((h) => `"${h}"`).join(', ')}). Add the column, name it with --map, or run without --notify.`,
  }),
  templateUnknown: msg<{ template: string; unknown: readonly string[]; allowed: readonly string[] }>({
    es: ({ template, unknown, allowed }) =>
      `La plantilla "${template}" usa ${unknown.map((u) => `{${u}}`).join(', ')}, que no ${unknown.length > 1 ? 'se conocen' : 'se conoce'}; ` +
      `los marcadores aceptados son ${allowed.map((a) => `{${a}}`).join(', ')}.`,
    en: ({ template, unknown, allowed }) =>
      `The template "${template}" uses ${unknown.map((u) => `{${u}}`).join(', ')}, which ${unknown.length > 1 ? 'are' : 'is'} not known; ` +
      `placeholders are ${allowed.map((a) => `{${a}}`).join(', ')}.`,
  }),
} as const;
