/**
 * A Spanish run that meets a whole-file, configuration, authentication, lock
 * or run error says so in Spanish, and prints no English line. Each case runs
 * the built CLI with `--lang es --log json` on files made here (or from the
 * real-world corpus) and checks the stable English code in the JSON line, a
 * Spanish message, and every line of stdout and stderr.
 *
 * Codes a CLI run cannot reach on this machine are rendered in-process in
 * Spanish (the ApiError answers of the service, exit 5), and the last test
 * holds every code of the five families against the list of those covered,
 * so a new code without a Spanish check fails here.
 */
import { createServer } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import { resolveBaseUrl } from '../../src/api/credentials.js';
import { transportError } from '../../src/api/network-errors.js';
import { parseCreated, parseDisabled, parseLinkInfo } from '../../src/api/responses.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { statusError, type AnswerContext } from '../../src/api/status-errors.js';
import { setLang } from '../../src/i18n/current.js';
import { isPaylinksError } from '../../src/errors.js';
import { collect, runCli, startCli, type CliResult } from '../helpers/cli.js';
import { englishLines, englishWords } from './english.js';

const CORPUS = fileURLToPath(new URL('../../fixtures/real-world/', import.meta.url));
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const HEADER = 'Referencia;Cliente;Valor;Fecha de vencimiento';

/** A due date inside the accepted window (today .. +3 years): a month ahead, as a clerk writes it. */
function dueDate(): string {
  const d = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

function sheet(rows: Array<[string, string, string]>): string {
  return [HEADER, ...rows.map(([ref, name, amount]) => `${ref};${name};${amount};${dueDate()}`)].join('\n') + '\n';
}

const GOOD = sheet([
  ['F-1', 'Ana Gómez', '150.000'],
  ['F-2', 'Luis Peña', '200.000'],
]);

/** Every prose field of a JSON line: its message, a row's error, a summary's stop and first errors. */
function prose(line: string): string[] {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return [line];
  }
  const out: string[] = [];
  for (const key of ['message', 'error']) if (typeof parsed[key] === 'string') out.push(parsed[key] as string);
  const stop = parsed.stop as { message?: string } | undefined;
  if (typeof stop?.message === 'string') out.push(stop.message);
  for (const list of ['firstErrors', 'uncertain']) {
    const items = parsed[list];
    if (Array.isArray(items)) for (const item of items as Array<{ message?: unknown }>) if (typeof item.message === 'string') out.push(item.message);
  }
  return out;
}

/** Lines of a run with English in them (JSON lines: every prose field), for the failure message. */
function english(result: CliResult): string[] {
  const lines = `${result.stdout}\n${result.stderr}`.split(/\r?\n/).filter((l) => l.trim() !== '');
  const bad = englishLines(lines.filter((l) => !l.trim().startsWith('{')).join('\n')).map((x) => `${x.line}  [${x.words.join(', ')}]`);
  for (const line of lines.filter((l) => l.trim().startsWith('{'))) {
    for (const text of prose(line)) {
      const words = englishWords(text);
      if (words.length >= 2) bad.push(`${text}  [${words.join(', ')}]`);
    }
  }
  return bad;
}

function errorLine(result: CliResult): { code: string; message: string; exitCode: number } | undefined {
  for (const line of result.stderr.split(/\r?\n/)) {
    if (!line.startsWith('{')) continue;
    const parsed = JSON.parse(line) as { event?: string; code?: string; message?: string; exitCode?: number };
    if (parsed.event === 'error' && parsed.code !== undefined) return { code: parsed.code, message: parsed.message ?? '', exitCode: parsed.exitCode ?? -1 };
  }
  return undefined;
}

/** Codes seen through the CLI, by family; checked against the code unions at the end. */
const covered = new Set<string>();

let dir: string;
let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({});
});

afterAll(async () => {
  await sandbox.close();
  setLang('en');
});

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-es-files-'));
  return dir;
}

async function spanish(args: string[], env: Record<string, string | undefined> = {}, cwd?: string): Promise<CliResult> {
  return runCli([...args, '--lang', 'es', '--log', 'json'], { env, cwd, timeoutMs: 90_000 });
}

