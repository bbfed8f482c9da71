import { describe, expect, it } from 'vitest';
import type { CollectorsFile } from '../../../src/pipeline/mail/collectors.js';
import { ledgerKey, type LedgerState } from '../../../src/pipeline/mail/ledger.js';
import type { ManifestFile } from '../../../src/pipeline/mail/manifest.js';
import { planMail, type FileCheck } from '../../../src/pipeline/mail/plan.js';

const entry = (value: string, rows = 2): ManifestFile => ({ value, file: `${value || '(sin valor)'}.csv`, path: `/s/${value}.csv`, rows, states: {}, amounts: {} });
const collectors = (map: Record<string, string[]>): CollectorsFile => ({
  path: 'cobradores.csv',
  collectorColumn: 'Cobrador',
  emailColumns: ['Correo'],
  collectors: new Map(Object.entries(map).map(([value, addresses]) => [value, { value, addresses }])),
  problems: [],
});
const ok: FileCheck = { ok: true, sha256: 'sha', rows: 2 };

function plan(files: Array<[ManifestFile, FileCheck]>, map: Record<string, string[]>, ledger: Array<[string, string, LedgerState]> = [], resendUncertain = false) {
  return planMail({
    files: files.map(([e, check]) => ({ entry: e, check })),
    collectors: collectors(map),
    ledger: new Map(ledger.map(([value, address, state]) => [ledgerKey(value, 'sha', address), state])),
    column: 'Cobrador',
    resendUncertain,
    lang: 'es',
  });
}

describe('planMail', () => {
  it.each<[string, Array<[ManifestFile, FileCheck]>, Record<string, string[]>, string, RegExp]>([
    ['a collector missing from the file', [[entry('Pedro'), ok]], { Ana: ['a@x.co'] }, 'NO_COLLECTOR', /"Pedro" is not in the collectors file cobradores\.csv; add a row/],
    ['a near miss is advice, never a match', [[entry('Ana Gómez'), ok]], { 'ana gomez': ['a@x.co'] }, 'NO_COLLECTOR', /it has "ana gomez", which is spelled differently/],
    ['rows with no collector value', [[entry(''), ok]], { '': ['a@x.co'] }, 'NO_COLLECTOR', /2 row\(s\) have no Cobrador \(file "\(sin valor\)"\)/],
    ['a collector with no valid address', [[entry('Ana'), ok]], { Ana: [] }, 'NO_ADDRESS', /"Ana" has no valid address/],
    ['a zero-byte file', [[entry('Ana'), { ok: false, problem: 'EMPTY_FILE' }]], { Ana: ['a@x.co'] }, 'EMPTY_FILE', /Ana\.csv is empty/],
    ['a file with a header and no rows', [[entry('Ana'), { ok: true, sha256: 'x', rows: 0 }]], { Ana: ['a@x.co'] }, 'EMPTY_FILE', /Ana\.csv is empty/],
    ['a file listed but gone', [[entry('Ana'), { ok: false, problem: 'FILE_MISSING' }]], { Ana: ['a@x.co'] }, 'FILE_MISSING', /listed in the manifest but is not in the folder/],
    ['a file that is not a sheet', [[entry('Ana'), { ok: false, problem: 'FILE_UNREADABLE', detail: 'binary data' }]], { Ana: ['a@x.co'] }, 'FILE_UNREADABLE', /Ana\.csv cannot be read \(binary data\); split again/],
  ])('%s', (_name, files, map, problem, message) => {
    const result = plan(files, map);
    expect(result.jobs).toEqual([]);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]?.problem).toBe(problem);
    expect(result.skipped[0]?.message).toMatch(message);
  });

  it('sends to addresses not served, skips those already served, holds back uncertain ones', () => {
    const result = plan([[entry('Ana'), ok]], { Ana: ['a@x.co', 'b@x.co', 'c@x.co'] }, [
      ['Ana', 'a@x.co', { state: 'SENT', at: 't1' }],
      ['Ana', 'b@x.co', { state: 'UNCERTAIN', at: 't2', reason: 'lost' }],
      ['Ana', 'c@x.co', { state: 'REFUSED', at: 't3', kind: 'TEMPORARY', message: '451' }],
    ]);
    expect(result.jobs[0]).toMatchObject({ send: ['c@x.co'], already: [{ address: 'a@x.co', at: 't1' }], uncertain: [{ address: 'b@x.co', reason: 'lost' }] });
  });

  it('--resend-uncertain sends the uncertain ones, never the sent ones', () => {
    const result = plan([[entry('Ana'), ok]], { Ana: ['a@x.co', 'b@x.co'] }, [
      ['Ana', 'a@x.co', { state: 'SENT', at: 't1' }],
      ['Ana', 'b@x.co', { state: 'UNCERTAIN', at: 't2', reason: 'lost' }],
    ], true);
    expect(result.jobs[0]?.send).toEqual(['b@x.co']);
  });

  it('lists collectors with no file this time', () => {
    expect(plan([[entry('Ana'), ok]], { Ana: ['a@x.co'], Luis: ['l@x.co'] }).unused).toEqual(['Luis']);
  });
});
