/**
 * Before a run sends anything, prove that its output can be written: once
 * links exist, a failed write can no longer be answered with "nothing was
 * sent, fix it and run again" (exit 2). Each check here is one that failed
 * after sending before it existed: a folder at the output path, a name too
 * long for the temporary file beside it, a read-only folder, a full disk.
 *
 * The checks are honest, not exhaustive: the disk can still fill up, or the
 * folder change, after they pass. What happens then is the caller's
 * emergency path (see pipeline/issue/output-fault.ts).
 */
import { open, stat, statfs, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errnoCode, outputError, tempPathFor } from './atomic.js';
import { FileError } from './errors.js';
import { say } from '../i18n/message.js';
import { writing } from '../i18n/messages/writing.js';

export interface PreflightOptions {
  /** Bytes the run expects to write into the output's folder (output, journal, temporary file). */
  bytesNeeded: number;
}

export interface FreeSpace {
  /** Bytes an unprivileged process may still write in the folder. */
  available: number;
}

/** Seam for tests: the free space of a folder. */
export type FreeSpaceProbe = (folder: string) => Promise<FreeSpace | undefined>;

export async function folderFreeSpace(folder: string): Promise<FreeSpace | undefined> {
  try {
    const fs = await statfs(folder);
    return { available: Number(fs.bavail) * Number(fs.bsize) };
  } catch {
    // A file system that cannot say (some network shares): the other checks still stand.
    return undefined;
  }
}

/**
 * Throws a FileError (OUTPUT_UNWRITABLE) naming the problem and what to do; resolves, with warnings
 * for what may still go wrong (the output open in Excel), when the output can be written.
 */
export async function preflightOutput(target: string, options: PreflightOptions, freeSpace: FreeSpaceProbe = folderFreeSpace): Promise<string[]> {
  const folder = dirname(resolve(target));
  const folderInfo = await stat(folder).catch((err: unknown) => Promise.reject(refusal(target, err)));
  if (!folderInfo.isDirectory()) throw refusal(target, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  const targetInfo = await stat(target).catch(() => undefined);
  if (targetInfo?.isDirectory()) throw refusal(target, Object.assign(new Error('a folder'), { code: 'EISDIR' }));
  // The very name the atomic write will use (same length: pid and random part included), created and
  // removed: proves the folder is writable and the name fits the file system (NAME_MAX, 255 bytes on most).
  // It is the longest name the run puts beside the output (`<out>.journal`, `<out>.lock.takeover` are shorter).
  await tryCreate(target, tempPathFor(target));
  const space = await freeSpace(folder);
  if (space !== undefined && space.available < options.bytesNeeded) {
    throw new FileError('OUTPUT_UNWRITABLE', target, notEnoughSpaceMessage(target, folder, options.bytesNeeded, space.available));
  }
  return (await openInExcel(target)) ? [openInExcelWarning(target)] : [];
}

/**
 * Excel keeps an owner file `~$<name>` beside a workbook it has open (the name's first two characters
 * give way to `~$` when it is long). It may be a leftover of a crash, so it is a warning, not a refusal.
 */
async function openInExcel(target: string): Promise<boolean> {
  const name = basename(target);
  const candidates = [`~$${name}`, `~$${name.slice(2)}`];
  for (const candidate of candidates) if (await stat(join(dirname(target), candidate)).then(() => true, () => false)) return true;
  return false;
}

export function openInExcelWarning(target: string): string {
  return say(writing.openInExcel, { file: target });
}

async function tryCreate(target: string, path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (err) {
    throw refusal(target, err, path);
  }
  await handle.close();
  await unlink(path).catch(() => undefined);
}

/** The OS error as a FileError that also says nothing was sent (the preflight runs before the first create). */
function refusal(target: string, err: unknown, path?: string): FileError {
  if (path !== undefined && errnoCode(err) === 'ENAMETOOLONG') {
    const bytes = Buffer.byteLength(path.slice(dirname(path).length + 1));
    return new FileError('OUTPUT_UNWRITABLE', target, say(writing.nameTooLong, { file: target, temp: path, bytes }), { cause: err });
  }
  const base = outputError(target, err);
  return new FileError('OUTPUT_UNWRITABLE', target, say(writing.nothingSent, { message: base.message }), { cause: err });
}

export function notEnoughSpaceMessage(target: string, folder: string, needed: number, available: number): string {
  return say(writing.notEnoughSpace, { file: target, folder, needed: megabytes(needed), available: megabytes(available) });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10 * 1_048_576 ? 1 : 0)} MB`;
}
