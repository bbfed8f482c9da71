/**
 * What an XLSX cell's number format does to the bill, end to end with the
 * built CLI (dry runs: nothing is sent). A format that scales the number
 * (`#,##0,`, `0%`) shows another amount than the cell holds, and a currency
 * sign that is not the peso's (colones, soles…) or that paylinks does not
 * recognise is a currency all the same: both are refused, never billed.
 * Files: test/e2e/cell-formats/ (the reviewer's rv-*.xlsx, and formats.xlsx
 * from make.py).
 */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readCsvOutput } from '../helpers/sheets.js';

const FILES = fileURLToPath(new URL('./cell-formats/', import.meta.url));
const AS_OF = '2026-11-27';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-formats-'));
});

async function dryRun(name: string, ...extra: string[]) {
  const file = join(dir, name);
  await copyFile(join(FILES, name), file);
  const out = join(dir, `${name}.out.csv`);
  const result = await runCli(['issue', file, '--dry-run', '--out', out, '--as-of', AS_OF, '--log', 'json', ...extra], { timeoutMs: 60_000 });
  return { result, out };
}

/** Each output row: reference, state, the request's currency and total, and the error. */
async function outcome(out: string): Promise<Array<[string, string, string, string]>> {
  const { rows } = await readCsvOutput(out, ';');
  return rows.map((r) => {
    const request = r.request ? (JSON.parse(r.request) as { payment: { amount: { currency: string; total: number } } }) : undefined;
    const amount = request === undefined ? '' : `${request.payment.amount.currency} ${request.payment.amount.total}`;
    return [r.Referencia ?? '', r.link_state ?? '', amount, r.error ?? ''];
  });
}

describe('a format that scales the amount', () => {
  it('"Valor (miles)" over 1250000 shown as 1,250 by #,##0,: refused before any row, without advising --amount-unit', async () => {
    for (const flags of [[], ['--amount-unit', '1000'], ['--bill-displayed']]) {
      const { result } = await dryRun('rv-scaled.xlsx', ...flags);
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr).toContain('"HEADER_UNIT_UNCONFIRMED"');
      expect(result.stderr).toContain(
        'the amount column \\"Valor (miles)\\" says its amounts are in thousands (\\"miles\\"), but the cells\' format \\"#,##0,\\" shows them divided by 1,000 ' +
          '(the first holds 1250000 and shows \\"1,250\\")',
      );
      expect(result.stderr).not.toMatch(/run with --amount-unit/);
      expect(result.stderr).not.toContain('1250000000');
    }
  });

  it('without a header note, the row is refused with both values, and --bill-displayed does not bill 1,250', async () => {
    const plain = await dryRun('rv-scaled_nohdr.xlsx');
    expect(plain.result.code, plain.result.stderr).toBe(1); // rows refused
    expect(await outcome(plain.out)).toEqual([
      [
        'FAC-1',
        'INVALID',
        '',
        'Row 2, column "Valor": the cell holds 1250000 but its format "#,##0," shows "1,250" (the format divides it by 1,000), ' +
          "so the bill's amount is in doubt; format the amount column without scaling (e.g. #,##0) so it shows the amount the cell holds.",
      ],
    ]);
    const flagged = await dryRun('rv-scaled_nohdr.xlsx', '--bill-displayed');
    expect((await outcome(flagged.out)).map((r) => [r[1], r[2]])).toEqual([['INVALID', '']]);
    expect((await outcome(flagged.out))[0]![3]).toMatch(/; --bill-displayed does not bill a scaled display\.$/);
    // --amount-unit without a unit in the header is refused, and the advice is not to write one over scaled cells.
    const unit = await dryRun('rv-scaled_nohdr.xlsx', '--amount-unit', '1000');
    expect(unit.result.code).toBe(2);
    expect(unit.result.stderr).toContain('format the amount column without scaling (e.g. #,##0)');
    expect(unit.result.stderr).not.toContain('Write the unit in the header');
  });

  it('0.5 shown as 50% is refused, with or without --bill-displayed', async () => {
    for (const flags of [[], ['--bill-displayed']]) {
      const { out } = await dryRun('rv-pct.xlsx', ...flags);
      const [row] = await outcome(out);
      expect(row!.slice(0, 3)).toEqual(['FAC-1', 'INVALID', '']);
      expect(row![3]).toMatch(/^Row 2, column "Valor": the cell holds 0\.5 but its format "0%" shows "50%" \(the format shows it as a percentage, multiplied by 100\)/);
    }
  });
});

