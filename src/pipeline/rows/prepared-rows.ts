/**
 * One pass over the input: read, find the columns, and validate every row.
 * Every pass of a run (the resume check, sending, writing the output) goes
 * through here, so they all see exactly the same rows, references and errors.
 */
import { openSheet } from '../../io/read/index.js';
import type { ReadOptions, SheetInfo } from '../../io/types.js';
import { mapColumns } from './headers.js';
import { headerTest } from './header-choice.js';
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

export async function openPrepared(input: InputOptions, request: RequestOptions): Promise<PreparedInput> {
  const source = await openSheet(input.path, { ...input.read, isHeader: headerTest });
  let map: ColumnMap;
  let prepare: ReturnType<typeof createRowPreparer>;
  try {
    map = mapColumns(source.info.header, { file: input.path, overrides: input.overrides });
    prepare = createRowPreparer(map, request, input.path);
  } catch (err) {
    await source.close();
    throw err;
  }
  async function* rows(): AsyncGenerator<PreparedRow> {
    for await (const raw of source.rows) yield prepare(raw);
  }
  const amountHeader = map.fields.amount === undefined ? undefined : map.header[map.fields.amount];
  const currency = (amountHeader === undefined ? undefined : readAmountHeader(amountHeader).currency) ?? request.currency;
  return { info: source.info, map, currency, rows: rows(), close: () => source.close() };
}
