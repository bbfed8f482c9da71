/**
 * The one state colour table: every state either command writes has a fill,
 * and each fill says what the state asks of a person.
 */
import { describe, expect, it } from 'vitest';
import { STATE_FILLS } from '../../../src/pipeline/output/state-colours.js';
import { PAYMENT_STATES } from '../../../src/pipeline/reconcile/columns.js';
import { WOULD_ISSUE } from '../../../src/pipeline/issue/write.js';

const GREEN = 'FFC6EFCE';
const RED = 'FFFFC7CE';
const AMBER = 'FFFFEB9C';
const BLUE = 'FFDDEBF7';
const GREY = 'FFD9D9D9';

describe('STATE_FILLS', () => {
  it.each<[string, string]>([
    ['ISSUED', GREEN],
    ['PAID', GREEN],
    ['INVALID', RED],
    ['FAILED', RED],
    ['UNKNOWN', RED],
    ['UNCERTAIN', AMBER],
    ['PARTIAL', AMBER],
    [WOULD_ISSUE, BLUE],
    ['PENDING', BLUE],
    ['EXPIRED', GREY],
    ['DISABLED', GREY],
    ['SKIPPED', GREY],
  ])('%s → %s', (state, argb) => {
    expect(STATE_FILLS[state]).toBe(argb);
  });

  it('colours every payment state reconcile writes', () => {
    for (const state of PAYMENT_STATES) expect(STATE_FILLS[state], state).toMatch(/^FF[0-9A-F]{6}$/);
  });
});
