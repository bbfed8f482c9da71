/**
 * A folder's sheets are found by paylinks' columns whichever language wrote
 * them: a Spanish run writes "Estado del enlace", "Id del enlace" and
 * "Enlace de pago", and reconcile of the folder must still find them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSheets } from '../../../src/pipeline/reconcile/discover.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-discover-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('discoverSheets', () => {
  it.each([
    ['english.csv', 'Cliente;Valor;link_state;link_id;link_url;expires_at;error', true],
    ['spanish.csv', 'Cliente;Valor;Estado del enlace;Estado del enlace (texto);Id del enlace;Enlace de pago;Vencimiento del enlace;Error', true],
    ['retyped.csv', 'Cliente;Valor;ESTADO DEL ENLACE;id del enlace;enlace  de pago', true],
    ['billing.csv', 'Cliente;Valor;Vence;Referencia', false],
    ['half.csv', 'Cliente;Valor;Estado del enlace;Id del enlace', false],
  ])('%s (%s) is a sheet paylinks wrote: %s', async (name, header, sheet) => {
    const folder = join(dir, name.replace('.csv', ''));
    await rm(folder, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    await writeFile(join(folder, name), `${header}\nAna;1000;ISSUED;emitido;7;https://x/7\n`);
    const found = await discoverSheets([folder]);
    expect(found.sheets).toEqual(sheet ? [join(folder, name)] : []);
    expect(found.skipped.map((s) => s.path)).toEqual(sheet ? [] : [join(folder, name)]);
  });
});
