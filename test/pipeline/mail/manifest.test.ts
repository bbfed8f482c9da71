import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { locateManifest, parseManifest, readManifest } from '../../../src/pipeline/mail/manifest.js';

let folder: string;
beforeEach(async () => {
  folder = join(await mkdtemp(join(tmpdir(), 'paylinks-manifest-')), 'links-by-Cobrador');
  await mkdir(folder);
});

const entry = (value: string, file: string) => ({ value, file, rows: 1, states: { ISSUED: { rows: 1, amounts: { COP: '1000' } } }, amounts: { COP: '1000' } });

describe('manifest', () => {
  it('the folder, _manifest.json and _manifest.csv all lead to the JSON manifest', async () => {
    await writeFile(join(folder, '_manifest.json'), JSON.stringify({ column: 'Cobrador', format: 'csv', files: [entry('Ana', 'Ana.csv')] }));
    await writeFile(join(folder, '_manifest.csv'), 'value,file,rows\r\nAna,Ana.csv,1\r\n');
    for (const given of [folder, join(folder, '_manifest.json'), join(folder, '_manifest.csv')]) {
      expect(await locateManifest(given)).toBe(join(folder, '_manifest.json'));
    }
    const manifest = await readManifest(folder);
    expect(manifest).toMatchObject({ folder, column: 'Cobrador', files: [{ value: 'Ana', file: 'Ana.csv', path: join(folder, 'Ana.csv'), rows: 1 }] });
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 42, /not an object/],
    ['no files', { column: 'Cobrador' }, /no "column" or "files"/],
    ['an entry without a file', { column: 'C', files: [{ value: 'Ana', rows: 1 }] }, /entry 1 lacks value, file or rows/],
    ['a file outside the folder', { column: 'C', files: [entry('x', '../../etc/passwd')] }, /entry 1 names "\.\.\/\.\.\/etc\/passwd", outside the folder/],
    ['a file in a subfolder', { column: 'C', files: [entry('x', 'a/b.csv')] }, /outside the folder/],
    ['a value listed twice', { column: 'C', files: [entry('Ana', 'a.csv'), entry('Ana', 'b.csv')] }, /"Ana" is listed twice/],
  ])('refuses a manifest with %s', (_name, json, message) => {
    expect(() => parseManifest(json, join(folder, '_manifest.json'))).toThrow(message);
  });

  it('a folder without a manifest, or another file, is refused with what to give', async () => {
    await expect(readManifest(folder)).rejects.toThrow(/_manifest\.json is missing \(was the folder written by paylinks issue\/reconcile --split-by\?\)/);
    await writeFile(join(folder, 'Ana.csv'), 'x');
    await expect(readManifest(join(folder, 'Ana.csv'))).rejects.toThrow(/is a file but not a manifest/);
    await expect(readManifest(join(folder, 'nope'))).rejects.toThrow(/no such file or folder/);
  });
});
