/**
 * File names made from what people typed in a cell (a collector's name, a
 * reference). The value is kept as readable as possible (accents, spaces and
 * emoji stay) while the name is safe on Windows, macOS and Linux alike:
 *
 * - no folder part: `/ \ : * ? " < > |` and control characters become `_`,
 *   and leading dots go, so `../x` is the file `_x`, inside the folder;
 * - no reserved Windows device name (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with
 *   or without an extension): those get a leading `_`;
 * - no trailing dot or space (Windows drops them, making two names one);
 * - at most MAX_STEM_BYTES of UTF-8, cut between characters, never inside one;
 * - unique without regard to case (Windows and macOS folders ignore case):
 *   `ana gómez` after `Ana Gómez` becomes `ana gómez (2)`.
 */

/** Leaves room for a ` (123)` suffix and an extension within the usual 255-byte limit. */
export const MAX_STEM_BYTES = 120;

const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** A safe file stem (no extension) for `value`; `blank` when nothing usable is left. */
export function safeFileStem(value: string, blank: string): string {
  let stem = value.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim();
  stem = stem.replace(/^\.+/, '');
  stem = truncateUtf8(stem, MAX_STEM_BYTES).replace(/[. ]+$/, '');
  if (stem === '') return blank;
  if (RESERVED.test(stem)) stem = `_${stem}`;
  return stem;
}

/** The longest prefix of `text` (whole code points) that fits in `maxBytes` of UTF-8. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/**
 * Hands out unique file names in one folder, comparing without case.
 * `reserve` claims names the caller writes itself (a manifest).
 */
export class FileNamer {
  private readonly taken = new Set<string>();

  constructor(private readonly extension: string) {}

  reserve(fileName: string): void {
    this.taken.add(fileName.toLowerCase());
  }

  /** A new unique file name (with the extension) for a stem from safeFileStem. */
  claim(stem: string): string {
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? `${stem}${this.extension}` : `${stem} (${n})${this.extension}`;
      const key = candidate.toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}
