/**
 * The report's decisions, table-driven: days overdue and buckets at every
 * boundary, the exact collection rate, what each row is, and the grouping
 * per currency, group and month.
 */
import { describe, expect, it } from 'vitest';
import { bucketOf, daysOverdue, dateInZone, monthOf, type Bucket } from '../../../src/pipeline/report/aging.js';
import { classifyRow, paidAmountOf, type RowFacts } from '../../../src/pipeline/report/classify.js';
import { AgingTally, type ReceivableEntry } from '../../../src/pipeline/report/tally.js';
import { percentOf, subtractAmounts } from '../../../src/pipeline/money.js';
import { barHeight } from '../../../src/pipeline/report/chart.js';
import { listInputs } from '../../../src/pipeline/report/inputs.js';
import { moneyFormat } from '../../../src/pipeline/report/write-xlsx.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('days overdue and aging buckets', () => {
  it.each([
    // due date, as of, days, bucket
    ['2027-04-20', '2027-04-16', -4, 'current'],
    ['2027-04-16', '2027-04-16', 0, 'current'],
    ['2027-04-15', '2027-04-16', 1, 'd1to30'],
    ['2027-03-17', '2027-04-16', 30, 'd1to30'],
    ['2027-03-16', '2027-04-16', 31, 'd31to60'],
    ['2027-02-15', '2027-04-16', 60, 'd31to60'],
    ['2027-02-14', '2027-04-16', 61, 'd61to90'],
    ['2027-01-16', '2027-04-16', 90, 'd61to90'],
    ['2027-01-15', '2027-04-16', 91, 'over90'],
    ['2026-04-16', '2027-04-16', 365, 'over90'],
    // Across a leap day and a year end.
    ['2028-02-28', '2028-03-01', 2, 'd1to30'],
    ['2026-12-31', '2027-01-01', 1, 'd1to30'],
  ] as const)('due %s, as of %s: %i days, %s', (due, asOf, days, bucket) => {
    expect(daysOverdue(due, asOf)).toBe(days);
    expect(bucketOf(days)).toBe(bucket);
  });

  it('the month of a date, and the cut-off day on the site wall clock', () => {
    expect(monthOf('2027-03-15')).toBe('2027-03');
    // 03:00 UTC on the 17th is still the 16th in Bogotá (UTC-5).
    expect(dateInZone(new Date('2027-04-17T03:00:00Z'), 'America/Bogota')).toBe('2027-04-16');
    expect(dateInZone(new Date('2027-04-17T05:00:00Z'), 'America/Bogota')).toBe('2027-04-17');
  });
});

describe('exact rate and subtraction', () => {
  it.each([
    ['0', '100', '0'],
    ['100', '100', '100'],
    ['1', '3', '33.3'],
    ['2', '3', '66.7'],
    // Half up at the tenth: 1/8 = 12.5 % exactly, 1/16 = 6.25 → 6.3.
    ['1', '16', '6.3'],
    ['550000', '2660000.5', '20.7'],
    ['120.25', '220.24', '54.6'],
    // Overpaid: more than 100.
    ['150', '100', '150'],
    // Amounts a double would round: 0.1 + 0.2 kinds of figures.
    ['0.3', '0.9', '33.3'],
    ['99999999999999999.99', '99999999999999999.99', '100'],
  ])('%s of %s is %s %%', (part, whole, rate) => {
    expect(percentOf(part, whole, 1)).toBe(rate);
  });

  it('nothing billed has no rate', () => {
    expect(percentOf('0', '0')).toBeUndefined();
  });

  it.each([
    ['200000', '50000', '150000'],
    ['350000.5', '0.5', '350000'],
    ['0.3', '0.1', '0.2'],
    ['100', '100.01', '-0.01'],
  ])('%s − %s = %s', (a, b, d) => {
    expect(subtractAmounts(a, b)).toBe(d);
  });
});

const base: RowFacts = { linkState: 'ISSUED', paymentState: 'PENDING', amount: '100000', paidAmount: null, due: { ok: true, date: '2027-03-16' }, asOf: '2027-04-16' };

