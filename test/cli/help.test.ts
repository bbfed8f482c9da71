/**
 * The help of every command, and yargs' own words, in the run's language:
 * `--help` of the built CLI in Spanish holds no English line and in English
 * the English words; the language follows --lang, else LC_ALL / LC_MESSAGES /
 * LANG, else --locale; usage errors speak the same language.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/catalogue.js';
import { sayIn } from '../../src/i18n/message.js';
import type { Message } from '../../src/i18n/message.js';
import { runCli } from '../helpers/cli.js';
import { englishLines } from '../i18n/english.js';

const help = catalogue.help;

/** Every command of the CLI, with its help entries; '' is the top level. */
const COMMANDS: Array<{ name: string; describe: Message }> = [
  { name: '', describe: help.common.usage },
  { name: 'issue', describe: help.issue.describe },
  { name: 'reconcile', describe: help.reconcile.describe },
  { name: 'webhook', describe: help.webhook.describe },
  { name: 'verify-notification', describe: help.verifyNotification.describe },
  { name: 'summary', describe: help.summary.describe },
  { name: 'template', describe: help.template.describe },
  { name: 'sandbox', describe: help.sandbox.describe },
  { name: 'mail', describe: help.mail.describe },
  { name: 'report', describe: catalogue.report.describe },
  { name: 'reissue', describe: catalogue.reissue.helpCommand },
];

