import { describe, expect, it } from 'vitest';
import { StateTally } from '../../../src/pipeline/output/state-tally.js';

describe('StateTally', () => {
  it('counts SKIPPED rows apart and never adds their amounts into any total', () => {
    const tally = new StateTally();
    tally.add('ISSUED', '450000', 'COP');
    tally.add('ISSUED', '450000', 'COP');
    tally.add('INVALID', '10', 'COP');
    tally.add('SKIPPED', '900000', 'COP');
    expect(tally.toJSON()).toEqual({
      rows: 4,
      states: {
        ISSUED: { rows: 2, amounts: { COP: '900000' } },
        INVALID: { rows: 1, amounts: { COP: '10' } },
        SKIPPED: { rows: 1, amounts: {} },
      },
      amounts: { COP: '900010' },
    });
  });

  it('orders SKIPPED after the states of rows that are bills', () => {
    const tally = new StateTally();
    tally.add('SKIPPED');
    tally.add('UNCERTAIN');
    tally.add('ISSUED', '1', 'COP');
    expect(tally.ordered().map(([s]) => s)).toEqual(['ISSUED', 'UNCERTAIN', 'SKIPPED']);
  });
});
