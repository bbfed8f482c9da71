/** The decisions of reissue, table by table: which rows, which reference, which amount, which due date. */
import { describe, expect, it } from 'vitest';
import { linkVerdict, nextReference, reissueAmount, reissueCountOf, sheetVerdict, type FreshFacts } from '../../../src/pipeline/reissue/decide.js';
import { checkDue } from '../../../src/pipeline/reissue/due.js';
import { rowUpdates } from '../../../src/pipeline/reissue/write.js';
import type { Outcome } from '../../../src/pipeline/reissue/summary.js';

describe('sheetVerdict: what the sheet alone says', () => {
  it.each([
    [{ linkId: 7, linkIdText: '7', paymentState: '' }, { kind: 'candidate' }],
    [{ linkId: 7, linkIdText: '7', paymentState: 'EXPIRED' }, { kind: 'candidate' }],
    [{ linkId: 7, linkIdText: '7', paymentState: 'pending' }, { kind: 'candidate' }],
    [{ linkId: 7, linkIdText: '7', paymentState: 'PAID' }, { kind: 'paid', state: 'PAID' }],
    [{ linkId: 7, linkIdText: '7', paymentState: ' partial ' }, { kind: 'paid', state: 'PARTIAL' }],
    [{ linkIdText: '', paymentState: '' }, { kind: 'unlinked' }],
    [{ linkIdText: '', paymentState: 'PAID' }, { kind: 'paid', state: 'PAID' }],
    [{ linkIdText: '0x3F3', paymentState: '' }, { kind: 'bad-link-id', text: '0x3F3' }],
  ])('%j → %j', (facts, verdict) => {
    expect(sheetVerdict(facts)).toEqual(verdict);
  });
});

describe('linkVerdict: a fresh query decides', () => {
  const rule = { now: new Date('2027-03-25T17:00:00Z'), timeZone: 'America/Bogota' };
  const facts = (f: Partial<FreshFacts>): FreshFacts => ({ status: 'ACTIVE', approved: 0, paidEvent: false, dueDate: '2027-03-20', ...f });
  it.each([
    ['expired', facts({ status: 'EXPIRED' }), { kind: 'reissue', why: 'EXPIRED', disableFirst: false }],
    ['disabled', facts({ status: 'INACTIVE' }), { kind: 'reissue', why: 'DISABLED', disableFirst: false }],
    ['active, overdue', facts({}), { kind: 'reissue', why: 'OVERDUE', disableFirst: true }],
    ['active, due yesterday (Bogotá)', facts({ dueDate: '2027-03-24' }), { kind: 'reissue', why: 'OVERDUE', disableFirst: true }],
    ['active, due today', facts({ dueDate: '2027-03-25' }), { kind: 'not-due' }],
    ['active, due later', facts({ dueDate: '2027-04-30' }), { kind: 'not-due' }],
    ['paid and expired', facts({ status: 'EXPIRED', approved: 1 }), { kind: 'paid' }],
    ['paid and disabled', facts({ status: 'INACTIVE', approved: 2 }), { kind: 'paid' }],
    ['overdue, a PAID notification accepted', facts({ paidEvent: true }), { kind: 'paid' }],
  ])('%s', (_name, f, verdict) => {
    expect(linkVerdict(f, rule)).toEqual(verdict);
  });
  it.each([
    ['a status never seen', facts({ status: 'ARCHIVED' }), /ARCHIVED/],
    ['active, due date unknown', facts({ dueDate: undefined }), /due date is unknown/],
  ])('%s is never guessed', (_name, f, message) => {
    const verdict = linkVerdict(f, rule);
    expect(verdict.kind).toBe('unclear');
    expect(verdict.kind === 'unclear' ? verdict.message : '').toMatch(message);
  });
});

describe('nextReference: FAC-1 → FAC-1-R2 → FAC-1-R3, within 32 characters', () => {
  const at = { row: 4, column: 'Factura' };
  it.each([
    ['FAC-1', 0, 'FAC-1-R2'],
    ['FAC-1', 1, 'FAC-1-R3'],
    ['FAC-1', 5, 'FAC-1-R7'],
    ['FAC-1-R2', 0, 'FAC-1-R3'],
    ['FAC-1-R9', 1, 'FAC-1-R10'],
    ['FAC-1-R2', 4, 'FAC-1-R6'],
    ['R2', 0, 'R2-R2'],
    ['FAC-R', 0, 'FAC-R-R2'],
    ['FAC-1-r2', 0, 'FAC-1-r2-R2'],
    ['A'.repeat(29), 0, `${'A'.repeat(29)}-R2`],
  ])('%s with %i reissues → %s', (reference, reissueCount, next) => {
    expect(nextReference({ reference, reissueCount, ...at })).toMatchObject({ ok: true, reference: next });
  });
  it.each([
    ['A'.repeat(30), 0, 33],
    ['A'.repeat(29), 8, 33],
    ['FAC-2027-0000000000000000000001', 0, 34],
  ])('%s with %i reissues is refused, naming row, column, reference and length', (reference, reissueCount, length) => {
    const next = nextReference({ reference, reissueCount, ...at });
    expect(next.ok).toBe(false);
    const message = next.ok ? '' : next.message;
    expect(message).toContain('Row 4, column "Factura"');
    expect(message).toContain(`is ${length} characters long`);
    expect(message).toContain('at most 32');
  });
});

describe('reissueCountOf', () => {
  it.each([
    [null, 0],
    ['', 0],
    ['  ', 0],
    [0, 0],
    [3, 3],
    ['2', 2],
    [' 2 ', 2],
    ['2.5', undefined],
    [1.5, undefined],
    ['dos', undefined],
    [-1, undefined],
  ])('%j → %j', (cell, count) => {
    expect(reissueCountOf(cell)).toBe(count);
  });
});

