/**
 * The row outcome written to the output sheet: what the journal pins (a link,
 * a lost create) wins over today's validation; a row never sent says why.
 */
import { describe, expect, it } from 'vitest';
import { outcomeOf, WOULD_ISSUE, type RowOutcome } from '../../../src/pipeline/issue/write.js';
import { Ledger, type JournalEntry } from '../../../src/pipeline/uncertain/ledger.js';
import type { PreparedRow, RowError, RowState } from '../../../src/pipeline/types.js';

const REF = 'F-1';
const FP = 'fp-1';
const EXPIRES = '2030-02-01 23:59:59';

const row = (over: { errors?: RowError['code'][]; fingerprint?: string } = {}): PreparedRow => ({
  rowNumber: 2,
  cells: ['Ana', '10.000', '01/02/2030', REF],
  reference: REF,
  amount: '10000',
  currency: 'COP',
  expiresAt: EXPIRES,
  errors: (over.errors ?? []).map((code) => ({ code, rowNumber: 2, message: `bad: ${code}` })),
  fingerprint: over.fingerprint ?? FP,
});

const intent = (fp = FP): JournalEntry => ({ t: 'intent', ref: REF, row: 2, fp, amount: '10000', currency: 'COP', expiresAt: EXPIRES, at: '2030-01-01T00:00:00.000Z' });
const result = (state: RowState, extra: { id?: number; url?: string; error?: string; fp?: string; expiresAt?: string } = {}): JournalEntry => ({
  t: 'result', ref: REF, row: 2, fp: extra.fp ?? FP, state, id: extra.id, url: extra.url, error: extra.error, expiresAt: extra.expiresAt ?? EXPIRES, at: '2030-01-01T00:00:01.000Z',
});
const ISSUED = result('ISSUED', { id: 5, url: 'https://pay/5' });

const STOP = { reason: 'SERVICE_UNAVAILABLE' as const, message: 'The service failed 10 rows in a row.' };

// [case, journal, row, mode, expected outcome (partial)]
const TABLE: Array<[string, JournalEntry[], PreparedRow, { dryRun: boolean; stop?: typeof STOP }, Partial<RowOutcome>]> = [
  ['issued', [intent(), ISSUED], row(), { dryRun: false }, { state: 'ISSUED', id: 5, url: 'https://pay/5', expiresAt: EXPIRES }],
  ['issued, its due date passed since (row invalid today)', [intent(), ISSUED], row({ errors: ['DUE_DATE_PAST'] }), { dryRun: false }, { state: 'ISSUED', id: 5 }],
  ['issued, seen by a dry run', [intent(), ISSUED], row(), { dryRun: true }, { state: 'ISSUED', id: 5 }],
  ['lost answer recorded UNCERTAIN', [intent(), result('UNCERTAIN', { error: 'look it up' })], row(), { dryRun: false }, { state: 'UNCERTAIN', id: undefined, error: 'look it up' }],
  ['lost answer, row invalid today', [intent(), result('UNCERTAIN', { error: 'look it up' })], row({ errors: ['DUE_DATE_PAST'] }), { dryRun: false }, { state: 'UNCERTAIN', error: 'look it up' }],
  ['in flight (crash), row invalid today', [intent()], row({ errors: ['DUE_DATE_PAST'] }), { dryRun: false }, { state: 'UNCERTAIN', error: expect.stringMatching(/answer was lost/) as unknown as string }],
  ['dry run: in flight for another version of the row, row invalid', [intent('fp-old')], row({ errors: ['AMOUNT_INVALID'] }), { dryRun: true }, { state: 'INVALID', error: 'bad: AMOUNT_INVALID' }],
  ['in flight (crash)', [intent()], row(), { dryRun: false }, { state: 'UNCERTAIN', expiresAt: EXPIRES }],
  ['invalid, never sent', [], row({ errors: ['AMOUNT_INVALID', 'DUE_DATE_PAST'] }), { dryRun: false }, { state: 'INVALID', error: 'bad: AMOUNT_INVALID | bad: DUE_DATE_PAST' }],
  ['rejected by the service (422)', [intent(), result('INVALID', { error: 'rejected (422)' })], row(), { dryRun: false }, { state: 'INVALID', error: 'rejected (422)' }],
  ['failed, no link', [intent(), result('FAILED', { error: 'HTTP 503' })], row(), { dryRun: false }, { state: 'FAILED', error: 'HTTP 503' }],
  ['a dry run, nothing journaled', [], row(), { dryRun: true }, { state: WOULD_ISSUE, expiresAt: EXPIRES }],
  ['not sent: the run stopped', [], row(), { dryRun: false, stop: STOP }, { state: 'FAILED', error: `not sent: ${STOP.message} Run the same command again to send it.` }],
  ['not sent: no reason known', [], row(), { dryRun: false }, { state: 'FAILED', error: 'not sent; run the same command again to send it' }],
  ['a copy of an issued reference', [intent(), ISSUED], row({ errors: ['REFERENCE_DUPLICATE'] }), { dryRun: false }, { state: 'INVALID', id: undefined, url: undefined, error: 'bad: REFERENCE_DUPLICATE' }],
  ['proved absent, not yet re-sent', [intent(), result('UNCERTAIN'), { t: 'absent', ref: REF, at: '2030-01-01T00:00:02.000Z' }], row(), { dryRun: false }, { state: 'FAILED' }],
];

describe('the row outcome written to the output sheet', () => {
  it.each(TABLE)('%s', (_case, journal, prepared, mode, expected) => {
    const outcome = outcomeOf(prepared, new Ledger(journal), mode);
    // Keys expected undefined must be absent or undefined (no link shown): checked one by one.
    const defined = Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined));
    expect(outcome).toMatchObject(defined);
    for (const [key, value] of Object.entries(expected)) if (value === undefined) expect(outcome[key as keyof RowOutcome]).toBeUndefined();
  });

  // The run pins its input: a row that says something else than what was sent for it (a link, or a
  // create that may have made one) means the sheet changed under the run. Writing today's row beside
  // that link would mislabel it, so the write pass refuses (the run then keeps an emergency copy).
  it.each([
    ['in flight for another version of the row, row invalid', [intent('fp-old')], row({ errors: ['AMOUNT_INVALID'] })],
    ['issued for another version of the row', [intent('fp-old'), result('ISSUED', { id: 7, fp: 'fp-old' })], row()],
    ['lost answer for another version of the row', [intent('fp-old'), result('UNCERTAIN', { fp: 'fp-old' })], row()],
  ] as const)('%s: refused as a changed input', (_case, journal, prepared) => {
    expect(() => outcomeOf(prepared, new Ledger([...journal]), { dryRun: false })).toThrow(/now says something else than what was sent/);
  });
});
