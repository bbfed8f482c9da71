/**
 * One pass over the input: read, find the columns, and validate every row.
 * Every pass of a run (the resume check, sending, writing the output) goes
 * through here, so they all see exactly the same rows, references and errors.
 */
import { openSheet } from '../../io/read/index.js';
import type { ReadOptions, SheetInfo } from '../../io/types.js';
import { mapColumns } from './headers.js';
import { headerTest } from './header-choice.js';
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
  return { info: source.info, map, rows: rows(), close: () => source.close() };
}
