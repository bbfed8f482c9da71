/**
 * One file per distinct value of a column (a collector, a branch, a zone),
 * beside the full output, so each collector gets only their rows. Used by
 * `issue --split-by` and meant for `reconcile --split-by` too: the caller
 * streams its output rows through `write` with the state and amount of each,
 * and `commit` writes a manifest that a mail-merge or a script can follow.
 *
 * Rows stream straight into one open writer per value; nothing is held in
 * memory but each writer's small buffer. Past `maxFiles` distinct values the
 * split stops with a clear error (an open file per value does not scale to
 * a column of invoice numbers, which was surely not the column meant).
 *
 * File names come from the values through safeFileStem: accents kept, no
 * path traversal, no reserved names, no case-only collisions.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../../io/atomic.js';
import type { CellValue, ColumnSpec, SheetWriter, WriteOptions } from '../../io/types.js';
import { isCellError } from '../../io/types.js';
import { createSheetWriter } from '../../io/write/index.js';
import { MappingError } from '../rows/mapping-error.js';
import { normalizeHeader } from '../rows/headers.js';
import { words, type Lang } from './labels.js';
import { StagedFolder } from './staged-folder.js';
import { RunError } from '../run-error.js';
import { FileNamer, safeFileStem } from './safe-filename.js';
import { StateTally, type StateCount } from './state-tally.js';
import { summaryTable, type RunParameters } from './summary-tab.js';
import { say } from '../../i18n/message.js';
import { run as runText } from '../../i18n/messages/run.js';

export const DEFAULT_MAX_SPLIT_FILES = 500;
export const MANIFEST_CSV = '_manifest.csv';
export const MANIFEST_JSON = '_manifest.json';

export interface SplitOptions {
  /** The final folder, e.g. `out/links-by-cobrador`; built aside and swapped in on commit. */
  folder: string;
  /** The column's header, for messages and the manifest. */
  column: string;
  /** The same options as the full output (format, columns, delimiter, fills, formats). */
  write: WriteOptions;
  lang: Lang;
  maxFiles?: number;
  /** XLSX: each file's Summary sheet lists these run parameters. */
  run?: RunParameters;
}

/** What the caller knows of a row, for the per-file summaries. */
export interface SplitRowInfo {
  state: string;
  /** Canonical decimal amount, when the row's amount parsed. */
  amount?: string;
  currency?: string;
}

export interface ManifestEntry {
  /** The column's value as read (trimmed); '' for the blank bucket. */
  value: string;
  /** File name inside the folder. */
  file: string;
  rows: number;
  states: Record<string, StateCount>;
  /** All the file's rows' amounts, by currency. */
  amounts: Record<string, string>;
}

export interface SplitResult {
  folder: string;
  column: string;
  manifestCsv: string;
  manifestJson: string;
  files: ManifestEntry[];
}

interface Bucket {
  value: string;
  file: string;
  writer: SheetWriter;
  tally: StateTally;
}

/** The index of the column named `name` in `header` (compared like headers: case, accents, spacing). */
export function findSplitColumn(header: readonly string[], name: string, file: string): number {
  const wanted = normalizeHeader(name);
  const index = header.findIndex((h) => normalizeHeader(h) === wanted);
  if (index < 0) {
    throw new MappingError(
      'MAP_COLUMN_NOT_FOUND',
      file,
      say(runText.splitColumnMissing, { file, name, columns: header.map((h) => `"${h}"`).join(', ') }),
    );
  }
  return index;
}

