/**
 * Finds the rate the service accepts without being told it, and stays just
 * under it. Placetopay publishes no rate limit, so the only signal is a 429.
 *
 * The choice, after reading the anchors (see BENCHMARKS.md, "Adaptive rate"):
 *
 * - The shape is the AWS SDKs' "adaptive" retry mode: a client-side token
 *   bucket that is off until the service first pushes back, then follows a
 *   CUBIC curve: after a decrease it climbs fast, flattens as it nears the
 *   rate where it was last refused (it spends most of its time just under
 *   it), and only then probes above it, slowly at first.
 * - Unlike the SDK, a decrease is taken from what the service *accepted*
 *   over the last second (goodput), not from what was sent. A fixed cap of N
 *   accepts N whatever we send, so one decrease lands just under N even when
 *   the first burst went out at ten times N; sending-rate decreases need
 *   many rounds, each with a burst of refusals.
 * - One decrease per congestion event (TCP's once-per-round-trip rule): the
 *   429s already in flight when we slowed down say nothing about the new rate.
 * - Refusals that do not depend on our rate (a gateway refusing 30% of
 *   everything) must not collapse the rate: a decrease happens only when the
 *   share refused in the last second rises clearly above the share usually
 *   seen (the median of recent seconds). Google's SRE book makes the same
 *   point from the other side: a client should throttle itself by the ratio of
 *   requests to accepts, not by the mere presence of rejections.
 *
 * Concurrency-based limiters (Netflix's Vegas, Gradient2) read queueing
 * delay; a per-second cap answers 429 without any delay, so latency gives no
 * warning here. Concurrency stays a hard ceiling (`--concurrency`), the rate
 * adapts, and `--rate` is a hard ceiling on it.
 *
 * Pure: every method takes the time, so tests drive it with a fake clock.
 */

export interface AdaptiveRateOptions {
  /** Hard ceiling, requests per second (`--rate`); undefined: none. */
  ceiling?: number;
  /** Multiplicative decrease applied to the accepted rate (CUBIC's beta; the SDK uses 0.7). */
  beta?: number;
  /**
   * CUBIC's C, as a share of the last limit per s³ (the SDK uses an absolute
   * 0.4 req/s per s³, which probes a cap of 20/s twice as hard as one of 40/s).
   */
  scale?: number;
  /** The rate never goes below this, requests per second. */
  floor?: number;
  /** Share refused above the usual share that counts as congestion. */
  margin?: number;
}

export interface RateView {
  /** The rate the client holds itself to now, or undefined while the service has never pushed back. */
  rate: number | undefined;
  /** The accepted rate at the last decrease: the best estimate of the service's limit. */
  lastLimit: number | undefined;
  sent: number;
  refused: number;
  decreases: number;
  /** Decreases undone because slowing down did not lower the share refused. */
  undone: number;
}

const BUCKET_MS = 100;
const WINDOW_BUCKETS = 10; // one second
const HISTORY_MS = 15_000;
/** Answers needed before a share refused means anything. */
const MIN_ANSWERS = 10;
/** How long a refusal waits for the answers sent with it before it is judged. */
const SETTLE_MS = 25;
/** The longest a waiter sleeps before it asks again. */
const MAX_WAIT_MS = 50;
/** A decrease is judged this many holds after it, on what was sent after the first hold. */
const JUDGE_AFTER_HOLDS = 2;

interface Bucket {
  at: number;
  sent: number;
  accepted: number;
  refused: number;
}

export class AdaptiveRate {
  private readonly ceiling: number | undefined;
  private readonly beta: number;
  private readonly scale: number;
  private readonly floor: number;
  private readonly margin: number;

  private fillRate: number | undefined;
  private lastSlotAt = Number.NEGATIVE_INFINITY;
  private lastLimit: number | undefined;
  private decreasedAt = Number.NEGATIVE_INFINITY;
  private cubicK = 0;
  private holdMs = 1000;

  /** Per 100 ms of send time, oldest first. */
  private readonly buckets = new Map<number, Bucket>();
  private readonly acceptedSends: number[] = [];
  private pending: { since: number; sentAt: number } | undefined;
  private undo: { limit: number | undefined; k: number; at: number; shareBefore: number; answeredBefore: number; steps: number } | undefined;
  /** The share refused whatever our pace, learnt from decreases that did not help. */
  private noise = 0;
  private firstSentAt: number | undefined;
  private spurious = 0;
  private sent = 0;
  private refused = 0;
  private decreases = 0;

  constructor(options: AdaptiveRateOptions = {}) {
    this.ceiling = options.ceiling !== undefined && options.ceiling > 0 ? options.ceiling : undefined;
    this.beta = options.beta ?? 0.9;
    this.scale = options.scale ?? 0.006;
    this.floor = options.floor ?? 0.5;
    this.margin = options.margin ?? 0.02;
  }

