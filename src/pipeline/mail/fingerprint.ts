/**
 * A collector file's fingerprint: what "this file changed" means for mail.
 *
 * Not the raw bytes: `reconcile` stamps `checked_at` on every row of every
 * run, and an XLSX carries the time it was written (in its zip entries and
 * its Summary sheet), so the bytes differ on every run even when no bill
 * changed, and a daily cron line would mail every collector every day. The
 * fingerprint is the SHA-256 of the file's rows as read (the first sheet of
 * a workbook), leaving out the `checked_at` column: it changes when a state,
 * an amount, a link or an error changes, and only then.
 */
import { createHash } from 'node:crypto';
import { FileError } from '../../io/errors.js';
import { openSheet } from '../../io/read/index.js';
import type { CellValue } from '../../io/types.js';
import { isCellError } from '../../io/types.js';
import { columnKeyOf } from '../output/column-keys.js';

/** Columns whose value is the time of a check, not a fact about the bill. */
export const VOLATILE_COLUMNS = ['checked_at'];

export type Fingerprint = { ok: true; sha256: string; rows: number } | { ok: false; code: 'FILE_EMPTY' | 'FILE_UNREADABLE'; message: string };

export async function fingerprintFile(path: string): Promise<Fingerprint> {
  let source;
  try {
    source = await openSheet(path, { sheet: 1 });
  } catch (err) {
    if (err instanceof FileError && err.code === 'FILE_EMPTY') return { ok: false, code: 'FILE_EMPTY', message: err.message };
    return { ok: false, code: 'FILE_UNREADABLE', message: err instanceof Error ? err.message : String(err) };
  }
  try {
    // By key, so a Spanish sheet's "Revisado el" is left out as its English "checked_at" is.
    const keep = source.info.header.map((h) => !VOLATILE_COLUMNS.includes(columnKeyOf(h) ?? h.trim().toLowerCase()));
    const hash = createHash('sha256');
    const line = (cells: readonly CellValue[]): void => {
      hash.update(`${JSON.stringify(cells.filter((_, i) => keep[i] ?? true).map(canonical))}\n`);
    };
    line(source.info.header);
    let rows = 0;
    for await (const row of source.rows) {
      rows += 1;
      line(row.cells);
    }
    return { ok: true, sha256: hash.digest('hex'), rows };
  } catch (err) {
    return { ok: false, code: 'FILE_UNREADABLE', message: err instanceof Error ? err.message : String(err) };
  } finally {
    await source.close();
  }
}

/** One form per value, whatever the format: a CSV's "1000" and an XLSX's 1000 differ, and that is fine (a file keeps its format). */
function canonical(value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (isCellError(value)) return `error:${value.error}`;
  return value;
}
