/**
 * The hostile-input corpus (test/corpus/cases.json): every case runs the
 * built CLI against its own sandbox on 127.0.0.1, in its own temp folder, and
 * must give exactly the exit code and message the manifest says, with no
 * crash and no stack trace. Beyond the manifest, every case proves:
 *
 * - nothing is sent for an invalid row: creates == ISSUED rows, each once;
 * - exit 2 leaves no output file and nothing else in the folder (no temp
 *   file, no lock); exit 0/1 leaves an output that parses completely, with one
 *   row per input row, each in one terminal state, and no stray file;
 * - no cell of the output starts a formula (=, +, -, @, tab, CR) unless it is
 *   a plain number.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { loadCases, materialise, type CorpusCase } from '../corpus/generate.js';
import { runCli } from '../helpers/cli.js';
import { readXlsxOutput } from '../helpers/sheets.js';

const cases = await loadCases();
const TERMINAL = new Set(['ISSUED', 'INVALID', 'FAILED', 'UNCERTAIN']);
/** What may start a cell only when the whole cell is a number (a negative amount, say). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)*$/;

type Row = Record<string, string>;

async function readOutput(path: string): Promise<{ header: string[]; rows: Row[] }> {
  if (path.endsWith('.xlsx')) {
    const { header, rows } = await readXlsxOutput(path);
    const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' && 'text' in (v as object) ? String((v as { text: unknown }).text) : v instanceof Date ? v.toISOString() : String(v));
    return { header, rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, text(v)]))) };
  }
  const body = (await readFile(path)).toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n/));
  const delimiter = [';', '\t', ','].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const records = parse(body, { delimiter }) as string[][];
  const header = records[0] ?? [];
  return { header, rows: records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

function countStates(rows: Row[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.link_state ?? ''] = (counts[r.link_state ?? ''] ?? 0) + 1;
  return counts;
}

describe.concurrent('hostile-input corpus', () => {
  it('holds at least 30 cases, each with an exit code and what to check', () => {
    if (cases.length < 30) throw new Error(`only ${cases.length} cases`);
    for (const c of cases) {
      if (c.exit === 2 && !c.message) throw new Error(`${c.id}: exit 2 needs a message`);
      if (c.exit !== 2 && c.rows === undefined) throw new Error(`${c.id}: exit ${c.exit} needs rows`);
    }
  });

  it.for(cases)('$id: $what → exit $exit', async (c: CorpusCase, { expect }) => {
    const dir = await mkdtemp(join(tmpdir(), `paylinks-corpus-${c.id}-`));
    const input = await materialise(c, dir);
    const out = join(dir, c.out ?? 'out.csv');
    const sandbox = await startSandbox({});
    try {
      const env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
      const result = await runCli(['issue', input, '--out', out, '--base-url', sandbox.url, '--log', 'json', ...(c.args ?? [])], { env, timeoutMs: 30_000 });
      const said = `stdout: ${result.stdout.slice(0, 2000)}\nstderr: ${result.stderr.slice(0, 2000)}`;
      expect(result.signal, said).toBeNull();
      expect(result.stderr + result.stdout, 'a stack trace').not.toMatch(/^\s+at /m);
      expect(result.stderr, 'an unexpected error').not.toMatch(/unexpected error/i);
      expect(result.code, said).toBe(c.exit);
      const counters = sandbox.counters();
      const left = (await readdir(dir)).sort();

      if (c.exit === 2) {
        expect(result.stderr).toContain(c.message!);
        expect(result.stderr).toContain(basename(input));
        expect(counters.requests.create).toBe(0);
        expect(left, 'exit 2 leaves nothing beside the input').toEqual([basename(input)]);
        return;
      }

      expect(left.filter((f) => f.endsWith('.tmp') || f.endsWith('.lock')), 'stray files').toEqual([]);
      const { header, rows } = await readOutput(out);
      expect(header.slice(-5)).toEqual(['link_state', 'link_id', 'link_url', 'expires_at', 'error']);
      expect(rows).toHaveLength(c.rows!);
      for (const r of rows) expect(TERMINAL.has(r.link_state ?? ''), JSON.stringify(r)).toBe(true);
      expect(countStates(rows), JSON.stringify(rows.map((r) => [r.link_state, r.error]))).toEqual(c.states ?? {});

      // Nothing is sent for an invalid row; each valid row is created once.
      const issued = rows.filter((r) => r.link_state === 'ISSUED');
      expect(counters.requests.create).toBe(issued.length);
      expect(Object.values(counters.createsByReference).every((n) => n === 1)).toBe(true);
      for (const r of issued) expect(r.link_id).toMatch(/^\d+$/);

      for (const [index, fragment] of Object.entries(c.errors ?? {})) {
        expect(rows[Number(index)]?.link_state, `row ${index}`).toBe('INVALID');
        expect(rows[Number(index)]?.error, `row ${index}`).toContain(fragment);
      }
      for (const [index, cells] of Object.entries(c.cells ?? {})) {
        for (const [column, value] of Object.entries(cells)) expect(rows[Number(index)]?.[column], `row ${index} ${column}`).toBe(value);
      }
      for (const r of rows) {
        for (const [column, value] of Object.entries(r)) {
          if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) throw new Error(`${c.id}: column ${column} starts a formula: ${JSON.stringify(value)}`);
        }
      }
    } finally {
      await sandbox.close();
    }
  });
});
