/**
 * CSV text encodings: which one a file uses, and turning its bytes into the
 * UTF-8 that csv-parse reads, chunk by chunk (never the whole file at once).
 *
 * What people really export: UTF-8 (with or without a BOM), Excel's "Unicode
 * text" (UTF-16 with a BOM) and, from Excel on Windows in Spanish,
 * Windows-1252; less often cp850 (Excel's "CSV (MS-DOS)") and MacRoman (Mac
 * Excel's "CSV (Macintosh)"). Which single-byte one a file uses is judged in
 * single-byte.ts; when that is not sure the file is refused with advice
 * naming --encoding, never read garbled.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { FileError } from '../errors.js';
import { chooseSingleByte, decodeSingleByte, type Assessment, type SingleByteEncoding } from './single-byte.js';
import type { FileHead } from './sniff.js';
import { say } from '../../i18n/message.js';
import { files } from '../../i18n/messages/files.js';

export { decodeWindows1252 } from './windows-1252.js';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | SingleByteEncoding;

export interface EncodingGuess {
  encoding: CsvEncoding;
  /**
   * The sample was plain ASCII, which both UTF-8 and Windows-1252 read the
   * same way: the choice waits for the first byte above 0x7F, so a file whose
   * first accent is on row 3,000 is still read right.
   */
  provisional: boolean;
}

const ENCODING_NAMES: Record<string, CsvEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16': 'utf-16le',
  ucs2: 'utf-16le',
  'ucs-2': 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  windows1252: 'windows-1252',
  cp1252: 'windows-1252',
  ansi: 'windows-1252',
  // As on the web, "latin1" means Windows-1252: files labelled latin1 hold € and “ ” too.
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  cp850: 'cp850',
  ibm850: 'cp850',
  '850': 'cp850',
  'ms-dos': 'cp850',
  msdos: 'cp850',
  dos: 'cp850',
  macroman: 'macroman',
  'mac-roman': 'macroman',
  'x-mac-roman': 'macroman',
  macintosh: 'macroman',
  mac: 'macroman',
};

/** Reads `--encoding`; an unknown name is an error that lists the accepted ones. */
export function encodingOption(name: string, path: string): CsvEncoding {
  const encoding = ENCODING_NAMES[name.trim().toLowerCase()];
  if (encoding === undefined) {
    throw new FileError('FILE_ENCODING', path, say(files.unknownEncoding, { name, path }));
  }
  return encoding;
}

/** The encoding of a file from its first bytes; a non-UTF-8 file whose single-byte encoding is not sure is refused. */
export function detectEncoding(head: FileHead, path = 'the file'): EncodingGuess {
  const { sample, complete } = head;
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', provisional: false };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', provisional: false };
  if (utf8BomLength(sample) > 0) return { encoding: 'utf-8', provisional: false };
  if (isAscii(sample)) return { encoding: 'utf-8', provisional: true };
  // A character cut by the end of the sample is not an error.
  const body = complete ? sample : sample.subarray(0, incompleteTailStart(sample));
  return { encoding: isUtf8(body) ? 'utf-8' : singleByte(body, path), provisional: false };
}

function singleByte(bytes: Buffer, path: string): SingleByteEncoding {
  const verdict = chooseSingleByte(bytes);
  if ('encoding' in verdict) return verdict.encoding;
  throw new FileError('FILE_ENCODING', path, unsureEncodingMessage(path, verdict.unsure));
}

export function unsureEncodingMessage(path: string, readings: readonly Assessment[]): string {
  const shown = readings.map((r) => say(files.encodingReading, { encoding: r.encoding, example: r.example ?? '' })).join('; ');
  return say(files.encodingUnsure, { path, shown });
}

