/**
 * Header → field mapping. Real billing sheets are exported by people: headers
 * come in Spanish or English, with or without accents, with odd spacing,
 * underscores, a unit in parentheses or a `*` marking a required column.
 * Every header is normalised the same way and looked up in a synonym table;
 * `--map field=Header` overrides the guess.
 */
import type { CellValue } from '../../io/types.js';
import { MappingError } from './mapping-error.js';
import { FIELDS, type ColumnMap, type Field } from '../types.js';
import { say } from '../../i18n/message.js';
import { mapping as M } from '../../i18n/messages/mapping.js';

/** What people write, as they write it (accents kept for messages); looked up normalised. */
export const SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  name: [
    'name', 'payer', 'payer name', 'customer', 'customer name', 'full name',
    'nombre', 'nombre del pagador', 'pagador', 'cliente', 'nombre cliente', 'nombre del cliente',
    'nombre completo', 'razón social',
  ],
  amount: [
    'amount', 'total', 'value', 'amount due', 'total amount',
    'monto', 'valor', 'valor a pagar', 'valor total', 'importe', 'total a pagar', 'monto a pagar',
  ],
  dueDate: [
    'due date', 'due', 'expiration', 'expiration date', 'expiry date', 'pay by',
    'fecha de vencimiento', 'fecha vencimiento', 'vencimiento', 'vence', 'fecha límite',
    'fecha límite de pago', 'fecha de expiración',
  ],
  reference: [
    'reference', 'ref', 'reference number', 'invoice', 'invoice number', 'invoice no',
    'referencia', 'referencia de pago', 'factura', 'número de factura', 'numero factura',
    'no. factura', 'no. de factura', 'nro. factura', 'num. factura', 'n° factura',
  ],
  email: ['email', 'e-mail', 'email address', 'mail', 'correo', 'correo electrónico', 'e-mail address'],
  phone: [
    'phone', 'phone number', 'mobile', 'mobile number', 'cell phone',
    'teléfono', 'celular', 'móvil', 'teléfono móvil', 'número de celular', 'whatsapp',
  ],
  description: ['description', 'concept', 'detail', 'descripción', 'concepto', 'detalle'],
  currency: ['currency', 'moneda', 'divisa'],
};

/** `--map` accepts the field names and a few spellings people reach for. */
const FIELD_ALIASES: Readonly<Record<string, Field>> = {
  name: 'name', payer: 'name',
  amount: 'amount', total: 'amount', value: 'amount',
  duedate: 'dueDate', due: 'dueDate', expiration: 'dueDate',
  reference: 'reference', ref: 'reference', invoice: 'reference',
  email: 'email', mail: 'email',
  phone: 'phone', mobile: 'phone',
  description: 'description', desc: 'description',
  currency: 'currency',
};

const REQUIRED: readonly Field[] = ['amount', 'dueDate'];
const COMBINING_MARKS = /\p{M}/gu;
const SEPARATORS = /[_\-.:#°º\s]+/g;

/** The form every header and synonym is compared in: "  Fecha de   Vencimiento " → "fecha de vencimiento". */
export function normalizeHeader(text: string): string {
  return stripTrailingNotes(text)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SEPARATORS, ' ')
    .trim();
}

// A currency or unit written after the name: "Valor US$", "Valor USD", "Valor €", "Valor en miles de pesos".
// Anchored at the end and bounded, so a long cell cannot make them backtrack.
const TRAILING_CURRENCY = /(?:^|[\s:])(?:us\s?\$|col\s?\$|\$|€|usd|cop|eur)$/i;
const TRAILING_UNIT = /\s(?:en\s)?(?:miles|millones|thousands|millions)(?:\sde\s(?:pesos|d[oó]lares))?$/i;
const MAX_NOTE_SCAN = 200;

/**
 * Drops a required-column marker or a unit/currency note at the end:
 * "Valor (COP) *" → "Valor", "Valor US$" → "Valor". A loop rather than one
 * regex, which would backtrack quadratically on a long cell of spaces. The
 * notes are read, never lost: see header-notes.ts.
 */
function stripTrailingNotes(text: string): string {
  return splitTrailingNotes(text).name;
}

/**
 * A header's name and the notes written after it, as written: "Valor (x1000) *"
 * → "Valor" and ["x1000"]; "Valor US$" → "Valor" and ["US$"]. The notes are
 * what the name lookup ignores, so whoever reads the column must read them
 * (header-notes.ts): a note is understood, known harmless, or refused.
 */
export function splitTrailingNotes(text: string): { name: string; notes: string[] } {
  const notes: string[] = [];
  let t = text.trimEnd();
  for (;;) {
    if (t.endsWith('*')) {
      t = t.slice(0, -1).trimEnd();
      continue;
    }
    const open = t.endsWith(')') ? t.lastIndexOf('(') : -1;
    if (open < 0 || t.lastIndexOf(')', t.length - 2) > open) break;
    notes.unshift(t.slice(open + 1, -1).trim());
    t = t.slice(0, open).trimEnd();
  }
  if (t.length > MAX_NOTE_SCAN) return { name: t, notes };
  const note = TRAILING_CURRENCY.exec(t) ?? TRAILING_UNIT.exec(t);
  if (note === null || note.index === 0) return { name: t, notes };
  notes.unshift(note[0].replace(/^:/, '').trim());
  return { name: t.slice(0, note.index).trimEnd(), notes };
}

