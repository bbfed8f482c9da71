/**
 * Finding the header row. Billing sheets often start with a title, a date or
 * the company name above the real header; the pipeline knows what a header
 * looks like (`isHeader`), the readers only look for it.
 */
import type { CellValue, RawRow } from '../types.js';
import { isCellError } from '../types.js';

/** Non-blank rows looked at before giving up on `isHeader`. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderScan {
  header: RawRow;
  /** Rows read after the header while scanning: the first data rows. */
  after: RawRow[];
  /** Rows read above the header (titles, notes, or another table): the pipeline judges them. */
  above: RawRow[];
  /** True when `isHeader` accepted the header (false when it fell back to the first row). */
  matched: boolean;
}

/** A row is blank when every cell is empty or only whitespace. */
export function isBlankRow(cells: readonly CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null || cell === undefined) continue;
    if (typeof cell !== 'string') return false;
    // Most cells start with a visible character: decide without allocating.
    if (cell.length > 0 && (cell.charCodeAt(0) > 32 || cell.trim() !== '')) return false;
  }
  return true;
}

/**
 * Scores a header candidate from its cells and the rows read under it (0:
 * not a header). The pipeline attaches one to its `isHeader` test, so the
 * readers keep their simple predicate while the choice is made on evidence.
 */
export type HeaderScorer = (cells: readonly CellValue[], below: readonly RawRow[]) => number;

/** `ReadOptions.isHeader`, optionally carrying a scorer. */
export type HeaderTest = ((cells: CellValue[]) => boolean) & { score?: HeaderScorer };

/**
 * Finds the header among the first non-blank rows of `rows`. Without
 * `isHeader`, the first row. With a plain predicate, the first row it
 * accepts. With a scorer attached, the first HEADER_SCAN_ROWS rows are read
 * and the best-scoring candidate wins (the earliest on a tie): a title block
 * whose labels name fields never beats the table's own header. The rows
 * above the winner are returned, not dropped: whether they are harmless
 * titles or a second table that must refuse the sheet is the pipeline's
 * call (see header-choice.ts `checkAboveHeader`). When nothing
 * matches, the first row is the header (`matched` false). Undefined when
 * there is no non-blank row at all.
 */
export async function scanHeader(rows: AsyncIterator<RawRow>, isHeader?: HeaderTest): Promise<HeaderScan | undefined> {
  const seen: RawRow[] = [];
  const score = isHeader?.score;
  while (seen.length < HEADER_SCAN_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    const row = next.value;
    if (isHeader === undefined) return { header: row, after: [], above: [], matched: false };
    if (score === undefined && isHeader(row.cells)) return { header: row, after: [], above: seen.slice(), matched: true };
    seen.push(row);
  }
  if (score !== undefined) {
    let best = -1;
    let bestScore = 0;
    seen.forEach((row, i) => {
      const s = score(row.cells, seen.slice(i + 1));
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    if (best >= 0) return { header: seen[best]!, after: seen.slice(best + 1), above: seen.slice(0, best), matched: true };
  }
  const [first, ...after] = seen;
  return first === undefined ? undefined : { header: first, after, above: [], matched: false };
}

/** The header cells as trimmed text (an Excel header may hold a number or a date). */
export function headerText(cells: readonly CellValue[]): string[] {
  return cells.map((cell) => {
    if (cell === null || cell === undefined) return '';
    if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
    if (isCellError(cell)) return cell.error;
    return String(cell).trim();
  });
}

/**
 * The data rows: those already read during the scan, then the rest of
 * `rows`. No extra async layer per row: after the buffered ones, `next()` is
 * the underlying iterator's. `release` runs when the caller stops early.
 */
export function rowsAfter(buffered: RawRow[], rows: AsyncIterator<RawRow>, release: () => Promise<void>): AsyncIterable<RawRow> {
  let index = 0;
  const iterator: AsyncIterator<RawRow> = {
    next: () => (index < buffered.length ? Promise.resolve({ value: buffered[index++]!, done: false }) : rows.next()),
    return: async () => {
      await release();
      return { value: undefined, done: true };
    },
  };
  return { [Symbol.asyncIterator]: () => iterator };
}
