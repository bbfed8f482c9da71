/**
 * How a sandbox is started. Everything here is fixed for the life of the
 * server, so a test or a rehearsal is reproducible from its options alone.
 */
import type { Credentials } from '../types.js';

export interface FaultOptions {
  /** Fixed latency added to every API answer, ms. */
  latencyMs?: number;
  /** Extra random latency, uniform in [0, jitterMs], ms. */
  jitterMs?: number;
  /** Extra latency on creates only, ms: a slow service that still finishes a create after the client gave up waiting. */
  createLatencyMs?: number;
  /** Share (0..1) of API requests answered 429 with Retry-After. */
  rate429?: number;
  /** Retry-After sent with injected 429s, seconds (default 1). */
  retryAfterSeconds?: number;
  /** Share (0..1) of API requests answered with a 5xx from `serverErrorStatuses`. */
  rate5xx?: number;
  /** Which 5xx statuses to inject (default [500, 502, 503, 504]). On create, 500 and 504 create the link in half the cases (seeded): the answer is lost either way. */
  serverErrorStatuses?: number[];
  /** Share (0..1) of requests whose connection is destroyed before anything is done. */
  dropBefore?: number;
  /** Share (0..1) of creates (and disables) whose connection is destroyed after the link is created (or disabled). */
  dropAfter?: number;
  /** Share (0..1) of creates with recipients that answer a "partial success" (link created, a notification channel failed). */
  partialSuccess?: number;
  /** A real limit: more than this many API requests in one second are answered 429. */
  maxRequestsPerSecond?: number;
  /**
   * A limit that changes over time: from `afterMs` after the first API request,
   * at most `max` per second (the last step whose time has come applies; before
   * the first step, `maxRequestsPerSecond` or none). For rehearsing a service
   * whose limit drops and recovers during a run.
   */
  capSchedule?: CapStep[];
  /** Seed of the fault generator: the same seed and request order give the same faults. */
  seed?: number;
}

export interface CapStep {
  afterMs: number;
  max: number;
}

export interface SandboxOptions {
  /** Default: 127.0.0.1. */
  host?: string;
  /** Default: 0 (any free port). */
  port?: number;
  /** The site's credentials; default: a fixed, documented sandbox login and secret. */
  credentials?: Credentials;
  /** Answers 401 with code 104 to every request (a site that is not active). */
  siteInactive?: boolean;
  /** Create answers spelled `id`/`url` (default, as the schema) or `requestId`/`processUrl` (as the published example). */
  createSpelling?: 'id' | 'requestId';
  /** Query answers in camelCase (default, as the example) or snake_case (as the schema's `required`). */
  queryCase?: 'camel' | 'snake';
  /** IANA zone in which `expirationDate` strings are read (default America/Bogota). */
  timeZone?: string;
  /** First link id (default 1). */
  firstId?: number;
  /** The site's id and name, as query answers show them. */
  site?: { id: number; name: string };
  /** Links created beforehand by "another site": querying or disabling them answers 401. */
  foreignLinkIds?: number[];
  faults?: FaultOptions;
  /** Where the sandbox logs one line per request (default: nowhere). */
  log?: (line: string) => void;
}

/** Counters read through `GET /__sandbox/counters` or `handle.counters()`. */
export interface SandboxCounters {
  requests: { create: number; get: number; disable: number; control: number; total: number };
  /** Links created per reference: a value above 1 means a bill was sent twice. */
  createsByReference: Record<string, number>;
  linksCreated: number;
  linksDisabled: number;
  faults: { latency: number; rate429: number; serverError: number; dropBefore: number; dropAfter: number; partialSuccess: number; rateLimited: number };
  auth: { failed: number; byCode: Record<string, number> };
}

export interface SandboxHandle {
  /** e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  credentials: Credentials;
  counters(): SandboxCounters;
  close(): Promise<void>;
}
