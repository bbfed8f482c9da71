/**
 * A lock file, so two runs never work on the same journal at once (two runs
 * of `issue` on one sheet would each send the rows the other has not
 * journaled yet, and bill the same payer twice).
 *
 * The lock is a file created exclusively (`wx`) holding who took it:
 * `{pid, hostname, startedAt, command, token}`. A lock whose process is gone
 * (same host, `kill(pid, 0)` says ESRCH) is stale and taken over. The takeover
 * renames the stale file aside first, then checks that what it moved is the
 * very file it judged stale (by its token): two processes racing to take
 * over the same stale lock cannot both win, because only one rename of that
 * file can succeed, and a taker that moved a fresh lock by mistake puts it back.
 *
 * Limits: a lock held on another host is always treated as alive (we cannot
 * ask that host); a pid reused by an unrelated process after a reboot makes a
 * stale lock look alive, and the message names the file to remove by hand.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PaylinksError } from '../errors.js';
import { errnoCode, outputError } from './atomic.js';
import { say } from '../i18n/message.js';
import { lock as lockText } from '../i18n/messages/lock.js';

export type LockErrorCode = 'LOCK_HELD';

export class LockError extends PaylinksError<LockErrorCode> {
  override readonly name = 'LockError';
  /** The lock file. */
  readonly file: string;
  readonly holder?: LockHolder;

  constructor(code: LockErrorCode, file: string, message: string, holder?: LockHolder) {
    super(code, message);
    this.file = file;
    this.holder = holder;
  }

  protected override safeFields(): Record<string, unknown> {
    return { file: this.file, holder: this.holder };
  }
}

/** What a lock file says about its holder. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** ISO 8601. */
  startedAt: string;
  command: string;
  /** Unique per acquisition: tells our lock from a later one by the same pid. */
  token: string;
}

export interface Lock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours; returns whether it did. */
  release(): Promise<boolean>;
  /** Releases the lock when the process exits normally (including process.exit). Returns an undo function. */
  releaseOnExit(): () => void;
}

export interface AcquireOptions {
  /** Wait for a live holder to finish instead of failing at once. */
  wait?: boolean;
  /** With `wait`: give up after this long (default: wait forever). */
  timeoutMs?: number;
  /** With `wait`: how often to look again (default 500 ms). */
  pollMs?: number;
  /** Recorded in the lock for the person who finds it (default: this process's command line). */
  command?: string;
}

/** A lock file that is empty or unreadable for this long belongs to a process that died while creating it. */
const UNREADABLE_GRACE_MS = 10_000;

/** A takeover guard older than this belongs to a taker that died mid-takeover. */
const TAKEOVER_GRACE_MS = 5_000;

export async function acquireLock(path: string, options: AcquireOptions = {}): Promise<Lock> {
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    command: options.command ?? defaultCommand(),
    token: randomBytes(12).toString('hex'),
  };
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  for (;;) {
    if (await tryCreate(path, holder)) return makeLock(path, holder);
    const current = await readHolder(path);
    if (current === 'gone') continue; // released between our attempt and our look: try again
    const stale = await staleIdentity(path, current);
    if (stale !== undefined) {
      await takeOver(path, stale);
      continue;
    }
    if (!options.wait || Date.now() >= deadline) throw heldError(path, current, options.wait === true);
    await sleep(Math.min(options.pollMs ?? 500, Math.max(1, deadline - Date.now())));
  }
}

/** Creates the lock file exclusively; false if it already exists. */
async function tryCreate(path: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return false;
    throw outputError(path, err);
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw outputError(path, err);
  }
  await handle.close();
  return true;
}

/** The holder recorded in the file; 'gone' if there is no file; 'unreadable' if it is empty or garbled. */
async function readHolder(path: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return 'gone';
    throw outputError(path, err);
  }
  return parseHolder(text) ?? 'unreadable';
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder> | null;
    if (typeof value?.pid !== 'number' || typeof value.hostname !== 'string' || typeof value.token !== 'string') return undefined;
    return {
      pid: value.pid,
      hostname: value.hostname,
      startedAt: String(value.startedAt ?? ''),
      command: String(value.command ?? ''),
      token: value.token,
    };
  } catch {
    return undefined;
  }
}

