/**
 * What the readers notice reaches the person running `issue` (built CLI):
 * a hidden sheet read because --sheet named it, garbled text on a row, and
 * refusals that name what a file is.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const files = join(import.meta.dirname, '..', 'io', 'files');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-reader-notes-'));
});

describe('issue prints the readers’ notes', () => {
  it('warns once about a hidden sheet read by --sheet, and once per garbled row', async () => {
    const hidden = await runCli(['issue', join(files, 'openpyxl-hidden-first.xlsx'), '--sheet', '1', '--dry-run', '--as-of', '2026-12-01', '--log', 'text', '--out', join(dir, 'h.csv')]);
    expect(hidden.code, hidden.stderr).toBe(0);
    expect(hidden.stderr.match(/warning: reading hidden sheet "Plantilla" because --sheet named it/g)).toHaveLength(1);

    const garbled = await runCli(['issue', join(files, 'mojibake-utf8.csv'), '--dry-run', '--as-of', '2026-12-01', '--log', 'text', '--out', join(dir, 'g.csv')]);
    expect(garbled.code, garbled.stderr).toBe(0);
    expect(garbled.stderr.match(/warning: row 2, column "Nombre": "JosÃ© MuÃ±oz" holds unlikely characters/g)).toHaveLength(1);
  });

  it('refuses an ambiguous workbook and an .ods with exit 2, before anything is written', async () => {
    const ambiguous = await runCli(['issue', join(files, 'xlsxwriter-two-billing.xlsx'), '--dry-run', '--out', join(dir, 'a.csv')]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('has 2 sheets that look like billing sheets: "Enero" (1), "Febrero" (2)');
    const ods = await runCli(['issue', join(files, 'libreoffice.ods'), '--dry-run', '--out', join(dir, 'o.csv')]);
    expect(ods.code).toBe(2);
    expect(ods.stderr).toContain('"Libro de Excel 2007-365 (.xlsx)"');
  });
});
