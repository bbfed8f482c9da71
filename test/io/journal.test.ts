import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FileError } from '../../src/io/errors.js';
import { openJournal, readJournal } from '../../src/io/journal.js';

interface Entry {
  row: number;
  state: string;
}

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-journal-'));
  path = join(dir, 'run.journal');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openJournal', () => {
  test('appends JSON lines and replays them in order on the next open', async () => {
    const journal = await openJournal<Entry>(path);
    expect(journal.entries).toEqual([]);
    expect(journal.path).toBe(path);
    await journal.append({ row: 2, state: 'SENDING' });
    await journal.append({ row: 2, state: 'ISSUED' });
    await journal.close();
    expect(await readFile(path, 'utf8')).toBe('{"row":2,"state":"SENDING"}\n{"row":2,"state":"ISSUED"}\n');

    const again = await openJournal<Entry>(path);
    expect(again.entries).toEqual([
      { row: 2, state: 'SENDING' },
      { row: 2, state: 'ISSUED' },
    ]);
    await again.append({ row: 3, state: 'INVALID' });
    await again.close();
    expect((await openJournal<Entry>(path)).entries.map((e) => e.row)).toEqual([2, 2, 3]);
  });

  test.skipIf(process.platform === 'win32')('a new journal is created with mode 0600', async () => {
    const journal = await openJournal<Entry>(path);
    await journal.close();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  test('group commit: 200 concurrent appends share a few syncs, keep their order, and all replay', async () => {
    const journal = await openJournal<Entry>(path);
    await Promise.all(Array.from({ length: 200 }, (_, i) => journal.append({ row: i, state: 'ISSUED' })));
    expect(journal.stats.appends).toBe(200);
    expect(journal.stats.syncs).toBeLessThan(10);
    expect(journal.stats.syncs).toBeGreaterThan(0);
    await journal.close();
    const replayed = await openJournal<Entry>(path);
    expect(replayed.entries.map((e) => e.row)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    await replayed.close();
  });

  test('appends arriving while a sync is in flight join the next batch', async () => {
    const journal = await openJournal<Entry>(path);
    const first = journal.append({ row: 1, state: 'A' });
    await Promise.resolve(); // the first batch starts
    const later = Array.from({ length: 15 }, (_, i) => journal.append({ row: i + 2, state: 'B' }));
    await Promise.all([first, ...later]);
    expect(journal.stats.syncs).toBeLessThanOrEqual(2);
    await journal.close();
    expect((await openJournal<Entry>(path)).entries).toHaveLength(16);
  });

  test('a torn last line (no newline) is dropped and cut, so the next append starts clean', async () => {
    await writeFile(path, '{"row":1,"state":"ISSUED"}\n{"row":2,"sta');
    const journal = await openJournal<Entry>(path);
    expect(journal.entries).toEqual([{ row: 1, state: 'ISSUED' }]);
    expect(await readFile(path, 'utf8')).toBe('{"row":1,"state":"ISSUED"}\n');
    await journal.append({ row: 2, state: 'ISSUED' });
    await journal.close();
    expect((await openJournal<Entry>(path)).entries.map((e) => e.row)).toEqual([1, 2]);
  });

  test('a last line that is complete JSON but lacks its newline was never confirmed: dropped too', async () => {
    await writeFile(path, '{"row":1,"state":"ISSUED"}\n{"row":2,"state":"ISSUED"}');
    const journal = await openJournal<Entry>(path);
    expect(journal.entries).toHaveLength(1);
    await journal.close();
  });

  test('a last line of zero bytes (left by a crash) is cut', async () => {
    await writeFile(path, Buffer.concat([Buffer.from('{"row":1,"state":"ISSUED"}\n'), Buffer.alloc(40)]));
    const journal = await openJournal<Entry>(path);
    expect(journal.entries).toHaveLength(1);
    await journal.close();
    expect((await stat(path)).size).toBe('{"row":1,"state":"ISSUED"}\n'.length);
  });

  test('an invalid last line with its newline is dropped', async () => {
    await writeFile(path, '{"row":1,"state":"ISSUED"}\n{"row":2,"st\n');
    const journal = await openJournal<Entry>(path);
    expect(journal.entries).toHaveLength(1);
    await journal.close();
    expect(await readFile(path, 'utf8')).toBe('{"row":1,"state":"ISSUED"}\n');
  });

  test('an invalid line in the middle is JOURNAL_CORRUPT, naming the file and the line', async () => {
    await writeFile(path, '{"row":1,"state":"ISSUED"}\n{"row":2,"st\n{"row":3,"state":"ISSUED"}\n');
    const err = await openJournal<Entry>(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).code).toBe('JOURNAL_CORRUPT');
    expect((err as FileError).file).toBe(path);
    expect((err as FileError).row).toBe(2);
    expect((err as FileError).message).toContain(`"${path}"`);
    expect((err as FileError).message).toContain('line 2');
    expect((err as FileError).message).toMatch(/move it aside only if you know the run .* had finished/);
    // The file is left as it was, for a person to look at.
    expect(await readFile(path, 'utf8')).toContain('{"row":3');
  });

  test('a missing folder is OUTPUT_UNWRITABLE', async () => {
    const err = await openJournal<Entry>(join(dir, 'nope', 'run.journal')).catch((e: unknown) => e);
    expect((err as FileError).code).toBe('OUTPUT_UNWRITABLE');
  });

  test('a journal written by an earlier run is replayed; append after close is refused', async () => {
    await appendFile(path, '{"row":9,"state":"FAILED"}\n');
    const journal = await openJournal<Entry>(path);
    expect(journal.entries).toEqual([{ row: 9, state: 'FAILED' }]);
    await journal.close();
    await expect(journal.append({ row: 1, state: 'x' })).rejects.toThrow(/closed/);
  });
});

describe('readJournal', () => {
  test('replays without creating or repairing the file', async () => {
    expect(await readJournal<Entry>(path)).toEqual([]);
    expect(existsSync(path)).toBe(false);
    const torn = '{"row":1,"state":"ISSUED"}\n{"row":2';
    await writeFile(path, torn);
    expect(await readJournal<Entry>(path)).toEqual([{ row: 1, state: 'ISSUED' }]);
    expect(await readFile(path, 'utf8')).toBe(torn);
  });
});
