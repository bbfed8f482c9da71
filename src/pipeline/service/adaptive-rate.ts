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
 * - Every decrease is an experiment, judged (decrease-verdict.ts) on the
 *   requests sent from the service's first fresh acceptance after it (the
 *   ones before may land in a one-second window already used up): it stands;
 *   or the refusals go on and follow the pace (a cap that fell further than
 *   one step could see), and it steps down at once to what the service took;
 *   or the share refused did not move when the pace fell (a gateway refusing
 *   30% of everything), and it is undone and that share learnt as noise, so
 *   random refusals never drive the rate down. Google's SRE book makes the
 *   same point from the other side: a client should throttle itself by the
 *   ratio of requests to accepts, not by the mere presence of rejections.
 *
 * Concurrency-based limiters (Netflix's Vegas, Gradient2) read queueing
 * delay; a per-second cap answers 429 without any delay, so latency gives no
 * warning here. Concurrency stays a hard ceiling (`--concurrency`), the rate
 * adapts, and `--rate` is a hard ceiling on it.
 *
 * Pure: every method takes the time, so tests drive it with a fake clock.
 */

import { chance, judgeDecrease, MIN_ANSWERS, shareOf, type Outcomes } from './decrease-verdict.js';

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
  /** Decreases undone because slowing down did not change the share refused. */
  undone: number;
  /** The share refused whatever the pace, as learnt so far (0: none seen). */
  noise: number;
}

const BUCKET_MS = 100;
/** The latest answers looked at in the run's first second: a block of refusals there is a cap. */
const LATEST = 16;
const HISTORY_MS = 15_000;
/** How long a refusal waits for the answers sent with it before it is judged. */
const SETTLE_MS = 25;
/** The longest a waiter sleeps before it asks again. */
const MAX_WAIT_MS = 50;
/** Steps down within one congestion episode, at most (a cap that fell far). */
const MAX_STEPS = 4;
/** An episode with no fresh acceptance or too few answers ends after this long. */
const EPISODE_LIMIT_MS = 10_000;

interface Bucket {
  at: number;
  sent: number;
  accepted: number;
  refused: number;
}

/** One decrease being judged: what it replaced (to undo it) and what the service said since. */
interface Episode {
  at: number;
  /** The rate in force before it (undefined: unlimited), to go back to if the refusals were not about the pace. */
  previous: { rate: number | undefined };
  before: Outcomes;
  steps: number;
  /** The earliest send after the decrease that the service accepted: its window had room again. */
  fresh: number | undefined;
  /** Answers to requests sent after the decrease, by send time. */
  outcomes: { sentAt: number; ok: boolean }[];
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
  private latencyMs = 0;

