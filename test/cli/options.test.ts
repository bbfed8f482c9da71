/**
 * The flag checks shared by the commands, each in one place: currency (issue,
 * reconcile, webhook, summary), sheet, and the probe-settle formula (issue, reconcile).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  asOfOption,
  currencyOption,
  delimiterOption,
  formatOfPath,
  intOption,
  localeOption,
  positiveOption,
  probeSettleMs,
  sheetOption,
  timeZoneOption,
} from '../../src/cli/options.js';
import { readingConfig } from '../../src/cli/reading-options.js';
import { setLang } from '../../src/i18n/current.js';
import { englishWords } from '../i18n/english.js';
import { RunError } from '../../src/pipeline/run-error.js';

describe('currencyOption', () => {
  it.each([
    ['COP', 'COP'],
    [' usd ', 'USD'],
    ['eur', 'EUR'],
  ])('%j → %s', (given, expected) => expect(currencyOption(given)).toBe(expected));

  it.each(['PESOS', 'US', '$', '', 'C0P'])('%j is refused with a message naming the flag and the value', (given) => {
    expect(() => currencyOption(given)).toThrow(RunError);
    expect(() => currencyOption(given)).toThrow(`--currency must be an ISO 4217 code such as COP or USD, not "${given}".`);
  });
});

describe('sheetOption', () => {
  it.each([
    [undefined, undefined],
    ['2', 2],
    [' 3 ', 3],
    ['Enero', 'Enero'],
    ['Hoja 1', 'Hoja 1'],
  ])('%j → %j', (given, expected) => expect(sheetOption(given)).toBe(expected));
});

describe('probeSettleMs', () => {
  it.each([
    { probeSettle: undefined, timeout: undefined, ms: 30_000 },
    { probeSettle: undefined, timeout: 5, ms: 30_000 },
    { probeSettle: undefined, timeout: 90, ms: 90_000 },
    { probeSettle: 2, timeout: 90, ms: 2_000 },
    { probeSettle: 0.5, timeout: undefined, ms: 500 },
  ])('--probe-settle $probeSettle --timeout $timeout → $ms ms', ({ probeSettle, timeout, ms }) => {
    expect(probeSettleMs(probeSettle, timeout)).toBe(ms);
  });

  it('refuses a settle or timeout that is not positive', () => {
    expect(() => probeSettleMs(0, 30)).toThrow('--probe-settle must be a positive number, not "0".');
    expect(() => probeSettleMs(undefined, -1)).toThrow('--timeout must be a positive number, not "-1".');
  });
});

describe('flag checks speak the run\'s language', () => {
  afterEach(() => setLang('en'));

  it.each([
    ['intOption', () => intOption('concurrency', 99, 1, 64), '--concurrency debe ser un número entero de 1 a 64, no "99".', '--concurrency must be a whole number from 1 to 64, not "99".'],
    ['positiveOption', () => positiveOption('rate', -1), '--rate debe ser un número positivo, no "-1".', '--rate must be a positive number, not "-1".'],
    ['localeOption', () => localeOption('es-MX'), '--locale debe ser es-CO o en-US, no "es-MX".', '--locale must be es-CO or en-US, not "es-MX".'],
    ['timeZoneOption', () => timeZoneOption('Bogota'), '--timezone "Bogota" no es una zona horaria que este equipo conozca; use un nombre IANA como America/Bogota.', '--timezone "Bogota" is not a time zone this machine knows; use an IANA name such as America/Bogota.'],
    ['asOfOption', () => asOfOption('2026-02-30'), '--as-of debe ser una fecha AAAA-MM-DD, no "2026-02-30".', '--as-of must be a date YYYY-MM-DD, not "2026-02-30".'],
    ['currencyOption', () => currencyOption('PESOS'), '--currency debe ser un código ISO 4217 como COP o USD, no "PESOS".', '--currency must be an ISO 4217 code such as COP or USD, not "PESOS".'],
    ['delimiterOption', () => delimiterOption(':'), '--delimiter debe ser , ; tab o |, no ":".', '--delimiter must be , ; tab or |, not ":".'],
    ['formatOfPath --out', () => formatOfPath('x.pdf', '--out'), '--out x.pdf: el formato de salida sale del nombre del archivo; termínelo en .csv o .xlsx.', '--out x.pdf: the output format comes from the file name; end it in .csv or .xlsx.'],
    ['formatOfPath, the sheet', () => formatOfPath('x.pdf'), 'la hoja x.pdf: el formato de salida sale del nombre del archivo; termínelo en .csv o .xlsx.', 'the sheet x.pdf: the output format comes from the file name; end it in .csv or .xlsx.'],
    ['readingConfig --decimal', () => readingConfig({ decimal: ';' }), '--decimal debe ser "," o ".", no ";".', '--decimal must be "," or ".", not ";".'],
    ['readingConfig --date-order', () => readingConfig({ dateOrder: 'dym' }), '--date-order debe ser dmy, mdy o ymd, no "dym".', '--date-order must be dmy, mdy or ymd, not "dym".'],
  ])('%s', (_name, check, es, en) => {
    setLang('es');
    expect(check).toThrow(new RunError('BAD_OPTION', es));
    expect(englishWords(es).length).toBeLessThan(2);
    setLang('en');
    expect(check).toThrow(new RunError('BAD_OPTION', en));
  });
});