const LOOKUP: ReadonlyMap<string, Field> = buildLookup();

function buildLookup(): Map<string, Field> {
  const lookup = new Map<string, Field>();
  for (const field of FIELDS) {
    for (const synonym of SYNONYMS[field]) lookup.set(normalizeHeader(synonym), field);
  }
  return lookup;
}

/** The field a header names, if it is a recognised synonym. */
export function fieldOfHeader(text: string): Field | undefined {
  return LOOKUP.get(normalizeHeader(text));
}

/**
 * True when a row looks like the header of a billing sheet: at least two
 * cells name different fields, one of them the amount or the due date. The
 * readers use it to skip title rows and pick the sheet.
 */
export function isHeaderRow(cells: CellValue[]): boolean {
  const seen = new Set<Field>();
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const field = fieldOfHeader(cell);
    if (field !== undefined) seen.add(field);
  }
  return seen.size >= 2 && (seen.has('amount') || seen.has('dueDate'));
}

/** Reads `--map field=Header` flags. */
export function parseMapFlags(specs: string[]): Partial<Record<Field, string>> {
  const result: Partial<Record<Field, string>> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const key = eq < 0 ? '' : spec.slice(0, eq).replace(/[\s_-]/g, '').toLowerCase();
    const header = eq < 0 ? '' : spec.slice(eq + 1).trim();
    const field = FIELD_ALIASES[key];
    if (eq < 0 || header === '' || field === undefined) {
      throw new MappingError('MAP_INVALID', undefined, say(M.mapNotUnderstood, { spec, fields: FIELDS }));
    }
    const first = result[field];
    if (first !== undefined) throw new MappingError('MAP_INVALID', undefined, say(M.mapTwice, { field, first, second: header }));
    result[field] = header;
  }
  return result;
}

export interface MapColumnsOptions {
  file: string;
  overrides?: Partial<Record<Field, string>>;
}

/** Decides which column holds each field, or explains why it cannot. */
export function mapColumns(header: string[], options: MapColumnsOptions): ColumnMap {
  const normalized = header.map((h) => normalizeHeader(String(h ?? '')));
  const fields: Partial<Record<Field, number>> = {};
  const claimed = applyOverrides(header, normalized, options, fields);

  const candidates = new Map<Field, number[]>();
  normalized.forEach((text, index) => {
    const field = LOOKUP.get(text);
    if (field === undefined || claimed.has(index) || fields[field] !== undefined) return;
    const list = candidates.get(field);
    if (list === undefined) candidates.set(field, [index]);
    else list.push(index);
  });

  for (const [field, indexes] of candidates) {
    if (indexes.length > 1) throw conflict(options.file, header, normalized, field, indexes);
    fields[field] = indexes[0];
  }

  const missing = REQUIRED.filter((f) => fields[f] === undefined);
  if (missing.length > 0) {
    const anyKnown = Object.keys(fields).length > 0;
    throw anyKnown ? columnMissing(options.file, header, missing) : headerNotFound(options.file, header);
  }
  return { header: [...header], fields };
}

function applyOverrides(
  header: string[],
  normalized: string[],
  options: MapColumnsOptions,
  fields: Partial<Record<Field, number>>,
): Set<number> {
  const claimed = new Set<number>();
  for (const field of FIELDS) {
    const wanted = options.overrides?.[field];
    if (wanted === undefined) continue;
    const target = normalizeHeader(wanted);
    const indexes = normalized.flatMap((text, i) => (text === target ? [i] : []));
    if (indexes.length === 0) {
      throw new MappingError('MAP_COLUMN_NOT_FOUND', options.file, say(M.mapColumnNotFound, { file: options.file, field, wanted, columns: header }));
    }
    if (indexes.length > 1) throw conflict(options.file, header, normalized, field, indexes);
    const index = indexes[0] as number;
    if (claimed.has(index)) {
      throw new MappingError('MAP_INVALID', options.file, say(M.mapColumnTwice, { file: options.file, column: header[index] ?? '' }));
    }
    claimed.add(index);
    fields[field] = index;
  }
  return claimed;
}

function conflict(file: string, header: string[], normalized: string[], field: Field, indexes: number[]): MappingError {
  const [first, second] = indexes as [number, number];
  const columns = indexes.map((i) => ({ header: String(header[i]), letter: columnLetter(i) }));
  if (normalized[first] === normalized[second]) {
    return new MappingError('HEADER_DUPLICATE', file, say(M.headerDuplicate, { file, header: String(header[first]), columns, field }));
  }
  return new MappingError('HEADER_AMBIGUOUS', file, say(M.headerAmbiguous, { file, columns, field }));
}

function columnMissing(file: string, header: string[], missing: Field[]): MappingError {
  return new MappingError(
    'COLUMN_MISSING',
    file,
    say(M.columnMissing, { file, missing: missing.map((field) => ({ field, accepted: SYNONYMS[field] })), columns: header }),
  );
}

function headerNotFound(file: string, header: string[]): MappingError {
  return new MappingError(
    'HEADER_NOT_FOUND',
    file,
    say(M.headerNotFound, { file, first: header.slice(0, 8), more: header.length > 8, amount: SYNONYMS.amount, dueDate: SYNONYMS.dueDate }),
  );
}

/** Excel's name for a 0-based column index: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