  /** Per 100 ms of send time, oldest first. */
  private readonly buckets = new Map<number, Bucket>();
  private readonly acceptedSends: number[] = [];
  /** Whether each of the latest LATEST answers was accepted, oldest first. */
  private readonly latest: boolean[] = [];
  private pending: { since: number; sentAt: number } | undefined;
  private episode: Episode | undefined;
  /** Refusals of requests sent up to this time have been judged already. */
  private judgedUntil = Number.NEGATIVE_INFINITY;
  /** The share refused whatever our pace, learnt from decreases that did not change it. */
  private noise = 0;
  /**
   * When the run's traffic really began: the LATEST-th send. A run's first
   * request goes alone until a link id is known (and is sent again alone if
   * refused), so the run's first instant is no start of a second of history.
   */
  private warmAt: number | undefined;
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
    this.sent += 1;
    if (this.sent === LATEST) this.warmAt = now;
    this.bucket(now).sent += 1;
  }

  /** The service accepted a request sent at `sentAt`. */
  onAccepted(now: number, sentAt: number = now): void {
    this.bucket(sentAt).accepted += 1;
    this.remember(true);
    this.acceptedSends.push(sentAt);
    while (this.acceptedSends.length > 0 && (this.acceptedSends[0] as number) < now - 10_000) this.acceptedSends.shift();
    const episode = this.episode;
    if (episode !== undefined && sentAt > episode.at) {
      episode.outcomes.push({ sentAt, ok: true });
      if (episode.fresh === undefined || sentAt < episode.fresh) episode.fresh = sentAt;
    }
  }

  /** The typical time from sending to an answer (smoothed by the caller). */
  onLatency(ms: number): void {
    this.latencyMs = Math.max(0, Math.min(10_000, ms));
  }

  /**
   * The service refused (429) a request sent at `sentAt`. The verdict waits a
   * moment (SETTLE_MS): answers to requests sent together arrive in any order,
   * and the accepted ones are the evidence of what the service can take.
   */
  onRefused(now: number, sentAt: number = now): void {
    this.refused += 1;
    this.bucket(sentAt).refused += 1;
    this.remember(false);
    const episode = this.episode;
    if (episode !== undefined) {
      if (sentAt > episode.at) episode.outcomes.push({ sentAt, ok: false });
      return;
    }
    if (sentAt <= this.judgedUntil) return;
    // The verdict, when it comes, is about the latest refused send: the second before it is
    // the evidence of what the service takes (not the second before the first refusal, which
    // may be the run's first instant).
    if (this.pending === undefined) this.pending = { since: now, sentAt };
    else this.pending.sentAt = Math.max(this.pending.sentAt, sentAt);
  }

  /** Decisions due by `now`: judge the decrease in progress, then any pending refusals. Returns true when the rate was lowered. */
  settle(now: number): boolean {
    if (this.judgeEpisode(now)) return true;
    const pending = this.pending;
    if (pending === undefined || now - pending.since < SETTLE_MS) return false;
    this.pending = undefined;
    if (this.episode !== undefined || !this.congested(now, pending.sentAt)) return false;
    const before = this.window(pending.sentAt - 1000, pending.sentAt);
    this.episode = {
      at: now,
      previous: { rate: this.lastLimit === undefined ? undefined : this.currentRate(now) },
      before,
      steps: 1,
      fresh: undefined,
      outcomes: [],
    };
    this.decrease(now, this.acceptedBefore(pending.sentAt));
    return true;
  }

  view(now: number): RateView {
    return { rate: this.currentRate(now), lastLimit: this.lastLimit, sent: this.sent, refused: this.refused, decreases: this.decreases, undone: this.spurious, noise: this.noise };
  }

  /** The rate in force at `now`: the CUBIC curve since the last decrease, under the ceiling. */
  private currentRate(now: number): number | undefined {
    if (this.lastLimit === undefined) return this.ceiling;
    const t = (now - this.decreasedAt) / 1000;
    const curve = this.scale * this.lastLimit * (t - this.cubicK) ** 3 + this.lastLimit;
    // No probing above the limit while a decrease is still being judged.
    const cubic = this.episode === undefined ? curve : Math.min(curve, this.lastLimit);
    // Never run far ahead of what is really being sent (the SDK's 2 × measured rule): a rate
    // that grew while concurrency, not the bucket, held the pace must not release a burst.
    const sending = this.window(now - 1000).sent;
    const grown = sending > 0 ? Math.min(cubic, Math.max(2 * sending, this.lastLimit)) : cubic;
    this.fillRate = this.capped(Math.max(this.floor, grown));
    return this.fillRate;
  }

  private capped(rate: number): number {
    return this.ceiling === undefined ? rate : Math.min(this.ceiling, rate);
  }

  /**
   * Congestion: the share refused among the requests sent in the two seconds
   * up to the refused one (and not judged yet) is clearly above the share
   * refused whatever the pace, allowing for chance.
   */
  private congested(now: number, sentAt: number): boolean {
    const w = this.window(Math.max(sentAt - 2000, this.judgedUntil));
    // One refusal is not a pattern, unless the rate is probing above the limit already found:
    // then it is the answer the probe was looking for.
    const probing = this.lastLimit !== undefined && (this.fillRate ?? 0) > this.lastLimit;
    if (w.refused < (probing ? 1 : 2)) return false;
    // A handful of answers says little: wait for enough to tell a cap from bad luck.
    if (w.accepted + w.refused < MIN_ANSWERS) return false;
    const share = shareOf(w);
    // In the first second of real traffic (warmAt), judge at once only when the latest sends are mostly refused
    // (a burst far above a cap: accepted first, then refused in a block). Random refusals are
    // spread evenly, so they wait for a whole second, which also makes the accepted count the
    // decrease is taken from a true per-second figure.
    if (this.warmAt === undefined || now - this.warmAt < 1000) {
      const refusedOfLatest = this.latest.filter((ok) => !ok).length;
      if (this.latest.length < LATEST || refusedOfLatest < 0.75 * LATEST) return false;
    }
    return share > this.noise + this.margin + chance(this.noise, w.accepted + w.refused);
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

  /**
   * Judges the decrease in progress (decrease-verdict.ts) once the service
   * has had room again for a second: it stands, it steps down once more to
   * what the service took since (a cap that fell further than one step could
   * tell, decided early when refusals go on), or, when the share refused did
   * not move with the pace, the episode is undone and that share becomes the
   * noise that no longer counts as congestion. Returns true when it stepped down.
   */
  private judgeEpisode(now: number): boolean {
    const episode = this.episode;
    if (episode === undefined) return false;
    const answerWait = 1.5 * this.latencyMs + SETTLE_MS;
    if (episode.fresh === undefined) {
      if (now - episode.at > EPISODE_LIMIT_MS) this.endEpisode(now - answerWait);
      return false;
    }
    const fresh = episode.fresh;
    // A second of sends since the fresh acceptance, all answered (a slow pace: longer, until
    // enough answers are in); before that, only the early verdict can be reached.
    const complete = now - fresh >= 1000 + answerWait;
    const until = now - answerWait;
    const after = { accepted: 0, refused: 0 };
    let last = fresh;
    for (const o of episode.outcomes) {
      if (o.sentAt < fresh || (complete && o.sentAt > until)) continue;
      if (o.ok) after.accepted += 1;
      else after.refused += 1;
      last = Math.max(last, o.sentAt);
    }
    // A slow pace: too few answers in a second; wait for more, but not for ever.
    const enough = after.accepted + after.refused >= MIN_ANSWERS || now - episode.at > EPISODE_LIMIT_MS;
    const verdict = judgeDecrease({
      before: episode.before,
      after,
      afterSpanMs: last - fresh,
      complete: complete && enough,
      noise: this.noise,
      margin: this.margin,
    });
    switch (verdict.kind) {
      case 'wait':
        return false;
      case 'stands':
        this.endEpisode(Math.min(now - answerWait, fresh + 1000));
        return false;
      case 'noise':
        // Back to the pace before the episode: unlimited if it was, else its rate, held there
        // (the plateau of the curve) rather than where the old curve had got to meanwhile.
        this.noise = verdict.share;
        this.lastLimit = episode.previous.rate;
        this.decreasedAt = now - this.cubicK * 1000;
        this.spurious += 1;
        this.endEpisode(now - answerWait);
        return false;
      case 'lower':
        if (episode.steps >= MAX_STEPS) {
          this.endEpisode(now - answerWait);
          return false;
        }
        this.episode = { ...episode, at: now, before: after, steps: episode.steps + 1, fresh: undefined, outcomes: [] };
        this.decrease(now, verdict.limit);
        return true;
    }
  }

  private remember(ok: boolean): void {
    this.latest.push(ok);
    if (this.latest.length > LATEST) this.latest.shift();
  }

  private endEpisode(judgedUntil: number): void {
    this.episode = undefined;
    this.pending = undefined;
    this.judgedUntil = Math.max(this.judgedUntil, judgedUntil);
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

  /**
   * Requests sent from `from` to `to` (by send time, 100 ms buckets), and the
   * outcomes known of them so far. Counting by send time keeps the answers to
   * requests sent before a decrease out of the judgement of the pace after it.
   */
  private window(from: number, to = Number.POSITIVE_INFINITY): Outcomes & { sent: number } {
    let sent = 0;
    let accepted = 0;
    let refused = 0;
    for (const b of this.buckets.values()) {
      if (b.at + BUCKET_MS <= from || b.at > to) continue;
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
