/**
 * Errors about the sheet as a whole: its header cannot be mapped to the
 * fields the tool needs, or a `--map` flag is malformed. Unlike row errors
 * (which mark one row INVALID and let the run go on), these stop the run
 * before anything is sent; the CLI turns them into exit code 2.
 */
import { PaylinksError } from '../../errors.js';

export type MappingErrorCode =
  /** No cell of the header is a recognised column name. */
  | 'HEADER_NOT_FOUND'
  /** Two different columns both look like the same field. */
  | 'HEADER_AMBIGUOUS'
  /** The same header text appears twice for a field the tool needs. */
  | 'HEADER_DUPLICATE'
  /** A required field (amount, due date, or a column a notify channel needs) has no column. */
  | 'COLUMN_MISSING'
  /** A `--map field=Header` flag cannot be read. */
  | 'MAP_INVALID'
  /** A `--map` flag names a header the file does not have. */
  | 'MAP_COLUMN_NOT_FOUND'
  /** The amount header notes a unit (miles, millones, thousands) that `--amount-unit` has not confirmed, or the two differ. */
  | 'HEADER_UNIT_UNCONFIRMED'
  /** The amount header names a currency other than `--currency`. */
  | 'HEADER_CURRENCY_CONFLICT'
  /** Two rows of the sheet are header rows: two tables (or a header repeated inside the data); paylinks reads one table per sheet. */
  | 'HEADER_TWICE'
  /** A row above the header reads like a bill (an amount and a due date in table form): it would be left out. */
  | 'DATA_ABOVE_HEADER'
  /** The amount header carries a note paylinks does not understand or cannot apply (cents, two currencies): never dropped. */
  | 'HEADER_NOTE_UNKNOWN'
  /** The due-date header writes a date order (mm/dd/aaaa) other than the one the run reads dates in. */
  | 'HEADER_DATE_ORDER_CONFLICT';

export class MappingError extends PaylinksError<MappingErrorCode> {
  override readonly name = 'MappingError';
  /** The input file, when the error is about one (a malformed flag is not). */
  readonly file: string | undefined;

  constructor(code: MappingErrorCode, file: string | undefined, message: string) {
    super(code, message);
    this.file = file;
  }

  protected override safeFields(): Record<string, unknown> {
    return { file: this.file };
  }
}

const MAX_QUOTED = 60;

/** A cell value as row-error messages show it: quoted, and cut short so one huge cell cannot flood a log. */
export function quoteValue(text: string): string {
  return text.length <= MAX_QUOTED ? `"${text}"` : `"${text.slice(0, MAX_QUOTED)}…"`;
}
