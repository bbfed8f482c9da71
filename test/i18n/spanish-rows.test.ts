/**
 * A Spanish run (`--lang es`) of the built CLI on sheets that trigger every
 * row error, every skip and every header/mapping refusal the row layer makes:
 * the output's error column, every stdout/stderr line and every JSON message
 * must hold no English sentence, and each message keeps the row, the column
 * as written in the file and the value.
 *
 * Coverage is checked against the code unions in the source
 * (RowErrorCode, SkipCode, MappingErrorCode): a new code without a Spanish
 * case here fails the last tests.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { readCsvOutput, type Row } from '../helpers/sheets.js';
import { englishLines } from './english.js';

const AS_OF = '2026-11-27';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const XLSX = join(ROOT, 'fixtures/i18n/rows-es.xlsx');

/** Every line of a run's output, JSON lines by their message, checked for English. */
function english(...texts: string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    // englishLines reads a JSON line by its message.
    for (const { line, words } of englishLines(text)) found.push(`${line}  ← ${words.join(', ')}`);
    // The JSON summary's first errors are messages too.
    for (const line of text.split('\n').filter((l) => l.startsWith('{"event":"summary"'))) {
      const summary = JSON.parse(line) as { firstErrors?: Array<{ message: string }> };
      for (const e of summary.firstErrors ?? []) for (const hit of englishLines(e.message)) found.push(hit.line);
    }
  }
  return found;
}

let dir: string;
let sandbox: SandboxHandle;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-es-rows-'));
  sandbox = await startSandbox({});
});
afterAll(async () => {
  await sandbox.close();
});

async function issue(name: string, text: string | undefined, ...extra: string[]): Promise<{ result: CliResult; out: string }> {
  const file = text === undefined ? name : join(dir, name);
  if (text !== undefined) await writeFile(file, text);
  const out = join(dir, `${name.replace(/.*\//, '')}.${extra.length}.out.csv`);
  const result = await runCli(['issue', file, '--dry-run', '--lang', 'es', '--out', out, '--as-of', AS_OF, ...extra], { timeoutMs: 60_000 });
  return { result, out };
}

/** The codes a union type in the source lists (`| 'CODE'`), so a new code needs a case here. */
function unionCodes(path: string, typeName: string): string[] {
  const source = readFileSync(join(ROOT, path), 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '');
  const start = source.indexOf(`export type ${typeName} =`);
  const end = source.indexOf(';', start);
  return [...source.slice(start, end).matchAll(/'([A-Z_]+)'/g)].map((m) => m[1] as string);
}

const covered = { row: new Set<string>(), skip: new Set<string>(), mapping: new Set<string>() };