/** The run ends with `code` in its JSON error line, a Spanish message and no English anywhere. */
async function expectRefusal(args: string[], code: string, exit: number, env: Record<string, string | undefined> = {}, cwd?: string): Promise<CliResult> {
  const result = await spanish(args, env, cwd);
  const error = errorLine(result);
  expect(error?.code, `${args.join(' ')}\nstderr: ${result.stderr}`).toBe(code);
  expect(result.code, result.stderr).toBe(exit);
  expect(englishWords(error?.message ?? '').length, error?.message).toBeLessThan(2);
  expect(english(result), `${result.stdout}\n${result.stderr}`).toEqual([]);
  covered.add(code);
  return result;
}

const SANDBOX_ENV = (): Record<string, string> => ({ PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey });

describe('whole-file errors in Spanish (issue --lang es)', () => {
  it('FILE_NOT_FOUND: a missing file, and a folder given as the sheet', async () => {
    const d = await folder();
    await expectRefusal(['issue', join(d, 'facturas.csv'), '--dry-run'], 'FILE_NOT_FOUND', 2);
    await mkdir(join(d, 'carpeta.csv'));
    await expectRefusal(['issue', join(d, 'carpeta.csv'), '--dry-run'], 'FILE_NOT_FOUND', 2);
  });

  it.skipIf(process.getuid?.() === 0)('FILE_UNREADABLE: a file this user may not read', async () => {
    const d = await folder();
    const path = join(d, 'cerrado.csv');
    await writeFile(path, GOOD, { mode: 0o000 });
    await expectRefusal(['issue', path, '--dry-run'], 'FILE_UNREADABLE', 2);
  });

  it('FILE_EMPTY: an empty file, blank lines only, an empty sheet named with --sheet', async () => {
    const d = await folder();
    await writeFile(join(d, 'vacio.csv'), '');
    await expectRefusal(['issue', join(d, 'vacio.csv'), '--dry-run'], 'FILE_EMPTY', 2);
    await writeFile(join(d, 'blancos.csv'), '\n\n;;;\n');
    await expectRefusal(['issue', join(d, 'blancos.csv'), '--dry-run'], 'FILE_EMPTY', 2);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Facturas').addRow(['Referencia', 'Valor']);
    wb.addWorksheet('Vacía');
    await wb.xlsx.writeFile(join(d, 'libro.xlsx'));
    await expectRefusal(['issue', join(d, 'libro.xlsx'), '--sheet', 'Vacía', '--dry-run'], 'FILE_EMPTY', 2);
  });

  it('FILE_ENCRYPTED: an old .xls or a password-protected workbook (OLE2)', async () => {
    const d = await folder();
    await writeFile(join(d, 'viejo.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await expectRefusal(['issue', join(d, 'viejo.xls'), '--dry-run'], 'FILE_ENCRYPTED', 2);
  });

  it('FILE_BINARY: an image named .csv', async () => {
    const d = await folder();
    await writeFile(join(d, 'foto.csv'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]));
    await expectRefusal(['issue', join(d, 'foto.csv'), '--dry-run'], 'FILE_BINARY', 2);
  });

  it('FILE_ENCODING: unsure between single-byte encodings, an unknown --encoding, bytes that are not the UTF-8 asked for', async () => {
    const d = await folder();
    const unsure = join(d, 'dudoso.csv');
    await writeFile(unsure, Buffer.concat([Buffer.from(`${HEADER}\r\nF-1;Jos`), Buffer.from([0x8a]), Buffer.from(`;1.000;${dueDate()}\r\n`)]));
    const result = await expectRefusal(['issue', unsure, '--dry-run'], 'FILE_ENCODING', 2);
    expect(result.stderr).toContain('--encoding windows-1252');
    await expectRefusal(['issue', unsure, '--dry-run', '--encoding', 'klingon'], 'FILE_ENCODING', 2);
    await expectRefusal(['issue', unsure, '--dry-run', '--encoding', 'utf-8'], 'FILE_ENCODING', 2);
  });

  it('CSV_MALFORMED: a quote never closed', async () => {
    const d = await folder();
    await writeFile(join(d, 'comillas.csv'), `${HEADER}\nF-1;"Ana;150.000;${dueDate()}\n`);
    await expectRefusal(['issue', join(d, 'comillas.csv'), '--dry-run'], 'CSV_MALFORMED', 2);
  });

  it('XLSX_MALFORMED and XLSX_NO_SHEETS: a zip that is no workbook, a workbook without worksheets', async () => {
    const d = await folder();
    const zip = new JSZip();
    zip.file('leame.txt', 'hola');
    await writeFile(join(d, 'comprimido.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    await expectRefusal(['issue', join(d, 'comprimido.xlsx'), '--dry-run'], 'XLSX_MALFORMED', 2);
    await new ExcelJS.Workbook().xlsx.writeFile(join(d, 'sin-hojas.xlsx'));
    await expectRefusal(['issue', join(d, 'sin-hojas.xlsx'), '--dry-run'], 'XLSX_NO_SHEETS', 2);
  });

  it('XLSX_SHEET_NOT_FOUND: --sheet by a name and by a position the workbook does not have (hidden sheets listed)', async () => {
    const file = join(CORPUS, 'openpyxl-hidden-plantilla-first.xlsx');
    const byName = await expectRefusal(['issue', file, '--sheet', 'Marzo', '--dry-run'], 'XLSX_SHEET_NOT_FOUND', 2);
    expect(byName.stderr).toContain('(oculta)');
    await expectRefusal(['issue', file, '--sheet', '9', '--dry-run'], 'XLSX_SHEET_NOT_FOUND', 2);
  });

  it('XLSX_SHEET_AMBIGUOUS: two visible billing sheets', async () => {
    const result = await expectRefusal(['issue', join(CORPUS, 'openpyxl-two-billing-sheets.xlsx'), '--dry-run'], 'XLSX_SHEET_AMBIGUOUS', 2);
    expect(result.stderr).toContain('Enero');
  });

  it('FILE_IS_ODS, FILE_IS_HTML, FILE_IS_SPREADSHEETML_2003: named for what they are, with the Spanish menus', async () => {
    const ods = await expectRefusal(['issue', join(CORPUS, 'libreoffice-es-co.ods'), '--dry-run'], 'FILE_IS_ODS', 2);
    expect(ods.stderr).toContain('Archivo → Guardar como');
    await expectRefusal(['issue', join(CORPUS, 'erp-html-saved-as.xls'), '--dry-run'], 'FILE_IS_HTML', 2);
    await expectRefusal(['issue', join(CORPUS, 'excel-2003-xml-spreadsheet.xls'), '--dry-run'], 'FILE_IS_SPREADSHEETML_2003', 2);
  });

  it('a hidden sheet read because --sheet named it: the note is Spanish', async () => {
    const result = await spanish(['issue', join(CORPUS, 'openpyxl-hidden-plantilla-first.xlsx'), '--sheet', 'Plantilla', '--dry-run', '--out', join(await folder(), 'salida.csv')]);
    expect(`${result.stdout}${result.stderr}`).toContain('se lee la hoja oculta');
    expect(english(result)).toEqual([]);
  });
});

describe('writing, lock and journal in Spanish', () => {
  it('OUTPUT_UNWRITABLE: --out is a folder; the preflight refuses before anything is sent', async () => {
    const d = await folder();
    await writeFile(join(d, 'facturas.csv'), GOOD);
    await mkdir(join(d, 'salida.csv'));
    const result = await expectRefusal(['issue', join(d, 'facturas.csv'), '--out', join(d, 'salida.csv'), '--sandbox'], 'OUTPUT_UNWRITABLE', 2);
    expect(result.stderr).toContain('No se envió nada.');
  });

  it('LOCK_HELD: another run holds the output lock', async () => {
    const d = await folder();
    await writeFile(join(d, 'facturas.csv'), GOOD);
    const holder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), command: 'paylinks issue facturas.csv', token: 'prueba' };
    await writeFile(join(d, 'facturas-links.csv.lock'), `${JSON.stringify(holder)}\n`);
    const result = await expectRefusal(['issue', join(d, 'facturas.csv'), '--sandbox'], 'LOCK_HELD', 4);
    expect(result.stderr).toContain('Otra ejecución está trabajando en esto');
  });

  it('JOURNAL_CORRUPT: a damaged journal line is refused, never rewritten', async () => {
    const d = await folder();
    await writeFile(join(d, 'facturas.csv'), GOOD);
    await writeFile(join(d, 'facturas-links.csv.journal'), '{"t":"run","v":1}\nesto no es json\n{"t":"run","v":1}\n');
    await expectRefusal(['issue', join(d, 'facturas.csv'), '--sandbox'], 'JOURNAL_CORRUPT', 2);
  });

  it('a run that works: phases, the embedded-sandbox and open-in-Excel warnings, the summary, all Spanish', async () => {
    const d = await folder();
    await writeFile(join(d, 'facturas.csv'), GOOD);
    await writeFile(join(d, '~$facturas-links.csv'), '');
    const result = await spanish(['issue', join(d, 'facturas.csv'), '--sandbox']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Enviando');
    expect(result.stderr).toContain('Se escribieron 2 filas');
    expect(result.stderr).toContain('sandbox incorporado');
    expect(result.stderr).toContain('parece estar abierto en Excel');
    expect(english(result)).toEqual([]);
  });
});

describe('configuration and authentication in Spanish', () => {
  it('CREDENTIALS_MISSING, CREDENTIALS_FILE_UNREADABLE, CREDENTIALS_FILE_INVALID', async () => {
    const d = await folder();
    await writeFile(join(d, 'facturas.csv'), GOOD);
    const input = join(d, 'facturas.csv');
    await expectRefusal(['issue', input, '--env', 'test'], 'CREDENTIALS_MISSING', 2);
    await expectRefusal(['issue', input, '--env', 'test', '--credentials', join(d, 'no-existe.json')], 'CREDENTIALS_FILE_UNREADABLE', 2);
    await writeFile(join(d, 'credenciales.json'), '{"login": "x"', { mode: 0o600 });
    await expectRefusal(['issue', input, '--env', 'test', '--credentials', join(d, 'credenciales.json')], 'CREDENTIALS_FILE_INVALID', 2);
    await writeFile(join(d, 'credenciales.json'), '{"login": "x"}', { mode: 0o600 });
    await expectRefusal(['issue', input, '--env', 'test', '--credentials', join(d, 'credenciales.json')], 'CREDENTIALS_FILE_INVALID', 2);
  });

  it('BASE_URL_INVALID and ENV_MISSING: a bad --base-url, --sandbox with --env, no service chosen', async () => {
    const d = await folder();
    await writeFile(join(d, 'facturas.csv'), GOOD);
    const input = join(d, 'facturas.csv');
    await expectRefusal(['issue', input, '--base-url', 'ftp://127.0.0.1/pagos'], 'BASE_URL_INVALID', 2, SANDBOX_ENV());
    await expectRefusal(['issue', input, '--base-url', 'no es una url'], 'BASE_URL_INVALID', 2, SANDBOX_ENV());
    await expectRefusal(['issue', input, '--sandbox', '--env', 'test'], 'BASE_URL_INVALID', 2);
    await expectRefusal(['issue', input], 'ENV_MISSING', 2, SANDBOX_ENV());
  });

  it('AUTH_FAILED: wrong credentials against the sandbox; rows, summary and stop are Spanish', async () => {
    const d = await folder();
    await writeFile(join(d, 'facturas.csv'), GOOD);
    const result = await spanish(['issue', join(d, 'facturas.csv'), '--base-url', sandbox.url], { PLACETOPAY_LOGIN: 'otro-login', PLACETOPAY_SECRET_KEY: 'otra-clave' });
    expect(result.code, result.stderr).toBe(3);
    expect(`${result.stdout}${result.stderr}`).toContain('Falló la autenticación');
    expect(english(result), `${result.stdout}\n${result.stderr}`).toEqual([]);
    expect(await journalCodes(join(d, 'facturas-links.csv.journal'))).toContain('AUTH_FAILED');
    covered.add('AUTH_FAILED');
  });

  it('NOT_SENT: an address where nothing listens', async () => {
    const d = await folder();
    await writeFile(join(d, 'facturas.csv'), GOOD);
    const port = await closedPort();
    const result = await spanish(['issue', join(d, 'facturas.csv'), '--base-url', `http://127.0.0.1:${port}`], SANDBOX_ENV());
    expect(result.code, result.stderr).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('No se pudo llegar a');
    expect(english(result), `${result.stdout}\n${result.stderr}`).toEqual([]);
    expect(await journalCodes(join(d, 'facturas-links.csv.journal'))).toContain('NOT_SENT');
    covered.add('NOT_SENT');
  });

  it('OUTCOME_UNKNOWN: answers lost after the link was made are looked for and adopted, in Spanish', async () => {
    const lossy = await startSandbox({ faults: { dropAfter: 1, seed: 7 } });
    try {
      const d = await folder();
      await writeFile(join(d, 'facturas.csv'), GOOD);
      const result = await spanish(['issue', join(d, 'facturas.csv'), '--base-url', lossy.url, '--probe-settle', '0.2'], {
        PLACETOPAY_LOGIN: lossy.credentials.login,
        PLACETOPAY_SECRET_KEY: lossy.credentials.secretKey,
      });
      expect(`${result.stdout}${result.stderr}`).toContain('Buscando');
      expect(english(result), `${result.stdout}\n${result.stderr}`).toEqual([]);
      expect(await journalCodes(join(d, 'facturas-links.csv.journal'))).toContain('OUTCOME_UNKNOWN');
      covered.add('OUTCOME_UNKNOWN');
    } finally {
      await lossy.close();
    }
  });

});

describe('run errors in Spanish', () => {
  it('NO_ROWS and OUTPUT_IS_INPUT', async () => {
    const d = await folder();
    await writeFile(join(d, 'solo-encabezado.csv'), `${HEADER}\n`);
    await expectRefusal(['issue', join(d, 'solo-encabezado.csv'), '--sandbox'], 'NO_ROWS', 2);
    await writeFile(join(d, 'facturas.csv'), GOOD);
    await expectRefusal(['issue', join(d, 'facturas.csv'), '--out', join(d, 'facturas.csv'), '--sandbox'], 'OUTPUT_IS_INPUT', 2);
  });

  it('NO_SHEETS: reconcile of a folder that holds no sheet paylinks wrote', async () => {
    const d = await folder();
    await writeFile(join(d, 'facturas.csv'), GOOD);
    await expectRefusal(['reconcile', d, '--sandbox'], 'NO_SHEETS', 2);
  });

  it('INPUT_CHANGED: the sheet says another amount for a row already issued', async () => {
    const d = await folder();
    const input = join(d, 'facturas.csv');
    await writeFile(input, GOOD);
    expect((await spanish(['issue', input, '--sandbox'])).code).toBe(0);
    await writeFile(input, sheet([['F-1', 'Ana Gómez', '180.000'], ['F-2', 'Luis Peña', '200.000']]));
    const result = await expectRefusal(['issue', input, '--sandbox'], 'INPUT_CHANGED', 2);
    expect(result.stderr).toContain('fila 2, referencia F-1');
  });

  // `sandbox` takes no --lang or --log yet: its language comes from the environment.
  it('BAD_OPTION: the sandbox command refuses a share that is not one', async () => {
    const result = await runCli(['sandbox', '--port', '0', '--rate-429', '5'], { env: { LANG: 'es_CO.UTF-8' } });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('--rate-429 es una proporción de 0 a 1');
    expect(englishLines(result.stdout + result.stderr)).toEqual([]);
    covered.add('BAD_OPTION');
  });

  it('the sandbox command prints its address, credentials and controls in Spanish', async () => {
    const child = startCli(['sandbox', '--port', '0'], { env: { LANG: 'es_CO.UTF-8' } });
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (s: string) => (out += s));
    const until = Date.now() + 30_000;
    while (!out.includes('Ctrl-C') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    const result = await collect(child);
    const all = out + result.stdout;
    expect(all).toContain('sandbox de paylinks escuchando en');
    expect(englishLines(all + result.stderr)).toEqual([]);
  });
});

/** ApiErrors made from the service's answers: rendered in Spanish where they are made. */
describe('service answers in Spanish (in-process)', () => {
  beforeAll(() => setLang('es'));
  afterAll(() => setLang('en'));

  const ctx = (operation: AnswerContext['operation'], linkId?: number): AnswerContext => ({ operation, linkId, endpoint: 'https://example.invalid/api', redact: (t) => t, now: Date.now() });
  const cases: Array<[string, () => ApiError]> = [
    ['VALIDATION', () => statusError(422, { errors: { 'payment.amount.total': ['El valor es inválido'] } }, undefined, ctx('create'))],
    ['NOT_FOUND', () => statusError(404, {}, undefined, ctx('get', 12))],
    ['NOT_FOUND', () => statusError(404, {}, undefined, ctx('create'))],
    ['OTHER_SITE', () => statusError(401, { status: { message: 'No autorizado' } }, undefined, ctx('disable', 12))],
    ['ALREADY_DISABLED', () => statusError(400, { status: { message: 'El link ya está desactivado' } }, undefined, ctx('disable', 12))],
    ['ALREADY_DISABLED', () => statusError(400, { status: { message: 'El link ha expirado' } }, undefined, ctx('disable', 12))],
    ['BAD_REQUEST', () => statusError(400, {}, undefined, ctx('get', 12))],
    ['RATE_LIMITED', () => statusError(429, {}, '3', ctx('create'))],
    ['SERVER_ERROR', () => statusError(503, {}, undefined, ctx('create'))],
    ['BAD_RESPONSE', () => statusError(302, {}, undefined, ctx('get', 5))],
    ['AUTH_FAILED', () => statusError(401, { status: { reason: 102, message: 'Autenticación fallida' } }, undefined, ctx('create'))],
    ['AUTH_FAILED', () => statusError(401, { status: { message: 'Malformed authentication' } }, undefined, ctx('create'))],
    ['ABORTED', () => transportError(new Error('aborted'), { operation: 'create', target: 'https://example.invalid', aborted: true })],
    ['NOT_SENT', () => transportError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), { operation: 'create', target: 'https://example.invalid', aborted: false })],
    ['OUTCOME_UNKNOWN', () => transportError(Object.assign(new Error('x'), { code: 'ECONNRESET' }), { operation: 'disable', linkId: 3, target: 'https://example.invalid', aborted: false })],
    ['BAD_RESPONSE', () => thrown(() => parseCreated({}))],
    ['BAD_RESPONSE', () => thrown(() => parseLinkInfo({ id: 4 }, 4))],
    ['BAD_RESPONSE', () => thrown(() => parseDisabled({ id: 9 }, 8))],
  ];

  it.each(cases)('%s', (code, make) => {
    const err = make();
    expect(err.code).toBe(code);
    expect(englishWords(err.message).length, err.message).toBeLessThan(2);
    covered.add(code);
  });

  it('ENV_INVALID (the CLI refuses an unknown --env earlier, as BASE_URL_INVALID)', () => {
    const err = thrown(() => resolveBaseUrl({ env: 'staging' as never }));
    expect(err.code).toBe('ENV_INVALID');
    expect(englishWords(err.message).length, err.message).toBeLessThan(2);
    covered.add(err.code);
  });
});

