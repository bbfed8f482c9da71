/**
 * The real-world corpus (fixtures/real-world/): billing files written by
 * openpyxl, xlsxwriter, pandas, LibreOffice and by hand in the encodings
 * office programs use, each run through the built CLI as a user runs it —
 * `paylinks issue <file> --dry-run --out <tmp>/out.csv` with the clock fixed by
 * `--as-of` — and checked row by row against fixtures/real-world/expectations.json:
 *
 * - the exit code;
 * - a whole-file error: its code shows on stderr, and no output is written;
 * - otherwise one output row per data row, in sheet order, each in the
 *   expected state; a WOULD_ISSUE row's request carries exactly the expected
 *   amount (as the JSON text sent, never through a float), currency, due date
 *   and (when given) payer name; an INVALID row names its row number and
 *   shows the expected row error code; a SKIPPED row shows its reason.
 *
 * How a code "shows" in message text is decided in ./codes.ts.
 */
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { showsFileCode, showsRowCode } from './codes.js';

const CORPUS = fileURLToPath(new URL('../../fixtures/real-world/', import.meta.url));

interface RowExpectation {
  row: number;
  state: 'WOULD_ISSUE' | 'INVALID' | 'SKIPPED';
  amount?: string;
  currency?: string;
  due?: string;
  name?: string;
  code?: string;
}

interface Case {
  id: string;
  file: string;
  args: string[];
  exit: number;
  fileError?: string;
  rows?: RowExpectation[];
  /** Texts stderr must hold (e.g. the sheet names an ambiguity lists). */
  stderrIncludes?: string[];
  /** Texts no row error may hold (e.g. advice that would change how dates are read). */
  errorExcludes?: string[];
  /** The encoding is guessed: each expected name is read right, or stderr warns about that row. */
  encodingGuess?: boolean;
  why: string;
}

interface Table {
  asOf: string;
  files: Array<{ file: string; writer: string; tests: string }>;
  cases: Case[];
}

const table = JSON.parse(readFileSync(join(CORPUS, 'expectations.json'), 'utf8')) as Table;
const ISSUE_COLUMNS = ['link_state', 'link_id', 'link_url', 'expires_at', 'error'];
const scratch = await mkdtemp(join(tmpdir(), 'paylinks-real-world-'));

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

interface OutputRow {
  state: string;
  error: string;
  /** Every cell from link_state on, joined: where a skip reason may be written. */
  issueCells: string;
  request: string;
}

/** The dry run's output CSV, positionally: the issue columns follow the input's, whatever its headers. */
async function readOutput(path: string): Promise<OutputRow[]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n/));
  const at = firstLine.lastIndexOf('link_state');
  const delimiter = firstLine[at - 1];
  if (at <= 0 || delimiter === undefined) throw new Error(`no link_state column in ${JSON.stringify(firstLine.slice(0, 300))}`);
  const records = parse(text, { delimiter, relax_column_count: true }) as string[][];
  const header = records[0] ?? [];
  const stateAt = header.lastIndexOf('link_state');
  expect(header.slice(stateAt, stateAt + ISSUE_COLUMNS.length)).toEqual(ISSUE_COLUMNS);
  const requestAt = header.indexOf('request', stateAt);
  return records.slice(1).map((r) => ({
    state: r[stateAt] ?? '',
    error: r[stateAt + 4] ?? '',
    issueCells: r.slice(stateAt).join(' | '),
    request: requestAt < 0 ? '' : (r[requestAt] ?? ''),
  }));
}

/** The amount exactly as the request's JSON text carries it (a JSON number or string), never via a float. */
function sentAmount(request: string): string | undefined {
  return /"total":"?(-?[0-9][0-9.eE+-]*)"?/.exec(request)?.[1];
}

/** Warnings on stderr (--log json lines) that name `row`. */
function warnsAboutRow(stderr: string, row: number): boolean {
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    let event: { level?: string; event?: string; row?: number; message?: string };
    try {
      event = JSON.parse(line) as typeof event;
    } catch {
      continue;
    }
    if (event.level !== 'warn' && event.event !== 'warning') continue;
    if (event.row === row || new RegExp(`\\brow ${row}\\b`, 'i').test(event.message ?? '')) return true;
  }
  return false;
}

/** "350000.5" → 35000050n: amounts are added as integer cents, never as floats. */
function cents(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
}

