/**
 * Resolving UNCERTAIN creates. The API has no idempotency key and no search
 * by reference, but ids are incremental and a query returns the reference, so
 * a create whose answer was lost can be looked for among the ids around the
 * ones this output already holds.
 *
 * A reference is *found* when some link in the scanned range carries it.
 * It is *proved absent* only when every id it could have received was
 * queried with a definite answer: ids above the scan's top do not exist yet
 * (the scan goes past the last existing id), and ids at or below the id of a
 * link whose answer we had before this create was sent were taken before it.
 * Only a proved-absent row may be sent again; everything else stays
 * UNCERTAIN for a person.
 */
import { isApiError } from '../../api/errors.js';
import type { LinkInfo } from '../../api/types.js';
import type { LinkQuery } from '../service/link-api.js';
import { callWithRetry, type RetryOptions } from '../service/retry.js';
import type { Throttle } from '../service/throttle.js';
import { say } from '../../i18n/message.js';
import { probe as probeText } from '../../i18n/messages/probe.js';

export interface ProbeTarget {
  ref: string;
  /** When the create was about to be sent (ISO). */
  intentAt?: string;
  /** When its answer was found lost (ISO); unknown after a crash. */
  lostAt?: string;
}

export interface KnownLink {
  id: number;
  /** When its answer was recorded (ISO). */
  at: string;
  /** When its create was sent (ISO), when known. */
  sentAt?: string;
}

export interface ProbeOptions {
  /** Links this output already holds, with the time their answers were recorded. */
  known: KnownLink[];
  /** Most ids to query in one probe (default 1000). */
  window: number;
  /** Ids below the lowest known one to look at for creates sent before any answer came back. */
  margin: number;
  /** Consecutive "not found" answers that mark the end of the existing ids (default 10). */
  endRun: number;
  /**
   * How long the service may still be working on a request after its answer was
   * lost (the CLI uses the request timeout). Probing waits this long after the
   * newest loss, and only creates sent this long after a loss bound the lost
   * link's id from above.
   */
  settleMs: number;
  retry: RetryOptions;
  signal?: AbortSignal;
}

export interface ProbeResult {
  /**
   * Every link found with a wanted reference, lowest id first. More than one
   * means the reference was created more than once (another run, another
   * output, the panel): which one, if any, is this row's is the settle step's
   * question (settle.ts), not the probe's.
   */
  found: Map<string, LinkInfo[]>;
  absent: Set<string>;
  unresolved: Set<string>;
  /** Ids queried, for the run's report. */
  queried: number;
  /** Why some target could be neither found nor ruled out. */
  note?: string;
}

type Probe = { kind: 'link'; link: LinkInfo } | { kind: 'foreign' } | { kind: 'missing' } | { kind: 'error' };

/** The ids one lost create could have received; `provable` when the lower end is known. */
export interface IdRange {
  from: number;
  /** Undefined: up to the last existing id (found by walking up). */
  to?: number;
  provable: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const time = (iso: string | undefined): number | undefined => (iso === undefined ? undefined : Date.parse(iso));

/**
 * A lost create's possible ids: above every link whose answer was recorded
 * before it was sent (those ids were taken already), and below every link
 * sent after its loss had settled (those got later ids). Without such a
 * lower bound the range starts `margin` ids below the lowest known link and
 * nothing can be proved absent. `known` must not be empty.
 */
export function idRange(target: ProbeTarget, known: readonly KnownLink[], bounds: { margin: number; settleMs: number }): IdRange {
  const sentAt = time(target.intentAt);
  const settledAt = time(target.lostAt);
  let lower: number | undefined;
  let upper: number | undefined;
  for (const k of known) {
    if (sentAt !== undefined && Date.parse(k.at) <= sentAt && (lower === undefined || k.id > lower)) lower = k.id;
    const kSent = time(k.sentAt);
    if (settledAt !== undefined && kSent !== undefined && kSent >= settledAt + bounds.settleMs && (upper === undefined || k.id < upper)) upper = k.id;
  }
  const ids = known.map((k) => k.id);
  const from = lower !== undefined ? lower + 1 : Math.max(1, Math.min(...ids) - bounds.margin);
  const to = upper !== undefined ? Math.min(upper - 1, Math.max(...ids)) : undefined;
  return { from, to, provable: lower !== undefined };
}

/** Queries ids once each, remembers every answer, and collects the links that carry a wanted reference. */
class IdQueries {
  readonly answers = new Map<number, Probe>();

  constructor(
    private readonly wanted: ReadonlySet<string>,
    private readonly client: LinkQuery,
    private readonly throttle: Throttle,
    private readonly options: ProbeOptions,
    private readonly result: ProbeResult,
  ) {}

