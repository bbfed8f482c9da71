/**
 * Streaming CSV reader: file → UTF-8 chunks (encoding.ts) → csv-parse →
 * RawRow. The file is never held in memory as a whole.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { FileError } from '../errors.js';
import type { RawRow, ReadOptions, SheetSource } from '../types.js';
import { delimiterOption, detectDelimiter } from './delimiter.js';
import { detectEncoding, encodingOption, Utf8Recoder, type EncodingGuess } from './encoding.js';
import { garbledWarnings } from './garbled.js';
import { headerText, isBlankRow, rowsAfter, scanHeader } from './header-scan.js';
import { fileSystemError, type FileHead } from './sniff.js';
import { say } from '../../i18n/message.js';
import { files } from '../../i18n/messages/files.js';

/** A cell may hold up to 1 MB of text; more is almost always a quote that never closes. */
export const MAX_CELL_CHARS = 1024 * 1024;
/** Columns read per row; billing sheets have tens. */
export const MAX_COLUMNS = 1000;

const READ_CHUNK_BYTES = 64 * 1024;

export async function openCsv(path: string, head: FileHead, options: ReadOptions): Promise<SheetSource> {
  const forced = options.encoding !== undefined && options.encoding.trim() !== '';
  const guess: EncodingGuess = forced ? { encoding: encodingOption(options.encoding!, path), provisional: false } : detectEncoding(head, path);
  const recoder = new Utf8Recoder(path, guess, forced);
  const delimiter = options.delimiter ? delimiterOption(options.delimiter) : detectDelimiter(sampleText(path, head, guess, forced), head.complete);

  const reading = startParsing(path, recoder, delimiter);
  const columns: Columns = {};
  const records = readRecords(path, reading.parser, columns);
  const close = async (): Promise<void> => {
    reading.stop();
    await records.return(undefined);
  };
  let scan;
  try {
    scan = await scanHeader(records, options.isHeader);
  } catch (err) {
    await close();
    throw err;
  }
  if (scan === undefined) {
    await close();
    throw new FileError('FILE_EMPTY', path, say(files.csvNoData, { path }));
  }
  const header = headerText(scan.header.cells);
  // Rows read while looking for the header are checked now that their columns have names.
  columns.header = header;
  for (const row of scan.after) noteGarbled(row, header);
  const info = {
    path,
    format: 'csv' as const,
    // A getter: a provisional encoding settles when the first accented byte shows up.
    get encoding() {
      return recoder.encoding;
    },
    delimiter,
    header,
    headerRowNumber: scan.header.rowNumber,
  };
  return { info, rows: rowsAfter(scan.after, records, close), above: scan.above, close };
}

/** The sample as text, for delimiter detection (its own recoder: the real one starts at byte 0). */
function sampleText(path: string, head: FileHead, guess: EncodingGuess, forced: boolean): string {
  const recoder = new Utf8Recoder(path, guess, forced);
  const text = recoder.push(head.sample);
  return (head.complete ? Buffer.concat([text, recoder.end()]) : text).toString('utf8');
}

interface Parsing {
  parser: AsyncIterable<string[]>;
  stop(): void;
}

function startParsing(path: string, recoder: Utf8Recoder, delimiter: string): Parsing {
  const source = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  const parser = parse({
    delimiter,
    relax_column_count: true,
    // Excel reads a stray quote inside an unquoted cell (`5" screen`) literally; so do we.
    relax_quotes: true,
    bom: false,
    skip_empty_lines: false,
    max_record_size: MAX_CELL_CHARS + 64 * 1024,
  });
  async function* recode(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      const out = recoder.push(chunk);
      if (out.length > 0) yield out;
    }
    const tail = recoder.end();
    if (tail.length > 0) yield tail;
  }
  // Errors of every stage reach the parser, whose iteration rethrows them.
  pipeline(source, recode, parser, () => {});
  return {
    parser,
    stop: () => {
      source.destroy();
      parser.destroy();
    },
  };
}

/** The header's names once known, to name the column in a row's warnings. */
interface Columns {
  header?: string[];
}

function noteGarbled(row: RawRow, header: readonly string[]): void {
  const warnings = garbledWarnings(row.rowNumber, row.cells, header);
  if (warnings !== undefined) row.warnings = warnings;
}

/** Non-blank records as RawRows, numbered as Excel numbers them (a blank line is a row). */
async function* readRecords(path: string, parser: AsyncIterable<string[]>, columns: Columns): AsyncGenerator<RawRow> {
  let rowNumber = 0;
  try {
    for await (const cells of parser) {
      rowNumber++;
      if (cells.length > MAX_COLUMNS) {
        throw new FileError('CSV_MALFORMED', path, say(files.csvTooManyColumns, { path, row: rowNumber, count: cells.length, max: MAX_COLUMNS }), { row: rowNumber });
      }
      if (isBlankRow(cells)) continue;
      const row: RawRow = { rowNumber, cells };
      if (columns.header !== undefined) noteGarbled(row, columns.header);
      yield row;
    }
  } catch (err) {
    throw csvError(path, err, rowNumber + 1);
  }
}

function csvError(path: string, err: unknown, nextRow: number): FileError {
  if (err instanceof FileError) return err;
  if (!(err instanceof CsvError)) return fileSystemError(path, err);
  // `records` counts the records csv-parse finished, so the broken one is the next.
  const records: unknown = (err as CsvError & { records?: unknown }).records;
  const row = typeof records === 'number' ? records + 1 : nextRow;
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new FileError('CSV_MALFORMED', path, say(files.csvQuoteNotClosed, { path, row }), { row, cause: err });
    case 'CSV_MAX_RECORD_SIZE':
      return new FileError('CSV_MALFORMED', path, say(files.csvCellTooBig, { path, row }), { row, cause: err });
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new FileError('CSV_MALFORMED', path, say(files.csvTextAfterQuote, { path, row }), { row, cause: err });
    default:
      return new FileError('CSV_MALFORMED', path, say(files.csvInvalid, { path, row, detail: err.message }), { row, cause: err });
  }
}
