/**
 * One pass over the input: read, find the columns, and validate every row.
 * Every pass of a run (the resume check, sending, writing the output) goes
 * through here, so they all see exactly the same rows, references and errors.
 */
import { openSheet } from '../../io/read/index.js';
import type { ReadOptions, SheetInfo } from '../../io/types.js';
import { isHeaderRow, mapColumns } from './headers.js';
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

/** A reader's note for the person running the command: about the sheet, or about one row. */
export type ReaderNoteSink = (note: { message: string; rowNumber?: number }) => void;

/** `onReaderNote` gets the reader's notes (a hidden sheet read, garbled text): pass it on one pass only, so each is told once. */
export async function openPrepared(input: InputOptions, request: RequestOptions, onReaderNote?: ReaderNoteSink): Promise<PreparedInput> {
  const source = await openSheet(input.path, { ...input.read, isHeader: isHeaderRow });
  for (const message of source.info.notes ?? []) onReaderNote?.({ message });
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
    for await (const raw of source.rows) {
      for (const message of raw.warnings ?? []) onReaderNote?.({ message, rowNumber: raw.rowNumber });
      yield prepare(raw);
    }
  }
  return { info: source.info, map, rows: rows(), close: () => source.close() };
}
