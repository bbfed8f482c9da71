/**
 * A target held open by another program (Excel on Windows): the rename into
 * place fails with EBUSY/EPERM. Simulated through atomic.ts's `renameSeam`
 * (no Windows machine runs these tests): the seam's rename fails the first N
 * times, then does the real rename.
 */
import { rename } from 'node:fs/promises';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileError } from '../../src/io/errors.js';
import { renameSeam, writeFileAtomic } from '../../src/io/atomic.js';

const original = { ...renameSeam };
afterEach(() => Object.assign(renameSeam, original));

/** A rename that fails with `code` the first `times` calls; counts calls. */
function heldOpen(code: string, times: number): { calls: number } {
  const state = { calls: 0 };
  renameSeam.rename = async (from, to) => {
    state.calls += 1;
    if (state.calls <= times) throw Object.assign(new Error(`${code}: resource busy or locked, rename '${from}' -> '${to}'`), { code });
    await rename(from, to);
  };
  renameSeam.delaysMs = [5, 10, 20, 40];
  return state;
}

describe('atomic write: a target held open by another program', () => {
  it.each(['EBUSY', 'EPERM'])('%s for a moment: retried, then written', async (code) => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-held-'));
    const target = join(dir, 'links.xlsx');
    await writeFile(target, 'old');
    const state = heldOpen(code, 3);
    await writeFileAtomic(target, 'new');
    expect(state.calls).toBe(4);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['links.xlsx']);
  });

  it('held for good: gives up after the bounded retries, says to close it in Excel, keeps the old file, leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-held-'));
    const target = join(dir, 'links.xlsx');
    await writeFile(target, 'old');
    const state = heldOpen('EBUSY', Infinity);
    const err = await writeFileAtomic(target, 'new').then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).message).toMatch(/another program has the file open \(EBUSY; Excel locks a workbook while it is open\).*Close the file in Excel/);
    expect(state.calls).toBe(5); // the first try and one per delay
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['links.xlsx']);
  });

  it('other rename errors are not retried', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-held-'));
    const state = heldOpen('EXDEV', Infinity);
    await expect(writeFileAtomic(join(dir, 'x.csv'), 'new')).rejects.toThrow(/EXDEV/);
    expect(state.calls).toBe(1);
  });
});
