/**
 * The verdict on a decrease, table-driven: the counts are those a run sees
 * in the second before the refused request and in the second after the
 * service first accepted again.
 */
import { describe, expect, it } from 'vitest';
import { judgeDecrease, type DecreaseEvidence, type DecreaseVerdict } from '../../../src/pipeline/service/decrease-verdict.js';

const o = (accepted: number, refused: number) => ({ accepted, refused });
const evidence = (e: Partial<DecreaseEvidence>): DecreaseEvidence => ({
  before: o(40, 2),
  after: o(36, 0),
  afterSpanMs: 1000,
  complete: true,
  noise: 0,
  margin: 0.02,
  ...e,
});

describe('judgeDecrease', () => {
  it.each<[string, Partial<DecreaseEvidence>, DecreaseVerdict['kind'], number?]>([
    ['a probe above the cap, then nothing refused at the new pace: it stands', {}, 'stands'],
    ['one refusal after is not a pattern', { after: o(35, 1) }, 'stands'],
    ['a burst far above a cap, then the fresh window accepts everything: it stands', { before: o(40, 41), after: o(36, 0) }, 'stands'],
    // A cap that fell from 40 to 15 while the run sent 40/s: the first step went to 0.9 × 40 (the
    // second before straddled the drop); the fresh window takes 15 and refuses the rest.
    ['the cap fell further: refused more at the slower pace: down to what it took', { before: o(40, 2), after: o(15, 21) }, 'lower', 15],
    ['the same, seen early: the fresh window filled within half a second', { before: o(40, 2), after: o(15, 6), afterSpanMs: 450, complete: false }, 'lower', 15],
    ['early, but too few refusals to say yet', { before: o(40, 2), after: o(15, 2), afterSpanMs: 450, complete: false }, 'wait'],
    ['early signs under random refusals are not a fallen cap', { before: o(700, 300), after: o(70, 40), afterSpanMs: 150, complete: false }, 'wait'],
    // 30% refused whatever the pace: the share did not move when the pace fell by a third.
    ['the same share at a slower pace: noise, learnt from both sides', { before: o(700, 300), after: o(450, 190) }, 'noise'],
    ['too few answers to call it noise: it stands', { before: o(14, 6), after: o(9, 4) }, 'stands'],
    ["a probe's one or two refusals either side are never noise", { before: o(48, 2), after: o(38, 2) }, 'stands'],
    ['the share fell but not to nothing: it stands (the rest may be passing)', { before: o(20, 14), after: o(16, 3) }, 'stands'],
    ['refused at the noise level already learnt: it stands', { before: o(600, 330), after: o(700, 290), noise: 0.3 }, 'stands'],
    ['a share rise on few answers still follows the pace: down', { before: o(36, 12), after: o(20, 15) }, 'lower', 20],
  ])('%s', (_name, e, kind, limit) => {
    const verdict = judgeDecrease(evidence(e));
    expect(verdict.kind).toBe(kind);
    if (limit !== undefined && verdict.kind === 'lower') expect(verdict.limit).toBeCloseTo(limit, 5);
  });

  it('learns the noise from both sides pooled', () => {
    const verdict = judgeDecrease(evidence({ before: o(700, 300), after: o(450, 190) }));
    expect(verdict).toEqual({ kind: 'noise', share: 490 / 1640 });
  });

  it('a slow pace: the limit is what was taken per second over a longer span', () => {
    const verdict = judgeDecrease(evidence({ before: o(5, 0), after: o(4, 8), afterSpanMs: 2000 }));
    expect(verdict).toEqual({ kind: 'lower', limit: 2 });
  });
});
