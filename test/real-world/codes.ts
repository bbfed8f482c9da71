/**
 * How a row error, a skip reason or a whole-file error shows in what the CLI
 * writes, for the real-world corpus test.
 *
 * The output sheet's `error` column and the CLI's stderr carry messages, not
 * codes (RowError.code and FileError/MappingError.code stay inside the
 * process). So a code counts as shown when its name appears literally (a JSON
 * line or a `[CODE]` tag would do) or when the text matches the phrase that
 * code's messages use. Phrases for the codes that exist on main come from
 * their messages (src/pipeline/rows/*.ts, src/io/read/*.ts); phrases for the
 * codes added by issue #10 (CONTRACT.md) are the words such a message cannot
 * avoid ("hidden", "--amount-unit", "SpreadsheetML"…). Tighten them once the
 * messages are merged.
 */

const ROW_PHRASES: Record<string, RegExp> = {
  AMOUNT_MISSING: /the amount is empty/,
  AMOUNT_INVALID: /\bis not an amount|, not an amount|more than 2 decimals|names two currencies/,
  AMOUNT_NOT_POSITIVE: /not a positive amount/,
  DUE_DATE_MISSING: /the due date is empty/,
  DUE_DATE_INVALID: /is not a date|not a real date|2-digit year|serial date|has year \d+|, not a date/,
  DUE_DATE_PAST: /\bis past\b/,
  CURRENCY_INVALID: /is not a currency code|\bis in [A-Z]{3}, but\b/,
  // Issue #10 (CONTRACT.md "New row error codes").
  CURRENCY_CONFLICT: /currenc/i,
  AMOUNT_DISPLAY_MISMATCH: /display|\bshows?\b|\bshown\b/i,
  DUE_DATE_OUT_OF_RANGE: /--max-due-years|out of range|too far|years? (ahead|from)|window/i,
  DUE_DATE_NOT_A_DATE_CELL: /not (formatted as )?a date( cell)?|date format|format the (column|cell) as a date/i,
  // Skip reasons (CONTRACT.md: SKIPPED).
  TOTAL_ROW: /\b(sub)?totals?\b|\bsuma\b/i,
  TABLE_TOTAL_ROW: /\btable\b/i,
  FOOTER_ROW: /footer|pie de p[aá]gina/i,
  HIDDEN_ROW: /hidden|ocult/i,
};

const FILE_PHRASES: Record<string, RegExp> = {
  HEADER_NOT_FOUND: /no recognisable header/,
  COLUMN_MISSING: /: no column for /,
  XLSX_SHEET_NOT_FOUND: /its sheets are:/,
  // Issue #10 (CONTRACT.md "New whole-file error codes").
  HEADER_UNIT_UNCONFIRMED: /--amount-unit/,
  HEADER_CURRENCY_CONFLICT: /--currency/,
  XLSX_SHEET_AMBIGUOUS: /\b(several|more than one|two|both)\b[^\n]*\bsheets?\b|\bsheets?\b[^\n]*\b(several|more than one|ambiguous)\b/i,
  FILE_IS_HTML: /\bHTML\b|web page/,
  FILE_IS_SPREADSHEETML_2003: /SpreadsheetML|XML Spreadsheet|Excel 2003|2003 XML/i,
  FILE_IS_ODS: /\bODS\b|\.ods\b|OpenDocument|LibreOffice/i,
};

function shows(text: string, code: string, phrases: Record<string, RegExp>): boolean {
  if (text.includes(code)) return true;
  const phrase = phrases[code];
  if (phrase === undefined) throw new Error(`test/real-world/codes.ts knows no phrase for ${code}; add one`);
  return phrase.test(text);
}

/** True when an output row's error text shows `code` (a row error or a skip reason). */
export function showsRowCode(text: string, code: string): boolean {
  return shows(text, code, ROW_PHRASES);
}

/** True when the CLI's stderr shows the whole-file error `code`. */
export function showsFileCode(stderr: string, code: string): boolean {
  return shows(stderr, code, FILE_PHRASES);
}