/** Each case: the row's cells and the code it must show, with a Spanish phrase only that code's message uses. */
interface Case {
  code: string;
  cells: string[];
  phrase: RegExp;
}
const HEADER = ['Nombre', 'Valor', 'Fecha de vencimiento', 'Referencia', 'Correo', 'Teléfono', 'Moneda', 'Descripción'];
const ok = (ref: string, patch: Partial<Record<number, string>> = {}): string[] => {
  const cells = ['Cliente', '1.250.000', '15/12/2026', ref, '', '', 'COP', ''];
  for (const [i, v] of Object.entries(patch)) cells[Number(i)] = v as string;
  return cells;
};
const CSV_CASES: Case[] = [
  { code: 'AMOUNT_MISSING', cells: ok('A-1', { 1: '' }), phrase: /columna "Valor": el monto está vacío; escriba 1\.250\.000,50/ },
  { code: 'AMOUNT_INVALID', cells: ok('A-2', { 1: '1,250,000.50' }), phrase: /columna "Valor": "1,250,000\.50" no es un monto con "," como separador decimal .*--decimal \./ },
  { code: 'AMOUNT_NOT_POSITIVE', cells: ok('A-3', { 1: '-5.000' }), phrase: /"-5\.000" no es un monto positivo/ },
  { code: 'AMOUNT_TOO_LARGE', cells: ok('A-4', { 1: '1234567890123456' }), phrase: /"1234567890123456" tiene 16 dígitos significativos/ },
  { code: 'DUE_DATE_MISSING', cells: ok('A-5', { 2: '' }), phrase: /columna "Fecha de vencimiento": la fecha de vencimiento está vacía/ },
  { code: 'DUE_DATE_INVALID', cells: ok('A-6', { 2: '31/02/2027' }), phrase: /"31\/02\/2027" no es una fecha real: febrero de 2027 tiene 28 días/ },
  { code: 'DUE_DATE_PAST', cells: ok('A-7', { 2: '01/01/2026' }), phrase: /"01\/01\/2026" ya pasó: el enlace de pago vencería el 2026-01-01 23:59:59/ },
  { code: 'DUE_DATE_OUT_OF_RANGE', cells: ok('A-8', { 2: '15/01/2035' }), phrase: /"15\/01\/2035" \(2035-01-15\) está demasiado lejos .*--max-due-years/ },
  { code: 'DUE_DATE_NOT_A_DATE_CELL', cells: ok('A-9', { 2: '1052027' }), phrase: /"1052027" es un número, no una fecha/ },
  { code: 'REFERENCE_MISSING', cells: ok(''), phrase: /columna "Referencia": la referencia está vacía; una referencia solo puede tener/ },
  { code: 'REFERENCE_INVALID', cells: ok('FAC 11'), phrase: /"FAC 11" tiene espacios, que no se aceptan/ },
  { code: 'REFERENCE_TOO_LONG', cells: ok('F'.repeat(33)), phrase: /"F{33}" tiene 33 caracteres/ },
  { code: 'REFERENCE_DUPLICATE', cells: ok('A-1'), phrase: /"A-1" ya la usó la fila 3; cada cobro necesita su propia referencia/ },
  { code: 'DESCRIPTION_TOO_LONG', cells: ok('A-14', { 7: 'Servicio '.repeat(30).trim() }), phrase: /columna "Descripción": la descripción tiene 269 caracteres; se aceptan como máximo 250; acórtela/ },
  { code: 'EMAIL_INVALID', cells: ok('A-15', { 4: 'beto@x' }), phrase: /columna "Correo": "beto@x" no es una dirección de correo/ },
  { code: 'PHONE_INVALID', cells: ok('A-16', { 5: '123' }), phrase: /columna "Teléfono": "123" no es un número de teléfono; .*celular colombiano/ },
  { code: 'CURRENCY_INVALID', cells: ok('A-17', { 6: 'pesos' }), phrase: /columna "Moneda": "pesos" no es un código de moneda/ },
  { code: 'CURRENCY_MISSING', cells: ok('A-18', { 6: '' }), phrase: /columna "Moneda": la moneda está vacía/ },
  { code: 'CONTROL_CHARACTER', cells: ok('A-19', { 0: 'Fabio\u0001Ríos' }), phrase: /columna "Nombre": contiene el carácter de control U\+0001/ },
  { code: 'ROW_TOO_WIDE', cells: [...ok('A-20'), 'sobra', 'otra'], phrase: /Fila \d+: la fila tiene 10 celdas pero el encabezado tiene 8 columnas, así que "sobra", "otra" no pertenecen a ninguna columna/ },
];
const CSV_SKIPS: Case[] = [
  { code: 'TOTAL_ROW', cells: ['TOTAL', '3.000', '', '', '', '', '', ''], phrase: /^TOTAL_ROW: La fila \d+ no es un cobro: la columna "Nombre" dice "TOTAL", una línea de total o subtotal; no se envió\.$/ },
  { code: 'FOOTER_ROW', cells: ['Elaborado por: Contabilidad', '', '', '', '', '', '', ''], phrase: /^FOOTER_ROW: La fila \d+ no es un cobro: .*pie de página/ },
];