/** Codes no run here can reach, and why; everything else must be covered above. */
const NOT_TRIGGERED: Record<string, string> = {
  FILE_UNREADABLE: 'root reads every file (covered above when the tests do not run as root)',
  OUTPUT_NOT_WRITTEN: 'needs the disk to fail after links exist: test/pipeline/issue covers exit 5; its Spanish is checked in-process below',
  SHEET_OPEN_IN_EXCEL: 'reconcile\'s refusal: its words belong to the reconcile report (branch multi)',
};

describe('every code has a Spanish check', () => {
  it('exit 5 (OUTPUT_NOT_WRITTEN) reads as Spanish', async () => {
    setLang('es');
    try {
      const { outputNotWrittenMessage } = await import('../../src/pipeline/issue/output-fault.js');
      const config = { output: { path: 'salida.xlsx' }, journalPath: 'salida.xlsx.journal' } as Parameters<typeof outputNotWrittenMessage>[0];
      const message = outputNotWrittenMessage(config, { issued: 3, uncertain: 1 }, 'el disco está lleno', 'salida.xlsx.emergency.csv');
      expect(englishLines(message)).toEqual([]);
      expect(message).toContain('--out salida.xlsx');
    } finally {
      setLang('en');
    }
  });

  it('the codes covered are every code of FileError, ConfigError, ApiError, LockError and RunError', async () => {
    const unions: Array<[string, string]> = [
      ['io/errors.ts', 'FileErrorCode'],
      ['api/config-error.ts', 'ConfigErrorCode'],
      ['api/errors.ts', 'ApiErrorCode'],
      ['io/lock.ts', 'LockErrorCode'],
      ['pipeline/run-error.ts', 'RunErrorCode'],
    ];
    const all: string[] = [];
    for (const [file, type] of unions) {
      const text = (await readFile(join(SRC, file), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
      const body = new RegExp(`export type ${type} =([\\s\\S]*?);`).exec(text)?.[1] ?? '';
      const codes = [...body.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]!);
      expect(codes.length, `${type} in ${file}`).toBeGreaterThan(0);
      all.push(...codes);
    }
    const missing = all.filter((code) => !covered.has(code) && !(code in NOT_TRIGGERED) && !(code === 'FILE_UNREADABLE'));
    expect(missing, 'codes without a Spanish check: add a case above').toEqual([]);
    for (const code of Object.keys(NOT_TRIGGERED)) expect(all, `${code} is no longer a code`).toContain(code);
  });
});

function thrown(fn: () => unknown): ApiError & { code: string } {
  try {
    fn();
  } catch (err) {
    if (isPaylinksError(err)) return err as ApiError;
    throw err;
  }
  throw new Error('expected an error');
}

/** The errorCode of every result in a journal. */
async function journalCodes(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { errorCode?: string }).errorCode)
    .filter((c): c is string => c !== undefined);
}

/** A port on 127.0.0.1 where nothing listens (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