describe('what a row is in the report', () => {
  it.each<[string, Partial<RowFacts>, ReturnType<typeof classifyRow>]>([
    ['pending, 31 days', {}, { kind: 'receivable', billed: '100000', collected: '0', pending: '100000', bucket: 'd31to60', days: 31 }],
    ['expired link: still owed', { paymentState: 'EXPIRED' }, { kind: 'receivable', billed: '100000', collected: '0', pending: '100000', bucket: 'd31to60', days: 31 }],
    ['disabled link: still owed', { paymentState: 'DISABLED' }, { kind: 'receivable', billed: '100000', collected: '0', pending: '100000', bucket: 'd31to60', days: 31 }],
    ['not reconciled yet', { paymentState: '' }, { kind: 'receivable', billed: '100000', collected: '0', pending: '100000', bucket: 'd31to60', days: 31 }],
    ['paid', { paymentState: 'PAID', paidAmount: 100000 }, { kind: 'receivable', billed: '100000', collected: '100000', pending: '0' }],
    ['paid (CSV text)', { paymentState: 'PAID', paidAmount: '100000' }, { kind: 'receivable', billed: '100000', collected: '100000', pending: '0' }],
    ['paid, marked by a clerk without amount', { paymentState: 'paid', paidAmount: '' }, { kind: 'receivable', billed: '100000', collected: '100000', pending: '0' }],
    ['paid partially', { paymentState: 'PARTIAL', paidAmount: '25000.5' }, { kind: 'receivable', billed: '100000', collected: '25000.5', pending: '74999.5', bucket: 'd31to60', days: 31 }],
    ['overpaid', { paymentState: 'PARTIAL', paidAmount: 120000 }, { kind: 'receivable', billed: '100000', collected: '120000', pending: '0' }],
    ['paid in full, no due date needed', { paymentState: 'PAID', paidAmount: 100000, due: { ok: false } }, { kind: 'receivable', billed: '100000', collected: '100000', pending: '0' }],
    ['pending without a due date', { due: { ok: false } }, { kind: 'attention', reason: { kind: 'dueDate' } }],
    ['partial without paid_amount', { paymentState: 'PARTIAL' }, { kind: 'attention', reason: { kind: 'paidAmount', state: 'PARTIAL', value: '' } }],
    ['paid_amount a person typed es-CO style', { paymentState: 'PARTIAL', paidAmount: '1.250' }, { kind: 'attention', reason: { kind: 'paidAmount', state: 'PARTIAL', value: '1.250' } }],
    ['UNKNOWN link', { paymentState: 'UNKNOWN' }, { kind: 'attention', reason: { kind: 'unknown' } }],
    ['UNCERTAIN create', { linkState: 'UNCERTAIN', paymentState: '' }, { kind: 'attention', reason: { kind: 'uncertain' } }],
    ['amount unreadable', { amount: undefined }, { kind: 'attention', reason: { kind: 'amount' } }],
    ['a payment state paylinks never writes', { paymentState: 'REFUNDED' }, { kind: 'attention', reason: { kind: 'state', column: 'payment_state', value: 'REFUNDED' } }],
    ['a link state paylinks never writes', { linkState: 'SENT' }, { kind: 'attention', reason: { kind: 'state', column: 'link_state', value: 'SENT' } }],
    ['INVALID', { linkState: 'INVALID', paymentState: '' }, { kind: 'excluded', state: 'INVALID' }],
    ['FAILED', { linkState: 'FAILED', paymentState: '' }, { kind: 'excluded', state: 'FAILED' }],
    ['SKIPPED', { linkState: 'SKIPPED', paymentState: '' }, { kind: 'excluded', state: 'SKIPPED' }],
    ['a dry run row', { linkState: 'WOULD_ISSUE', paymentState: '' }, { kind: 'excluded', state: 'WOULD_ISSUE' }],
    ['a blank state', { linkState: '', paymentState: '' }, { kind: 'excluded', state: '' }],
  ])('%s', (_name, facts, expected) => {
    expect(classifyRow({ ...base, ...facts })).toEqual(expected);
  });

  it.each<[unknown, string | undefined]>([
    [1250000, '1250000'],
    [350000.5, '350000.5'],
    [0, '0'],
    ['1250000.50', '1250000.5'],
    [' 25000 ', '25000'],
    ['1.250.000', undefined],
    ['1,250,000', undefined],
    ['$ 25.000', undefined],
    ['-100', undefined],
    [null, undefined],
    [new Date(0), undefined],
  ])('paid_amount %j reads as %s', (cell, amount) => {
    expect(paidAmountOf(cell as never)).toBe(amount);
  });
});

const entry = (group: string, month: string, currency: string, billed: string, collected: string, bucket?: Bucket): ReceivableEntry => ({
  group,
  month,
  currency,
  billed,
  collected,
  pending: subtractAmounts(billed, collected).startsWith('-') ? '0' : subtractAmounts(billed, collected),
  bucket,
});

