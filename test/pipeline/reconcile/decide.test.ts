import { describe, expect, it } from 'vitest';
import type { LinkInfo } from '../../../src/api/types.js';
import { isOverdue, linkFacts, shouldDisable } from '../../../src/pipeline/reconcile/decide.js';

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
