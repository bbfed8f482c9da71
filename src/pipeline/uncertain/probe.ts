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
  found: Map<string, LinkInfo>;
  absent: Set<string>;
  unresolved: Set<string>;
  /** Ids queried, for the run's report. */
  queried: number;
  /** Why some target could be neither found nor ruled out. */
  note?: string;
}

type Probe = { kind: 'link'; link: LinkInfo } | { kind: 'foreign' } | { kind: 'missing' } | { kind: 'error' };

type Query = (id: number) => Promise<Probe>;

/**
 * No link of this output has a known id (every create so far lost its answer,
 * or a run was killed in its first second). Ids start at 1 and only grow, so
 * the last existing id is found by doubling and bisecting, and the lost
 * creates are looked for downwards from there. A create is proved absent only
 * when every id, down to 1, was queried.
 */
async function probeWithoutAnchor(targets: ProbeTarget[], query: Query, answers: Map<number, Probe>, result: ProbeResult, options: ProbeOptions): Promise<ProbeResult> {
  const exists = async (id: number): Promise<boolean | undefined> => {
    const probe = await query(id);
    return probe.kind === 'missing' ? false : probe.kind === 'error' ? undefined : true;
  };
  const unresolved = (note: string): ProbeResult => {
    for (const t of targets) if (!result.found.has(t.ref)) result.unresolved.add(t.ref);
    result.note = note;
    return result;
  };
  // Double until an id does not exist, then bisect between the last that did and that one.
  let low = 0;
  let high = 1;
  for (;;) {
    const there = await exists(high);
    if (there === undefined) return unresolved('some ids could not be queried');
    if (!there) break;
    low = high;
    high *= 2;
    if (result.queried >= options.window) return unresolved('the end of the existing ids could not be reached within the probe window');
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const there = await exists(mid);
    if (there === undefined) return unresolved('some ids could not be queried');
    if (there) low = mid;
    else high = mid;
  }
  // Past gaps: walk on until endRun ids in a row do not exist.
  let top = low;
  for (let id = low + 1, misses = 0; misses < options.endRun; id += 1) {
    if (result.queried >= options.window) return unresolved('the end of the existing ids could not be reached within the probe window');
    const there = await exists(id);
    if (there === undefined) return unresolved('some ids could not be queried');
    if (there) {
      top = id;
      misses = 0;
    } else misses += 1;
  }
  const from = Math.max(1, top - Math.max(0, options.window - result.queried) + 1);
  const ids: number[] = [];
  for (let id = from; id <= top; id += 1) if (!answers.has(id)) ids.push(id);
  const probes = await Promise.all(ids.map(query));
  const definite = from === 1 && probes.every((p) => p.kind !== 'error') && [...answers.values()].every((p) => p.kind !== 'error');
  for (const t of targets) {
    if (result.found.has(t.ref)) continue;
    (definite ? result.absent : result.unresolved).add(t.ref);
  }
  if (result.unresolved.size > 0) result.note = from === 1 ? 'some ids could not be queried' : 'the ids it could have received are more than the probe window (--probe-window) allows';
  return result;
}

