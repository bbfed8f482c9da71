/**
 * Formula-injection escaping for cells we write (OWASP "CSV Injection").
 *
 * The rule: a text cell whose first character is `=`, `+`, `-`, `@`, tab,
 * carriage return or line feed could be run as a formula by Excel or
 * LibreOffice when the sheet is opened, so we put a `'` in front of it: a
 * spreadsheet takes `'=1+1` as text and never evaluates it.
 *
 * One exception: a cell that is entirely a number (`-5`, `+3`, `-1.250.000,50`,
 * matching /^[+-]?\d+([.,]\d+)*$/) is left alone, so negative amounts in
 * pass-through columns stay numbers. A number cannot call a function or a
 * link, so it is safe. `+57 300 123 4567` is not entirely a number (spaces) and
 * is escaped.
 *
 * To make the escaping reversible, a cell that already starts with one or more
 * `'` followed by a dangerous character gets one more `'`; `unneutralise`
 * removes exactly one. So `unneutralise(neutraliseFormula(x)) === x` for
 * every string, and reading our own output back returns what went in.
 */

const DANGEROUS_FIRST = /^[=+\-@\t\r\n]/;
const QUOTED_DANGEROUS = /^'*[=+\-@\t\r\n]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)*$/;

/** Returns `text` safe to place in a cell that Excel or LibreOffice may open. */
export function neutraliseFormula(text: string): string {
  if (!QUOTED_DANGEROUS.test(text)) return text;
  if (DANGEROUS_FIRST.test(text) && PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** Reverses `neutraliseFormula`: strips the one `'` it added, and only that. */
export function unneutralise(text: string): string {
  if (text.startsWith("'") && QUOTED_DANGEROUS.test(text.slice(1))) return text.slice(1);
  return text;
}