describe('reissueAmount: the same amount, or the named column read strictly', () => {
  const base = { row: 3, linkAmount: '10000', linkCurrency: 'COP', sheetAmount: '10000', sheetCurrency: 'COP' };
  const column = (cell: string | number | null, decimal: ',' | '.' = ',') => ({ header: 'Recargo', cell, decimal });
  it.each([
    ['the link amount', base, { ok: true, amount: '10000', currency: 'COP' }],
    ['the sheet amount when the service reports none', { ...base, linkAmount: undefined, linkCurrency: undefined }, { ok: true, amount: '10000', currency: 'COP' }],
    ['cents kept exact', { ...base, linkAmount: '1250000.5' }, { ok: true, amount: '1250000.5', currency: 'COP' }],
    ['the late fee, es-CO', { ...base, column: column('11.500') }, { ok: true, amount: '11500', currency: 'COP' }],
    ['the late fee with cents', { ...base, column: column('11.500,75') }, { ok: true, amount: '11500.75', currency: 'COP' }],
    ['the late fee, en-US', { ...base, column: column('11,500.75', '.') }, { ok: true, amount: '11500.75', currency: 'COP' }],
    ['the late fee as a number cell', { ...base, column: column(11500) }, { ok: true, amount: '11500', currency: 'COP' }],
    ['USD link', { ...base, linkAmount: '99.5', linkCurrency: 'USD', column: column('USD 120', '.') }, { ok: true, amount: '120', currency: 'USD' }],
  ])('%s', (_name, input, choice) => {
    expect(reissueAmount(input)).toEqual(choice);
  });
  it.each([
    ['a blank late fee', { ...base, column: column('') }, /Row 3, column "Recargo": .*not re-issued/],
    ['an en-US amount in an es-CO sheet', { ...base, column: column('31,500.00') }, /"31,500.00" is not an amount/],
    ['a zero late fee', { ...base, column: column('0') }, /Row 3, column "Recargo": "0" is not a/],
    ['a negative late fee', { ...base, column: column('-500') }, /Row 3, column "Recargo": .*not re-issued/],
    ['another currency', { ...base, column: column('USD 120') }, /in USD and the current link in COP/],
    ['a link amount that is no amount', { ...base, linkAmount: '1e5' }, /is not an amount that can be billed again/],
  ])('%s is refused', (_name, input, message) => {
    const choice = reissueAmount(input);
    expect(choice.ok).toBe(false);
    expect(choice.ok ? '' : choice.message).toMatch(message);
  });
});

describe('checkDue: --due checked as issue checks due dates', () => {
  const rule = { now: new Date('2027-03-25T17:00:00Z'), timeZone: 'America/Bogota', maxDueYears: 3 };
  it.each([
    ['2027-03-25', '2027-03-25 23:59:59'],
    ['2027-04-30', '2027-04-30 23:59:59'],
    ['2030-03-25', '2030-03-25 23:59:59'],
  ])('%s is accepted', (due, local) => {
    expect(checkDue(due, rule)).toMatchObject({ ok: true, date: due, end: { local } });
  });
  it.each([
    [undefined, /Give the new due date/],
    ['2027-03-24', /has passed \(today is 2027-03-25/],
    ['2030-03-26', /too far ahead.*2027-03-25 to 2030-03-25/],
    ['2027-02-30', /must be a date YYYY-MM-DD/],
    ['25/03/2027', /must be a date YYYY-MM-DD/],
    ['2027-3-25', /must be a date YYYY-MM-DD/],
  ])('%s is refused', (due, message) => {
    const check = checkDue(due, rule);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toMatch(message);
  });
});

describe('rowUpdates: the history kept, the payment columns reset for the new link', () => {
  const now = new Date('2027-03-25T17:00:00Z');
  it('a reissued row', () => {
    const outcome: Outcome = {
      kind: 'reissued',
      why: 'EXPIRED',
      oldLink: { id: 7, url: 'https://x/7' },
      count: 1,
      createdNow: true,
      disabledNow: false,
      result: { t: 'result', ref: 'FAC-1-R3', row: 2, fp: 'f', state: 'ISSUED', id: 12, url: 'https://x/12', expiresAt: '2027-04-30 23:59:59', amount: '10000', currency: 'COP', at: '' },
    };
    expect(rowUpdates(outcome, now, 'America/Bogota')).toEqual({
      link_state: 'ISSUED',
      link_id: 12,
      link_url: 'https://x/12',
      expires_at: new Date(Date.UTC(2027, 3, 30, 23, 59, 59)),
      error: null,
      link_status: 'ACTIVE',
      payment_state: 'PENDING',
      paid_amount: null,
      paid_at: null,
      receipt: null,
      authorization: null,
      payment_method: null,
      payer_name: null,
      checked_at: new Date(Date.UTC(2027, 2, 25, 12, 0, 0)),
      reconcile_error: null,
      previous_link_id: 7,
      previous_link_url: 'https://x/7',
      reissue_count: 2,
    });
  });
  it.each<[string, Outcome, boolean]>([
    ['paid', { kind: 'paid' }, false],
    ['not due', { kind: 'not-due' }, false],
    ['refused before anything was sent', { kind: 'refused', message: 'm', disabledNow: false }, false],
    ['disabled, its successor not created', { kind: 'refused', message: 'm', disabledNow: true }, true],
  ])('%s', (_name, outcome, written) => {
    const updates = rowUpdates(outcome, now, 'America/Bogota');
    expect(updates !== undefined).toBe(written);
    if (updates) expect(updates).toMatchObject({ link_status: 'INACTIVE', payment_state: 'DISABLED', reconcile_error: 'm' });
  });
});
