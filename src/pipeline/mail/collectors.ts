/**
 * The collectors file (`--collectors`): who gets which file. A CSV or XLSX,
 * read through the project's readers (encodings, delimiters, title lines,
 * sheets), with a column for the collector (the split column's own header,
 * or cobrador / collector …) and one or more address columns (correo /
 * email …). A collector may have several addresses: in one cell separated
 * by `;` or `,`, in several address columns, or on several rows.
 *
 * Values are compared the way `--split-by` groups them (trimmed, one Unicode
 * form, exact case): a file for "Ana Gómez" never goes to "ana gómez",
 * which the split keeps apart. A near miss is only named as advice.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { openSheet } from '../../io/read/index.js';
import type { CellValue } from '../../io/types.js';
import { keyOf } from '../output/split.js';
import { normalizeHeader } from '../rows/headers.js';
import { validateEmail } from '../rows/contact.js';
import { MappingError } from '../rows/mapping-error.js';
import { say } from '../../i18n/message.js';
import { mail } from '../../i18n/messages/mail.js';

export const COLLECTOR_HEADERS = ['cobrador', 'cobradora', 'collector', 'gestor', 'gestor de cobro', 'asesor', 'vendedor', 'agent'];
export const EMAIL_HEADERS = [
  'correo', 'correos', 'email', 'emails', 'e-mail', 'e-mails', 'mail', 'correo electronico', 'correos electronicos',
  'email address', 'direccion de correo',
];

/** The reasons, from the catalogue (i18n/messages/mail.ts), rendered in the run's language when used. */
const messages = {
  get stray(): string {
    return say(mail.stray);
  },
};

export interface Collector {
  value: string;
  /** Distinct valid addresses, in the order first seen. */
  addresses: string[];
}

/** A cell or address that cannot be used, with where it is. */
export interface AddressProblem {
  value: string;
  row: number;
  column: string;
  text: string;
  reason: string;
}

export interface CollectorsFile {
  path: string;
  collectorColumn: string;
  emailColumns: string[];
  collectors: Map<string, Collector>;
  problems: AddressProblem[];
}

interface Columns {
  collector: number;
  emails: number[];
  /** Cells past the header's last column have no header: an address there was split off by the delimiter. */
  width: number;
}

/** The collector and address columns of a header row, if it has both. */
export function findColumns(header: readonly CellValue[], splitColumn: string): Columns | undefined {
  const names = header.map((h) => normalizeHeader(typeof h === 'string' ? h : String(h ?? '')));
  const wanted = new Set([normalizeHeader(splitColumn), ...COLLECTOR_HEADERS.map(normalizeHeader)]);
  // The split column's own header wins over a synonym elsewhere in the row.
  const exact = names.indexOf(normalizeHeader(splitColumn));
  const collector = exact >= 0 ? exact : names.findIndex((n) => wanted.has(n));
  const emailSet = new Set(EMAIL_HEADERS.map(normalizeHeader));
  // "Correo 2", "Email 3": further address columns.
  const emails = names.flatMap((n, i) => (i !== collector && emailSet.has(n.replace(/ \d+$/, '')) ? [i] : []));
  return collector < 0 || emails.length === 0 ? undefined : { collector, emails, width: header.length };
}

export async function readCollectors(path: string, splitColumn: string): Promise<CollectorsFile> {
  const source = await openSheet(path, { isHeader: (cells) => findColumns(cells, splitColumn) !== undefined });
  try {
    const columns = findColumns(source.info.header, splitColumn);
    if (columns === undefined) {
      throw new MappingError(
        'HEADER_NOT_FOUND',
        path,
        say(mail.collectorsNoHeader, { path, column: splitColumn, found: source.info.header.map((h) => `"${h}"`).join(', ') }),
      );
    }
    const file: CollectorsFile = {
      path,
      collectorColumn: source.info.header[columns.collector] ?? splitColumn,
      emailColumns: columns.emails.map((i) => source.info.header[i] ?? ''),
      collectors: new Map(),
      problems: [],
    };
    for await (const row of source.rows) addRow(file, columns, row.rowNumber, row.cells);
    return file;
  } finally {
    await source.close();
  }
}

function addRow(file: CollectorsFile, columns: Columns, rowNumber: number, cells: CellValue[]): void {
  const value = keyOf(cells[columns.collector] ?? null);
  const texts = columns.emails.map((i) => ({ column: file.emailColumns[columns.emails.indexOf(i)] ?? '', text: keyOf(cells[i] ?? null) }));
  if (value === '' && texts.every((t) => t.text === '')) return;
  let collector = file.collectors.get(value);
  if (collector === undefined) {
    collector = { value, addresses: [] };
    file.collectors.set(value, collector);
  }
  for (const { column, text } of texts) {
    if (text === '') continue;
    const parsed = parseAddresses(text);
    for (const problem of parsed.problems) file.problems.push({ value, row: rowNumber, column, text: problem.text, reason: problem.reason });
    for (const address of parsed.addresses) {
      if (!collector.addresses.some((a) => a.toLowerCase() === address.toLowerCase())) collector.addresses.push(address);
    }
  }
  for (let i = columns.width; i < cells.length; i += 1) {
    const stray = keyOf(cells[i] ?? null);
    if (stray.includes('@')) {
      file.problems.push({ value, row: rowNumber, column: `#${i + 1}`, text: stray, reason: messages.stray });
    }
  }
  if (value === '') {
    file.problems.push({ value, row: rowNumber, column: file.collectorColumn, text: '', reason: say(mail.noCollector) });
  }
}

/** The addresses in one cell: `a@x.co; b@y.co`, `Ana <a@x.co>, b@y.co`. */
export function parseAddresses(text: string): { addresses: string[]; problems: Array<{ text: string; reason: string }> } {
  const addresses: string[] = [];
  const problems: Array<{ text: string; reason: string }> = [];
  for (const item of addressparser(text)) {
    if ('group' in item && item.group !== undefined) {
      problems.push({ text: item.name, reason: say(mail.group) });
      continue;
    }
    const address = ('address' in item ? item.address : '') ?? '';
    const name = item.name ?? '';
    if (name.includes('@')) {
      problems.push({ text: `${address} ${name}`.trim(), reason: say(mail.several) });
      continue;
    }
    if (address === '') {
      problems.push({ text: name, reason: say(mail.notAddress) });
      continue;
    }
    const checked = validateEmail(address);
    if (checked.ok) addresses.push(checked.value);
    else problems.push({ text: address, reason: say(mail.notAddressSpaces) });
  }
  return { addresses, problems };
}

/** A collector of the file whose value differs from `value` only in case, accents or spacing: advice, never a match. */
export function nearMiss(file: CollectorsFile, value: string): string | undefined {
  const wanted = normalizeHeader(value);
  if (wanted === '') return undefined;
  for (const candidate of file.collectors.keys()) if (normalizeHeader(candidate) === wanted) return candidate;
  return undefined;
}
