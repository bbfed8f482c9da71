import { describe, expect, it } from 'vitest';
import type { LinkInfo } from '../../../src/api/types.js';
import { decideDisable, isOverdue, keepSheetPayment, linkFacts, shouldDisable, type OverdueRule } from '../../../src/pipeline/reconcile/decide.js';
import type { DueDateResult } from '../../../src/pipeline/rows/dates.js';

const link = (status: string, payments: Array<{ total: string; status?: string }> = [], total = '25000'): LinkInfo => ({
  id: 7,
  status,
  amount: { currency: 'COP', total },
  payments: payments.map((p) => ({ status: p.status ?? 'APPROVED', amount: { currency: 'COP', total: p.total }, paymentDate: '2027-03-01T10:00:00-05:00', receipt: 'R1' })),
});
const rule = (now: string) => ({ graceDays: 5, timeZone: 'America/Bogota', now: new Date(now) });

describe('reconcile decisions', () => {
  it('is overdue only after the last second of due date + grace, in Bogotá', () => {
    // 2027-03-06 23:59:59 in Bogotá is 2027-03-07T04:59:59Z.
    expect(isOverdue('2027-03-01', rule('2027-03-07T04:59:58Z'))).toBe(false);
    expect(isOverdue('2027-03-01', rule('2027-03-07T04:59:59Z'))).toBe(true);
  });

  it('PAID, PARTIAL (less or more), and rejected payments do not count', () => {
    expect(linkFacts(link('INACTIVE', [{ total: '25000' }]), undefined, 'America/Bogota')).toMatchObject({ paymentState: 'PAID', paidAmount: '25000', paidAt: '2027-03-01 10:00:00' });
    expect(linkFacts(link('ACTIVE', [{ total: '10000' }, { total: '5000.5' }]), undefined, 'America/Bogota')).toMatchObject({ paymentState: 'PARTIAL', paidAmount: '15000.5' });
    expect(linkFacts(link('INACTIVE', [{ total: '30000' }]), undefined, 'America/Bogota').paymentState).toBe('PARTIAL');
    expect(linkFacts(link('ACTIVE', [{ total: '25000', status: 'REJECTED' }]), undefined, 'America/Bogota').paymentState).toBe('PENDING');
    expect(linkFacts(link('EXPIRED'), undefined, 'America/Bogota').paymentState).toBe('EXPIRED');
    expect(linkFacts(link('INACTIVE'), undefined, 'America/Bogota').paymentState).toBe('DISABLED');
    expect(linkFacts(link('FROZEN'), undefined, 'America/Bogota')).toMatchObject({ paymentState: 'UNKNOWN', problem: expect.stringMatching(/FROZEN/) });
  });

  it('never disables a paid link, nor one the sheet says is paid', () => {
    const late = rule('2028-01-01T00:00:00Z');
    expect(shouldDisable(linkFacts(link('ACTIVE'), undefined, 'UTC'), '2027-03-01', 'PENDING', late)).toBe(true);
    expect(shouldDisable(linkFacts(link('ACTIVE', [{ total: '1' }]), undefined, 'UTC'), '2027-03-01', 'PENDING', late)).toBe(false);
    expect(shouldDisable(linkFacts(link('ACTIVE'), undefined, 'UTC'), '2027-03-01', 'PAID', late)).toBe(false);
    expect(shouldDisable(linkFacts(link('EXPIRED'), undefined, 'UTC'), '2027-03-01', '', late)).toBe(false);
  });
});

