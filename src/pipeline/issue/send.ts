/**
 * Sending creates: one row at a time through the shared throttle, with the
 * journal written before and after each create so that a crash at any point
 * can be resumed without a second link for any row.
 */
import { ApiError, describeAuthFailure, isApiError } from '../../api/errors.js';
import type { Journal } from '../../io/journal.js';
import type { EventSink } from '../events.js';
import type { JournalEntry, Ledger, ResultEntry } from '../uncertain/ledger.js';
import type { LinkApi } from '../service/link-api.js';
import type { ProbeTarget } from '../uncertain/probe.js';
import { callWithRetry, type RetryOptions } from '../service/retry.js';
import type { Throttle } from '../service/throttle.js';
import type { PreparedRow, RowState } from '../types.js';
import { say } from '../../i18n/message.js';
import { run as runText } from '../../i18n/messages/run.js';

/** AUTH_FAILED: the credentials were refused; CONFIG_FAILED: the address answers 404 to a create (not Placetopay's API). */
export type StopReason = 'AUTH_FAILED' | 'CONFIG_FAILED' | 'SERVICE_UNAVAILABLE' | 'INTERRUPTED';

export interface RunStop {
  reason: StopReason;
  message: string;
  /** AUTH_FAILED: the service's cause (101–104), when it gave one; the closing report advises by it. */
  authCode?: number;
}

/** Stops that no row can get past until a person fixes the credentials or the address: the same command would stop the same way. */
export function isSetupStop(stop: RunStop | undefined): boolean {
  return stop?.reason === 'AUTH_FAILED' || stop?.reason === 'CONFIG_FAILED';
}

export interface SenderOptions {
  api: LinkApi;
  throttle: Throttle;
  retry: RetryOptions;
  journal: Journal<JournalEntry>;
  ledger: Ledger;
  emit: EventSink;
  /** Creates waiting or in flight at once; bounds memory while the reader runs ahead. */
  window: number;
  /** Consecutive rows that fail for the service's sake (not sent, 429, 502/503 after retries) before the run stops. */
  serviceFailureLimit: number;
  signal?: AbortSignal;
}

const now = (): string => new Date().toISOString();

/** How a failed create ends for its row. */
export function classifyCreateError(err: unknown): { state: RowState; serviceFailure: boolean } {
  if (!(err instanceof ApiError)) return { state: 'UNCERTAIN', serviceFailure: false };
  switch (err.code) {
    case 'VALIDATION':
      return { state: 'INVALID', serviceFailure: false };
    case 'NOT_SENT':
    case 'RATE_LIMITED':
      return { state: 'FAILED', serviceFailure: true };
    case 'SERVER_ERROR':
      // 502/503: a gateway answered for an unreachable service, no link exists. 500/504: the answer was lost.
      return err.httpStatus === 502 || err.httpStatus === 503
        ? { state: 'FAILED', serviceFailure: true }
        : { state: 'UNCERTAIN', serviceFailure: false };
    case 'OUTCOME_UNKNOWN':
    case 'BAD_RESPONSE':
    case 'ABORTED':
      return { state: 'UNCERTAIN', serviceFailure: false };
    default:
      return { state: 'FAILED', serviceFailure: false };
  }
}

