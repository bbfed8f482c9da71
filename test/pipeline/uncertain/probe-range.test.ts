/**
 * The ids a lost create could have received (idRange): above every link whose
 * answer was recorded before it was sent, below every link sent once its loss
 * had settled. Only a range with a known lower end can prove a create absent.
 */
import { describe, expect, it } from 'vitest';
import { idRange, type IdRange, type KnownLink, type ProbeTarget } from '../../../src/pipeline/uncertain/probe.js';

/** Second n of the run. */
const T = (n: number): string => new Date(Date.UTC(2030, 0, 1) + Math.round(n * 1000)).toISOString();

// Links of this output: id 10 sent at 0 answered at 1, 11 at 2/3, 12 at 4/5, 15 at 20/21.
const KNOWN: KnownLink[] = [
  { id: 10, sentAt: T(0), at: T(1) },
  { id: 11, sentAt: T(2), at: T(3) },
  { id: 12, sentAt: T(4), at: T(5) },
  { id: 15, sentAt: T(20), at: T(21) },
];
const BOUNDS = { margin: 4, settleMs: 5000 };

describe('idRange', () => {
  it.each<[string, ProbeTarget, IdRange]>([
    ['sent after 11 was answered, lost at 4.5; 15 sent after the loss settled', { ref: 'A', intentAt: T(3.5), lostAt: T(4.5) }, { from: 12, to: 14, provable: true }],
    ['sent when 11 was answered (same instant counts as before)', { ref: 'A', intentAt: T(3), lostAt: T(4) }, { from: 12, to: 14, provable: true }],
    ['sent just before 11 was answered', { ref: 'A', intentAt: T(2.999), lostAt: T(4) }, { from: 11, to: 14, provable: true }],
    ['lost in a crash (loss time unknown): up to the last existing id', { ref: 'A', intentAt: T(3.5) }, { from: 12, to: undefined, provable: true }],
    ['loss settled after every later send: no upper end', { ref: 'A', intentAt: T(6), lostAt: T(16) }, { from: 13, to: undefined, provable: true }],
    ['15 sent exactly when the loss settled bounds it', { ref: 'A', intentAt: T(6), lostAt: T(15) }, { from: 13, to: 14, provable: true }],
    ['15 sent 1 ms before the loss settled does not', { ref: 'A', intentAt: T(6), lostAt: T(15.001) }, { from: 13, to: undefined, provable: true }],
    ['sent before any answer: margin below the lowest id, not provable', { ref: 'A', intentAt: T(0.5), lostAt: T(0.9) }, { from: 6, to: 14, provable: false }],
    ['no send time known: not provable', { ref: 'A' }, { from: 6, to: undefined, provable: false }],
    ['sent after every answer, lost last', { ref: 'A', intentAt: T(22), lostAt: T(23) }, { from: 16, to: undefined, provable: true }],
  ])('%s', (_case, target, expected) => {
    expect(idRange(target, KNOWN, BOUNDS)).toEqual(expected);
  });

  it.each<[string, KnownLink[], number, number]>([
    ['the margin never goes below id 1', [{ id: 2, sentAt: T(0), at: T(1) }], 4, 1],
    ['a margin of 0 starts at the lowest known id', KNOWN, 0, 10],
    ['a margin of 9 starts at id 1', KNOWN, 9, 1],
  ])('%s', (_case, known, margin, from) => {
    expect(idRange({ ref: 'A', intentAt: T(0.5) }, known, { margin, settleMs: 0 }).from).toBe(from);
  });
});
