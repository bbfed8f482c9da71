/**
 * Was a slow-down right? A decrease of the pace is an experiment: if the
 * refusals were about the pace, the share refused changes when the pace
 * changes; if they were not (a gateway refusing a share of everything), it
 * stays the same, and slowing down further would only lose time.
 *
 * The evidence after a decrease is counted from the first request, sent
 * after it, that the service accepted (`fresh`): requests sent earlier may
 * fall in a one-second window the traffic before the decrease had already
 * used up, and their refusals say nothing about the new pace.
 *
 * Pure: the caller gathers the counts, this decides.
 */

export interface Outcomes {
  accepted: number;
  refused: number;
}

export interface DecreaseEvidence {
  /** Requests sent in the second before the refused one that led to the decrease. */
  before: Outcomes;
  /** Requests sent from the first fresh acceptance on, answered so far. */
  after: Outcomes;
  /** From the first fresh acceptance to the latest send counted in `after`, ms. */
  afterSpanMs: number;
  /** A whole second of sends since the fresh acceptance has been answered. */
  complete: boolean;
  /** The share refused whatever the pace, as learnt so far. */
  noise: number;
  /** Share refused above the noise that still counts as the pace's doing. */
  margin: number;
}

export type DecreaseVerdict =
  /** Not enough evidence yet. */
  | { kind: 'wait' }
  /** The new pace is accepted: keep it. */
  | { kind: 'stands' }
  /** Refusals go on and follow the pace: the limit is lower than estimated; this is what the service took. */
  | { kind: 'lower'; limit: number }
  /** The share refused did not move with the pace: not the pace's doing. Undo, and learn the share. */
  | { kind: 'noise'; share: number };

/** Refusals since the fresh acceptance that, clearly above the share before, are judged before the second is over. */
const EARLY_REFUSALS = 3;
/** Answers needed before a share refused means anything. */
export const MIN_ANSWERS = 10;
/** Answers needed on each side of a decrease before its refusals are called noise. */
const NOISE_ANSWERS = 30;
/** Refusals needed on each side: a probe's one or two refusals are never noise. */
const NOISE_REFUSALS = 5;

export function judgeDecrease(e: DecreaseEvidence): DecreaseVerdict {
  const n = e.after.accepted + e.after.refused;
  const share = shareOf(e.after);
  const before = shareOf(e.before);
  const limit = (e.after.accepted * 1000) / Math.max(1000, e.afterSpanMs);
  // A cap that dropped further than the first step could tell: the fresh window fills and the
  // refusals start again well before the second is over. Step down at once, to what it took.
  // Judged on every answer, so only on strong evidence (many tests, some would pass by chance).
  if (e.after.refused >= EARLY_REFUSALS && share > 2 * before + e.margin && differ(e.after, e.before, 2.5)) {
    return { kind: 'lower', limit };
  }
  if (!e.complete) return { kind: 'wait' };
  if (e.after.refused < 2) return { kind: 'stands' };
  // Positively the same: close in size and not different beyond chance (a few answers are
  // never "the same", they are too few to tell).
  const close = Math.abs(share - before) <= 0.25 * Math.max(share, before);
  const same = close && !differ(e.after, e.before, 2);
  // The same share at a slower pace, on enough answers and refusals either side to say so:
  // not the pace's doing. Undo, and learn the share (both sides pooled). Anything thinner
  // keeps the decrease: a wrong "stands" costs a few seconds below the limit, a wrong "noise"
  // would ignore a real cap.
  const nb = e.before.accepted + e.before.refused;
  if (same && n >= NOISE_ANSWERS && nb >= NOISE_ANSWERS && e.after.refused >= NOISE_REFUSALS && e.before.refused >= NOISE_REFUSALS) {
    return { kind: 'noise', share: (e.after.refused + e.before.refused) / (n + nb) };
  }
  if (share <= e.noise + e.margin + chance(e.noise, n)) return { kind: 'stands' };
  // Refused more at the slower pace: the cap fell further than the first step could tell.
  if (!close && share > before) return { kind: 'lower', limit };
  return { kind: 'stands' };
}

export function shareOf(o: Outcomes): number {
  const answered = o.accepted + o.refused;
  return answered === 0 ? 0 : o.refused / answered;
}

/** How far a share of `n` answers may stray from `p` by chance: two standard errors. */
export function chance(p: number, n: number): number {
  return 2 * Math.sqrt((p * (1 - p)) / Math.max(MIN_ANSWERS, n));
}

/**
 * Whether two shares refused differ by more than chance: a two-proportion
 * test at `z` standard errors. A handful of answers either side proves
 * nothing, either way.
 */
export function differ(a: Outcomes, b: Outcomes, z: number): boolean {
  const na = a.accepted + a.refused;
  const nb = b.accepted + b.refused;
  if (na === 0 || nb === 0) return false;
  const pooled = (a.refused + b.refused) / (na + nb);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  return Math.abs(shareOf(a) - shareOf(b)) > z * se;
}