/** The ids one lost create could have received; `provable` when the lower end is known. */
interface Span {
  from: number;
  /** Undefined: up to the last existing id (found by walking up). */
  to?: number;
  provable: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const time = (iso: string | undefined): number | undefined => (iso === undefined ? undefined : Date.parse(iso));

export async function probeUncertain(
  targets: ProbeTarget[],
  client: LinkQuery,
  throttle: Throttle,
  options: ProbeOptions,
): Promise<ProbeResult> {
  const result: ProbeResult = { found: new Map(), absent: new Set(), unresolved: new Set(), queried: 0 };
  if (targets.length === 0) return result;
  // A create whose answer was lost may still be running at the service: wait until the newest
  // loss (or, after a crash, the newest send) is settleMs old before any id counts as "not there".
  const newestLoss = Math.max(...targets.map((t) => time(t.lostAt) ?? time(t.intentAt) ?? 0));
  const wait = newestLoss + options.settleMs - Date.now();
  if (wait > 0) await sleep(wait);

  const wanted = new Set(targets.map((t) => t.ref));
  const answers = new Map<number, Probe>();
  const query: Query = async (id) => {
    const seen = answers.get(id);
    if (seen) return seen;
    result.queried += 1;
    let probe: Probe;
    try {
      const link = await callWithRetry('get', () => client.get(id, { signal: options.signal }), throttle, options.retry, options.signal);
      // A link whose reference cannot be read might be the one we look for: it rules nothing out.
      probe = link.reference ? { kind: 'link', link } : { kind: 'error' };
    } catch (err) {
      if (isApiError(err, 'AUTH_FAILED')) throw err;
      probe = isApiError(err, 'NOT_FOUND') ? { kind: 'missing' } : isApiError(err, 'OTHER_SITE') ? { kind: 'foreign' } : { kind: 'error' };
    }
    answers.set(id, probe);
    if (probe.kind === 'link' && probe.link.reference && wanted.has(probe.link.reference)) {
      const other = result.found.get(probe.link.reference);
      // Two links for one reference would be a double bill made elsewhere; keep the first.
      if (!other || probe.link.id < other.id) result.found.set(probe.link.reference, probe.link);
    }
    return probe;
  };

  if (options.known.length === 0) return probeWithoutAnchor(targets, query, answers, result, options);

  const knownIds = new Set(options.known.map((k) => k.id));
  const highestKnown = Math.max(...knownIds);
  const spans = new Map(targets.map((t) => [t.ref, spanOf(t, options, highestKnown)]));

  // Walk up past the last existing id, if some lost create may lie above every known link.
  let top = highestKnown;
  let reachedEnd = true;
  if ([...spans.values()].some((s) => s.to === undefined)) {
    let misses = 0;
    let failed = false;
    for (let id = highestKnown + 1; misses < options.endRun && result.queried < options.window; id += 1) {
      const probe = await query(id);
      if (probe.kind === 'missing') {
        misses += 1;
        continue;
      }
      failed ||= probe.kind === 'error';
      misses = 0;
      top = id;
    }
    reachedEnd = misses >= options.endRun && !failed;
  }

  // The ids each span covers, narrowest spans first while the window lasts; the rest stay unprovable.
  const covered = new Set<string>();
  const ids = new Set<number>();
  const order = targets.map((t) => t.ref).sort((a, b) => width(spans.get(a), top) - width(spans.get(b), top));
  let budget = Math.max(0, options.window - result.queried);
  for (const ref of order) {
    const span = spans.get(ref) as Span;
    const extra: number[] = [];
    for (let id = span.from; id <= (span.to ?? top); id += 1) if (!knownIds.has(id) && !answers.has(id) && !ids.has(id)) extra.push(id);
    if (extra.length > budget) continue;
    budget -= extra.length;
    for (const id of extra) ids.add(id);
    covered.add(ref);
  }
  // Independent ids: query them all at once and let the throttle pace them.
  await Promise.all([...ids].map(query));

  for (const t of targets) {
    if (result.found.has(t.ref)) continue;
    const span = spans.get(t.ref) as Span;
    let definite = covered.has(t.ref) && span.provable && (span.to !== undefined || reachedEnd);
    for (let id = span.from; definite && id <= (span.to ?? top); id += 1) definite = answers.get(id)?.kind !== 'error';
    (definite ? result.absent : result.unresolved).add(t.ref);
  }
  if (result.unresolved.size > 0) result.note = noteFor(targets, spans, covered, reachedEnd);
  return result;
}

/**
 * A lost create's possible ids: above every link whose answer was recorded
 * before it was sent (those ids were taken already), and below every link
 * sent after its loss had settled (those got later ids).
 */
function spanOf(t: ProbeTarget, options: ProbeOptions, highestKnown: number): Span {
  const sentAt = time(t.intentAt);
  const settledAt = time(t.lostAt);
  let lower: number | undefined;
  let upper: number | undefined;
  for (const k of options.known) {
    if (sentAt !== undefined && Date.parse(k.at) <= sentAt && (lower === undefined || k.id > lower)) lower = k.id;
    const kSent = time(k.sentAt);
    if (settledAt !== undefined && kSent !== undefined && kSent >= settledAt + options.settleMs && (upper === undefined || k.id < upper)) upper = k.id;
  }
  const lowestKnown = Math.min(...options.known.map((k) => k.id));
  const from = lower !== undefined ? lower + 1 : Math.max(1, lowestKnown - options.margin);
  const to = upper !== undefined ? Math.min(upper - 1, highestKnown) : undefined;
  return { from, to, provable: lower !== undefined };
}

function width(span: Span | undefined, top: number): number {
  return span ? (span.to ?? top) - span.from + 1 : Number.POSITIVE_INFINITY;
}

function noteFor(targets: ProbeTarget[], spans: Map<string, Span>, covered: Set<string>, reachedEnd: boolean): string {
  const unprovable = targets.some((t) => !spans.get(t.ref)?.provable);
  if (unprovable) return 'the create was sent before any answer of this output was recorded, so its lowest possible id is unknown';
  if (targets.some((t) => !covered.has(t.ref))) return 'the ids it could have received are more than the probe window (--probe-window) allows';
  if (!reachedEnd) return 'the end of the existing ids could not be reached within the probe window';
  return 'some ids could not be queried';
}
