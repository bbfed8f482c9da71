/**
 * What the readers and writers exchange with the pipeline. `src/io` knows
 * files, nothing about Placetopay.
 */

/** A cell as read: CSV cells are always strings; XLSX cells keep their type. */
export type CellValue = string | number | boolean | Date | CellError | null;

/** An XLSX formula whose cached result is an error such as `#REF!`. */
export interface CellError {
  error: string;
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

export interface RawRow {
  /** 1-based row number as a person sees it in Excel (the header row included). */
  rowNumber: number;
  cells: CellValue[];
  /** The row is hidden in the sheet, by hand or by an autofilter (XLSX `<row hidden="1">`). */
  hidden?: boolean;
  /** The row is an Excel table's totals row (the table part says so). */
  tableTotal?: boolean;
  /** Per cell, parallel to `cells`: the number format of numeric and date cells (XLSX); absent when no cell has one. */
  formats?: (CellFormat | undefined)[];
  /** Reader notes about this row, e.g. text that decoded to unlikely characters. */
  warnings?: string[];
}

/** What a cell's number format says (XLSX). See src/io/read/number-format.ts. */
export interface CellFormat {
  /** The cell's number format code, e.g. `[$USD-409] #,##0.00`. */
  numFmt?: string;
  /** ISO 4217 read from the format (`USD`, `EUR`, `COP`); a bare `$` gives none and `dollarSign`. */
  currency?: string;
  /** The format shows a bare `$` (ambiguous: COP in es-CO, USD in en-US). */
  dollarSign?: boolean;
  /** The format shows a sign several currencies share (`Bs`: BOB or VES; `¥`: JPY or CNY): one of these. */
  currencyOneOf?: string[];
  /**
   * A currency sign the format shows that paylinks does not recognise
   * (`[$₭-454]`, `"X/."`), as written: a currency all the same, never "none".
   */
  unknownCurrency?: string;
  /**
   * What the format multiplies the number by for display, when not 1:
   * 0.001 for `#,##0,` (1250000 shows 1,250), 0.000001 for `#,##0,,`, 100
   * for `0%`. Such a cell shows another amount than it holds.
   */
  scale?: number;
  /** The number format is a date/time format. */
  isDate?: boolean;
  /**
   * The text the format displays for the number, when it can be computed:
   * 119399.84 with `#,##0` → `119,400`. Separators are the format code's own
   * (`,` thousands, `.` decimals: Excel under en-US); Excel under es-CO shows
   * the same digits as `119.400`.
   */
  displayed?: string;
  /** Decimals the format shows. */
  displayDecimals?: number;
}

export type SheetFormat = 'csv' | 'xlsx';

export interface ReadOptions {
  /** Forced text encoding for CSV (`utf-8`, `windows-1252`, `latin1`, `utf-16le`, `cp850`, `macroman`); detected otherwise. */
  encoding?: string;
  /** Forced CSV delimiter; detected among `,` `;` tab otherwise. */
  delimiter?: string;
  /**
   * XLSX sheet by name or 1-based position among the tabs in the workbook's
   * own order (hidden tabs count). Default: the only visible sheet whose
   * header `isHeader` accepts (several such sheets are refused as ambiguous),
   * else the first visible sheet with data.
   */
  sheet?: string | number;
  /** Decides whether a row of cells is a recognisable header (the pipeline's knowledge). */
  isHeader?: (cells: CellValue[]) => boolean;
}

export interface SheetInfo {
  path: string;
  format: SheetFormat;
  /** CSV only. */
  encoding?: string;
  /** CSV only. */
  delimiter?: string;
  /** XLSX only. */
  sheetName?: string;
  /** The header row, as text. */
  header: string[];
  /** Row number of the header row (1-based). */
  headerRowNumber: number;
  /** XLSX: the sheet read is hidden (read only because --sheet named it). */
  hiddenSheet?: boolean;
  /** Human notes about the reading, e.g. "reading hidden sheet X because --sheet named it". */
  notes?: string[];
}

/** An opened sheet: its header, and its data rows streamed after the header (blank rows skipped). */
export interface SheetSource {
  info: SheetInfo;
  rows: AsyncIterable<RawRow>;
  /** Non-blank rows read above the header while looking for it (titles, notes, or another table). */
  above?: RawRow[];
  /** Releases the file when the caller stops early. */
  close(): Promise<void>;
}

/** One output column. */
export interface ColumnSpec {
  header: string;
  /**
   * How the XLSX writer presents it; CSV writes text. `money` turns canonical
   * decimal strings into numbers; `amount` formats only cells that already are
   * numbers and leaves text as typed (a bill's amount column, where a cell
   * that failed to parse must not be reinterpreted).
   */
  kind?: 'text' | 'money' | 'amount' | 'date' | 'datetime' | 'url' | 'integer' | 'state';
  /** XLSX column width hint, in characters. */
  width?: number;
}

export interface WriteOptions {
  format: SheetFormat;
  columns: ColumnSpec[];
  /** CSV: delimiter to write (default `,`). Outputs keep the input's delimiter so Excel in the same locale opens them. */
  delimiter?: string;
  /** XLSX: the worksheet name (default `Links`). */
  sheetName?: string;
  /** XLSX: currency number format for money columns, e.g. `"$" #,##0.00`. */
  moneyFormat?: string;
  /** XLSX: fill colour (ARGB, e.g. `FFC6EFCE`) for cells of `state` columns, by state value. */
  stateFill?: Record<string, string>;
  /** XLSX: number format of `date` columns (default `yyyy-mm-dd`), e.g. `dd/mm/yyyy`. */
  dateFormat?: string;
  /**
   * XLSX: size columns without a width hint to their content, sampling this
   * many first rows (they are held until then, so keep it small: ~100).
   */
  fitWidths?: number;
}

/** A small extra worksheet (a summary, notes) written after the main one. */
export interface SheetTable {
  name: string;
  columns: ColumnSpec[];
  /** Data rows under the bold header; an empty array is a blank row. */
  rows: CellValue[][];
}

/**
 * Writes a sheet to a temporary file beside `path`; `commit()` fsyncs and
 * renames it into place, so a reader never sees a half-written sheet.
 */
export interface SheetWriter {
  writeRow(cells: CellValue[]): Promise<void>;
  /** XLSX only: a worksheet written after the main one at commit (CSV writers do not have it). */
  appendSheet?(table: SheetTable): void;
  commit(): Promise<void>;
  /** Removes the temporary file; the previous file at `path`, if any, is untouched. */
  abort(): Promise<void>;
}
