/**
 * Atomic file replacement: write a temporary file in the same folder as the
 * target, fsync it, rename it over the target, fsync the folder.
 *
 * Why the same folder: rename is only atomic within one file system, and the
 * folder is the one place we know shares it with the target. Why the fsyncs:
 * without the first, a crash after the rename can leave a target of the right
 * name and zero bytes; without the second, the rename itself may not survive a
 * power cut. A process killed at any moment leaves at most a stray
 * `.<name>.<pid>.<random>.tmp` beside the target, never a half-written target.
 *
 * A target held open by another program: on Windows, Excel locks a workbook
 * it has open and the rename fails with EBUSY or EPERM. The rename is retried
 * with backoff for about five seconds (the clerk may be closing it), then the
 * write fails with a message that says to close the file in Excel; the
 * caller keeps its emergency copy. No Windows machine runs the tests, so they
 * simulate the error through `renameSeam` (below).
 */
import { randomBytes } from 'node:crypto';
import { close, createWriteStream, fsync, open as openFd, type WriteStream } from 'node:fs';
import { open, rename as fsRename, unlink, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { FileError } from './errors.js';
import { say } from '../i18n/message.js';
import { writing } from '../i18n/messages/writing.js';

export interface AtomicWriteOptions {
  /** Permission bits of a new file (before the umask); default 0o666. */
  mode?: number;
}

export interface AtomicStream {
  /** The final path, where the file appears on `commit()`. */
  readonly path: string;
  /** The temporary file being written. */
  readonly tempPath: string;
  /** Writes go to the temporary file. Errors on it surface from `commit()`. */
  readonly stream: WriteStream;
  /**
   * Ends the stream if the caller has not (a caller that pipes into it must
   * wait for its pipeline first), then fsyncs, renames into place and fsyncs
   * the folder. On failure the temporary file is removed.
   */
  commit(): Promise<void>;
  /** Stops writing and removes the temporary file; the target is untouched. Never throws. */
  abort(): Promise<void>;
}

/**
 * The rename into place and its retry schedule, as a seam: tests replace
 * `renameSeam.rename` with a function that fails with EBUSY/EPERM (and
 * shorten `delaysMs`) to play a workbook held open by Excel, then restore it.
 * Nothing else should touch it.
 */
export const renameSeam: { rename: (from: string, to: string) => Promise<void>; delaysMs: readonly number[] } = {
  rename: fsRename,
  // ~5 s in all: long enough for a person to close the file, short enough not to look hung.
  delaysMs: [100, 200, 400, 800, 1500, 2000],
};

/** Errors a rename gets while another program holds the target open (Windows: EBUSY, EPERM, sometimes EACCES). */
export function isHeldOpen(err: unknown): boolean {
  const code = errnoCode(err);
  return code === 'EBUSY' || code === 'EPERM' || (code === 'EACCES' && process.platform === 'win32');
}

/** Renames, retrying while the target is held open by another program; the last error if it stays held. */
async function renameIntoPlace(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await renameSeam.rename(from, to);
      return;
    } catch (err) {
      const delay = renameSeam.delaysMs[attempt];
      if (!isHeldOpen(err) || delay === undefined) {
        if (isHeldOpen(err)) throw heldOpenError(to, err, renameSeam.delaysMs.reduce((a, b) => a + b, 0));
        throw err;
      }
      await sleep(delay);
    }
  }
}

function heldOpenError(target: string, err: unknown, waitedMs: number): FileError {
  return new FileError(
    'OUTPUT_UNWRITABLE',
    target,
    say(writing.heldOpen, { file: target, code: errnoCode(err) ?? '', seconds: Math.round(waitedMs / 1000) }),
    { cause: err },
  );
}

const openFdAsync = promisify(openFd);
const fsyncAsync = promisify(fsync);
const closeAsync = promisify(close);