export function describeCreateError(err: unknown): string {
  if (!(err instanceof ApiError)) return say(runText.unexpected, { detail: err instanceof Error ? err.message : String(err) });
  if (err.code === 'VALIDATION' && err.fieldErrors) {
    const fields = Object.entries(err.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
    return say(runText.rejectedFields, { fields: fields.join('; ') });
  }
  return err.message;
}

export class Sender {
  stop?: RunStop;
  /** Rows of this run whose create answers were lost, for the resolve pass. */
  readonly uncertain: Array<ProbeTarget & { row: PreparedRow }> = [];
  private readonly inFlight = new Set<Promise<void>>();
  private serviceFailures = 0;
  private fatal: unknown;
  private slotFreed?: () => void;

  constructor(private readonly options: SenderOptions) {}

  stopped(): RunStop | undefined {
    return this.stop;
  }

  /** Stops sending new rows; rows already in flight finish. */
  halt(reason: StopReason, message: string, authCode?: number): void {
    this.stop ??= authCode === undefined ? { reason, message } : { reason, message, authCode };
  }

  /** Starts the create for `row` as soon as the window has room; resolves once it has started. */
  async dispatch(row: PreparedRow): Promise<void> {
    // Until one link id is known, creates go one at a time: a lost answer is only
    // provably "never created" when an answer recorded before it bounds its id.
    while (this.inFlight.size >= (this.options.ledger.hasKnownLink() ? this.options.window : 1)) {
      await new Promise<void>((resolve) => (this.slotFreed = resolve));
    }
    if (this.stop) return;
    const task = this.sendOne(row)
      .catch((err: unknown) => {
        // The journal could not be written (disk full, folder removed): nothing more may be sent,
        // because a create that cannot be journaled cannot be resumed safely.
        this.fatal ??= err;
        this.halt('SERVICE_UNAVAILABLE', say(runText.journalFailed, { detail: err instanceof Error ? err.message : String(err) }));
      })
      .finally(() => {
        this.inFlight.delete(task);
        this.slotFreed?.();
      });
    this.inFlight.add(task);
  }

  /** Waits for every create in flight; rethrows a journal failure, which ends the run. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    if (this.fatal !== undefined) throw this.fatal;
  }

  /** Sends one row (also used to re-send rows the probe proved absent). */
  async sendOne(row: PreparedRow): Promise<void> {
    const { journal, ledger, api, emit } = this.options;
    const request = row.request;
    if (!request || this.stop) return;
    const intentAt = now();
    const intent: JournalEntry = {
      t: 'intent',
      ref: row.reference,
      row: row.rowNumber,
      fp: row.fingerprint,
      amount: request.payment.amount.total,
      currency: request.payment.amount.currency,
      expiresAt: request.expirationDate,
      name: request.name,
      description: request.description,
      at: intentAt,
    };
    await journal.append(intent);
    ledger.apply(intent);

    let result: ResultEntry;
    try {
      const created = await callWithRetry(
        'create',
        () => api.create(request, { signal: this.options.signal }),
        this.options.throttle,
        this.options.retry,
        this.options.signal,
        () => this.stop === undefined,
      );
      this.serviceFailures = 0;
      result = this.result(row, 'ISSUED', { id: created.id, url: created.url, error: created.warning ? say(runText.createdBut, { warning: created.warning }) : undefined });
    } catch (err) {
      const { state, serviceFailure } = classifyCreateError(err);
      this.serviceFailures = serviceFailure ? this.serviceFailures + 1 : 0;
      // Read through a method: TypeScript keeps `this.stop` narrowed to undefined across the awaits above.
      const stop = this.stopped();
      const error = stop && isApiError(err, 'NOT_SENT') ? say(runText.notSentBecause, { why: stop.message }) : describeCreateError(err);
      result = this.result(row, state, { error, errorCode: isApiError(err) ? err.code : undefined });
      if (isApiError(err, 'AUTH_FAILED')) this.halt('AUTH_FAILED', describeAuthFailure(err), err.authCode);
      // A create answered 404 has no link id to be missing: the address is not the service's API, for every row alike.
      else if (isApiError(err, 'NOT_FOUND')) this.halt('CONFIG_FAILED', describeCreateError(err));
      else if (this.serviceFailures >= this.options.serviceFailureLimit) {
        this.halt('SERVICE_UNAVAILABLE', say(runText.serviceFailed, { count: this.serviceFailures, last: describeCreateError(err) }));
      }
      if (state === 'UNCERTAIN') this.uncertain.push({ ref: row.reference, intentAt, lostAt: new Date().toISOString(), row });
    }
    await journal.append(result);
    ledger.apply(result);
    emit({ type: 'row', rowNumber: row.rowNumber, reference: row.reference, state: result.state, error: result.error });
  }

  private result(row: PreparedRow, state: RowState, extra: Partial<ResultEntry>): ResultEntry {
    return {
      t: 'result',
      ref: row.reference,
      row: row.rowNumber,
      fp: row.fingerprint,
      state,
      expiresAt: row.expiresAt,
      amount: row.amount,
      currency: row.currency,
      ...extra,
      at: now(),
    };
  }
}
