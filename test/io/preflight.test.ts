import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../src/io/errors.js';
import { preflightOutput } from '../../src/io/preflight.js';

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'paylinks-preflight-'));
}

async function refusal(promise: Promise<unknown>): Promise<FileError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(FileError);
  return err as FileError;
}

describe('preflightOutput', () => {
  it('passes for a writable folder with room, and leaves nothing behind', async () => {
    const dir = await folder();
    expect(await preflightOutput(join(dir, 'links.csv'), { bytesNeeded: 1024 })).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['the folder does not exist', (dir: string) => join(dir, 'missing', 'links.csv'), /the folder .* does not exist/],
    ['the path is a folder', (dir: string) => dir, /that path is a folder/],
    ['the temporary name is too long', (dir: string) => join(dir, `${'n'.repeat(235)}.csv`), /the file name is too long .* needs 2\d\d bytes/],
  ])('refuses when %s, saying nothing was sent', async (_label, target, message) => {
    const dir = await folder();
    const err = await refusal(preflightOutput(target(dir), { bytesNeeded: 1 }));
    expect(err.code).toBe('OUTPUT_UNWRITABLE');
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/Nothing was sent\.$/);
  });

  // ENOSPC simulated: the free-space probe is the seam (a real full disk is tested in test/e2e/issue-faults.test.ts as root).
  it('refuses when the estimate does not fit in the free space', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'sub'));
    const err = await refusal(preflightOutput(join(dir, 'sub', 'links.xlsx'), { bytesNeeded: 5 * 1_048_576 }, async () => ({ available: 1_048_576 })));
    expect(err.message).toMatch(/not enough free space in ".*sub" \(about 5\.0 MB needed .*; 1\.0 MB free\)\. Free some space or choose an --out on another disk\. Nothing was sent\./);
  });

  it.each([['links.xlsx', '~$links.xlsx'], ['facturas-enero-links.xlsx', '~$cturas-enero-links.xlsx']])(
    'warns when %s looks open in Excel (owner file %s)',
    async (name, owner) => {
      const dir = await folder();
      expect(await preflightOutput(join(dir, name), { bytesNeeded: 1 })).toEqual([]);
      await writeFile(join(dir, owner), '');
      const warnings = await preflightOutput(join(dir, name), { bytesNeeded: 1 });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/looks open in Excel .* close it before the run ends/);
    },
  );

  it('carries on when the file system cannot tell its free space', async () => {
    const dir = await folder();
    await preflightOutput(join(dir, 'links.csv'), { bytesNeeded: Number.MAX_SAFE_INTEGER }, async () => undefined);
  });
});