describe('a Spanish run of a CSV with every row error the sheet can carry', () => {
  let rows: Row[];
  let results: CliResult[];

  beforeAll(async () => {
    const lines = [HEADER, ok('A-0', { 0: 'Zoe Díaz', 4: 'zoe@ejemplo.co' }), ...CSV_CASES.map((c) => c.cells), ...CSV_SKIPS.map((c) => c.cells)];
    const text = `${lines.map((cells) => cells.join(';')).join('\r\n')}\r\n`;
    const text1 = await issue('cobros.csv', text, '--log', 'text');
    const json = await issue('cobros.csv', text, '--log', 'json');
    results = [text1.result, json.result];
    rows = (await readCsvOutput(text1.out, ';')).rows;
  });

  it('exits 1 (rows refused) and bills the good row', () => {
    for (const r of results) expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(rows[0]?.link_state).toBe('WOULD_ISSUE');
  });

  it.each(CSV_CASES.map((c, i) => [c.code, c, i + 3] as const))('%s: the error column says it in Spanish, with the row', (code, c, rowNumber) => {
    const row = rows[rowNumber - 2];
    expect(row?.link_state, code).toBe('INVALID');
    const error = row?.error ?? '';
    expect(error).toMatch(c.phrase);
    expect(error.startsWith(`Fila ${rowNumber}`), error).toBe(true);
    expect(englishLines(error), error).toEqual([]);
    covered.row.add(code);
  });

  it.each(CSV_SKIPS.map((c, i) => [c.code, c, CSV_CASES.length + i + 3] as const))('%s: the skip reason is Spanish', (code, c, rowNumber) => {
    const row = rows[rowNumber - 2];
    expect(row?.link_state).toBe('SKIPPED');
    expect(row?.error).toMatch(c.phrase);
    expect(row?.error).toContain(`La fila ${rowNumber} `);
    covered.skip.add(code);
  });

  it('keeps the row number, the column as written and the value', () => {
    expect(rows[2]?.error).toBe(
      'Fila 4, columna "Valor": "1,250,000.50" no es un monto con "," como separador decimal (parece escrito con punto para los decimales, como en 1,250,000.50); ' +
        'escriba 1.250.000,50 o 1250000,50, o ejecute con --decimal . si todos los montos de la hoja están escritos así (las fechas se siguen leyendo igual).',
    );
    expect(rows[16]?.error).toBe(
      'Fila 18, columna "Teléfono": "123" no es un número de teléfono; escriba + y el indicativo del país seguido de los dígitos (p. ej. +57 300 123 4567), ' +
        'o un celular colombiano de 10 dígitos como 300 123 4567.',
    );
  });

  it('prints no English line, in text or JSON', () => {
    for (const r of results) expect(english(r.stdout, r.stderr)).toEqual([]);
  });
});