describe('grouping', () => {
  it('per currency, group and month, with subtotals, exact sums and rates; COP never added to USD', () => {
    const tally = new AgingTally();
    for (const e of [
      entry('Carlos', '2027-02', 'COP', '80000', '0', 'd31to60'),
      entry('ana', '2027-03', 'COP', '200000', '50000', 'd1to30'),
      entry('Ana', '2027-01', 'COP', '500000', '500000'),
      entry('', '2027-01', 'COP', '10000', '0', 'over90'),
      entry('Ana', '2027-03', 'USD', '0.1', '0', 'd31to60'),
      entry('Ana', '2027-03', 'USD', '0.2', '0', 'd31to60'),
      entry('Carlos', '2027-02', 'COP', '70000', '0', 'd61to90'),
    ]) tally.add(e);
    const [cop, usd] = tally.blocks();
    expect(cop?.currency).toBe('COP');
    expect(cop?.cents).toBe(false);
    // Groups in a person's order (accents and case aside); "ana" and "Ana" stay two groups as the sheet wrote them; the blank one last.
    expect(cop?.groups.map((g) => g.group)).toEqual(['Ana', 'ana', 'Carlos', '']);
    const carlos = cop?.groups[2];
    expect(carlos?.months).toEqual([
      { month: '2027-02', bills: 2, billed: '150000', collected: '0', pending: '150000', rate: '0', buckets: { current: '0', d1to30: '0', d31to60: '80000', d61to90: '70000', over90: '0' } },
    ]);
    expect(cop?.total).toEqual({
      bills: 5,
      billed: '860000',
      collected: '550000',
      pending: '310000',
      rate: '64',
      buckets: { current: '0', d1to30: '150000', d31to60: '80000', d61to90: '70000', over90: '10000' },
    });
    // 0.1 + 0.2 is exactly 0.3 here.
    expect(usd).toMatchObject({ currency: 'USD', cents: true, total: { bills: 2, billed: '0.3', pending: '0.3', rate: '0', buckets: { d31to60: '0.3' } } });
  });

  it('months in calendar order, the month-less last; a group total adds its months', () => {
    const tally = new AgingTally();
    for (const month of ['2027-03', '', '2026-12', '2027-01']) tally.add(entry('A', month, 'COP', '100', '40', month === '' ? undefined : 'current'));
    const [block] = tally.blocks();
    expect(block?.groups[0]?.months.map((m) => m.month)).toEqual(['2026-12', '2027-01', '2027-03', '']);
    expect(block?.groups[0]?.total).toMatchObject({ bills: 4, billed: '400', collected: '160', pending: '240', rate: '40', buckets: { current: '180' } });
  });
});

describe('chart geometry', () => {
  it.each([
    ['100', '100', 260],
    ['50', '100', 130],
    ['1', '3', 86.67],
    ['0', '100', 0],
    ['1250000', '1750000.5', 185.71],
  ])('%s of %s is %f px', (amount, max, px) => {
    expect(barHeight(amount, max)).toBeCloseTo(px, 2);
  });
});

describe('folder listing', () => {
  it('a folder: the sheets paylinks wrote, other files noted with why (the copy reconcile wrote beside a changed sheet among them), a path named twice read once', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'paylinks-inputs-'));
    try {
      const issued = 'Cliente;Valor;link_state;link_id;link_url\nAna;1000;ISSUED;1;https://x/1\n';
      for (const name of ['b-links.csv', 'a-links.csv', 'a-links.reconciled-20270310-070000.csv']) await writeFile(join(folder, name), issued);
      await writeFile(join(folder, 'facturas.csv'), 'Cliente;Valor\nAna;1000\n');
      for (const name of ['~$b-links.xlsx', 'a-links.csv.journal']) await writeFile(join(folder, name), '');
      const { inputs, skipped } = await listInputs([folder, join(folder, 'a-links.csv')]);
      expect(inputs).toEqual([
        { path: join(folder, 'a-links.csv'), named: true },
        { path: join(folder, 'b-links.csv'), named: false },
      ]);
      expect(skipped.map((s) => s.path).sort()).toEqual(
        ['a-links.csv.journal', 'a-links.reconciled-20270310-070000.csv', 'facturas.csv', '~$b-links.xlsx'].map((n) => join(folder, n)).sort(),
      );
      for (const s of skipped) expect(s.reason).not.toBe('');
      await expect(listInputs([join(folder, 'nope.csv')])).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
      await expect(listInputs([join(folder, 'a-links.csv.journal')])).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it.each([
    ['COP', false, '"$ "#,##0'],
    ['COP', true, '"$ "#,##0.00'],
    ['USD', true, '"$ "#,##0.00'],
    ['EUR', false, '#,##0 "EUR"'],
  ])('XLSX money format of %s (cents: %s): %s', (currency, cents, format) => {
    expect(moneyFormat(currency, cents)).toBe(format);
  });
});
