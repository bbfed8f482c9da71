/**
 * One pass over the input: read, find the columns, and validate every row.
 * Every pass of a run (the resume check, sending, writing the output) goes
 * through here, so they all see exactly the same rows, references and errors.
 */
import { openSheet } from '../../io/read/index.js';
import type { RawRow, ReadOptions, SheetInfo } from '../../io/types.js';
import { mapColumns } from './headers.js';
import { checkAboveHeader, checkRowUnderHeader, headerTest } from './header-choice.js';
import { readAmountHeader } from './header-notes.js';
import type { ColumnMap, Field, PreparedRow, RequestOptions } from '../types.js';
import { createRowPreparer } from './validate.js';

export interface InputOptions {
  path: string;
  read: Pick<ReadOptions, 'encoding' | 'delimiter' | 'sheet'>;
  overrides?: Partial<Record<Field, string>>;
}

export interface PreparedInput {
  info: SheetInfo;
  map: ColumnMap;
  /** The run's currency: the one the amount header names ("Valor (USD)"), else --currency. */
  currency: string;
  rows: AsyncIterable<PreparedRow>;
  close(): Promise<void>;
}

/** A reader's note about the sheet for the person running the command. */
export type ReaderNoteSink = (note: { message: string }) => void;

/** `onReaderNote` gets the reader's notes about the sheet (a hidden sheet read): pass it on one pass only, so each is told once. */
export async function openPrepared(input: InputOptions, request: RequestOptions, onReaderNote?: ReaderNoteSink): Promise<PreparedInput> {
  const source = await openSheet(input.path, { ...input.read, isHeader: headerTest });
  for (const message of source.info.notes ?? []) onReaderNote?.({ message });
  let map: ColumnMap;
  let prepare: ReturnType<typeof createRowPreparer>;
  const reader = source.rows[Symbol.asyncIterator]();
  let first: IteratorResult<RawRow> | undefined;
  try {
    // One table per sheet: a second header or a bill above the chosen header refuses the sheet (header-choice.ts).
    checkAboveHeader(source.info, source.above ?? []);
    map = mapColumns(source.info.header, { file: input.path, overrides: input.overrides });
    // A unit in the amount header (or --amount-unit) is judged with the first row in view: when that
    // cell's format already scales it (`#,##0,` under "Valor (miles)"), --amount-unit must not be advised.
    const amountHeader = map.fields.amount === undefined ? undefined : map.header[map.fields.amount];
    if ((amountHeader !== undefined && readAmountHeader(amountHeader).unit !== undefined) || request.amountUnit !== undefined) first = await reader.next();
    prepare = createRowPreparer(map, request, input.path, source.info, first?.done === false ? first.value : undefined);
  } catch (err) {
    await source.close();
    throw err;
  }
  async function* rows(): AsyncGenerator<PreparedRow> {
    // A row's own reader notes (garbled text) travel on the prepared row, and the write pass
    // tells the first few; only notes about the whole sheet are told here.
    // A header again under the header (a second table, or one repeated by an ERP) refuses the
    // sheet. Every pass reads the whole sheet before anything is sent (the check pass of a real
    // run; a dry run writes nothing when its pass throws), so this refusal comes before any link.
    const checked = (raw: RawRow): PreparedRow => {
      const row = prepare(raw);
      if (row.errors.length > 0 || row.skip !== undefined) checkRowUnderHeader(source.info, raw);
      return row;
    };
    if (first !== undefined) {
      if (first.done === true) return;
      yield checked(first.value);
    }
    // The same reader goes on after the peeked row; `for await` still ends it when the caller stops early.
    for await (const raw of { [Symbol.asyncIterator]: () => reader }) yield checked(raw);
  }
  const amountHeader = map.fields.amount === undefined ? undefined : map.header[map.fields.amount];
  const currency = (amountHeader === undefined ? undefined : readAmountHeader(amountHeader).currency) ?? request.currency;
  return { info: source.info, map, currency, rows: rows(), close: () => source.close() };
}
