import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSheetWriter } from '../../../src/io/write/index.js';
import { fingerprintFile } from '../../../src/pipeline/mail/fingerprint.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-fingerprint-'));
});

async function csv(name: string, rows: string[][], header = ['Factura', 'payment_state', 'checked_at']): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `\ufeff${[header, ...rows].map((r) => r.join(';')).join('\r\n')}\r\n`);
  return path;
}

async function sha(path: string): Promise<string> {
  const print = await fingerprintFile(path);
  if (!print.ok) throw new Error(print.message);
  return print.sha256;
}

describe('fingerprintFile', () => {
  it('a new checked_at alone is no change; a new state is', async () => {
    const first = await sha(await csv('a.csv', [['F-1', 'PENDING', '2031-01-01T06:15:00Z']]));
    expect(await sha(await csv('b.csv', [['F-1', 'PENDING', '2031-01-02T06:15:00Z']]))).toBe(first);
    expect(await sha(await csv('c.csv', [['F-1', 'PAID', '2031-01-02T06:15:00Z']]))).not.toBe(first);
    expect(await sha(await csv('d.csv', [['F-1', 'PENDING', '2031-01-01T06:15:00Z'], ['F-2', 'PENDING', '']]))).not.toBe(first);
  });

  it('in a Spanish-headed sheet too: a new "Revisado el" alone is no change', async () => {
    const header = ['Factura', 'Estado del pago', 'Revisado el'];
    const first = await sha(await csv('es-a.csv', [['F-1', 'PENDING', '2031-01-01T06:15:00Z']], header));
    expect(await sha(await csv('es-b.csv', [['F-1', 'PENDING', '2031-01-02T06:15:00Z']], header))).toBe(first);
    expect(await sha(await csv('es-c.csv', [['F-1', 'PAID', '2031-01-02T06:15:00Z']], header))).not.toBe(first);
  });

  it('an XLSX written twice with the same rows has the same fingerprint, whatever its bytes and Summary sheet say', async () => {
    const write = async (name: string, stamp: string): Promise<string> => {
      const path = join(dir, name);
      const writer = await createSheetWriter(path, { format: 'xlsx', columns: [{ header: 'Factura' }, { header: 'payment_state', kind: 'state' }, { header: 'checked_at' }] });
      await writer.writeRow(['F-1', 'PAID', stamp]);
      writer.appendSheet?.({ name: 'Summary', columns: [{ header: 'Time' }], rows: [[stamp]] });
      await writer.commit();
      return path;
    };
    const a = await write('a.xlsx', '2031-01-01T06:15:00Z');
    await sleep(1100); // zip entries carry the time to the second
    const b = await write('b.xlsx', '2031-01-02T06:15:00Z');
    expect(Buffer.compare(await readFile(a), await readFile(b))).not.toBe(0);
    expect(await sha(b)).toBe(await sha(a));
  });

  it('counts rows, and says why a file cannot be fingerprinted', async () => {
    expect(await fingerprintFile(await csv('a.csv', [['F-1', 'PAID', ''], ['F-2', 'PAID', '']]))).toMatchObject({ ok: true, rows: 2 });
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    expect(await fingerprintFile(empty)).toMatchObject({ ok: false, code: 'FILE_EMPTY' });
    const binary = join(dir, 'x.csv');
    await writeFile(binary, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    expect(await fingerprintFile(binary)).toMatchObject({ ok: false, code: 'FILE_UNREADABLE' });
  });
});
