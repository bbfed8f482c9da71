/**
 * Reading sheets in tests: every row of a sheet, and the FileError a read
 * is expected to end with.
 */
import { expect } from 'vitest';
import { FileError } from '../../src/io/errors.js';
import { openSheet } from '../../src/io/read/index.js';
import type { RawRow, ReadOptions, SheetSource } from '../../src/io/types.js';

export async function readAll(path: string, options?: ReadOptions): Promise<{ source: SheetSource; rows: RawRow[] }> {
  const source = await openSheet(path, options);
  const rows: RawRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return { source, rows };
}

export async function failure(run: () => Promise<unknown>): Promise<FileError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(FileError);
    return err as FileError;
  }
  throw new Error('expected a FileError');
}
