import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FileError } from '../../src/io/errors.js';
import { acquireLock, LockError } from '../../src/io/lock.js';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-lock-'));
  path = join(dir, 'run.lock');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has just exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const pid = child.pid!;
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGKILL');
  await exited;
  return pid;
}

describe('acquireLock', () => {
  test('creates the lock file with who holds it, and release removes it', async () => {
    const lock = await acquireLock(path, { command: 'paylinks issue billing.csv' });
    const content = JSON.parse(await readFile(path, 'utf8'));
    expect(content).toMatchObject({ pid: process.pid, hostname: hostname(), command: 'paylinks issue billing.csv' });
    expect(Date.parse(content.startedAt)).not.toBeNaN();
    expect(await lock.release()).toBe(true);
    expect(await readdir(dir)).toEqual([]);
    expect(await lock.release()).toBe(false);
  });

  test('a second acquire fails with LOCK_HELD naming the holder pid, start time and lock path', async () => {
    const lock = await acquireLock(path);
    const err = await acquireLock(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockError);
    expect((err as LockError).code).toBe('LOCK_HELD');
    expect((err as LockError).file).toBe(path);
    expect((err as LockError).message).toContain(String(process.pid));
    expect((err as LockError).message).toContain(lock.holder.startedAt);
    expect((err as LockError).message).toContain(path);
    await lock.release();
  });

  test('wait mode gets the lock once the holder releases it', async () => {
    const first = await acquireLock(path);
    setTimeout(() => void first.release(), 150);
    const second = await acquireLock(path, { wait: true, pollMs: 20, timeoutMs: 5000 });
    expect(second.holder.token).not.toBe(first.holder.token);
    expect(JSON.parse(await readFile(path, 'utf8')).token).toBe(second.holder.token);
    await second.release();
  });

  test('wait mode gives up after timeoutMs with LOCK_HELD', async () => {
    const first = await acquireLock(path);
    const started = Date.now();
    const err = await acquireLock(path, { wait: true, pollMs: 20, timeoutMs: 150 }).catch((e: unknown) => e);
    expect((err as LockError).code).toBe('LOCK_HELD');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await first.release();
  });

  test('a stale lock of a dead process is taken over', async () => {
    const pid = await deadPid();
    const stale = { pid, hostname: hostname(), startedAt: '2025-01-01T00:00:00.000Z', command: 'old', token: 'dead' };
    await writeFile(path, JSON.stringify(stale));
    const lock = await acquireLock(path);
    expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
    expect(await readdir(dir)).toEqual(['run.lock']); // the stale file moved aside is gone
    await lock.release();
  });

  test('concurrent takers of one stale lock: exactly one wins', async () => {
    const pid = await deadPid();
    await writeFile(path, JSON.stringify({ pid, hostname: hostname(), startedAt: 'x', command: 'old', token: 'dead' }));
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => acquireLock(path)));
    const winners = results.filter((r) => r.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as LockError).code).toBe('LOCK_HELD');
    const owner = JSON.parse(await readFile(path, 'utf8')).token;
    expect(owner).toBe((winners[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireLock>>>).value.holder.token);
    expect(await readdir(dir)).toEqual(['run.lock']);
  });

  test('a lock held on another host is never taken over', async () => {
    await writeFile(path, JSON.stringify({ pid: 1, hostname: 'other-host', startedAt: 'x', command: 'c', token: 't' }));
    const err = await acquireLock(path).catch((e: unknown) => e);
    expect((err as LockError).code).toBe('LOCK_HELD');
    expect((err as LockError).message).toContain('other-host');
  });

  test('an empty lock file is left alone while fresh, taken over once old', async () => {
    await writeFile(path, '');
    expect(((await acquireLock(path).catch((e: unknown) => e)) as LockError).code).toBe('LOCK_HELD');
    const old = new Date(Date.now() - 60_000);
    await utimes(path, old, old);
    const lock = await acquireLock(path);
    await lock.release();
  });

  test('release removes only our own lock', async () => {
    const lock = await acquireLock(path);
    const someoneElse = { pid: 12345, hostname: 'h', startedAt: 'x', command: 'c', token: 'theirs' };
    await writeFile(path, JSON.stringify(someoneElse));
    expect(await lock.release()).toBe(false);
    expect(JSON.parse(await readFile(path, 'utf8')).token).toBe('theirs');
  });

  test('a missing folder is OUTPUT_UNWRITABLE', async () => {
    const err = await acquireLock(join(dir, 'nope', 'run.lock')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).code).toBe('OUTPUT_UNWRITABLE');
  });

  test('releaseOnExit registers a synchronous exit handler that removes our lock; undo unregisters it', async () => {
    const lock = await acquireLock(path);
    const before = process.listenerCount('exit');
    const undo = lock.releaseOnExit();
    expect(process.listenerCount('exit')).toBe(before + 1);
    const handler = process.listeners('exit').at(-1)!;
    undo();
    expect(process.listenerCount('exit')).toBe(before);
    handler.call(process, 0);
    expect(await readdir(dir)).toEqual([]);
  });

  const built = resolve('dist/io/lock.js');
  test.skipIf(!existsSync(built))(
    'real processes: exit releases through releaseOnExit; a SIGKILLed holder leaves a lock that is taken over (needs npm run build)',
    async () => {
      const script = (exitHow: string): string =>
        `const { acquireLock } = await import(${JSON.stringify(pathToFileURL(built).href)});
         const lock = await acquireLock(${JSON.stringify(path)});
         lock.releaseOnExit();
         process.stdout.write('locked\\n');
         ${exitHow}`;
      const run = (exitHow: string, kill: boolean): Promise<string | null> =>
        new Promise((done, fail) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', script(exitHow)], { stdio: ['ignore', 'pipe', 'inherit'] });
          child.stdout.on('data', (d: Buffer) => {
            if (kill && d.toString().includes('locked')) child.kill('SIGKILL');
          });
          child.on('exit', (_code, signal) => done(signal));
          child.on('error', fail);
        });

      await run('process.exit(0);', false);
      expect(existsSync(path)).toBe(false);

      expect(await run('setInterval(() => {}, 1000);', true)).toBe('SIGKILL');
      expect(existsSync(path)).toBe(true);
      const lock = await acquireLock(path);
      expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
      await lock.release();
    },
  );

  test('never lets two of several racing processes hold a lock taken over from a dead run', async () => {
    const child = fileURLToPath(new URL('../helpers/lock-child.mjs', import.meta.url));
    for (let round = 0; round < 4; round += 1) {
      const path = join(dir, `race-${round}.lock`);
      // A lock left by a run that died: a pid that does not exist on this host.
      await writeFile(path, `${JSON.stringify({ pid: 4_000_000, hostname: hostname(), startedAt: 'x', command: 'dead', token: `dead${round}` })}\n`);
      const startAt = Date.now() + 800;
      const holds = await Promise.all(
        Array.from({ length: 4 }, () =>
          new Promise<{ got: boolean; from?: number; to?: number }>((resolve, reject) => {
            const c = spawn(process.execPath, [child, path, String(startAt)]);
            let out = '';
            c.stdout.on('data', (d: Buffer) => (out += d.toString()));
            c.on('error', reject);
            c.on('close', () => resolve(JSON.parse(out || '{"got":false}') as { got: boolean; from?: number; to?: number }));
          }),
        ),
      );
      const held = holds.filter((h) => h.got).sort((a, b) => (a.from ?? 0) - (b.from ?? 0));
      expect(held.length).toBeGreaterThan(0);
      for (let i = 1; i < held.length; i += 1) expect(held[i]?.from ?? 0, `round ${round}: two holders at once`).toBeGreaterThanOrEqual(held[i - 1]?.to ?? 0);
    }
  });
});