  /**
   * Asks to start one request now: 0 means go (the slot is taken), otherwise
   * how long to wait before asking again. Waiters ask again rather than
   * holding a slot far ahead, so a rate that rises meanwhile frees them at
   * once instead of after the slow slots they booked.
   */
  reserve(now: number): number {
    this.settle(now);
    const rate = this.currentRate(now);
    if (rate === undefined) return 0;
    const interval = 1000 / rate;
    const allowedAt = this.lastSlotAt + interval;
    if (now < allowedAt) return Math.min(allowedAt - now, MAX_WAIT_MS);
    // Busy: keep the exact pace. Idle for a while: no burst to catch up.
    this.lastSlotAt = now - allowedAt > interval ? now : allowedAt;
    return 0;
  }

  /** A request left (after its wait). */
  onSent(now: number): void {
    this.firstSentAt ??= now;
    this.sent += 1;
    this.bucket(now).sent += 1;
  }

  /** The service accepted a request sent at `sentAt`. */
  onAccepted(now: number, sentAt: number = now): void {
    this.bucket(sentAt).accepted += 1;
    this.acceptedSends.push(sentAt);
    while (this.acceptedSends.length > 0 && (this.acceptedSends[0] as number) < now - 10_000) this.acceptedSends.shift();
  }

  /** The typical time from sending to an answer: a decrease holds for at least two of them. */
  onLatency(ms: number): void {
    this.holdMs = Math.max(1000, Math.min(10_000, 2 * ms));
  }

  /**
   * The service refused (429) a request sent at `sentAt`. The verdict waits a
   * moment (SETTLE_MS): answers to requests sent together arrive in any order,
   * and the accepted ones are the evidence of what the service can take.
   */
  onRefused(now: number, sentAt: number = now): void {
    this.refused += 1;
    this.bucket(sentAt).refused += 1;
    // The verdict, when it comes, is about the latest refused send: the second before it is
    // the evidence of what the service takes (not the second before the first refusal, which
    // may be the run's first instant).
    if (this.pending === undefined) this.pending = { since: now, sentAt };
    else this.pending.sentAt = Math.max(this.pending.sentAt, sentAt);
  }

  /** Decisions due by `now`: judge the last decrease, then any pending refusals. Returns true when the rate was lowered. */
  settle(now: number): boolean {
    this.judgeLastDecrease(now);
    const pending = this.pending;
    if (pending === undefined || now - pending.since < SETTLE_MS) return false;
    this.pending = undefined;
    // One decrease at a time: the next waits until this one has been judged.
    if (this.undo !== undefined || now - this.decreasedAt < this.holdMs) return false;
    if (!this.congested(now)) return false;
    const before = this.window(now, now - 2 * WINDOW_BUCKETS * BUCKET_MS);
    this.undo = { limit: this.lastLimit, k: this.cubicK, at: this.decreasedAt, shareBefore: this.shareOf(before), answeredBefore: before.accepted + before.refused, steps: 1 };
    this.decrease(now, this.acceptedBefore(pending.sentAt));
    return true;
  }

  view(now: number): RateView {
    return { rate: this.currentRate(now), lastLimit: this.lastLimit, sent: this.sent, refused: this.refused, decreases: this.decreases, undone: this.spurious };
  }

  /** The rate in force at `now`: the CUBIC curve since the last decrease, under the ceiling. */
  private currentRate(now: number): number | undefined {
    if (this.lastLimit === undefined) return this.ceiling;
    const t = (now - this.decreasedAt) / 1000;
    const cubic = this.scale * this.lastLimit * (t - this.cubicK) ** 3 + this.lastLimit;
    // Never run far ahead of what is really being sent (the SDK's 2 × measured rule): a rate
    // that grew while concurrency, not the bucket, held the pace must not release a burst.
    const sending = this.sentRate(now);
    const grown = sending > 0 ? Math.min(cubic, Math.max(2 * sending, this.lastLimit)) : cubic;
    this.fillRate = this.capped(Math.max(this.floor, grown));
    return this.fillRate;
  }

  private capped(rate: number): number {
    return this.ceiling === undefined ? rate : Math.min(this.ceiling, rate);
  }

  /**
   * Congestion: the share refused over the last second is clearly above the
   * usual share (the median of recent seconds), allowing for chance.
   */
  private congested(now: number): boolean {
    const w = this.window(now, now - 2 * WINDOW_BUCKETS * BUCKET_MS);
    // One refusal is not a pattern, unless the rate is probing above the limit already found:
    // then it is the answer the probe was looking for.
    const probing = this.lastLimit !== undefined && (this.fillRate ?? 0) > this.lastLimit;
    if (w.refused < (probing ? 1 : 2)) return false;
    // A handful of answers says little: wait for enough to tell a cap from bad luck.
    if (w.accepted + w.refused < MIN_ANSWERS) return false;
    // In the run's first second, only a clear majority refused is judged at once (a burst far
    // above a cap). Anything milder waits for a whole second of history, so the accepted count
    // the decrease is taken from is a true per-second figure, not the first few answers.
    if (this.firstSentAt !== undefined && now - this.firstSentAt < 1000 && this.shareOf(w) < 0.5) return false;
    const share = this.shareOf(w);
    const usual = this.noise;
    const chance = 2 * Math.sqrt((usual * (1 - usual)) / Math.max(MIN_ANSWERS, w.accepted + w.refused));
    return share > usual + this.margin + chance;
  }

