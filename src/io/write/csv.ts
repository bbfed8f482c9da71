/**
 * The CSV sheet writer: csv-stringify streaming into an atomic temporary file.
 *
 * Written for Excel: UTF-8 with a byte-order mark (without it Excel reads the
 * bytes as the local code page and mangles accents), CRLF line endings, the
 * input's delimiter (a `;` locale's Excel splits on `;`), and every text cell
 * neutralised against formula injection. Rows stream through; nothing but
 * csv-stringify's small buffer is held in memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify, type Stringifier } from 'csv-stringify';
import { createAtomicStream, flushAndCommit, outputError, type AtomicStream } from '../atomic.js';
import { neutraliseFormula } from '../escape.js';
import { isCellError, type CellValue, type SheetWriter, type WriteOptions } from '../types.js';

export async function createCsvWriter(path: string, options: WriteOptions): Promise<SheetWriter> {
  const delimiter = options.delimiter ?? ',';
  checkDelimiter(delimiter);
  const atomic = await createAtomicStream(path);
  const stringifier = stringify({
    delimiter,
    record_delimiter: '\r\n',
    bom: true,
    quote: '"',
    escape: '"',
    // csv-stringify quotes only the record delimiter itself (CRLF); a lone LF or CR
    // in a cell would split the row in Excel, so quote those too.
    quoted_match: /[\r\n]/,
  });
  // Errors reach the caller through writeRow/commit; the listener stops them crashing the process.
  let failure: unknown;
  stringifier.on('error', (err) => (failure ??= err));
  stringifier.pipe(atomic.stream);
  const writer = new CsvSheetWriter(atomic, stringifier, () => failure);
  await writer.writeRow(options.columns.map((c) => c.header));
  return writer;
}

class CsvSheetWriter implements SheetWriter {
  private done = false;

  constructor(
    private readonly atomic: AtomicStream,
    private readonly stringifier: Stringifier,
    private readonly failure: () => unknown,
  ) {}

  async writeRow(cells: CellValue[]): Promise<void> {
    this.assertOpen();
    this.throwIfFailed();
    if (!this.stringifier.write(cells.map(csvCellText))) {
      // Back-pressure: wait until the file has taken what is buffered, so a
      // 200,000-row output never piles up in memory.
      await drained(this.stringifier, this.atomic.stream);
      this.throwIfFailed();
    }
  }

  async commit(): Promise<void> {
    this.assertOpen();
    this.done = true;
    await flushAndCommit(this.atomic, async () => {
      this.throwIfFailed();
      const flushed = once(this.atomic.stream, 'finish');
      this.stringifier.end();
      await flushed;
    });
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.stringifier.unpipe(this.atomic.stream);
    this.stringifier.destroy();
    await this.atomic.abort();
  }

  private assertOpen(): void {
    if (this.done) throw new Error(`the CSV writer for ${this.atomic.path} is already committed or aborted`);
  }

  private throwIfFailed(): void {
    const err = this.failure() ?? this.atomic.stream.errored;
    if (err) throw outputError(this.atomic.path, err);
  }
}

/** Resolves when `source` can take more, or when `sink` fails (the caller then checks for the failure). */
function drained(source: Stringifier, sink: Writable): Promise<void> {
  // Plain listeners, removed by whichever fires: this runs every few rows of a large output.
  return new Promise((resolve) => {
    const done = (): void => {
      source.off('drain', done);
      sink.off('error', done);
      resolve();
    };
    source.once('drain', done);
    sink.once('error', done);
  });
}

/** A cell as CSV text, the way Excel will read it back. */
export function csvCellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return neutraliseFormula(value);
  if (typeof value === 'number') return plainDecimal(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (isCellError(value)) return neutraliseFormula(value.error);
  return neutraliseFormula(String(value));
}

/**
 * `YYYY-MM-DD`, or `YYYY-MM-DD HH:mm:ss` when there is a time part. The UTC
 * fields are the wall-clock fields: the readers build dates that way, so a
 * date read as 2025-03-31 is written as 2025-03-31 in any time zone.
 */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hasTime = d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() + d.getUTCMilliseconds() > 0;
  if (!hasTime) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A number as plain decimal text: `1e21` becomes `1000000000000000000000`, never exponent notation. */
export function plainDecimal(n: number): string {
  const text = String(n);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function checkDelimiter(delimiter: string): void {
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new RangeError(`CSV delimiter must be one character other than a quote or a line break; got ${JSON.stringify(delimiter)}`);
  }
}