describe('the reconcile decision per link (paid / partial / disable / keep)', () => {
  const ON = rule('2027-03-20T00:00:00Z'); // due 2027-03-01 + 5 days of grace is long past; due 2027-03-18 is not
  type Case = [string, LinkInfo, string, DueDateResult, OverdueRule | undefined, string, 'disable' | 'keep', RegExp | undefined];
  const due = (date: string): DueDateResult => ({ ok: true, date });
  const unreadable: DueDateResult = { ok: false, code: 'DUE_DATE_INVALID', reason: 'the due date "pronto" is not a date' };
  const odd: LinkInfo = { ...link('ACTIVE'), payments: [{ status: 'APPROVED', amount: { currency: 'COP', total: 'n/a' } }] };
  // [case, link as queried, payment_state the sheet had, due date, --disable-overdue rule, state written, action, problem]
  it.each<Case>([
    ['paid in full, overdue', link('ACTIVE', [{ total: '25000' }]), '', due('2027-03-01'), ON, 'PAID', 'keep', undefined],
    ['paid in full after being disabled', link('INACTIVE', [{ total: '25000' }]), 'DISABLED', due('2027-03-01'), ON, 'PAID', 'keep', undefined],
    ['paid less, overdue', link('ACTIVE', [{ total: '10000' }]), 'PENDING', due('2027-03-01'), ON, 'PARTIAL', 'keep', undefined],
    ['paid more', link('ACTIVE', [{ total: '30000' }]), '', due('2027-03-01'), ON, 'PARTIAL', 'keep', undefined],
    ['paid, amount unreadable', odd, '', due('2027-03-01'), ON, 'PAID', 'keep', /could not be compared/],
    ['unpaid, overdue', link('ACTIVE'), 'PENDING', due('2027-03-01'), ON, 'PENDING', 'disable', undefined],
    ['unpaid, only a rejected payment, overdue', link('ACTIVE', [{ total: '25000', status: 'REJECTED' }]), '', due('2027-03-01'), ON, 'PENDING', 'disable', undefined],
    ['unpaid, within the grace days', link('ACTIVE'), 'PENDING', due('2027-03-18'), ON, 'PENDING', 'keep', undefined],
    ['unpaid, overdue, --disable-overdue not given', link('ACTIVE'), 'PENDING', due('2027-03-01'), undefined, 'PENDING', 'keep', undefined],
    ['unpaid, overdue, but the sheet says PAID', link('ACTIVE'), 'PAID', due('2027-03-01'), ON, 'PAID', 'keep', /sheet says PAID/],
    ['unpaid, overdue, but the sheet says PARTIAL', link('ACTIVE'), 'PARTIAL', due('2027-03-01'), ON, 'PARTIAL', 'keep', /sheet says PARTIAL/],
    ['unpaid, the sheet says PAID, no rule', link('ACTIVE'), 'PAID', due('2027-03-01'), undefined, 'PAID', 'keep', /no approved payment/],
    ['unpaid, due date unreadable', link('ACTIVE'), 'PENDING', unreadable, ON, 'PENDING', 'keep', /cannot tell whether link 7 is overdue/],
    ['expired', link('EXPIRED'), 'PENDING', due('2027-03-01'), ON, 'EXPIRED', 'keep', undefined],
    ['disabled elsewhere', link('INACTIVE'), 'PENDING', due('2027-03-01'), ON, 'DISABLED', 'keep', undefined],
    ['a status this version does not know', link('FROZEN'), '', due('2027-03-01'), ON, 'UNKNOWN', 'keep', /FROZEN/],
  ])('%s → %s', (_case, queried, previous, dueDate, overdue, state, action, problem) => {
    const facts = linkFacts(queried, '25000', 'America/Bogota');
    const decision = decideDisable(facts, queried.id, dueDate, previous, overdue);
    expect(decision.kind).toBe(action);
    const kept = keepSheetPayment(previous, facts, queried.id, false);
    expect(kept?.paymentState ?? facts.paymentState).toBe(state);
    const said = kept?.problem ?? (decision.kind === 'keep' ? decision.problem : undefined) ?? facts.problem;
    if (problem === undefined) expect(said).toBeUndefined();
    else expect(said).toMatch(problem);
  });

  it('a link this run has just disabled is not kept as PAID by the sheet', () => {
    const facts = linkFacts(link('INACTIVE'), '25000', 'America/Bogota');
    expect(keepSheetPayment('PAID', facts, 7, true)).toBeUndefined();
  });
});