describe('currencies in the format', () => {
  it('colones and soles are refused in a COP run, and bill in their own currency', async () => {
    const crc = await dryRun('rv-crc.xlsx');
    expect(await outcome(crc.out)).toEqual([
      [
        'FAC-1',
        'INVALID',
        '',
        'Row 2, column "Valor": the cell is formatted as CRC (format "[$₡-140A] #,##0.00"), but the row\'s currency is COP; ' +
          'make the cell format and the currency (--currency or the currency column) agree.',
      ],
    ]);
    const pen = await dryRun('rv-pen.xlsx');
    expect((await outcome(pen.out))[0]!.slice(0, 3)).toEqual(['FAC-1', 'INVALID', '']);
    expect((await outcome(pen.out))[0]![3]).toMatch(/^Row 2, column "Valor": the cell is formatted as PEN \(format ""S\/" #,##0\.00"\), but the row's currency is COP/);

    expect((await outcome((await dryRun('rv-crc.xlsx', '--currency', 'CRC')).out))[0]!.slice(0, 3)).toEqual(['FAC-1', 'WOULD_ISSUE', 'CRC 125000.5']);
    expect((await outcome((await dryRun('rv-pen.xlsx', '--currency', 'PEN')).out))[0]!.slice(0, 3)).toEqual(['FAC-1', 'WOULD_ISSUE', 'PEN 125000.5']);
  });
});

describe('one workbook, one format per row', () => {
  it('bills the real bills (near misses included) and refuses scaled, foreign and unrecognised formats', async () => {
    const { result, out } = await dryRun('formats.xlsx');
    expect(result.code, result.stderr).toBe(1); // rows refused
    const rows = await outcome(out);
    // The output's error column has the message; the kind of refusal is told by its words.
    const kind = (error: string) =>
      error === '' ? '' : /its format .* shows .* so the bill's amount is in doubt/.test(error) ? 'AMOUNT_DISPLAY_MISMATCH' : /the cell is formatted (as|with the currency sign)/.test(error) ? 'CURRENCY_CONFLICT' : error;
    expect(rows.map((r) => [r[0], r[1], r[2], kind(r[3])])).toEqual([
      ['F-1', 'WOULD_ISSUE', 'COP 1250000', ''],
      ['F-2', 'WOULD_ISSUE', 'COP 1250000.5', ''],
      ['F-3', 'WOULD_ISSUE', 'COP 450000', ''], // "unid."
      ['F-4', 'WOULD_ISSUE', 'COP 450000', ''], // "kg"
      ['F-5', 'WOULD_ISSUE', 'COP 450000', ''], // "L" after the number: litres
      ['F-6', 'WOULD_ISSUE', 'COP 450000', ''],
      ['F-7', 'WOULD_ISSUE', 'COP 450000', ''], // a quoted "%" does not scale
      ['F-8', 'INVALID', '', 'AMOUNT_DISPLAY_MISMATCH'],
      ['F-9', 'INVALID', '', 'AMOUNT_DISPLAY_MISMATCH'],
      ['F-10', 'INVALID', '', 'AMOUNT_DISPLAY_MISMATCH'],
      ['F-11', 'INVALID', '', 'CURRENCY_CONFLICT'],
      ['F-12', 'INVALID', '', 'CURRENCY_CONFLICT'],
      ['F-13', 'INVALID', '', 'CURRENCY_CONFLICT'],
      ['F-14', 'INVALID', '', 'CURRENCY_CONFLICT'],
      ['F-15', 'INVALID', '', 'CURRENCY_CONFLICT'],
      ['F-16', 'INVALID', '', 'CURRENCY_CONFLICT'],
      ['F-17', 'INVALID', '', 'CURRENCY_CONFLICT'],
    ]);
    expect(rows[12]![3]).toContain('formatted as BOB or VES');
    expect(rows[13]![3]).toContain('formatted as GTQ');
    expect(rows[14]![3]).toContain('formatted as DOP');
    expect(rows[15]![3]).toBe(
      'Row 17, column "Valor": the cell is formatted with the currency sign "₭" (format "[$₭-454]#,##0"), which paylinks does not recognise, ' +
        "so the bill's currency is in doubt; format the amount column without a currency sign (e.g. #,##0) or with the row's currency (e.g. [$COP] #,##0).",
    );
    expect(rows[16]![3]).toContain('the currency sign "X/."');
  });
});
