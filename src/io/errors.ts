/**
 * Errors about files: the input cannot be read, or the output cannot be
 * written. Every message names the file, and where it applies the row and the
 * column, and says what would be accepted. The CLI turns these into exit code 2.
 */
import { PaylinksError } from '../errors.js';

export type FileErrorCode =
  | 'FILE_NOT_FOUND'
  /** The file exists but cannot be read (permissions, locked by another program). */
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  /** An OLE2 container: a password-protected XLSX or an old .xls. */
  | 'FILE_ENCRYPTED'
  /** Not text and not a workbook (an image, an executable, random bytes). */
  | 'FILE_BINARY'
  /** Bytes that do not decode in the given or detected encoding. */
  | 'FILE_ENCODING'
  /** The CSV's structure is broken (unbalanced quotes, a cell over the size limit, too many columns). */
  | 'CSV_MALFORMED'
  /** The workbook is damaged or is not really an XLSX. */
  | 'XLSX_MALFORMED'
  | 'XLSX_NO_SHEETS'
  | 'XLSX_SHEET_NOT_FOUND'
  /** Several visible sheets look like billing sheets: the user must name one with --sheet. */
  | 'XLSX_SHEET_AMBIGUOUS'
  /** An OpenDocument spreadsheet (LibreOffice): refused with LibreOffice's Save As advice. */
  | 'FILE_IS_ODS'
  /** A web page (often saved with an .xls name by "export to Excel" buttons). */
  | 'FILE_IS_HTML'
  /** An Excel 2003 XML spreadsheet (often with an .xls name). */
  | 'FILE_IS_SPREADSHEETML_2003'
  | 'OUTPUT_UNWRITABLE'
  /** A journal line other than the last is not valid JSON: the journal was edited or damaged. */
  | 'JOURNAL_CORRUPT';

export interface FileErrorDetails {
  row?: number;
  column?: string;
  cause?: unknown;
}

export class FileError extends PaylinksError<FileErrorCode> {
  override readonly name = 'FileError';
  readonly file: string;
  readonly row?: number;
  readonly column?: string;

  constructor(code: FileErrorCode, file: string, message: string, details: FileErrorDetails = {}) {
    super(code, message, { cause: details.cause });
    this.file = file;
    this.row = details.row;
    this.column = details.column;
  }

  protected override safeFields(): Record<string, unknown> {
    return { file: this.file, row: this.row, column: this.column };
  }
}
