/**
 * Everything a sandbox request handler needs, built once by startSandbox.
 */
import type { Credentials } from '../types.js';
import type { Answers } from './answers.js';
import type { AuthChecker } from './check-auth.js';
import type { FaultPlan, PerSecondLimiter, ResolvedFaults } from './faults.js';
import type { SandboxCounters } from './options.js';
import type { LinkStore, StoredPayer } from './store.js';

/**
 * A payment armed by `POST /__sandbox/links/<id>/pay {"when": …}`: it lands
 * right after the sandbox has worked out its answer to the next query (the
 * answer still shows the link unpaid) or the next disable (a checkout that
 * was already open completes after the link was disabled). The races a real
 * payer causes, on demand.
 */
export interface ArmedPayment {
  after: 'get' | 'disable';
  total: string;
  paymentDate?: Date;
  payer: StoredPayer;
}

export interface SandboxContext {
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  credentials: Credentials;
  timeZone: string;
  site: { id: number; name: string };
  createSpelling: 'id' | 'requestId';
  queryCase: 'camel' | 'snake';
  store: LinkStore;
  auth: AuthChecker;
  faultConfig: ResolvedFaults;
  faults: FaultPlan;
  limiter: PerSecondLimiter;
  counters: SandboxCounters;
  /** Payments waiting for the next query or disable of their link (by link id). */
  armed: Map<number, ArmedPayment>;
  answers: Answers;
  now(): Date;
  /** Resolves after `ms`, or at once when the sandbox closes (then `closed` is true). */
  sleep(ms: number): Promise<void>;
  readonly closed: boolean;
  /** Aborted when the sandbox closes: outgoing notifications stop with it. */
  closing: AbortSignal;
  log(line: string): void;
}

export function newCounters(): SandboxCounters {
  return {
    requests: { create: 0, get: 0, disable: 0, control: 0, total: 0 },
    createsByReference: {},
    linksCreated: 0,
    linksDisabled: 0,
    faults: { latency: 0, rate429: 0, serverError: 0, dropBefore: 0, dropAfter: 0, partialSuccess: 0, rateLimited: 0 },
    auth: { failed: 0, byCode: {} },
  };
}
