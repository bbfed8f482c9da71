/** The state label table: every code the sheets write has a label in both languages. */
import { describe, expect, it } from 'vitest';
import { stateLabel, stateWithLabel } from '../../src/i18n/messages/states.js';
import { STATE_FILLS } from '../../src/pipeline/output/state-colours.js';

describe('state labels', () => {
  it.each(Object.keys(STATE_FILLS))('%s has a label in both languages', (code) => {
    expect(stateLabel(code, 'es')).toBeTruthy();
    expect(stateLabel(code, 'en')).toBeTruthy();
    expect(stateLabel(code, 'es')).not.toBe(stateLabel(code, 'en'));
  });

  it.each([
    ['ISSUED', 'es', 'ISSUED (emitido)'],
    ['PAID', 'es', 'PAID (pagado)'],
    ['PARTIAL', 'es', 'PARTIAL (pago parcial)'],
    ['ISSUED', 'en', 'ISSUED'],
    ['SOMETHING_NEW', 'es', 'SOMETHING_NEW'],
    ['', 'es', ''],
  ] as const)('%s in %s reads %s', (code, lang, shown) => {
    expect(stateWithLabel(code, lang)).toBe(shown);
  });
});