describe('a Spanish run of a workbook', () => {
  const XLSX_CASES: Array<{ row: number; code: string; phrase: RegExp; kind: 'row' | 'skip' }> = [
    { row: 3, code: 'CELL_ERROR', kind: 'row', phrase: /^Fila 3, columna "Valor": la celda muestra #DIV\/0! \(una fórmula que Excel no pudo calcular\)/ },
    { row: 4, code: 'AMOUNT_DISPLAY_MISMATCH', kind: 'row', phrase: /^Fila 4, columna "Valor": la celda contiene 119399\.84 pero su formato muestra "119,400" .*--bill-displayed para cobrar 119400\.$/ },
    { row: 5, code: 'CURRENCY_CONFLICT', kind: 'row', phrase: /^Fila 5, columna "Valor": la celda tiene formato de USD \(formato "\[\$USD\] #,##0\.00"\), pero la moneda de la fila es COP/ },
    { row: 6, code: 'DUE_DATE_NOT_A_DATE_CELL', kind: 'row', phrase: /^Fila 6, columna "Fecha de vencimiento": "1052027" es un número, no una fecha/ },
    { row: 7, code: 'HIDDEN_ROW', kind: 'skip', phrase: /^HIDDEN_ROW: La fila 7 está oculta en la hoja .*--include-hidden/ },
    { row: 8, code: 'TABLE_TOTAL_ROW', kind: 'skip', phrase: /^TABLE_TOTAL_ROW: La fila 8 es la fila de totales de una tabla de Excel, no un cobro; no se envió\.$/ },
  ];
  let rows: Row[];
  let results: CliResult[];

  beforeAll(async () => {
    const text = await issue(XLSX, undefined, '--log', 'text');
    const json = await issue(XLSX, undefined, '--log', 'json');
    results = [text.result, json.result];
    rows = (await readCsvOutput(text.out, ';')).rows;
  });

  it.each(XLSX_CASES.map((c) => [c.code, c] as const))('%s is in Spanish', (code, c) => {
    const row = rows[c.row - 2];
    expect(row?.link_state).toBe(c.kind === 'row' ? 'INVALID' : 'SKIPPED');
    expect(row?.error).toMatch(c.phrase);
    (c.kind === 'row' ? covered.row : covered.skip).add(code);
  });

  it('prints no English line, in text or JSON', () => {
    for (const r of results) expect(r.code, r.stderr).toBe(1);
    for (const r of results) expect(english(r.stdout, r.stderr)).toEqual([]);
  });

  it('warns in Spanish about a hidden row billed with --include-hidden', async () => {
    const { result } = await issue(XLSX, undefined, '--log', 'text', '--include-hidden');
    expect(result.stderr + result.stdout).toContain('La fila 7 está oculta en la hoja y se cobró por --include-hidden.');
    expect(english(result.stdout, result.stderr)).toEqual([]);
  });
});

describe('a Spanish run with --notify and a name template', () => {
  it('NAME_MISSING and RECIPIENT_MISSING are in Spanish', async () => {
    const text = ['Nombre;Valor;Fecha de vencimiento;Referencia;Correo', 'Ana;1.000;15/12/2026;N-1;ana@ejemplo.co', 'Beto;2.000;15/12/2026;N-2;', ''].join('\r\n');
    const { result, out } = await issue('avisos.csv', text, '--log', 'text', '--notify', 'email', '--name', '{email}');
    expect(result.code, result.stderr).toBe(1);
    const { rows } = await readCsvOutput(out, ';');
    expect(rows[0]?.link_state).toBe('WOULD_ISSUE');
    expect(rows[1]?.error).toBe(
      'Fila 3, columna "Nombre": el nombre del enlace de pago está vacío (plantilla "{email}"); llene las celdas que usa la plantilla. | ' +
        'Fila 3, columna "Correo": el pagador no tiene correo por donde avisarle (--notify email); escríbalo en la hoja, o ejecute sin --notify.',
    );
    expect(english(result.stdout, result.stderr)).toEqual([]);
    covered.row.add('NAME_MISSING').add('RECIPIENT_MISSING');
  });
});

describe('a rejected request (422) from the service, in a Spanish run', () => {
  it('marks the row INVALID with the service rejection (SERVICE_REJECTED)', async () => {
    // The sheet's currency column takes any 3 capital letters; the service refuses one it does not know.
    const file = join(dir, 'moneda-xyz.csv');
    await writeFile(file, ['Nombre;Valor;Fecha de vencimiento;Referencia;Moneda', 'Ana;1.000;15/12/2026;S-1;XYZ', ''].join('\r\n'));
    const out = join(dir, 'moneda-xyz.out.csv');
    const env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
    const result = await runCli(['issue', file, '--lang', 'es', '--out', out, '--base-url', sandbox.url, '--as-of', AS_OF, '--log', 'text'], { env, timeoutMs: 60_000 });
    const { rows } = await readCsvOutput(out, ';');
    expect(rows[0]?.link_state, `${rows[0]?.error} ${result.stderr}`).toBe('INVALID');
    expect(rows[0]?.error).toMatch(/422/);
    // After "(422): " come the service's own field names and words (Placetopay answers in English): data, not ours to translate.
    const lines = [rows[0]?.error ?? '', result.stdout, result.stderr].join('\n').replace(/(\(422\): )[^\n]*/g, '$1');
    expect(english(lines)).toEqual([]);
    covered.row.add('SERVICE_REJECTED');
  });
});

/** Whole-sheet refusals: exit 2, the JSON error line's code, and Spanish on both stderr lines. */
const MAPPING_CASES: Array<{ code: string; name: string; text: string; args?: string[]; phrase: RegExp }> = [
  { code: 'HEADER_NOT_FOUND', name: 'sin-encabezado.csv', text: 'Foo;Bar\n1;2\n', phrase: /no hay un encabezado reconocible; las primeras celdas son "Foo", "Bar"/ },
  { code: 'HEADER_AMBIGUOUS', name: 'ambiguo.csv', text: 'Valor;Monto;Fecha de vencimiento\n1.000;2.000;15/12/2026\n', phrase: /"Valor" \(columna A\) y "Monto" \(columna B\) parecen ser la columna del monto\. Indique cuál usar con --map amount="Valor" \(o --map amount="Monto"\)/ },
  { code: 'HEADER_DUPLICATE', name: 'repetido.csv', text: 'Valor;Valor;Fecha de vencimiento\n1.000;2.000;15/12/2026\n', phrase: /el encabezado "Valor" aparece dos veces/ },
  { code: 'COLUMN_MISSING', name: 'sin-fecha.csv', text: 'Nombre;Valor;Referencia\nAna;1.000;C-1\n', phrase: /no hay columna para la fecha de vencimiento \(encabezados aceptados: "due date"/ },
  { code: 'COLUMN_MISSING', name: 'sin-telefono.csv', text: 'Nombre;Valor;Fecha de vencimiento\nAna;1.000;15/12/2026\n', args: ['--notify', 'sms'], phrase: /--notify sms necesita una columna de teléfono, y el archivo no tiene ninguna/ },
  { code: 'MAP_INVALID', name: 'map1.csv', text: 'Nombre;Valor;Fecha de vencimiento\nAna;1.000;15/12/2026\n', args: ['--map', 'sueldo'], phrase: /--map "sueldo" no se entiende; escriba --map campo=Encabezado/ },
  { code: 'MAP_INVALID', name: 'map2.csv', text: 'Nombre;Valor;Fecha de vencimiento\nAna;1.000;15/12/2026\n', args: ['--map', 'amount=Valor', '--map', 'due=Valor'], phrase: /--map le da la columna "Valor" a dos campos/ },
  { code: 'MAP_COLUMN_NOT_FOUND', name: 'map3.csv', text: 'Nombre;Valor;Fecha de vencimiento\nAna;1.000;15/12/2026\n', args: ['--map', 'amount=Saldo'], phrase: /--map amount="Saldo" nombra una columna que el archivo no tiene\. Columnas encontradas: "Nombre", "Valor", "Fecha de vencimiento"/ },
  { code: 'HEADER_UNIT_UNCONFIRMED', name: 'miles.csv', text: 'Nombre;Valor (miles);Fecha de vencimiento\nAna;1.250;15/12/2026\n', phrase: /la columna del monto "Valor \(miles\)" dice que sus montos están en miles \("miles"\).*1\.250\.000, ejecute con --amount-unit 1000/ },
  { code: 'HEADER_UNIT_UNCONFIRMED', name: 'sin-unidad.csv', text: 'Nombre;Valor;Fecha de vencimiento\nAna;1.250;15/12/2026\n', args: ['--amount-unit', '1000'], phrase: /se indicó --amount-unit 1000, pero la columna del monto "Valor" no dice que sus montos estén en miles/ },
  { code: 'HEADER_CURRENCY_CONFLICT', name: 'usd.csv', text: 'Nombre;Valor (USD);Fecha de vencimiento\nAna;1.250;15/12/2026\n', args: ['--currency', 'COP'], phrase: /dice que sus montos están en USD, pero --currency dice COP; no se envió nada/ },
  { code: 'HEADER_TWICE', name: 'dos-tablas.csv', text: 'Nombre;Valor;Fecha de vencimiento\nAna;2.000;15/12/2026\nNombre;Valor;Fecha de vencimiento\nBeto;3.000;15/12/2026\n', phrase: /tiene más de una fila de encabezado: fila 1 \("Nombre", "Valor", "Fecha de vencimiento"\), fila 3/ },
  { code: 'DATA_ABOVE_HEADER', name: 'encima.csv', text: 'Ana;1.250.000;15/12/2026\nNombre;Valor;Fecha de vencimiento\nBeto;2.000;15/12/2026\n', phrase: /la fila 1 \("Ana", "1\.250\.000", "15\/12\/2026"\) está encima del encabezado de la fila 2/ },
  { code: 'HEADER_NOTE_UNKNOWN', name: 'nota.csv', text: 'Nombre;Valor (neto);Fecha de vencimiento\nAna;1.250;15/12/2026\n', phrase: /la columna del monto "Valor \(neto\)" tiene la nota "neto", que paylinks no entiende/ },
  { code: 'HEADER_NOTE_UNKNOWN', name: 'centavos.csv', text: 'Nombre;Valor (centavos);Fecha de vencimiento\nAna;125000050;15/12/2026\n', phrase: /dice que sus montos están en centavos/ },
  { code: 'HEADER_DATE_ORDER_CONFLICT', name: 'orden.csv', text: 'Nombre;Valor;Fecha de vencimiento (mm/dd/aaaa)\nAna;1.250;12/15/2026\n', phrase: /dice que sus fechas están en mes\/día\/año \("mm\/dd\/aaaa"\), pero esta ejecución lee las fechas como día\/mes\/año \(--locale es-CO\)/ },
  { code: 'TEMPLATE_INVALID', name: 'plantilla.csv', text: 'Nombre;Valor;Fecha de vencimiento\nAna;1.250;15/12/2026\n', args: ['--name', '{nombre}'], phrase: /La plantilla "\{nombre\}" usa \{nombre\}, que no se conoce; los marcadores aceptados son \{name\}/ },
];

describe.concurrent('whole-sheet refusals in a Spanish run', () => {
  it.each(MAPPING_CASES.map((c) => [`${c.code} (${c.name})`, c] as const))('%s', async (_label, c) => {
    const { result } = await issue(c.name, c.text, '--log', 'json', ...(c.args ?? []));
    expect(result.code, result.stderr).toBe(2);
    const error = result.stderr.split('\n').find((l) => l.startsWith('{') && l.includes('"event":"error"'));
    const entry = JSON.parse(error ?? '{}') as { code?: string; message?: string };
    // A template is checked while the flags are read: the CLI reports it as the flag's BAD_OPTION.
    expect(entry.code).toBe(c.code === 'TEMPLATE_INVALID' ? 'BAD_OPTION' : c.code);
    expect(entry.message).toMatch(c.phrase);
    expect(result.stderr).toContain(`paylinks: ${entry.message ?? ''}`);
    expect(english(result.stdout, result.stderr)).toEqual([]);
    covered.mapping.add(c.code);
  });
});

describe('coverage', () => {
  it('every RowErrorCode has a Spanish case', () => {
    expect([...covered.row].sort()).toEqual(unionCodes('src/pipeline/types.ts', 'RowErrorCode').sort());
  });
  it('every SkipCode has a Spanish case', () => {
    expect([...covered.skip].sort()).toEqual(unionCodes('src/pipeline/types.ts', 'SkipCode').sort());
  });
  it('every MappingErrorCode and TemplateErrorCode has a Spanish case', () => {
    const codes = [...unionCodes('src/pipeline/rows/mapping-error.ts', 'MappingErrorCode'), ...unionCodes('src/pipeline/rows/text-template.ts', 'TemplateErrorCode')];
    expect([...covered.mapping].sort()).toEqual([...new Set(codes)].sort());
  });
});
