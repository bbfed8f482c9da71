/**
 * The issue run's write-ahead journal, read as a ledger of what happened to
 * each reference. The journal is the truth a resumed run trusts: an `intent`
 * is made durable before a create is sent, a `result` after its answer, so a
 * crash at any point leaves either nothing (never sent), an intent alone (the
 * answer was lost: probe before anything else), or a result.
 */
import type { RowState } from '../types.js';

export interface IntentEntry {
  t: 'intent';
  ref: string;
  row: number;
  fp: string;
  amount: string;
  currency: string;
  expiresAt: string;
  /**
   * The link's name and description as sent. Journals written before these
   * were recorded lack them; the probe then compares what they do hold.
   */
  name?: string;
  description?: string;
  at: string;
}

export interface ResultEntry {
  t: 'result';
  ref: string;
  row: number;
  fp: string;
  state: RowState;
  id?: number;
  url?: string;
  expiresAt?: string;
  amount?: string;
  currency?: string;
  error?: string;
  errorCode?: string;
  /** How the state was reached when it was not a plain answer, e.g. `probe` for an adopted link. */
  via?: string;
  /**
   * UNCERTAIN only: links the probe found with this reference that differ
   * from what was sent (another run's, another output's). Reported, never
   * adopted: they are not this row's link, so they are not `id`.
   */
  otherLinks?: number[];
  at: string;
}

/** The probe proved no link exists for the reference: it may be sent again. */
export interface AbsentEntry {
  t: 'absent';
  ref: string;
  at: string;
}

/** Written when a run starts; records nothing secret (no login, no key). */
export interface RunEntry {
  t: 'run';
  v: 1;
  input: string;
  baseUrl: string;
  at: string;
}

export type JournalEntry = IntentEntry | ResultEntry | AbsentEntry | RunEntry;

export interface LedgerRecord {
  ref: string;
  row: number;
  fp: string;
  amount?: string;
  currency?: string;
  expiresAt?: string;
  name?: string;
  description?: string;
  /** A create was sent (or about to be) and no result was recorded: a link may exist. */
  inFlight: boolean;
  intentAt?: string;
  result?: ResultEntry;
}

/** What a run must do with a row, given what the ledger knows of its reference. */
export type Decision =
  | { kind: 'send' }
  | { kind: 'done'; result: ResultEntry }
  | { kind: 'probe'; record: LedgerRecord }
  | { kind: 'conflict'; record: LedgerRecord };

export class Ledger {
  private readonly records = new Map<string, LedgerRecord>();
  private anchored = false;

  constructor(entries: readonly JournalEntry[] = []) {
    for (const entry of entries) this.apply(entry);
  }

  apply(entry: JournalEntry): void {
    if (entry.t === 'run') return;
    if (entry.t === 'absent') {
      const record = this.records.get(entry.ref);
      if (record) {
        record.inFlight = false;
        record.result = undefined;
      }
      return;
    }
    const record: LedgerRecord = this.records.get(entry.ref) ?? { ref: entry.ref, row: entry.row, fp: entry.fp, inFlight: false };
    record.row = entry.row;
    record.fp = entry.fp;
    if (entry.t === 'intent') {
      record.inFlight = true;
      record.intentAt = entry.at;
      record.amount = entry.amount;
      record.currency = entry.currency;
      record.expiresAt = entry.expiresAt;
      record.name = entry.name;
      record.description = entry.description;
      record.result = undefined;
    } else {
      record.inFlight = false;
      record.result = entry;
      if (entry.id !== undefined) this.anchored = true;
      record.amount = entry.amount ?? record.amount;
      record.currency = entry.currency ?? record.currency;
    }
    this.records.set(entry.ref, record);
  }

  get(ref: string): LedgerRecord | undefined {
    return this.records.get(ref);
  }

  /** Every reference the journal knows, in the order first seen. */
  all(): IterableIterator<LedgerRecord> {
    return this.records.values();
  }

  get size(): number {
    return this.records.size;
  }

  /** True once some link of this output has a known id: lost creates sent after that can be proved absent. */
  hasKnownLink(): boolean {
    return this.anchored;
  }

  /** Links this output already holds, with when their creates were sent and answered: the probe's anchors. */
  knownLinks(): Array<{ id: number; at: string; sentAt?: string }> {
    const links: Array<{ id: number; at: string; sentAt?: string }> = [];
    for (const record of this.records.values()) {
      if (record.result?.id !== undefined) links.push({ id: record.result.id, at: record.result.at, sentAt: record.intentAt });
    }
    return links;
  }

  /**
   * ISSUED and possibly-created rows pin their content: if the sheet now says
   * something else for the same reference, the run must stop rather than mix
   * two versions of a bill. Rows with no link (FAILED, 422) are simply sent again.
   */
  decide(ref: string, fingerprint: string): Decision {
    const record = this.records.get(ref);
    if (!record) return { kind: 'send' };
    const pinned = record.inFlight || record.result?.state === 'ISSUED' || record.result?.state === 'UNCERTAIN';
    if (pinned && record.fp !== fingerprint) return { kind: 'conflict', record };
    if (record.inFlight || record.result?.state === 'UNCERTAIN') return { kind: 'probe', record };
    if (record.result?.state === 'ISSUED') return { kind: 'done', result: record.result };
    if (record.result?.state === 'INVALID' && record.fp === fingerprint) return { kind: 'done', result: record.result };
    return { kind: 'send' };
  }
}
