/**
 * Reading and rewriting a sheet that `paylinks issue` wrote: the input's
 * columns followed by the tool's columns (issue's, and reconcile's once it
 * has run). Reconcile and the webhook receiver both go through here, so they
 * read the same rows and write the same layout.
 *
 * Our own outputs neutralise cells that start with = + - @ (formula
 * injection); every text cell is read back through `unneutralise`, so a
 * rewrite escapes each cell exactly once, however many times it runs.
 */
import { parseLinkId } from '../../api/link-id.js';
import { openSheet } from '../../io/read/index.js';
import { createSheetWriter } from '../../io/write/index.js';
import { unneutralise } from '../../io/escape.js';
import type { CellValue, ReadOptions, SheetFormat, SheetInfo, WriteOptions } from '../../io/types.js';
import { parseDueDate, type DueDateResult } from '../rows/dates.js';
import { MappingError } from '../rows/mapping-error.js';
import { mapColumns } from '../rows/headers.js';
import { ISSUE_COLUMNS, planOutput, toolColumns, type OutputPlan } from '../output/sheet-plan.js';
import { columnKeyOf, indexColumns, LABEL_OF_STATE, sheetLangOf, stateLabelCell } from '../output/column-keys.js';
import { currentLang } from '../../i18n/current.js';
import { RECONCILE_COLUMNS, REISSUE_COLUMNS, reissueColumnOf, wasReissued } from './columns.js';
import { STATE_FILLS } from '../output/state-colours.js';
import { say } from '../../i18n/message.js';
import { reissue as reissueWords } from '../../i18n/messages/reissue.js';
import type { Field, Locale, RequestOptions } from '../types.js';
import { createRowPreparer } from '../rows/validate.js';

export interface IssuedSheetOptions {
  path: string;
  read?: Pick<ReadOptions, 'encoding' | 'delimiter' | 'sheet'>;
  overrides?: Partial<Record<Field, string>>;
  locale: Locale;
  /** Currency of rows without a currency column (as in issue). */
  currency: string;
  timeZone: string;
  /** How issue was told to read the sheet (--decimal, --date-order, --amount-unit), when it was. */
  reading?: Pick<RequestOptions, 'decimal' | 'dateOrder' | 'amountUnit'>;
}

/** One data row of an issued sheet. */
export interface IssuedRow {
  rowNumber: number;
  /** The cells as read, text unneutralised. */
  cells: CellValue[];
  /** As issue computed it: the reference column, or derived from the row's content. */
  reference: string;
  /** The bill's amount as the sheet says it (canonical decimal), when it parses. */
  amount?: string;
  currency: string;
  dueDate: DueDateResult;
  /** The link id, when the row has a usable one. */
  linkId?: number;
  /** The link_id cell as text, for messages when it is not a usable id. */
  linkIdText: string;
  /** The value of one of the tool's columns (issue's or reconcile's) as the sheet holds it; null if absent. */
  get(column: string): CellValue;
  /** The same, as trimmed text. */
  text(column: string): string;
}

