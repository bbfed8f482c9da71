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

import { say } from '../i18n/message.js';
import { api as apiText } from '../i18n/messages/api.js';

export type LinkIdParse = { ok: true; id: number } | { ok: false; reason: string };


/** What a usable link id looks like, in the run's language. */
export function linkIdAccepted(): string {
  return say(apiText.linkIdAccepted);
}

const DIGITS = /^[1-9][0-9]{0,14}$/;

export function parseLinkId(value: unknown): LinkIdParse {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value > 0) return { ok: true, id: value };
    return { ok: false, reason: say(apiText.linkIdNot, { shown: String(value), accepted: linkIdAccepted() }) };
  }
  if (typeof value === 'string') {
    if (DIGITS.test(value)) return { ok: true, id: Number(value) };
    return { ok: false, reason: say(apiText.linkIdNot, { shown: JSON.stringify(value.slice(0, 40)), accepted: linkIdAccepted() }) };
  }
  return { ok: false, reason: say(apiText.linkIdType, { type: value === null ? 'null' : typeof value, accepted: linkIdAccepted() }) };
}
