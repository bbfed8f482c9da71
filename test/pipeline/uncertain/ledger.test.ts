/**
 * The ledger's decision per row: what a resumed run does with a reference,
 * for every sequence of journal entries a run can leave behind, with the
 * sheet's row unchanged (same fingerprint) or changed (another one).
 */
import { describe, expect, it } from 'vitest';
import { Ledger, type JournalEntry } from '../../../src/pipeline/uncertain/ledger.js';
import type { RowState } from '../../../src/pipeline/types.js';

const REF = 'F-1';
const FP = 'fp-sent';
let clock = 0;
const at = (): string => new Date(Date.UTC(2030, 0, 1) + (clock += 1000)).toISOString();

const intent = (fp = FP): JournalEntry => ({ t: 'intent', ref: REF, row: 2, fp, amount: '10000', currency: 'COP', expiresAt: '2030-02-01 23:59:59', at: at() });
const result = (state: RowState, extra: { id?: number; otherLinks?: number[]; fp?: string } = {}): JournalEntry => ({
  t: 'result', ref: REF, row: 2, fp: extra.fp ?? FP, state, id: extra.id, otherLinks: extra.otherLinks, at: at(),
});
const absent = (): JournalEntry => ({ t: 'absent', ref: REF, at: at() });
const run = (): JournalEntry => ({ t: 'run', v: 1, input: 'billing.csv', baseUrl: 'sandbox', at: at() });

type Kind = 'send' | 'done' | 'probe' | 'conflict';

describe('Ledger.decide', () => {
  // [journal so far, decision for the same row, decision for a changed row]
  it.each<[string, () => JournalEntry[], Kind, Kind]>([
    ['nothing journaled', () => [], 'send', 'send'],
    ['only a run header', () => [run()], 'send', 'send'],
    ['intent, answer lost in a crash', () => [intent()], 'probe', 'conflict'],
    ['intent, ISSUED', () => [intent(), result('ISSUED', { id: 5 })], 'done', 'conflict'],
    ['intent, UNCERTAIN (answer lost)', () => [intent(), result('UNCERTAIN')], 'probe', 'conflict'],
    ['intent, UNCERTAIN with another bill’s link reported', () => [intent(), result('UNCERTAIN', { otherLinks: [3] })], 'probe', 'conflict'],
    ['intent, INVALID (422)', () => [intent(), result('INVALID')], 'done', 'send'],
    ['INVALID without intent (local validation)', () => [result('INVALID')], 'done', 'send'],
    ['intent, FAILED (no link)', () => [intent(), result('FAILED')], 'send', 'send'],
    ['intent, proved absent by the probe', () => [intent(), absent()], 'send', 'send'],
    ['UNCERTAIN, then proved absent', () => [intent(), result('UNCERTAIN'), absent()], 'send', 'send'],
    ['FAILED, then sent again and lost in a crash', () => [intent(), result('FAILED'), intent()], 'probe', 'conflict'],
    ['absent, sent again, ISSUED', () => [intent(), absent(), intent(), result('ISSUED', { id: 9 })], 'done', 'conflict'],
    ['UNCERTAIN, then adopted by a probe', () => [intent(), result('UNCERTAIN'), result('ISSUED', { id: 7 })], 'done', 'conflict'],
    ['lost twice in one run: FAILED', () => [intent(), result('UNCERTAIN'), absent(), intent(), result('FAILED')], 'send', 'send'],
    ['an absent entry for a reference never journaled', () => [absent()], 'send', 'send'],
  ])('%s → %s (same row) / %s (changed row)', (_case, entries, same, changed) => {
    const ledger = new Ledger(entries());
    expect(ledger.decide(REF, FP).kind).toBe(same);
    expect(ledger.decide(REF, 'fp-changed').kind).toBe(changed);
  });

  it('a conflict or a probe carries the record the journal holds', () => {
    const ledger = new Ledger([intent()]);
    const decision = ledger.decide(REF, FP);
    expect(decision).toMatchObject({ kind: 'probe', record: { ref: REF, inFlight: true, amount: '10000', currency: 'COP' } });
    const done = new Ledger([intent(), result('ISSUED', { id: 5 })]).decide(REF, FP);
    expect(done).toMatchObject({ kind: 'done', result: { state: 'ISSUED', id: 5 } });
  });
});

describe('Ledger anchors for the probe', () => {
  it.each<[string, () => JournalEntry[], number[]]>([
    ['no result', () => [intent()], []],
    ['an ISSUED link', () => [intent(), result('ISSUED', { id: 5 })], [5]],
    ['a mismatch: another bill’s link is not an anchor', () => [intent(), result('UNCERTAIN', { otherLinks: [3] })], []],
    ['FAILED has no link', () => [intent(), result('FAILED')], []],
  ])('%s → %j', (_case, entries, ids) => {
    const ledger = new Ledger(entries());
    expect(ledger.knownLinks().map((k) => k.id)).toEqual(ids);
    expect(ledger.hasKnownLink()).toBe(ids.length > 0);
  });
});
