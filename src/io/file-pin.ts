/**
 * A file's fingerprint — size, modification time and SHA-256 of its bytes —
 * taken once and compared later, to prove that a file read several times
 * (issue reads its input in three passes) is the same file every time.
 *
 * Size and mtime alone miss a same-size edit saved within the file system's
 * timestamp resolution; the hash alone would not say what changed. A file
 * replaced by rename (how Excel and most editors save) has a new inode too,
 * but the hash already covers that: only the bytes matter to a bill.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { errnoCode } from './atomic.js';
import { say } from '../i18n/message.js';
import { writing } from '../i18n/messages/writing.js';

export interface FilePin {
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export async function pinFile(path: string): Promise<FilePin> {
  const info = await stat(path);
  return { path, size: info.size, mtimeMs: info.mtimeMs, sha256: await fileSha256(path) };
}

/** Undefined if `pin.path` still holds the same bytes; otherwise what differs, in words. */
export async function pinChange(pin: FilePin): Promise<string | undefined> {
  let now: FilePin;
  try {
    now = await pinFile(pin.path);
  } catch (err) {
    return errnoCode(err) === 'ENOENT' ? say(writing.pinGone) : say(writing.pinUnreadable, { detail: errnoCode(err) ?? String(err) });
  }
  if (now.sha256 === pin.sha256 && now.size === pin.size) return undefined;
  const parts: string[] = [];
  if (now.size !== pin.size) parts.push(say(writing.pinSize, { from: pin.size, to: now.size }));
  if (now.mtimeMs !== pin.mtimeMs) parts.push(say(writing.pinSaved, { at: new Date(now.mtimeMs).toISOString() }));
  parts.push(say(writing.pinContent));
  return parts.join(', ');
}

/** SHA-256 of a file, streamed (a 200,000-row sheet is not read into memory). */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
