/**
 * A durable, append-only journal of JSON lines: what makes a run resumable.
 *
 * `append` resolves only once the entry's bytes are on disk (fdatasync), so
 * a caller that waits for it before acting (say, before sending a request)
 * can trust the journal after a crash, a kill -9 or a power cut.
 *
 * Group commit: appends made while a write is in flight are queued and
 * written together, with one write and one fdatasync, in the order they were
 * made. Sixteen workers appending at once pay for one or two syncs, not
 * sixteen.
 *
 * Replay at open tolerates the one kind of damage a crash can cause: a torn
 * last line (no trailing newline, or not valid JSON). It is dropped and cut
 * from the file, so the next append starts on a clean line; its append never
 * resolved, so no caller acted on it. Damage anywhere else means the file was
 * edited or corrupted, and we stop rather than guess (JOURNAL_CORRUPT).
 *
 * The file is created with mode 0600. It must carry no secrets: callers never
 * put keys, tranKeys or credentials in an entry.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { outputError, syncFolder, errnoCode } from './atomic.js';
import { FileError } from './errors.js';
import { say } from '../i18n/message.js';
import { writing } from '../i18n/messages/writing.js';

export interface Journal<T extends object> {
  readonly path: string;
  /** Every entry replayed from disk at open, oldest first. Appends made since are not added. */
  readonly entries: T[];
  /** Writes one entry; resolves once it is durable. Rejects with a FileError if the disk refuses. */
  append(entry: T): Promise<void>;
  /** Waits for pending appends, then closes the file. */
  close(): Promise<void>;
  /** Counters: how many batched writes and syncs were made (group commit makes these fewer than appends). */
  readonly stats: { readonly appends: number; readonly syncs: number };
}

interface Pending {
  line: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export async function openJournal<T extends object>(path: string): Promise<Journal<T>> {
  let handle: FileHandle;
  let existed = true;
  try {
    handle = await open(path, 'r+');
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw outputError(path, err);
    existed = false;
    // 'a+' creates it; 0600 because it describes who owes what.
    handle = await open(path, 'a+', 0o600).catch((e: unknown) => Promise.reject(outputError(path, e)));
  }
  try {
    const { entries, keepBytes, size } = await replay<T>(path, handle);
    if (keepBytes < size) {
      await handle.truncate(keepBytes);
      await handle.sync();
    }
    if (existed) {
      // Reopen for appending: O_APPEND makes every write land at the end, whatever the position.
      await handle.close();
      handle = await open(path, 'a');
    } else {
      await syncFolder(dirname(path)); // make the new file's name itself durable
    }
    return new JsonLinesJournal<T>(path, handle, entries);
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err instanceof FileError ? err : outputError(path, err);
  }
}

/**
 * Replays a journal without changing it: no file is created, a torn last line
 * is skipped but not cut. For readers (status, reports) that hold no lock.
 * A missing journal reads as no entries.
 */
export async function readJournal<T extends object>(path: string): Promise<T[]> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return [];
    throw outputError(path, err);
  }
  try {
    return (await replay<T>(path, handle)).entries;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Reads every line; returns the entries and how many bytes of the file are sound. */
async function replay<T extends object>(
  path: string,
  handle: FileHandle,
): Promise<{ entries: T[]; keepBytes: number; size: number }> {
  const bytes = await handle.readFile();
  const entries: T[] = [];
  let start = 0;
  let lineNumber = 0;
  while (start < bytes.length) {
    lineNumber += 1;
    const newline = bytes.indexOf(0x0a, start);
    const complete = newline !== -1;
    const end = complete ? newline : bytes.length;
    const isLast = !complete || end + 1 >= bytes.length;
    const text = bytes.toString('utf8', start, end);
    const entry = complete ? parseEntry<T>(text) : undefined;
    if (entry === undefined && text.trim() !== '') {
      // A torn tail: the crash cut the last write. Drop it; it was never confirmed.
      if (isLast) return { entries, keepBytes: start, size: bytes.length };
      throw corrupt(path, lineNumber, text);
    }
    if (entry !== undefined) entries.push(entry);
    start = end + 1;
  }
  return { entries, keepBytes: bytes.length, size: bytes.length };
}

function parseEntry<T extends object>(text: string): T | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

function corrupt(path: string, line: number, text: string): FileError {
  const excerpt = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return new FileError(
    'JOURNAL_CORRUPT',
    path,
    say(writing.journalCorrupt, { path, line, excerpt: JSON.stringify(excerpt) }),
    { row: line },
  );
}

class JsonLinesJournal<T extends object> implements Journal<T> {
  readonly stats = { appends: 0, syncs: 0 };
  private queue: Pending[] = [];
  private running = false;
  private draining: Promise<void> = Promise.resolve();
  private failure: FileError | undefined;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly entries: T[],
  ) {}

  append(entry: T): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.path} is closed`));
    if (this.failure) return Promise.reject(this.failure);
    let line: string;
    try {
      // JSON.stringify never emits a raw newline, so one entry is always one line.
      line = `${JSON.stringify(entry)}\n`;
    } catch (err) {
      return Promise.reject(err);
    }
    this.stats.appends += 1;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      this.kick();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.draining;
    await this.handle.close().catch(() => undefined);
  }

  /** Starts the writer on the next microtask, so appends made in the same turn share a batch. */
  private kick(): void {
    if (this.running) return;
    this.running = true;
    this.draining = Promise.resolve().then(() => this.drain());
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        try {
          await this.writeAll(Buffer.from(batch.map((p) => p.line).join(''), 'utf8'));
          await this.handle.datasync();
          this.stats.syncs += 1;
          for (const p of batch) p.resolve();
        } catch (err) {
          // After a failed write or sync the file's state is unknown (and a retried
          // fsync can falsely succeed), so every later append fails too.
          this.failure = outputError(this.path, err);
          for (const p of [...batch, ...this.queue.splice(0)]) p.reject(this.failure);
        }
      }
    } finally {
      // Runs in the same turn as the empty-queue check: no append can slip in between.
      this.running = false;
    }
  }

  private async writeAll(buffer: Buffer): Promise<void> {
    let offset = 0;
    while (offset < buffer.length) {
      const { bytesWritten } = await this.handle.write(buffer, offset, buffer.length - offset);
      offset += bytesWritten;
    }
  }
}