function utf8BomLength(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * Turns the file's chunks into UTF-8 chunks. UTF-8 input is only validated
 * (Buffer's isUtf8 is far cheaper than decoding and re-encoding); anything
 * else is decoded and re-encoded.
 */
export class Utf8Recoder {
  readonly #path: string;
  readonly #forced: boolean;
  #mode: 'pending' | 'utf-8' | SingleByteEncoding | 'utf-16';
  #utf16?: TextDecoder;
  #carry: Buffer = Buffer.alloc(0);
  #offset = 0;
  #first = true;

  constructor(path: string, guess: EncodingGuess, forced: boolean) {
    this.#path = path;
    this.#forced = forced;
    if (guess.encoding === 'utf-16le' || guess.encoding === 'utf-16be') {
      this.#mode = 'utf-16';
      // TextDecoder drops the BOM itself.
      this.#utf16 = new TextDecoder(guess.encoding, { fatal: true });
    } else {
      this.#mode = guess.provisional && !forced ? 'pending' : guess.encoding;
    }
  }

  /** The encoding in use (UTF-8 while a provisional file has shown only ASCII). */
  get encoding(): CsvEncoding {
    if (this.#mode === 'pending') return 'utf-8';
    if (this.#mode === 'utf-16') return this.#utf16!.encoding as CsvEncoding;
    return this.#mode;
  }

  push(chunk: Buffer): Buffer {
    if (this.#first) {
      this.#first = false;
      if (this.#mode !== 'utf-16') {
        const bom = utf8BomLength(chunk);
        chunk = chunk.subarray(bom);
        this.#offset += bom;
      }
    }
    switch (this.#mode) {
      case 'pending':
        return this.#pushPending(chunk);
      case 'utf-8':
        return this.#pushUtf8(chunk);
      case 'utf-16':
        return this.#pushUtf16(chunk, false);
      default:
        this.#offset += chunk.length;
        return Buffer.from(decodeSingleByte(chunk, this.#mode), 'utf8');
    }
  }

  /** Flushes what is left; a character cut by the end of the file is an error. */
  end(): Buffer {
    if (this.#mode === 'utf-16') return this.#pushUtf16(Buffer.alloc(0), true);
    if (this.#carry.length > 0) throw this.#invalidUtf8(this.#carry, 0);
    return Buffer.alloc(0);
  }

  #pushPending(chunk: Buffer): Buffer {
    if (isAscii(chunk)) {
      this.#offset += chunk.length;
      return chunk;
    }
    const cut = incompleteTailStart(chunk);
    this.#mode = isUtf8(chunk.subarray(0, cut)) ? 'utf-8' : singleByte(chunk, this.#path);
    return this.push(chunk);
  }

  #pushUtf8(chunk: Buffer): Buffer {
    const data = this.#carry.length > 0 ? Buffer.concat([this.#carry, chunk]) : chunk;
    const cut = incompleteTailStart(data);
    const body = data.subarray(0, cut);
    if (!isUtf8(body)) throw this.#invalidUtf8(body, firstInvalidUtf8(body));
    // Copy the (at most 3) carried bytes so the chunk they came from can be freed.
    this.#carry = Buffer.from(data.subarray(cut));
    this.#offset += cut;
    return body;
  }

  #pushUtf16(chunk: Buffer, last: boolean): Buffer {
    try {
      const text = this.#utf16!.decode(chunk, { stream: !last });
      this.#offset += chunk.length;
      return Buffer.from(text, 'utf8');
    } catch (err) {
      throw new FileError(
        'FILE_ENCODING',
        this.#path,
        say(files.utf16Invalid, { path: this.#path, encoding: this.encoding.toUpperCase(), offset: this.#offset }),
        { cause: err },
      );
    }
  }

  #invalidUtf8(body: Buffer, at: number): FileError {
    const position = this.#offset + Math.max(at, 0);
    const byte = body[Math.max(at, 0)];
    const shown = byte === undefined ? '' : ` 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return new FileError('FILE_ENCODING', this.#path, say(files.utf8Invalid, { path: this.#path, forced: this.#forced, byte: shown, position }));
  }
}

/**
 * Where an incomplete multi-byte character at the end of `bytes` starts
 * (`bytes.length` when the end is complete): it waits for the next chunk.
 */
export function incompleteTailStart(bytes: Uint8Array): number {
  const len = bytes.length;
  for (let i = len - 1; i >= 0 && i >= len - 4; i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return len;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return len - i < needed ? i : len;
  }
  return len;
}

/** Index of the first byte that breaks UTF-8 (only used to word an error), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += size;
  }
  return -1;
}