  /**
   * What the service accepted in the second before the refused request was
   * sent, counted by send time: those answers are all in when its 429 arrives,
   * and for a per-second cap that count is the cap itself.
   */
  private acceptedBefore(sentAt: number): number {
    let n = 0;
    for (const at of this.acceptedSends) if (at > sentAt - 1000 && at <= sentAt) n += 1;
    return n;
  }

  /** The share refused among the answers in. */
  private shareOf(w: { accepted: number; refused: number }): number {
    const answered = w.accepted + w.refused;
    return answered === 0 ? 0 : w.refused / answered;
  }

  /**
   * Once a decrease has held long enough to show its effect, look at the
   * refused share of the requests sent from one hold after it (the first hold
   * may still pay for the burst before it, in a per-second window the burst
   * had used up):
   * - it fell to under half: it was congestion, and the new pace stands;
   * - it did not, once: the cap may have dropped by more than one step can
   *   tell (the second before the refusal straddled the drop): step down
   *   again, to what the service accepted since;
   * - it did not, twice: the refusals are not about our pace (a gateway that
   *   refuses a share of everything). Undo the episode, and learn that share
   *   as the usual one, so it does not trigger decreases again.
   */
  private judgeLastDecrease(now: number): void {
    const undo = this.undo;
    if (undo === undefined || now - this.decreasedAt < JUDGE_AFTER_HOLDS * this.holdMs) return;
    const from = this.decreasedAt + this.holdMs;
    const after = this.window(now, from);
    // Too few answers to tell yet (a slow pace): wait for more, but not for ever.
    if (after.accepted + after.refused < MIN_ANSWERS && now - this.decreasedAt < 10 * this.holdMs) return;
    const shareAfter = this.shareOf(after);
    if (clearlyLower(shareAfter, after.accepted + after.refused, undo.shareBefore, undo.answeredBefore) || shareAfter <= this.noise + this.margin) {
      this.undo = undefined;
      return;
    }
    if (undo.steps < 2) {
      undo.steps += 1;
      this.decrease(now, (after.accepted * 1000) / Math.max(1000, now - from));
      return;
    }
    this.undo = undefined;
    this.noise = shareAfter;
    this.lastLimit = undo.limit;
    this.cubicK = undo.k;
    this.decreasedAt = undo.at;
    this.spurious += 1;
  }

  private decrease(now: number, accepted: number): void {
    const limit = Math.max(this.floor, accepted);
    this.lastLimit = limit;
    this.decreasedAt = now;
    this.decreases += 1;
    // CUBIC: W(t) = C·Wmax·(t − K)³ + Wmax with W(0) = β·Wmax, so K = ∛((1−β)/C).
    this.cubicK = Math.cbrt((1 - this.beta) / this.scale);
    // Requests already holding a slot keep it; the next ones queue after them at the new pace.
    this.fillRate = this.capped(limit * this.beta);
  }


  private sentRate(now: number): number {
    return this.window(now).sent;
  }

  /**
   * Requests sent since `from` (by send time), and the outcomes known of them
   * so far. Counting by send time keeps the answers to requests sent before a
   * decrease out of the judgement of the pace after it.
   */
  private window(now: number, from = now - WINDOW_BUCKETS * BUCKET_MS): { sent: number; accepted: number; refused: number } {
    let sent = 0;
    let accepted = 0;
    let refused = 0;
    for (const b of this.buckets.values()) {
      if (b.at < from) continue;
      sent += b.sent;
      accepted += b.accepted;
      refused += b.refused;
    }
    return { sent, accepted, refused };
  }

  private bucket(time: number): Bucket {
    const at = time - (time % BUCKET_MS);
    const known = this.buckets.get(at);
    if (known !== undefined) return known;
    const fresh = { at, sent: 0, accepted: 0, refused: 0 };
    this.buckets.set(at, fresh);
    for (const key of this.buckets.keys()) {
      if (key >= at - HISTORY_MS) break;
      this.buckets.delete(key);
    }
    return fresh;
  }
}

/**
 * Whether share `a` (of `na` answers) is lower than share `b` (of `nb`) by
 * more than chance: a two-proportion test at about two standard errors. A
 * handful of answers either side proves nothing, either way.
 */
function clearlyLower(a: number, na: number, b: number, nb: number): boolean {
  if (na === 0 || nb === 0) return false;
  const pooled = (a * na + b * nb) / (na + nb);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  return b - a > 2 * se;
}