export interface IssuedSheetWriter {
  /** Writes `row` with `updates` to the tool's columns; every other cell is kept as read. */
  /** Writes the row and returns its cells as written (for side outputs such as --split-by). */
  write(row: IssuedRow, updates: Readonly<Record<string, CellValue | undefined>>): Promise<CellValue[]>;
  /** How the sheet is written, so per-value files can be written the same way. */
  readonly options: WriteOptions;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export interface IssuedSheet {
  info: SheetInfo;
  rows: AsyncIterable<IssuedRow>;
  close(): Promise<void>;
  /** A writer for the updated sheet at `path` (default format: the sheet's own); `reissue` adds reissue's columns. */
  openWriter(path: string, format?: SheetFormat, options?: { reissue?: boolean }): Promise<IssuedSheetWriter>;
  /** The header of the reference column, when the sheet has one (else references are derived from the rows). */
  referenceHeader?: string;
}

const TOOL_COLUMNS = [...ISSUE_COLUMNS, ...RECONCILE_COLUMNS];
const TOOL_NAMES = new Set(TOOL_COLUMNS.map((c) => c.header));

/** The header of an issued sheet: a billing header, or any row naming `link_id` (in either language). */
export function isIssuedHeader(cells: CellValue[]): boolean {
  // Only link_id: the reader refuses a workbook where several sheets match, and the
  // Summary sheet issue writes beside "Links" (Estado, Filas, Monto, Moneda) reads like a billing header.
  return cells.some((c) => typeof c === 'string' && columnKeyOf(c) === 'link_id');
}

export async function openIssuedSheet(options: IssuedSheetOptions): Promise<IssuedSheet> {
  const source = await openSheet(options.path, { ...options.read, isHeader: isIssuedHeader });
  try {
    const header = source.info.header;
    const toolIndex = indexToolColumns(header);
    if (!toolIndex.has('link_id')) {
      throw new MappingError(
        'COLUMN_MISSING',
        options.path,
        `${options.path}: no link_id column, so this is not a sheet written by \`paylinks issue\`. Columns found: ${header.map((h) => `"${h}"`).join(', ')}. ` +
          'Reconcile the sheet that issue wrote (the one with link_state, link_id and link_url).',
      );
    }
    // The tool's own columns must not be taken for billing fields ("payer_name" reads like a payer name).
    const billingHeader = header.map((h, i) => ([...toolIndex.values()].includes(i) ? '' : h));
    const map = mapColumns(billingHeader, { file: options.path, overrides: options.overrides });
    const prepare = createRowPreparer(map, requestOptions(options), options.path);
    const dueIndex = map.fields.dueDate;

    async function* rows(): AsyncGenerator<IssuedRow> {
      for await (const raw of source.rows) {
        const cells = raw.cells.map((c) => (typeof c === 'string' ? unneutralise(c) : c));
        const prepared = prepare({ rowNumber: raw.rowNumber, cells });
        const get = (column: string): CellValue => {
          const index = toolIndex.get(column);
          return index === undefined ? null : (cells[index] ?? null);
        };
        const linkIdCell = get('link_id');
        // Raw for text cells (a stray space shows in messages), empty for a blank cell.
        const linkIdText = cellText(linkIdCell) === '' ? '' : typeof linkIdCell === 'string' ? linkIdCell : cellText(linkIdCell);
        // A reissued row's link is due when its new link expires, not on the date the bill first had.
        const dueDate = wasReissued(get('reissue_count'))
          ? dueOfExpiry(get('expires_at'))
          : parseDueDate(dueIndex === undefined ? null : (cells[dueIndex] ?? null), options.reading?.dateOrder ?? options.locale);
        yield {
          rowNumber: raw.rowNumber,
          cells,
          reference: prepared.reference,
          amount: prepared.amount,
          currency: prepared.currency ?? options.currency,
          dueDate,
          linkId: linkIdOf(linkIdCell, linkIdText),
          linkIdText,
          get,
          text: (column) => cellText(get(column)),
        };
      }
    }
    return {
      info: source.info,
      rows: rows(),
      close: () => source.close(),
      openWriter: (path, format, extra) => openWriter(source.info, path, format ?? source.info.format, extra?.reissue === true),
      referenceHeader: map.fields.reference === undefined ? undefined : header[map.fields.reference],
    };
  } catch (err) {
    await source.close();
    throw err;
  }
}

async function openWriter(info: SheetInfo, path: string, format: SheetFormat, reissue: boolean): Promise<IssuedSheetWriter> {
  // A sheet keeps the language its columns were written in; a Spanish one keeps each state's label current.
  const lang = sheetLangOf(info.header, currentLang());
  // Reissue's columns are written where the sheet has them (under whichever header), or when reissue asks.
  const present = new Set(info.header.map(reissueColumnOf));
  const reissueColumns = REISSUE_COLUMNS.filter((c) => reissue || present.has(c.header));
  const plan: OutputPlan = planOutput(info.header, toolColumns([...TOOL_COLUMNS, ...reissueColumns], lang));
  const names = [...TOOL_NAMES, ...reissueColumns.map((c) => c.header)];
  const options: WriteOptions = {
    format,
    columns: plan.columns,
    delimiter: info.delimiter ?? ',',
    sheetName: info.sheetName ?? 'Links',
    stateFill: STATE_FILLS,
  };
  const writer = await createSheetWriter(path, options);
  return {
    options,
    async write(row, updates) {
      const values: Record<string, CellValue | undefined> = {};
      for (const name of names) values[name] = name in updates ? updates[name] : row.get(name);
      for (const [state, label] of Object.entries(LABEL_OF_STATE)) values[label] = stateLabelCell(values[state], lang);
      const cells = plan.row(row.cells, values);
      await writer.writeRow(cells);
      return cells;
    },
    commit: () => writer.commit(),
    abort: () => writer.abort(),
  };
}

/** The tool's columns by key, whichever language the sheet's headers are in. */
function indexToolColumns(header: readonly string[]): Map<string, number> {
  return indexColumns(header) as Map<string, number>;
}

/** Only what the preparer needs to compute the reference and the amount as issue did. */
function requestOptions(options: IssuedSheetOptions): RequestOptions {
  return {
    locale: options.locale,
    ...options.reading,
    currency: options.currency,
    timeZone: options.timeZone,
    paymentExpiration: 15,
    paymentsAllowed: 1,
    descriptionTemplate: '{reference}',
    nameTemplate: '{name}',
    notify: [],
    now: new Date(0),
  };
}

/** A cell as trimmed text: numbers plainly, dates as YYYY-MM-DD[ HH:mm:ss]. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  return value.error;
}

/** The due date of a link from the expires_at the sheet holds (`YYYY-MM-DD[ HH:mm:ss]`, or a date cell). */
function dueOfExpiry(cell: CellValue): DueDateResult {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/.exec(cellText(cell));
  return match ? { ok: true, date: match[1] as string } : { ok: false, code: 'DUE_DATE_INVALID', reason: say(reissueWords.expiresAtUnreadable, { text: cellText(cell) }) };
}

/** The same strict parser as the webhook's: "0x3F3", "1e3" or "01010" is no link id. */
function linkIdOf(cell: CellValue, text: string): number | undefined {
  // A number cell is taken as a number (1010 written by issue); text must be digits only, untrimmed:
  // "1010 " was typed by a person, and the tool refuses to guess what they meant.
  const parsed = parseLinkId(typeof cell === 'number' || typeof cell === 'string' ? cell : text);
  return parsed.ok ? parsed.id : undefined;
}
