import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createAtomicStream, tempPathFor, writeFileAtomic } from '../../src/io/atomic.js';
import { FileError } from '../../src/io/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('writeFileAtomic', () => {
  test('creates, then replaces, the target and leaves no temporary file', async () => {
    const target = join(dir, 'out.csv');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, 'second, longer content');
    expect(await readFile(target, 'utf8')).toBe('second, longer content');
    expect(await readdir(dir)).toEqual(['out.csv']);
  });

  test('the temporary file is hidden, in the same folder, and unique', () => {
    const a = tempPathFor(join(dir, 'links.xlsx'));
    const b = tempPathFor(join(dir, 'links.xlsx'));
    expect(a).not.toBe(b);
    expect(a.startsWith(join(dir, `.links.xlsx.${process.pid}.`))).toBe(true);
    expect(a.endsWith('.tmp')).toBe(true);
  });

  test('a missing folder is an OUTPUT_UNWRITABLE error naming the path and the reason', async () => {
    const target = join(dir, 'no-such-folder', 'out.csv');
    const err = await catchError(writeFileAtomic(target, 'x'));
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).code).toBe('OUTPUT_UNWRITABLE');
    expect((err as FileError).file).toBe(target);
    expect((err as FileError).message).toContain(target);
    expect((err as FileError).message).toContain('does not exist');
  });

  test('a target that is a folder fails cleanly and leaves no temporary file', async () => {
    const target = join(dir, 'folder');
    await mkdir(target);
    const err = await catchError(writeFileAtomic(target, 'x'));
    expect((err as FileError).code).toBe('OUTPUT_UNWRITABLE');
    expect((err as FileError).message).toMatch(/folder/);
    expect(await readdir(dir)).toEqual(['folder']);
  });

  test.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'a read-only folder says permission denied',
    async () => {
      const { chmod } = await import('node:fs/promises');
      await chmod(dir, 0o500);
      const err = await catchError(writeFileAtomic(join(dir, 'out.csv'), 'x'));
      await chmod(dir, 0o700);
      expect((err as FileError).message).toContain('permission denied');
    },
  );
});

describe('createAtomicStream', () => {
  test('nothing appears at the target until commit', async () => {
    const target = join(dir, 'out.txt');
    await writeFile(target, 'previous');
    const atomic = await createAtomicStream(target);
    atomic.stream.write('new ');
    atomic.stream.write('content');
    await new Promise((r) => setTimeout(r, 20));
    expect(await readFile(target, 'utf8')).toBe('previous');
    expect(existsSync(atomic.tempPath)).toBe(true);
    await atomic.commit();
    expect(await readFile(target, 'utf8')).toBe('new content');
    expect(existsSync(atomic.tempPath)).toBe(false);
  });

  test('abort removes the temporary file and keeps the previous target', async () => {
    const target = join(dir, 'out.txt');
    await writeFile(target, 'previous');
    const atomic = await createAtomicStream(target);
    atomic.stream.write('x'.repeat(1_000_000));
    await atomic.abort();
    expect(await readFile(target, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['out.txt']);
    await atomic.abort(); // idempotent
  });

  test('new files get the requested mode', async () => {
    const target = join(dir, 'secret.txt');
    await writeFileAtomic(target, 'x', { mode: 0o600 });
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe('a writer killed mid-write (SIGKILL)', () => {
  const built = resolve('dist/io/write/index.js');
  const helper = resolve('test/helpers/kill-mid-write.mjs');

  test.skipIf(!existsSync(built)).each(['csv', 'xlsx'])(
    'leaves the previous %s intact and at most a stray temporary file (needs dist/: npm run build)',
    async (format) => {
      const target = join(dir, `links.${format}`);
      await writeFile(target, 'the previous, complete output');
      const child = spawn(process.execPath, [helper, pathToFileURL(built).href, target, format], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      await new Promise<void>((resolveStarted, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('writing')) resolveStarted();
        });
        child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
      });
      const exited = new Promise((r) => child.on('exit', (_code, signal) => r(signal)));
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      expect(await readFile(target, 'utf8')).toBe('the previous, complete output');
      const others = (await readdir(dir)).filter((name) => name !== `links.${format}`);
      expect(others).toHaveLength(1);
      expect(others[0]).toMatch(new RegExp(`^\\.links\\.${format}\\.${child.pid}\\.[0-9a-f]+\\.tmp$`));
      expect((await stat(join(dir, others[0]!))).size).toBeGreaterThan(0); // it really was writing
    },
  );
});