  /** Ids the window still allows. */
  get budget(): number {
    return Math.max(0, this.options.window - this.result.queried);
  }

  readonly query = async (id: number): Promise<Probe> => {
    const seen = this.answers.get(id);
    if (seen) return seen;
    this.result.queried += 1;
    let probe: Probe;
    try {
      const link = await callWithRetry('get', () => this.client.get(id, { signal: this.options.signal }), this.throttle, this.options.retry, this.options.signal);
      // A link whose reference cannot be read might be the one we look for: it rules nothing out.
      probe = link.reference ? { kind: 'link', link } : { kind: 'error' };
    } catch (err) {
      if (isApiError(err, 'AUTH_FAILED')) throw err;
      probe = isApiError(err, 'NOT_FOUND') ? { kind: 'missing' } : isApiError(err, 'OTHER_SITE') ? { kind: 'foreign' } : { kind: 'error' };
    }
    this.answers.set(id, probe);
    if (probe.kind === 'link' && probe.link.reference && this.wanted.has(probe.link.reference)) {
      const links = this.result.found.get(probe.link.reference) ?? [];
      links.push(probe.link);
      links.sort((a, b) => a.id - b.id);
      this.result.found.set(probe.link.reference, links);
    }
    return probe;
  };

  /** False for a missing id, undefined when the answer was not definite. */
  async exists(id: number): Promise<boolean | undefined> {
    const probe = await this.query(id);
    return probe.kind === 'missing' ? false : probe.kind === 'error' ? undefined : true;
  }