export class SplitWriter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly namer: FileNamer;
  private done = false;

  private constructor(
    private readonly options: SplitOptions,
    private readonly staged: StagedFolder,
  ) {
    this.namer = new FileNamer(options.write.format === 'xlsx' ? '.xlsx' : '.csv');
    this.namer.reserve(MANIFEST_CSV);
    this.namer.reserve(MANIFEST_JSON);
  }

  static async open(options: SplitOptions): Promise<SplitWriter> {
    return new SplitWriter(options, await StagedFolder.create(options.folder));
  }

  get folder(): string {
    return this.staged.path;
  }

  async write(value: CellValue, cells: CellValue[], info: SplitRowInfo): Promise<void> {
    const bucket = await this.bucketFor(keyOf(value));
    await bucket.writer.writeRow(cells);
    bucket.tally.add(info.state, info.amount, info.currency);
  }

  async commit(): Promise<SplitResult> {
    this.done = true;
    const files: ManifestEntry[] = [];
    try {
      for (const bucket of this.buckets.values()) {
        bucket.writer.appendSheet?.(summaryTable(bucket.tally, this.options.lang, this.options.run));
        await bucket.writer.commit();
        const tally = bucket.tally.toJSON();
        files.push({ value: bucket.value, file: bucket.file, rows: tally.rows, states: tally.states, amounts: tally.amounts });
      }
      await this.writeManifests(files);
      await this.staged.commit();
    } catch (err) {
      await this.abortAll();
      throw err;
    }
    return {
      folder: this.staged.path,
      column: this.options.column,
      manifestCsv: join(this.staged.path, MANIFEST_CSV),
      manifestJson: join(this.staged.path, MANIFEST_JSON),
      files,
    };
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.abortAll();
  }

  private async abortAll(): Promise<void> {
    for (const bucket of this.buckets.values()) await bucket.writer.abort().catch(() => undefined);
    await this.staged.abort();
  }

  private async bucketFor(value: string): Promise<Bucket> {
    const existing = this.buckets.get(value);
    if (existing !== undefined) return existing;
    const max = this.options.maxFiles ?? DEFAULT_MAX_SPLIT_FILES;
    if (this.buckets.size >= max) {
      throw new RunError(
        'BAD_OPTION',
        say(runText.splitTooMany, { column: this.options.column, max }),
      );
    }
    const file = this.namer.claim(safeFileStem(value, words(this.options.lang).blank));
    const writer = await createSheetWriter(this.staged.file(file), this.options.write);
    const bucket: Bucket = { value, file, writer, tally: new StateTally() };
    this.buckets.set(value, bucket);
    return bucket;
  }

  /** `_manifest.csv` (one line per file, per-state rows and amounts) and `_manifest.json` (everything). */
  private async writeManifests(files: ManifestEntry[]): Promise<void> {
    const states = [...new Set(files.flatMap((f) => Object.keys(f.states)))];
    const columns: ColumnSpec[] = [
      { header: 'value' }, { header: 'file' }, { header: 'rows' },
      ...states.flatMap((s) => [{ header: s }, { header: `${s}_amount` }]),
      { header: 'amount' }, { header: 'currency' },
    ];
    const csv = await createSheetWriter(this.staged.file(MANIFEST_CSV), { format: 'csv', columns, delimiter: this.options.write.delimiter });
    try {
      for (const f of files) {
        const all = amountCells(f.amounts);
        const perState = states.flatMap((s) => {
          const count = f.states[s];
          return [count?.rows ?? 0, count === undefined ? '' : amountCells(count.amounts)[0]];
        });
        await csv.writeRow([f.value, f.file, f.rows, ...perState, all[0], all[1]]);
      }
      await csv.commit();
    } catch (err) {
      await csv.abort();
      throw err;
    }
    const json = { column: this.options.column, format: this.options.write.format, files };
    await writeFileAtomic(this.staged.file(MANIFEST_JSON), `${JSON.stringify(json, null, 2)}\n`);
  }
}

/**
 * An amount cell for the manifest: the plain decimal when the file has one
 * currency (what a script wants), "COP 100 + USD 5" when it mixes several.
 */
function amountCells(amounts: Record<string, string>): [string, string] {
  const entries = Object.entries(amounts);
  if (entries.length === 0) return ['', ''];
  if (entries.length === 1) return [entries[0]?.[1] ?? '', entries[0]?.[0] ?? ''];
  return [entries.map(([c, a]) => `${c} ${a}`).join(' + '), entries.map(([c]) => c).join(' ')];
}

/** The grouping key of a cell: its text as a person reads it, trimmed, in one Unicode form. */
export function keyOf(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim().normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.error;
  return String(value);
}
