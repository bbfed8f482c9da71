/**
 * The payer's email and phone: checked whenever the sheet has them (a wrong
 * address in a billing sheet is worth knowing about even when nobody is
 * messaged), and phones normalised to E.164 for SMS and WhatsApp.
 */
import { quoteValue } from './mapping-error.js';
import type { Locale, RowErrorCode } from '../types.js';
import { say } from '../../i18n/message.js';
import { rows as M } from '../../i18n/messages/rows.js';

export type ContactResult = { ok: true; value: string } | { ok: false; code: RowErrorCode; reason: string };

const MAX_EMAIL_LENGTH = 254;
// Pragmatic: something@label.label…tld, no spaces, letters of any script allowed.
const EMAIL = /^[^\s@<>(),;:"]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

export function validateEmail(text: string): ContactResult {
  if (text.length <= MAX_EMAIL_LENGTH && EMAIL.test(text)) return { ok: true, value: text };
  const several = /[,;\s]/.test(text) && (text.match(/@/g)?.length ?? 0) > 1;
  const value = quoteValue(text);
  const reason = several
    ? say(M.emailSeveral, { value })
    : text.length > MAX_EMAIL_LENGTH
      ? say(M.emailTooLong, { value, length: text.length, max: MAX_EMAIL_LENGTH })
      : say(M.emailInvalid, { value });
  return { ok: false, code: 'EMAIL_INVALID', reason };
}

const PHONE_PUNCTUATION = /[\s().\-/]/g;
const DIGITS = /^\d+$/;
const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * `+57 300 123 4567`, `(300) 123-4567`, `00 57 300…` → `+573001234567`.
 * Without a country code, es-CO takes a 10-digit Colombian number (mobiles
 * start with 3, landlines with 60) as +57, and en-US a 10-digit number as +1.
 */
export function normalizePhone(text: string, locale: Locale): ContactResult {
  const compact = text.replace(PHONE_PUNCTUATION, '');
  const e164 = toE164(compact, locale);
  if (e164 !== undefined && E164.test(e164)) return { ok: true, value: e164 };
  return { ok: false, code: 'PHONE_INVALID', reason: say(M.phoneInvalid, { value: quoteValue(text), locale }) };
}

function toE164(compact: string, locale: Locale): string | undefined {
  if (compact.startsWith('+')) return DIGITS.test(compact.slice(1)) ? compact : undefined;
  if (!DIGITS.test(compact)) return undefined;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  if (locale === 'es-CO') {
    if (compact.length === 10 && (compact.startsWith('3') || compact.startsWith('60'))) return `+57${compact}`;
    if (compact.length === 12 && (compact.startsWith('573') || compact.startsWith('5760'))) return `+${compact}`;
    return undefined;
  }
  if (compact.length === 10 && /^[2-9]/.test(compact)) return `+1${compact}`;
  if (compact.length === 11 && compact.startsWith('1')) return `+${compact}`;
  return undefined;
}
