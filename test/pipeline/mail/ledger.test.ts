import { describe, expect, it } from 'vitest';
import { ledgerKey, noAnswer, replayLedger, type MailJournalEntry } from '../../../src/pipeline/mail/ledger.js';

const intent = (id: string, addresses: string[], at: string, sha256 = 'aaa'): MailJournalEntry => ({ type: 'intent', id, collector: 'Ana', file: 'Ana.csv', sha256, addresses, at });
const result = (id: string, at: string, accepted: string[], failed: Array<[string, 'TEMPORARY' | 'PERMANENT' | 'OUTCOME_UNKNOWN' | 'NOT_SENT']> = []): MailJournalEntry => ({
  type: 'result', id, accepted, failed: failed.map(([address, kind]) => ({ address, kind, message: `${kind} answer` })), at,
});
const stateOf = (entries: MailJournalEntry[], address: string, sha256 = 'aaa') => replayLedger(entries).get(ledgerKey('Ana', sha256, address))?.state;

describe('replayLedger', () => {
  it.each<[string, MailJournalEntry[], string, string | undefined]>([
    ['nothing journaled', [], 'a@x.co', undefined],
    ['accepted', [intent('1', ['a@x.co'], 't1'), result('1', 't2', ['a@x.co'])], 'a@x.co', 'SENT'],
    ['address compared without case', [intent('1', ['A@X.co'], 't1'), result('1', 't2', ['A@X.co'])], 'a@x.co', 'SENT'],
    ['intent without a result (killed between the two)', [intent('1', ['a@x.co'], 't1')], 'a@x.co', 'UNCERTAIN'],
    ['answer lost mid-message', [intent('1', ['a@x.co'], 't1'), result('1', 't2', [], [['a@x.co', 'OUTCOME_UNKNOWN']])], 'a@x.co', 'UNCERTAIN'],
    ['refused: the next run may try again', [intent('1', ['a@x.co'], 't1'), result('1', 't2', [], [['a@x.co', 'PERMANENT']])], 'a@x.co', 'REFUSED'],
    ['refused, then a later attempt killed', [intent('1', ['a@x.co'], 't1'), result('1', 't2', [], [['a@x.co', 'TEMPORARY']]), intent('2', ['a@x.co'], 't3')], 'a@x.co', 'UNCERTAIN'],
    ['uncertain, then resent and refused', [intent('1', ['a@x.co'], 't1'), intent('2', ['a@x.co'], 't3'), result('2', 't4', [], [['a@x.co', 'PERMANENT']])], 'a@x.co', 'REFUSED'],
    ['sent stays sent whatever follows', [intent('1', ['a@x.co'], 't1'), result('1', 't2', ['a@x.co']), intent('2', ['a@x.co'], 't3')], 'a@x.co', 'SENT'],
    ['partial: one accepted, one deferred', [intent('1', ['a@x.co', 'b@x.co'], 't1'), result('1', 't2', ['a@x.co'], [['b@x.co', 'TEMPORARY']])], 'b@x.co', 'REFUSED'],
    ['another file is another key', [intent('1', ['a@x.co'], 't1', 'old'), result('1', 't2', ['a@x.co'])], 'a@x.co', undefined],
    ['a result with no intent is ignored', [result('9', 't2', ['a@x.co'])], 'a@x.co', undefined],
  ])('%s', (_name, entries, address, expected) => {
    expect(stateOf(entries, address)).toBe(expected);
  });

  it('says why an unanswered intent is uncertain', () => {
    expect(replayLedger([intent('1', ['a@x.co'], 't1')]).get(ledgerKey('Ana', 'aaa', 'a@x.co'))).toEqual({ state: 'UNCERTAIN', at: 't1', reason: noAnswer() });
  });
});
