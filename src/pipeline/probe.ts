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
import { isApiError } from '../api/errors.js';
import type { LinkInfo } from '../api/types.js';
import type { LinkQuery } from './link-api.js';
import { callWithRetry, type RetryOptions } from './retry.js';
import type { Throttle } from './throttle.js';

export interface ProbeTarget {
  ref: string;
  /** When the create was about to be sent (ISO). */
  intentAt?: string;
}

export interface KnownLink {
  id: number;
  /** When its answer was recorded (ISO). */
  at: string;
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
  /** Wait this long after the newest intent before probing, so a slow create has landed. */
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
  range?: { from: number; to: number };
  /** Why nothing could be proved, when that is the case. */
  note?: string;
}

type Probe = { kind: 'link'; link: LinkInfo } | { kind: 'foreign' } | { kind: 'missing' } | { kind: 'error' };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function probeUncertain(
  targets: ProbeTarget[],
  client: LinkQuery,
  throttle: Throttle,
  options: ProbeOptions,
): Promise<ProbeResult> {
  const result: ProbeResult = { found: new Map(), absent: new Set(), unresolved: new Set(), queried: 0 };
  if (targets.length === 0) return result;
  const wanted = new Set(targets.map((t) => t.ref));
  if (options.known.length === 0) {
    for (const t of targets) result.unresolved.add(t.ref);
    result.note = 'no link of this output has a known id yet, so there is no place to start looking';
    return result;
  }

  const newestIntent = Math.max(...targets.map((t) => (t.intentAt ? Date.parse(t.intentAt) : 0)));
  const wait = newestIntent + options.settleMs - Date.now();
  if (wait > 0) await sleep(wait);

  const query = async (id: number): Promise<Probe> => {
    result.queried += 1;
    try {
      const link = await callWithRetry('get', () => client.get(id, { signal: options.signal }), throttle, options.retry, options.signal);
      return { kind: 'link', link };
    } catch (err) {
      if (isApiError(err, 'NOT_FOUND')) return { kind: 'missing' };
      if (isApiError(err, 'OTHER_SITE')) return { kind: 'foreign' };
      if (isApiError(err, 'AUTH_FAILED')) throw err;
      return { kind: 'error' };
    }
  };
  const adopt = (probe: Probe): void => {
    if (probe.kind !== 'link' || !probe.link.reference || !wanted.has(probe.link.reference)) return;
    const seen = result.found.get(probe.link.reference);
    // Two links for one reference would be a double bill made elsewhere; keep the first and let the report say so.
    if (!seen || probe.link.id < seen.id) result.found.set(probe.link.reference, probe.link);
  };

  const knownIds = new Set(options.known.map((k) => k.id));
  const highestKnown = Math.max(...knownIds);
  const lowestKnown = Math.min(...knownIds);

  // Walk up past the last existing id: everything a lost create could have made is at or below it.
  let top = highestKnown;
  let misses = 0;
  let uncertainTop = false;
  for (let id = highestKnown + 1; misses < options.endRun && result.queried < options.window; id += 1) {
    const probe = await query(id);
    if (probe.kind === 'missing') {
      misses += 1;
      continue;
    }
    if (probe.kind === 'error') uncertainTop = true;
    misses = 0;
    top = id;
    adopt(probe);
  }
  const reachedEnd = misses >= options.endRun && !uncertainTop;

  // Each target's lowest possible id: above every link whose answer we had before it was sent.
  const lowerBound = (t: ProbeTarget): number | undefined => {
    if (!t.intentAt) return undefined;
    const sentAt = Date.parse(t.intentAt);
    let bound: number | undefined;
    for (const k of options.known) if (Date.parse(k.at) <= sentAt && (bound === undefined || k.id > bound)) bound = k.id;
    return bound === undefined ? undefined : bound + 1;
  };
  const bounds = new Map(targets.map((t) => [t.ref, lowerBound(t)]));
  const budget = Math.max(0, options.window - result.queried);
  let from = Math.max(1, lowestKnown - options.margin);
  for (const b of bounds.values()) if (b !== undefined) from = Math.min(from, b);
  from = Math.max(from, highestKnown - budget + 1, 1);

  // These ids are independent: query them all at once and let the throttle pace them.
  const below: number[] = [];
  for (let id = from; id <= highestKnown; id += 1) if (!knownIds.has(id)) below.push(id);
  const probes = await Promise.all(below.map(query));
  const failedBelow = probes.some((p) => p.kind === 'error');
  probes.forEach(adopt);
  result.range = { from, to: top };

  for (const t of targets) {
    if (result.found.has(t.ref)) continue;
    const bound = bounds.get(t.ref);
    const provable = reachedEnd && !failedBelow && bound !== undefined && bound >= from;
    (provable ? result.absent : result.unresolved).add(t.ref);
  }
  if (result.unresolved.size > 0 && !result.note) {
    result.note = !reachedEnd
      ? 'the end of the existing ids could not be reached within the probe window'
      : failedBelow
        ? 'some ids could not be queried'
        : 'the create was sent before any answer of this output was recorded, so its lowest possible id is unknown';
  }
  return result;
}
