/**
 * Telling apart the single-byte encodings Excel writes CSV in, when a file
 * is not UTF-8: Windows-1252 ("CSV (delimitado por comas)" on Windows, the
 * usual one), cp850 ("CSV (MS-DOS)") and MacRoman ("CSV (Macintosh)").
 *
 * The same byte is a different letter in each (0xA4 is ñ in cp850, ¤ in
 * Windows-1252, § in MacRoman), so each decoding is judged by what a
 * billing sheet in Spanish or English plausibly holds. Windows-1252 wins
 * unless it yields characters no one types (¤ inside a word, ‡, Ž, box
 * drawing); then exactly one of the others must read plausibly, else the
 * caller refuses and asks for --encoding rather than garble names.
 */
import iconv from 'iconv-lite';
import { decodeWindows1252 } from './windows-1252.js';

export type SingleByteEncoding = 'windows-1252' | 'cp850' | 'macroman';

export const SINGLE_BYTE_ENCODINGS: readonly SingleByteEncoding[] = ['windows-1252', 'cp850', 'macroman'];

/** Decodes single-byte text (each byte one character, so chunks decode on their own). */
export function decodeSingleByte(bytes: Buffer, encoding: SingleByteEncoding): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return iconv.decode(bytes, encoding === 'cp850' ? 'cp850' : 'macintosh');
}

export interface Assessment {
  encoding: SingleByteEncoding;
  /** Characters no one types in a billing sheet (the decoding is wrong). */
  unlikely: number;
  /** Letters a Spanish or English sheet holds where they stand (the decoding reads right). */
  likely: number;
  /** The first word with a non-ASCII byte, as this encoding reads it (for messages). */
  example?: string;
}

export type SingleByteVerdict = { encoding: SingleByteEncoding } | { unsure: Assessment[] };

export function chooseSingleByte(bytes: Buffer): SingleByteVerdict {
  const assessments = SINGLE_BYTE_ENCODINGS.map((encoding) => assess(bytes, encoding));
  const [windows, ...others] = assessments;
  if (windows!.unlikely === 0) return { encoding: 'windows-1252' };
  const plausible = others.filter((a) => a.unlikely === 0 && a.likely > 0);
  if (plausible.length === 1) return { encoding: plausible[0]!.encoding };
  return { unsure: assessments };
}

const SPANISH_LETTERS = new Set('áéíóúüñÁÉÍÓÚÜÑ');
/** Characters that do not occur in billing text: symbols that decode from letters of another encoding. */
const UNLIKELY = new Set('¤¥¦¨¯¸¬ƒ†‡ˆ‰Š‹ŒŽšœžŸ›√∫≈◊πΩ∂∑∏≠≤≥∆∞ıﬁﬂ¶\uFFFD\uF8FF');
/** Between two letters only an apostrophe, an accent mark used as one, or a no-break space (pasted from the web) is plausible. */
const BETWEEN_LETTERS = new Set('’‘´\u00A0');

function assess(bytes: Buffer, encoding: SingleByteEncoding): Assessment {
  const text = decodeSingleByte(bytes, encoding);
  const assessment: Assessment = { encoding, unlikely: 0, likely: 0 };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const c = text[i]!;
    assessment.example ??= wordAt(text, i);
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    if (isControl(code) || (code >= 0x2500 && code <= 0x259f) || UNLIKELY.has(c)) assessment.unlikely++;
    else if (isLetter(c)) {
      // An upper-case letter after a lower-case one ("JosÉ" from a misread é), or inside a
      // capitalised word ("DÆaz"), is not how names are typed.
      if (isUpper(c) && (isLower(before) || (isLetter(before) && isLower(after)))) assessment.unlikely++;
      else if (SPANISH_LETTERS.has(c)) assessment.likely += 2;
      else assessment.likely += 1;
    } else if (isLetter(before) && isLetter(after) && !BETWEEN_LETTERS.has(c)) assessment.unlikely++;
  }
  return assessment;
}

function isControl(code: number): boolean {
  return code >= 0x80 && code <= 0x9f;
}

function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

function isUpper(c: string): boolean {
  return isLetter(c) && c === c.toUpperCase() && c !== c.toLowerCase();
}

function isLower(c: string): boolean {
  return isLetter(c) && c === c.toLowerCase() && c !== c.toUpperCase();
}

function wordAt(text: string, i: number): string {
  let start = i;
  let end = i + 1;
  while (start > 0 && start > i - 20 && !/[\s,;"\t]/.test(text[start - 1]!)) start--;
  while (end < text.length && end < i + 20 && !/[\s,;"\t]/.test(text[end]!)) end++;
  return text.slice(start, end);
}