/** yargs' English words that must not show in a Spanish help. */
const YARGS_ENGLISH = /\[(?:string|boolean|number|array|count|required)\]|\[default:|\[choices:|Options:|Commands:|Positionals:|Examples:|Show help|Show version/;

function argsOf(name: string, ...rest: string[]): string[] {
  return name === '' ? rest : [name, ...rest];
}

/** The first line of a catalogue text, as yargs prints it (it wraps the rest). */
function firstWords(message: Message, lang: 'es' | 'en'): string {
  return sayIn(lang, message).split('\n').at(-1)!.split(' ').slice(0, 4).join(' ');
}

describe('--help of every command', () => {
  it('the table above lists every command the CLI has', async () => {
    const result = await runCli(['--help', '--lang', 'en']);
    const listed = [...result.stdout.matchAll(/^ {2}paylinks ([a-z-]+)/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(COMMANDS.map((c) => c.name).filter((n) => n !== '').sort());
  });

  it.each(COMMANDS)('paylinks $name --help --lang es: Spanish only, yargs\' words included', async ({ name, describe: about }) => {
    const result = await runCli(argsOf(name, '--help', '--lang', 'es'));
    expect(result.code, result.stderr).toBe(0);
    const text = result.stdout;
    expect(englishLines(text), text).toEqual([]);
    expect(text).not.toMatch(YARGS_ENGLISH);
    expect(text).toContain('Opciones:');
    expect(text).toContain('Muestra esta ayuda');
    expect(text).toContain(firstWords(about, 'es'));
    // The one global --lang, in every command's help.
    expect(text).toContain('--lang');
    expect(text).toContain(firstWords(help.common.lang, 'es'));
    if (name !== '') expect(text).toMatch(/Ejemplos:/);
    if (name === '' || name === 'issue') expect(text).toContain('Códigos de salida: 0 todas las filas listas');
  });

  it.each(COMMANDS)('paylinks $name --help --lang en: English, yargs\' words included', async ({ name, describe: about }) => {
    const result = await runCli(argsOf(name, '--help', '--lang', 'en'));
    expect(result.code, result.stderr).toBe(0);
    const text = result.stdout;
    expect(text).toContain('Options:');
    expect(text).toContain('Show help');
    expect(text).toMatch(/\[boolean\]/);
    expect(text).toContain(firstWords(about, 'en'));
    expect(text).toContain(firstWords(help.common.lang, 'en'));
    expect(text).not.toMatch(/Opciones:|Muestra esta ayuda|predeterminado/);
    if (name === '') expect(text).toContain('Commands:');
    else expect(text).toContain('Examples:');
    if (['issue', 'reconcile', 'summary', 'mail'].includes(name)) expect(text).toMatch(/\[required\]/);
  });
});

describe('the language of the help, without --lang', () => {
  it.each([
    { why: 'LANG=es_CO.UTF-8', env: { LANG: 'es_CO.UTF-8' }, args: [], lang: 'es' },
    { why: 'LC_MESSAGES=es_CO.UTF-8 over LANG=en_US.UTF-8', env: { LC_MESSAGES: 'es_CO.UTF-8', LANG: 'en_US.UTF-8' }, args: [], lang: 'es' },
    { why: 'LANG=en_US.UTF-8', env: { LANG: 'en_US.UTF-8' }, args: [], lang: 'en' },
    { why: 'LC_ALL=C decides (no language), so --locale en-US', env: { LC_ALL: 'C', LANG: 'es_CO.UTF-8' }, args: ['--locale', 'en-US'], lang: 'en' },
    { why: 'LC_ALL=C and no --locale: the default locale es-CO', env: { LC_ALL: 'C', LANG: 'en_US.UTF-8' }, args: [], lang: 'es' },
    { why: '--lang en over LANG=es_CO.UTF-8', env: { LANG: 'es_CO.UTF-8' }, args: ['--lang', 'en'], lang: 'en' },
    { why: '--lang=es over LC_ALL=en_US.UTF-8', env: { LC_ALL: 'en_US.UTF-8' }, args: ['--lang=es'], lang: 'es' },
  ])('$why → $lang', async ({ env, args, lang }) => {
    const result = await runCli(['issue', '--help', ...args], { env: { LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env } });
    expect(result.code, result.stderr).toBe(0);
    if (lang === 'es') {
      expect(result.stdout).toContain('Opciones:');
      expect(englishLines(result.stdout)).toEqual([]);
    } else {
      expect(result.stdout).toContain('Options:');
      expect(result.stdout).toContain(firstWords(help.issue.describe, 'en'));
    }
  });
});

describe('usage errors in the run\'s language (exit 2)', () => {
  const cases = [
    { what: 'an unknown flag', args: ['issue', 'x.csv', '--bogus'], es: 'Opción o argumento desconocido: bogus', en: 'Unknown argument: bogus' },
    { what: 'two unknown flags', args: ['issue', 'x.csv', '--bogus', '--other'], es: 'Opciones o argumentos desconocidos: bogus, other', en: 'Unknown arguments: bogus, other' },
    { what: 'a misspelt command', args: ['isue', 'x.csv'], es: '¿Quiso decir issue?', en: 'Did you mean issue?' },
    { what: 'no command', args: [], es: 'Indique un comando: issue', en: 'Name a command: issue' },
    { what: 'a missing positional', args: ['issue'], es: 'Faltan argumentos: se recibieron 0 y se necesitan al menos 1', en: 'Not enough non-option arguments: got 0, need at least 1' },
    { what: 'missing required flags', args: ['mail', 'x'], es: 'Faltan opciones obligatorias: collectors, from', en: 'Missing required arguments: collectors, from' },
    { what: 'a value not among the choices', args: ['issue', 'x.csv', '--env', 'staging'], es: 'Opción: env, recibido: "staging", valores aceptados: "test", "production"', en: 'Argument: env, Given: "staging", Choices: "test", "production"' },
    // Not a language: the environment's decides (set below), and yargs refuses the value in it.
    { what: 'a --lang not es or en', args: ['issue', 'x.csv', '--lang', 'fr'], es: 'Opción: lang, recibido: "fr", valores aceptados: "es", "en"', en: 'Argument: lang, Given: "fr", Choices: "es", "en"' },
  ];

  it.each(cases)('$what, in Spanish', async ({ args, es }) => {
    const result = args.includes('--lang') ? await runCli(args, { env: { LANG: 'es_CO.UTF-8' } }) : await runCli([...args, '--lang', 'es']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^paylinks: /);
    expect(result.stderr).toContain(es);
    expect(result.stderr).toContain('Escriba paylinks --help para ver cómo se usa.');
    expect(englishLines(result.stderr), result.stderr).toEqual([]);
    expect(result.stdout).toBe('');
  });

  it.each(cases)('$what, in English', async ({ args, en }) => {
    const result = await runCli(args.includes('--lang') ? args : [...args, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^paylinks: /);
    expect(result.stderr).toContain(en);
    expect(result.stderr).toContain('Run paylinks --help for usage.');
  });

  it.each([
    ['es', '--config /nowhere/p.json: el archivo no existe o no es un JSON válido.'],
    ['en', '--config /nowhere/p.json: the file is missing or is not valid JSON.'],
  ])('a missing --config file, in %s', async (lang, message) => {
    const result = await runCli(['summary', 'x.csv', '--config', '/nowhere/p.json', '--lang', lang]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`paylinks: ${message}\n`);
  });

  it.each([
    {
      args: ['issue', 'x.csv', '--dry-run', '--concurrency', '99'],
      es: '--concurrency debe ser un número entero de 1 a 64, no "99".',
      en: '--concurrency must be a whole number from 1 to 64, not "99".',
    },
    {
      args: ['issue', 'x.csv', '--sandbox', '--env', 'test'],
      es: '--sandbox corre contra un sandbox embebido; quite --env y --base-url, o quite --sandbox.',
      en: '--sandbox runs against an embedded sandbox; leave out --env and --base-url, or leave out --sandbox.',
    },
    {
      args: ['template', '--out', 'plantilla.pdf'],
      es: '--out plantilla.pdf: termine el nombre del archivo en .xlsx o .csv.',
      en: '--out plantilla.pdf: end the file name in .xlsx or .csv.',
    },
    {
      args: ['sandbox', '--rate-429', '2'],
      es: '--rate-429 es una proporción de 0 a 1, no "2".',
      en: '--rate-429 is a share from 0 to 1, not "2".',
    },
    {
      args: ['mail', 'x', '--collectors', 'c.csv', '--from', 'a@empresa.co'],
      es: '--smtp es obligatorio para enviar',
      en: '--smtp is required to send',
    },
    {
      args: ['verify-notification'],
      es: 'No hay una clave secreta para verificar las firmas de los avisos: defina PLACETOPAY_SECRET_KEY',
      en: 'No secret key to check notification signatures with: set PLACETOPAY_SECRET_KEY',
    },
  ])('a flag check: $args.0 $args.1 $args.2 …, in both languages (exit 2)', async ({ args, es, en }) => {
    const spanish = await runCli([...args, '--lang', 'es']);
    expect(spanish.code).toBe(2);
    expect(spanish.stderr).toContain(`paylinks: ${es}`);
    expect(englishLines(spanish.stderr), spanish.stderr).toEqual([]);
    const english = await runCli([...args, '--lang', 'en']);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain(`paylinks: ${en}`);
  });
});
