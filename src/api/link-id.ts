/**
 * Link ids as they arrive from outside: a sheet's `link_id` cell, a
 * notification's `linkId`, a body piped to verify-notification. One parser
 * for all of them, so no caller turns `"0x3F3"` (hex), `"1e3"` (exponent),
 * `"1010 "` (a stray space) or `"01010"` into another link's id the way
 * `Number()` does.
 *
 * Accepted: a JSON/JS number that is a safe positive integer, or a string
 * of 1 to 15 decimal digits without a leading zero. Anything else is
 * refused with a reason a person can act on.
 */

export type LinkIdParse = { ok: true; id: number } | { ok: false; reason: string };

/** What a usable link id looks like, for messages. */
export const LINK_ID_ACCEPTED = 'a whole number of 1 to 15 decimal digits (0-9 only, no spaces, signs, decimals, exponents or hex)';

const DIGITS = /^[1-9][0-9]{0,14}$/;

export function parseLinkId(value: unknown): LinkIdParse {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value > 0) return { ok: true, id: value };
    return { ok: false, reason: `${String(value)} is not ${LINK_ID_ACCEPTED}` };
  }
  if (typeof value === 'string') {
    if (DIGITS.test(value)) return { ok: true, id: Number(value) };
    return { ok: false, reason: `${JSON.stringify(value.slice(0, 40))} is not ${LINK_ID_ACCEPTED}` };
  }
  return { ok: false, reason: `a link id must be ${LINK_ID_ACCEPTED}, not ${value === null ? 'null' : typeof value}` };
}