/** 35000050n → "350000.5" (the canonical form the tally prints). */
function canonical(total: bigint): string {
  const whole = total / 100n;
  const fraction = (total % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** Expected WOULD_ISSUE amounts per currency. */
function wouldIssueTotals(rows: RowExpectation[]): Record<string, string> {
  const sums = new Map<string, bigint>();
  for (const r of rows) if (r.state === 'WOULD_ISSUE') sums.set(r.currency!, (sums.get(r.currency!) ?? 0n) + cents(r.amount!));
  return Object.fromEntries([...sums].map(([currency, sum]) => [currency, canonical(sum)]));
}

interface Tally {
  states: Record<string, { rows: number; amounts?: Record<string, string> }>;
  amounts?: Record<string, string>;
}

/** The closing summary's tally (stdout is not a terminal, so the summary is one JSON line). */
function summaryTally(stdout: string): Tally | undefined {
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{') || !line.includes('"summary"')) continue;
    return (JSON.parse(line) as { tally?: Tally }).tally;
  }
  return undefined;
}

describe('real-world corpus: the table', () => {
  it('holds at least 45 files written by other programs, each described, and nothing undescribed', async () => {
    const described = new Set(table.files.map((f) => f.file));
    const used = new Set(table.cases.map((c) => c.file));
    expect(described.size).toBeGreaterThanOrEqual(45);
    expect([...used].sort()).toEqual([...described].sort());
    const present = (await readdir(CORPUS, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    const corpusFiles = present.filter((n) => n !== 'README.md' && n !== 'expectations.json' && !n.startsWith('.')).sort();
    expect(corpusFiles).toEqual([...described].sort());
    const readme = await readFile(join(CORPUS, 'README.md'), 'utf8');
    for (const f of described) expect(readme, `README.md lists ${f}`).toContain(f);
    for (const c of table.cases) {
      expect(c.why.length, `${c.id} says why`).toBeGreaterThan(10);
      expect(c.fileError === undefined ? c.rows !== undefined && c.rows.length > 0 : c.exit === 2, c.id).toBe(true);
      if (c.rows) {
        const exit = c.rows.some((r) => r.state === 'INVALID') ? 1 : 0;
        expect(c.exit, `${c.id}: exit follows from the rows`).toBe(exit);
        for (const r of c.rows) {
          if (r.state === 'WOULD_ISSUE') expect(r.amount && r.currency && r.due, `${c.id} row ${r.row}`).toBeTruthy();
          else expect(r.code, `${c.id} row ${r.row} needs a code`).toMatch(/^[A-Z_]+$/);
        }
      }
    }
  });
});

describe.concurrent('real-world corpus', () => {
  it.for(table.cases)('$id ($file) → exit $exit', async (c: Case, { expect }) => {
    // A neutral folder name: the case id or file name in a message must not pass for the code's phrase.
    const dir = await mkdtemp(join(scratch, 'case-'));
    const input = join(dir, c.file);
    await copyFile(join(CORPUS, c.file), input);
    const out = join(dir, 'out.csv');
    const args = ['issue', input, '--dry-run', '--out', out, '--as-of', table.asOf, '--log', 'json', ...c.args];
    const result = await runCli(args, { timeoutMs: 45_000 });
    const said = `why: ${c.why}\nargs: ${c.args.join(' ')}\nstdout: ${result.stdout.slice(0, 1500)}\nstderr: ${result.stderr.slice(0, 3000)}`;
    expect(result.signal, said).toBeNull();
    expect(result.stderr + result.stdout, `a stack trace\n${said}`).not.toMatch(/^\s+at /m);
    expect(result.stderr, `an unexpected error\n${said}`).not.toMatch(/unexpected error/i);
    expect(result.code, said).toBe(c.exit);

    if (c.fileError !== undefined) {
      const message = result.stderr.split(input).join('<input>');
      expect(showsFileCode(message, c.fileError), `stderr shows ${c.fileError}\n${said}`).toBe(true);
      for (const text of c.stderrIncludes ?? []) expect(result.stderr, said).toContain(text);
      expect(existsSync(out), 'a refused file leaves no output').toBe(false);
      return;
    }

    const rows = await readOutput(out);
    const summary = rows.map((r, i) => `${c.rows![i]?.row ?? '?'}: ${r.state} ${r.error} ${r.request}`).join('\n');
    expect(rows.map((r) => r.state), `states, row by row\n${summary}\n${said}`).toEqual(c.rows!.map((r) => r.state));
    for (const [i, want] of c.rows!.entries()) {
      const got = rows[i]!;
      const where = `row ${want.row}: ${JSON.stringify(got)}`;
      if (want.state === 'WOULD_ISSUE') {
        expect(got.error, where).toBe('');
        expect(sentAmount(got.request), `amount, ${where}`).toBe(want.amount);
        const request = JSON.parse(got.request) as { name: string; expirationDate: string; payment: { amount: { currency: string } } };
        expect(request.payment.amount.currency, `currency, ${where}`).toBe(want.currency);
        expect(request.expirationDate.slice(0, 10), `due date, ${where}`).toBe(want.due);
        if (want.name !== undefined && !(c.encodingGuess && request.name !== want.name && warnsAboutRow(result.stderr, want.row))) {
          expect(request.name, `payer name, ${where}\n${c.encodingGuess ? 'no warning names this row either' : ''}`).toBe(want.name);
        }
      } else if (want.state === 'INVALID') {
        expect(got.error, where).toContain(`Row ${want.row}`);
        expect(showsRowCode(got.error, want.code!), `error shows ${want.code}, ${where}`).toBe(true);
        expect(got.request, where).toBe('');
      } else {
        expect(showsRowCode(got.issueCells.replace(/^SKIPPED/, ''), want.code!), `skip reason shows ${want.code}, ${where}`).toBe(true);
        expect(got.request, where).toBe('');
      }
      for (const text of c.errorExcludes ?? []) expect(got.error, `must not advise ${text}, ${where}`).not.toContain(text);
    }
    for (const text of c.stderrIncludes ?? []) expect(result.stderr, said).toContain(text);

    // The closing summary adds up only what would be sent: skipped totals and footers add nothing.
    const tally = summaryTally(result.stdout);
    expect(tally, `a summary line with a tally on stdout\n${said}`).toBeDefined();
    const expected = wouldIssueTotals(c.rows!);
    expect(tally!.states.WOULD_ISSUE?.amounts ?? {}, `WOULD_ISSUE amounts in the summary\n${said}`).toEqual(expected);
    if (c.rows!.every((r) => r.state !== 'INVALID')) expect(tally!.amounts ?? {}, `the summary's overall amounts\n${said}`).toEqual(expected);
  });
});
