/**
 * Deciding what a file is from its first bytes, never from its extension:
 * people rename files, and Excel happily saves a CSV under `.xlsx`.
 */
import { open } from 'node:fs/promises';
import { FileError } from '../errors.js';
import { say } from '../../i18n/message.js';
import { files } from '../../i18n/messages/files.js';

/** How much of the file the detectors look at (format, encoding, delimiter). */
export const SAMPLE_BYTES = 64 * 1024;

/** Binary checks look at less: a text file shows itself in its first lines. */
const BINARY_CHECK_BYTES = 8 * 1024;

/** Above this share of control characters the bytes are not text. */
const MAX_CONTROL_SHARE = 0.1;

export type SniffedFormat = 'xlsx' | 'ods' | 'html' | 'spreadsheetml2003' | 'ole2' | 'empty' | 'binary' | 'text';

export interface FileHead {
  /** The first SAMPLE_BYTES bytes (fewer for a shorter file). */
  sample: Buffer;
  /** True when the sample is the whole file. */
  complete: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads the first bytes of `path`, turning file-system failures into FileErrors. */
export async function readHead(path: string): Promise<FileHead> {
  let handle;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, stat.size));
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    return { sample: sample.subarray(0, bytesRead), complete: stat.size <= SAMPLE_BYTES };
  } catch (err) {
    throw fileSystemError(path, err);
  } finally {
    await handle?.close();
  }
}

/** A FileError for an error from `node:fs` (missing file, folder, no permission). */
export function fileSystemError(path: string, err: unknown): FileError {
  if (err instanceof FileError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new FileError('FILE_NOT_FOUND', path, say(files.notFound, { path, cwd: process.cwd() }), { cause: err });
    case 'EISDIR':
      return new FileError('FILE_NOT_FOUND', path, say(files.isFolder, { path }), { cause: err });
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return new FileError('FILE_UNREADABLE', path, say(files.unreadableCode, { path, code }), { cause: err });
    default:
      return new FileError('FILE_UNREADABLE', path, say(files.unreadable, { path, detail: (err as Error | undefined)?.message ?? String(err) }), { cause: err });
  }
}

export function sniffFormat(head: FileHead): SniffedFormat {
  const { sample, complete } = head;
  if (startsWith(sample, ZIP_MAGIC)) return isOdsZip(sample) ? 'ods' : 'xlsx';
  if (startsWith(sample, OLE2_MAGIC)) return 'ole2';
  if (complete && isBlankText(sample)) return 'empty';
  if (looksBinary(sample)) return 'binary';
  return markupKind(sample) ?? 'text';
}

/**
 * ODF packages start with an uncompressed `mimetype` entry (the ODF spec
 * requires it first and stored) naming the document type.
 */
function isOdsZip(sample: Buffer): boolean {
  const nameLength = sample.length >= 30 ? sample.readUInt16LE(26) : 0;
  if (sample.subarray(30, 30 + nameLength).toString('latin1') !== 'mimetype') return false;
  const start = 30 + nameLength + sample.readUInt16LE(28);
  return sample.subarray(start, start + 60).toString('latin1').startsWith('application/vnd.oasis.opendocument.spreadsheet');
}

/**
 * Text that is markup, not CSV: an HTML page or an Excel 2003 XML
 * spreadsheet (both often saved with an .xls name by "export to Excel"
 * buttons), or a flat OpenDocument spreadsheet (.fods).
 */
function markupKind(sample: Buffer): SniffedFormat | undefined {
  const text = (hasUtf16Bom(sample) ? new TextDecoder(sample[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(sample.subarray(0, 4096)) : sample.subarray(0, 4096).toString('latin1'))
    .replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, '')
    .trimStart()
    .toLowerCase();
  if (!text.startsWith('<')) return undefined;
  if (/^<(!doctype html|html[\s>]|table[\s>]|head[\s>]|body[\s>]|meta[\s>])/.test(text)) return 'html';
  if (!text.startsWith('<?xml')) return undefined;
  if (text.includes('progid="excel.sheet"') || text.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'spreadsheetml2003';
  if (text.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (/<html[\s>]/.test(text)) return 'html';
  return undefined;
}

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export function hasUtf16Bom(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function bomLength(bytes: Buffer): number {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  return hasUtf16Bom(bytes) ? 2 : 0;
}

/** Only a BOM and whitespace (NULs allowed after a UTF-16 BOM: they are the high bytes). */
function isBlankText(bytes: Buffer): boolean {
  const nulAllowed = hasUtf16Bom(bytes);
  for (let i = bomLength(bytes); i < bytes.length; i++) {
    const b = bytes[i]!;
    const blank = b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || (b === 0 && nulAllowed);
    if (!blank) return false;
  }
  return true;
}

/**
 * Text never holds NUL bytes unless it is UTF-16 (which Excel always writes
 * with a BOM), and holds few control characters. Bytes 0x80–0xFF say nothing:
 * they are accents in Windows-1252.
 */
function looksBinary(bytes: Buffer): boolean {
  if (hasUtf16Bom(bytes)) return false;
  const end = Math.min(bytes.length, BINARY_CHECK_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  return end > 0 && control / end > MAX_CONTROL_SHARE;
}
