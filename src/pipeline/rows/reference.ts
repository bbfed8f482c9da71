/**
 * Payment references: the bill's key at Placetopay and in the journal.
 * Taken from the sheet when it has a reference column (validated against what
 * the merchant panel allows: letters, digits and hyphen, at most 32), or
 * derived from the row's content when it has none.
 */
import { quoteValue } from './mapping-error.js';
import { hash } from 'node:crypto';
import type { RowErrorCode } from '../types.js';
import { say } from '../../i18n/message.js';
import { rows as M } from '../../i18n/messages/rows.js';

export const MAX_REFERENCE_LENGTH = 32;

export type ReferenceResult = { ok: true; reference: string } | { ok: false; code: RowErrorCode; reason: string };

const VALID = /^[A-Za-z0-9-]+$/;
const BAD_CHAR = /[^A-Za-z0-9-]/u;

export function validateReference(text: string): ReferenceResult {
  if (text === '') return { ok: false, code: 'REFERENCE_MISSING', reason: say(M.referenceMissing) };
  if (text.length > MAX_REFERENCE_LENGTH) {
    return { ok: false, code: 'REFERENCE_TOO_LONG', reason: say(M.referenceTooLong, { value: quoteValue(text), length: text.length }) };
  }
  if (VALID.test(text)) return { ok: true, reference: text };
  const bad = BAD_CHAR.exec(text)?.[0] ?? '';
  return { ok: false, code: 'REFERENCE_INVALID', reason: say(M.referenceInvalid, /\s/.test(bad) ? { text } : { text, bad }) };
}

/** The values a derived reference is built from: the row's content, never its position. */
export interface ReferenceSource {
  name?: string;
  amount?: string;
  dueDate?: string;
  email?: string;
  phone?: string;
  description?: string;
}

// Crockford's base32: no I, L, O, U, so a reference read aloud or retyped is not misread.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Six base32 characters of a 30-bit number. */
function base32(n: number): string {
  let out = '';
  for (let i = 0; i < 6; i++) {
    out = (BASE32[n & 31] as string) + out;
    n >>>= 5;
  }
  return out;
}

/**
 * `PL-` + 12 base32 characters (2 × 30 bits) of a sha256 of the row's values.
 * The same row gives the same reference on every run, and inserting or
 * reordering rows changes no other row's reference. Identical rows are told
 * apart by `occurrence` (1 for the first, then `-2`, `-3`…).
 */
export function deriveReference(fields: ReferenceSource, occurrence: number): string {
  // Unit separators keep ("ab","c") and ("a","bc") apart.
  const source = `${fields.name ?? ''}\u001f${fields.amount ?? ''}\u001f${fields.dueDate ?? ''}\u001f${fields.email ?? ''}\u001f${fields.phone ?? ''}\u001f${fields.description ?? ''}`;
  // One-shot hex hashing is several times faster than createHash() or a Buffer digest, per row.
  const hex = hash('sha256', source, 'hex');
  const out = base32(parseInt(hex.slice(0, 8), 16) >>> 2) + base32(parseInt(hex.slice(8, 16), 16) >>> 2);
  return occurrence > 1 ? `PL-${out}-${occurrence}` : `PL-${out}`;
}
