/**
 * The one table of fill colours (ARGB) for state cells in XLSX outputs, used
 * by `issue` and by `reconcile` alike, so a state keeps its colour whichever
 * command wrote the sheet last.
 *
 *   green  done            ISSUED, PAID
 *   red    needs fixing    INVALID, FAILED, UNKNOWN
 *   amber  needs a person  UNCERTAIN, PARTIAL
 *   blue   waiting         WOULD_ISSUE, PENDING
 *   grey   over / not a bill   EXPIRED, DISABLED, SKIPPED
 */
const GREEN = 'FFC6EFCE';
const RED = 'FFFFC7CE';
const AMBER = 'FFFFEB9C';
const BLUE = 'FFDDEBF7';
const GREY = 'FFD9D9D9';

export const STATE_FILLS: Readonly<Record<string, string>> = Object.freeze({
  ISSUED: GREEN,
  WOULD_ISSUE: BLUE,
  INVALID: RED,
  FAILED: RED,
  UNCERTAIN: AMBER,
  SKIPPED: GREY,
  PAID: GREEN,
  PARTIAL: AMBER,
  PENDING: BLUE,
  EXPIRED: GREY,
  DISABLED: GREY,
  UNKNOWN: RED,
});
