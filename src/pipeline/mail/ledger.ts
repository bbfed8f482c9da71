/**
 * The mail journal: what makes `mail` exactly-once. It lives beside the split
 * folder (`links-by-Cobrador.mail-journal`), not inside it, because a new
 * split swaps the whole folder. Every attempt writes an `intent` (durable,
 * fsync'ed) before the message leaves and a `result` after the server
 * answers, keyed by collector, address and the file's SHA-256:
 *
 * - an address with an accepted result for this file is SENT, for good;
 * - an intent with no result (the process was killed between the two), or a
 *   result whose outcome is unknown (the connection dropped mid-message), is
 *   UNCERTAIN: the server may have the message, so it is never re-sent
 *   unless the person asks (`--resend-uncertain`);
 * - an attempt the server refused (or that never connected) sent nothing, so
 *   the next run tries again.
 *
 * A changed file has another fingerprint, hence other keys: it is sent again.
 * Entries hold addresses and server answers, never credentials.
 */
import type { FailureKind } from './classify.js';
import { say } from '../../i18n/message.js';
import { mail } from '../../i18n/messages/mail.js';

export interface IntentEntry {
  type: 'intent';
  id: string;
  collector: string;
  file: string;
  sha256: string;
  addresses: string[];
  at: string;
}

export interface ResultEntry {
  type: 'result';
  id: string;
  accepted: string[];
  failed: Array<{ address: string; kind: FailureKind; message: string }>;
  messageId?: string;
  at: string;
}

export type MailJournalEntry = IntentEntry | ResultEntry;

export type LedgerState =
  | { state: 'SENT'; at: string }
  | { state: 'UNCERTAIN'; at: string; reason: string }
  | { state: 'REFUSED'; at: string; kind: FailureKind; message: string };

export function ledgerKey(collector: string, sha256: string, address: string): string {
  return `${collector}\u0000${sha256}\u0000${address.toLowerCase()}`;
}

/** Why an intent with no result is UNCERTAIN, in the run's language (i18n/messages/mail.ts). */
export function noAnswer(): string {
  return say(mail.noAnswer);
}

/** The state of every (collector, file, address) the journal knows, replayed in order. */
export function replayLedger(entries: readonly MailJournalEntry[]): Map<string, LedgerState> {
  const intents = new Map<string, IntentEntry>();
  const answered = new Set<string>();
  const states = new Map<string, LedgerState>();
  const set = (key: string, state: LedgerState): void => {
    // Once a server accepted the file for an address, nothing later undoes that.
    if (states.get(key)?.state !== 'SENT') states.set(key, state);
  };
  for (const entry of entries) {
    if (entry.type === 'intent') {
      intents.set(entry.id, entry);
      continue;
    }
    if (entry.type !== 'result') continue;
    const intent = intents.get(entry.id);
    if (intent === undefined) continue;
    answered.add(entry.id);
    for (const address of entry.accepted) set(ledgerKey(intent.collector, intent.sha256, address), { state: 'SENT', at: entry.at });
    for (const f of entry.failed) {
      const key = ledgerKey(intent.collector, intent.sha256, f.address);
      if (f.kind === 'OUTCOME_UNKNOWN') set(key, { state: 'UNCERTAIN', at: entry.at, reason: f.message });
      else set(key, { state: 'REFUSED', at: entry.at, kind: f.kind, message: f.message });
    }
  }
  // Intents never answered, in journal order, after the answered ones of the same key: the latest attempt decides.
  for (const entry of entries) {
    if (entry.type !== 'intent' || answered.has(entry.id)) continue;
    for (const address of entry.addresses) {
      const key = ledgerKey(entry.collector, entry.sha256, address);
      const known = states.get(key);
      if (known === undefined || (known.state === 'REFUSED' && known.at <= entry.at)) set(key, { state: 'UNCERTAIN', at: entry.at, reason: noAnswer() });
    }
  }
  return states;
}