/** Whether `current` is a lock nobody holds any more; if so, what identifies that very file. */
async function staleIdentity(path: string, current: LockHolder | 'unreadable'): Promise<string | undefined> {
  if (current !== 'unreadable') {
    if (current.hostname !== hostname() || isAlive(current.pid)) return undefined;
    return current.token;
  }
  // Empty for a moment while its creator writes it; empty for long, its creator died.
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || Date.now() - info.mtimeMs <= UNREADABLE_GRACE_MS) return undefined;
  return unreadableIdentity(info);
}

function unreadableIdentity(info: { ino: number; mtimeMs: number }): string {
  return `unreadable:${info.ino}:${info.mtimeMs}`;
}

/** Whether a process with this pid exists on this host (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user — alive.
    return errnoCode(err) !== 'ESRCH';
  }
}

/**
 * Removes a stale lock so the caller can try again. Takers go one at a time,
 * behind a guard file created exclusively: under it, nobody else removes the
 * lock, so the file is still the stale one judged when it is removed. (Moving
 * it aside first and putting a fresh one back, as an earlier version did, let
 * a third run slip in between: two runs could hold the lock.) A guard left by
 * a taker that died is cleared after a few seconds.
 */
async function takeOver(path: string, identity: string): Promise<void> {
  const guard = `${path}.takeover`;
  try {
    const handle = await open(guard, 'wx', 0o644);
    await handle.close();
  } catch (err) {
    if (errnoCode(err) !== 'EEXIST') throw outputError(guard, err);
    const info = await stat(guard).catch(() => undefined);
    if (info !== undefined && Date.now() - info.mtimeMs > TAKEOVER_GRACE_MS) await unlink(guard).catch(() => undefined);
    await sleep(10 + Math.floor(Math.random() * 20));
    return; // another run is taking over: look again
  }
  try {
    if ((await identityOf(path)) === identity) {
      await unlink(path).catch((err: unknown) => {
        if (errnoCode(err) !== 'ENOENT') throw outputError(path, err);
      });
    }
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

async function identityOf(file: string): Promise<string | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const holder = parseHolder(text);
  if (holder !== undefined) return holder.token;
  const info = await stat(file).catch(() => undefined);
  return info === undefined ? undefined : unreadableIdentity(info);
}

function heldError(path: string, holder: LockHolder | 'unreadable', waited: boolean): LockError {
  const who =
    holder === 'unreadable'
      ? say(lockText.holderUnreadable)
      : say(lockText.holder, { pid: holder.pid, host: holder.hostname, startedAt: holder.startedAt, command: holder.command });
  return new LockError(
    'LOCK_HELD',
    path,
    say(lockText.held, { path, who, waited }),
    holder === 'unreadable' ? undefined : holder,
  );
}

function makeLock(path: string, holder: LockHolder): Lock {
  const isOurs = (text: string): boolean => parseHolder(text)?.token === holder.token;
  return {
    path,
    holder,
    async release() {
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text === undefined || !isOurs(text)) return false;
      await unlink(path).catch((err: unknown) => {
        if (errnoCode(err) !== 'ENOENT') throw outputError(path, err);
      });
      return true;
    },
    releaseOnExit() {
      // 'exit' handlers must be synchronous.
      const onExit = (): void => {
        try {
          if (isOurs(readFileSync(path, 'utf8'))) unlinkSync(path);
        } catch {
          // Already gone or unreadable: nothing of ours to remove.
        }
      };
      process.once('exit', onExit);
      return () => process.removeListener('exit', onExit);
    },
  };
}

/** `paylinks issue billing.csv …`: the script's name and its arguments (the design keeps secrets out of argv). */
function defaultCommand(): string {
  const script = process.argv[1] === undefined ? 'node' : basename(process.argv[1]);
  return [script, ...process.argv.slice(2)].join(' ');
}
