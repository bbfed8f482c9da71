import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunError } from '../../../src/pipeline/run-error.js';
import { SplitWriter } from '../../../src/pipeline/output/split.js';

const write = { format: 'csv' as const, columns: [{ header: 'who' }, { header: 'amount' }], delimiter: ';' };

describe('SplitWriter', () => {
  it('stops with a clear error past maxFiles distinct values, and leaves nothing behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-split-'));
    const split = await SplitWriter.open({ folder: join(dir, 'by-who'), column: 'who', write, lang: 'en', maxFiles: 3 });
    for (const who of ['a', 'b', 'c', 'a']) await split.write(who, [who, '1'], { state: 'ISSUED', amount: '1', currency: 'COP' });
    const err = await split.write('d', ['d', '1'], { state: 'ISSUED' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunError);
    expect((err as Error).message).toMatch(/--split-by "who" has more than 3 different values/);
    await split.abort();
    expect(await readdir(dir)).toEqual([]);
  });

  it('groups values as people read them (trimmed, one Unicode form) and adds amounts exactly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-split-'));
    const split = await SplitWriter.open({ folder: join(dir, 'by-who'), column: 'who', write, lang: 'es' });
    await split.write('Gómez ', ['Gómez', '0.1'], { state: 'ISSUED', amount: '0.1', currency: 'COP' });
    await split.write('Go\u0301mez', ['Gómez', '0.2'], { state: 'ISSUED', amount: '0.2', currency: 'COP' });
    await split.write(null, ['', '5'], { state: 'INVALID' });
    const result = await split.commit();
    expect(result.files.map((f) => [f.file, f.rows, f.amounts])).toEqual([
      ['Gómez.csv', 2, { COP: '0.3' }],
      ['(sin valor).csv', 1, {}],
    ]);
    expect((await readdir(join(dir, 'by-who'))).sort()).toEqual(['(sin valor).csv', 'Gómez.csv', '_manifest.csv', '_manifest.json']);
    expect(await readFile(join(dir, 'by-who', 'Gómez.csv'), 'utf8')).toBe('\uFEFFwho;amount\r\nGómez;0.1\r\nGómez;0.2\r\n');
  });
});