/** The temporary name for `target`: hidden, unique per process and call, same folder. */
export function tempPathFor(target: string): string {
  const name = `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  return join(dirname(target), name);
}

/** The pid that wrote `name` if it is one of `target`'s temporary files (see tempPathFor), else undefined. */
export function tempOwnerPid(target: string, name: string): number | undefined {
  const prefix = `.${basename(target)}.`;
  if (!name.startsWith(prefix)) return undefined;
  const match = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length));
  return match ? Number(match[1]) : undefined;
}

/** Opens a temporary file beside `target` and returns a stream into it. */
export async function createAtomicStream(target: string, options: AtomicWriteOptions = {}): Promise<AtomicStream> {
  const tempPath = tempPathFor(target);
  let fd: number;
  try {
    fd = await openFdAsync(tempPath, 'wx', options.mode ?? 0o666);
  } catch (err) {
    throw outputError(target, err);
  }
  // A plain descriptor, not a FileHandle: a FileHandle cannot be closed while a
  // stream holds it. autoClose off: we fsync after the stream finishes, then close.
  const stream = createWriteStream('', { fd, autoClose: false });
  let closed = false;
  const closeOnce = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await closeAsync(fd);
  };
  let streamError: unknown;
  // An error must not crash the process as an unhandled 'error' event; commit() reports it.
  stream.on('error', (err) => {
    streamError ??= err;
  });
  let settled = false;

  const discard = async (): Promise<void> => {
    // The descriptor is closed exactly once: a second close could shut a file or socket
    // opened meanwhile under the same number. destroy() closes it (even with autoClose off),
    // after any pending write has settled; if we closed it already, the stream is left alone.
    if (!closed && !stream.closed) {
      closed = true;
      const closedEvent = new Promise<void>((resolve) => stream.once('close', () => resolve()));
      stream.destroy();
      await closedEvent;
    }
    await closeOnce().catch(() => undefined);
    await unlink(tempPath).catch(() => undefined);
  };

  return {
    path: target,
    tempPath,
    stream,
    async commit() {
      if (settled) throw new Error(`atomic write of ${target} already ${streamError ? 'failed' : 'finished'}`);
      settled = true;
      try {
        if (!stream.writableEnded) stream.end();
        if (streamError === undefined) await finished(stream).catch((err: unknown) => (streamError ??= err));
        if (streamError !== undefined) throw streamError;
        await fsyncAsync(fd);
        await closeOnce();
        await renameIntoPlace(tempPath, target);
      } catch (err) {
        await discard();
        throw outputError(target, err);
      }
      await syncFolder(dirname(target));
    },
    async abort() {
      if (settled) return;
      settled = true;
      await discard();
    },
  };
}

/**
 * The last step of a sheet writer: `flush` pushes what the format still holds
 * into the stream (the CSV stringifier's tail, the workbook's zip), then the
 * file is committed. If flushing fails, the temporary file is removed and the
 * failure is reported against the output path; the previous file stays.
 */
export async function flushAndCommit(atomic: AtomicStream, flush: () => Promise<void>): Promise<void> {
  try {
    await flush();
  } catch (err) {
    await atomic.abort();
    throw outputError(atomic.path, err);
  }
  await atomic.commit();
}

/** Replaces `target` with `data` atomically. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const atomic = await createAtomicStream(target, options);
  atomic.stream.write(data);
  await atomic.commit();
}

/**
 * Makes a rename or a new file in `folder` durable. Windows cannot open a
 * folder (EISDIR/EPERM) and some file systems refuse to fsync one (EINVAL):
 * there the rename is as durable as the platform allows, so we carry on.
 */
export async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (err) {
    const code = errnoCode(err);
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw outputError(folder, err);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Turns an OS error while writing `file` into a FileError that says what happened and what to do. */
export function outputError(file: string, err: unknown): FileError {
  if (err instanceof FileError) return err;
  const reason = describeReason(file, err);
  return new FileError('OUTPUT_UNWRITABLE', file, say(writing.cannotWrite, { file, reason }), { cause: err });
}

function describeReason(file: string, err: unknown): string {
  const code = errnoCode(err);
  switch (code) {
    case 'ENOENT':
      return say(writing.folderMissing, { folder: dirname(file) });
    case 'ENOTDIR':
      return say(writing.partIsFile, { folder: dirname(file) });
    case 'EISDIR':
      return say(writing.pathIsFolder);
    case 'EACCES':
    case 'EPERM':
      return process.platform === 'win32' ? say(writing.permissionWindows) : say(writing.permission);
    case 'EBUSY':
      return say(writing.busy);
    case 'ENOSPC':
      return say(writing.diskFull);
    case 'EDQUOT':
      return say(writing.quota);
    case 'EROFS':
      return say(writing.readOnly);
    case 'ENAMETOOLONG':
      return say(writing.pathTooLong);
    default: {
      const message = err instanceof Error ? err.message : String(err);
      return code === undefined ? message : `${message} (${code})`;
    }
  }
}

export function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