  /** True when every id in [from, to] was answered definitely. */
  allDefinite(from: number, to: number): boolean {
    for (let id = from; id <= to; id += 1) if (this.answers.get(id)?.kind === 'error') return false;
    return true;
  }
}

export async function probeUncertain(
  targets: ProbeTarget[],
  client: LinkQuery,
  throttle: Throttle,
  options: ProbeOptions,
): Promise<ProbeResult> {
  const result: ProbeResult = { found: new Map(), absent: new Set(), unresolved: new Set(), queried: 0 };
  if (targets.length === 0) return result;
  await waitForLostCreates(targets, options.settleMs);
  const queries = new IdQueries(new Set(targets.map((t) => t.ref)), client, throttle, options, result);
  return options.known.length === 0 ? probeWithoutAnchor(targets, queries, result, options) : probeAroundKnown(targets, queries, result, options);
}

/**
 * A create whose answer was lost may still be running at the service: wait
 * until the newest loss (or, after a crash, the newest send) is `settleMs`
 * old before any id counts as "not there".
 */
async function waitForLostCreates(targets: ProbeTarget[], settleMs: number): Promise<void> {
  const newestLoss = Math.max(...targets.map((t) => time(t.lostAt) ?? time(t.intentAt) ?? 0));
  const wait = newestLoss + settleMs - Date.now();
  if (wait > 0) await sleep(wait);
}

// Rendered when used: the run's language is set after this module loads.
const NOTE = {
  get QUERY_FAILED(): string {
    return say(probeText.noteQueryFailed);
  },
  get END_NOT_REACHED(): string {
    return say(probeText.noteEndNotReached);
  },
  get WINDOW(): string {
    return say(probeText.noteWindow);
  },
  get NO_LOWER_BOUND(): string {
    return say(probeText.noteNoLowerBound);
  },
};

/**
 * No link of this output has a known id (every create so far lost its answer,
 * or a run was killed in its first second). Ids start at 1 and only grow, so
 * the last existing id is searched for, and the lost creates are looked for
 * downwards from there. A create is proved absent only when every id, down to
 * 1, was queried.
 */
async function probeWithoutAnchor(targets: ProbeTarget[], queries: IdQueries, result: ProbeResult, options: ProbeOptions): Promise<ProbeResult> {
  const top = await searchTopOfIds(queries, options);
  if (typeof top === 'string') {
    for (const t of targets) if (!result.found.has(t.ref)) result.unresolved.add(t.ref);
    result.note = top;
    return result;
  }
  const from = Math.max(1, top - queries.budget + 1);
  const ids: number[] = [];
  for (let id = from; id <= top; id += 1) if (!queries.answers.has(id)) ids.push(id);
  await Promise.all(ids.map(queries.query));
  const definite = from === 1 && [...queries.answers.values()].every((p) => p.kind !== 'error');
  for (const t of targets) {
    if (result.found.has(t.ref)) continue;
    (definite ? result.absent : result.unresolved).add(t.ref);
  }
  if (result.unresolved.size > 0) result.note = from === 1 ? NOTE.QUERY_FAILED : NOTE.WINDOW;
  return result;
}

/**
 * The last existing id, with no known id to start from: double until an id
 * does not exist, bisect between the last that did and that one, then walk on
 * past gaps until `endRun` ids in a row do not exist. A string says why it
 * could not be found.
 */
async function searchTopOfIds(queries: IdQueries, options: ProbeOptions): Promise<number | string> {
  let low = 0;
  let high = 1;
  for (;;) {
    const there = await queries.exists(high);
    if (there === undefined) return NOTE.QUERY_FAILED;
    if (!there) break;
    low = high;
    high *= 2;
    if (queries.budget === 0) return NOTE.END_NOT_REACHED;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const there = await queries.exists(mid);
    if (there === undefined) return NOTE.QUERY_FAILED;
    if (there) low = mid;
    else high = mid;
  }
  let top = low;
  for (let id = low + 1, misses = 0; misses < options.endRun; id += 1) {
    if (queries.budget === 0) return NOTE.END_NOT_REACHED;
    const there = await queries.exists(id);
    if (there === undefined) return NOTE.QUERY_FAILED;
    if (there) {
      top = id;
      misses = 0;
    } else misses += 1;
  }
  return top;
}

/** Some links of this output have known ids: each lost create is looked for in its own id range. */
async function probeAroundKnown(targets: ProbeTarget[], queries: IdQueries, result: ProbeResult, options: ProbeOptions): Promise<ProbeResult> {
  const knownIds = new Set(options.known.map((k) => k.id));
  const highestKnown = Math.max(...knownIds);
  const ranges = new Map(targets.map((t) => [t.ref, idRange(t, options.known, options)]));

  // Walk up past the last existing id, if some lost create may lie above every known link.
  const { top, reachedEnd } = [...ranges.values()].some((r) => r.to === undefined)
    ? await walkPastLastId(queries, highestKnown, options.endRun)
    : { top: highestKnown, reachedEnd: true };

  const covered = await scanRanges(targets, ranges, top, knownIds, queries);
  for (const t of targets) {
    if (result.found.has(t.ref)) continue;
    const range = ranges.get(t.ref) as IdRange;
    const definite = covered.has(t.ref) && range.provable && (range.to !== undefined || reachedEnd) && queries.allDefinite(range.from, range.to ?? top);
    (definite ? result.absent : result.unresolved).add(t.ref);
  }
  if (result.unresolved.size > 0) result.note = noteFor(targets, ranges, covered, reachedEnd);
  return result;
}

/** Queries upwards from `highestKnown` until `endRun` ids in a row do not exist (or the window is spent). */
async function walkPastLastId(queries: IdQueries, highestKnown: number, endRun: number): Promise<{ top: number; reachedEnd: boolean }> {
  let top = highestKnown;
  let misses = 0;
  let failed = false;
  for (let id = highestKnown + 1; misses < endRun && queries.budget > 0; id += 1) {
    const probe = await queries.query(id);
    if (probe.kind === 'missing') {
      misses += 1;
      continue;
    }
    failed ||= probe.kind === 'error';
    misses = 0;
    top = id;
  }
  return { top, reachedEnd: misses >= endRun && !failed };
}

/**
 * Queries the ids each range covers, narrowest ranges first while the window
 * lasts (independent ids go at once; the throttle paces them). Returns the
 * references whose whole range was queried; the rest stay unprovable.
 */
async function scanRanges(targets: ProbeTarget[], ranges: Map<string, IdRange>, top: number, knownIds: Set<number>, queries: IdQueries): Promise<Set<string>> {
  const covered = new Set<string>();
  const ids = new Set<number>();
  const order = targets.map((t) => t.ref).sort((a, b) => width(ranges.get(a), top) - width(ranges.get(b), top));
  let budget = queries.budget;
  for (const ref of order) {
    const range = ranges.get(ref) as IdRange;
    const extra: number[] = [];
    for (let id = range.from; id <= (range.to ?? top); id += 1) if (!knownIds.has(id) && !queries.answers.has(id) && !ids.has(id)) extra.push(id);
    if (extra.length > budget) continue;
    budget -= extra.length;
    for (const id of extra) ids.add(id);
    covered.add(ref);
  }
  await Promise.all([...ids].map(queries.query));
  return covered;
}

function width(range: IdRange | undefined, top: number): number {
  return range ? (range.to ?? top) - range.from + 1 : Number.POSITIVE_INFINITY;
}

function noteFor(targets: ProbeTarget[], ranges: Map<string, IdRange>, covered: Set<string>, reachedEnd: boolean): string {
  if (targets.some((t) => !ranges.get(t.ref)?.provable)) return NOTE.NO_LOWER_BOUND;
  if (targets.some((t) => !covered.has(t.ref))) return NOTE.WINDOW;
  if (!reachedEnd) return NOTE.END_NOT_REACHED;
  return NOTE.QUERY_FAILED;
}
