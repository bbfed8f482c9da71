/**
 * How a row error, a skip reason or a whole-file error shows in what the CLI
 * writes, for the real-world corpus test.
 *
 * A whole-file error's code is exact: with `--log json` the CLI writes a JSON
 * error line with the stable code. The output sheet's `error` column carries
 * messages (skip reasons are written `CODE: sentence`), so a row code counts
 * as shown when its name appears literally or when the text matches the
 * phrase that code's messages use. Phrases for the codes that exist on main come from
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

/** True when the CLI's stderr carries the whole-file error `code` in its JSON error line (`--log json`). */
export function showsFileCode(stderr: string, code: string): boolean {
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { event?: string; code?: string };
    if (entry.event === 'error') return entry.code === code;
  }
  return false;
}
