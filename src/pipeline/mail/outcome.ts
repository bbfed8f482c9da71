/**
 * What `mail` reports: per collector, per address, and why the run stopped.
 *
 * | state         | meaning                                                              |
 * |---------------|----------------------------------------------------------------------|
 * | SENT          | the server accepted the message for this address in this run         |
 * | ALREADY_SENT  | an earlier run delivered this very file to this address              |
 * | WOULD_SEND    | dry run: the .eml file shows what would be sent                      |
 * | UNCERTAIN     | an attempt may have delivered it (answer lost); not sent again       |
 * | FAILED        | the server refused it (5xx, or 4xx until retries ran out)            |
 * | NOT_SENT      | the run stopped (authentication, server down, Ctrl-C) before it      |
 */
import type { AddressProblem } from './collectors.js';
import type { CollectorProblem } from './plan.js';

export type AddressState = 'SENT' | 'ALREADY_SENT' | 'WOULD_SEND' | 'UNCERTAIN' | 'FAILED' | 'NOT_SENT';

export interface AddressOutcome {
  address: string;
  state: AddressState;
  /** The server's answer or why nothing was sent; secret-free. */
  detail?: string;
}

export interface CollectorOutcome {
  value: string;
  file: string;
  sha256?: string;
  addresses: AddressOutcome[];
  problem?: CollectorProblem;
  message?: string;
  /** Dry run: the .eml written. */
  eml?: string;
}

export type StopReason = 'AUTH' | 'SERVER_DOWN' | 'JOURNAL_FAILED' | 'INTERRUPTED';

export interface MailSummary {
  manifest: string;
  journal: string;
  /** The SMTP server as `smtp://user@host:port` (never the password). */
  smtp?: string;
  dryRun: boolean;
  emlFolder?: string;
  collectors: CollectorOutcome[];
  addressProblems: AddressProblem[];
  unused: string[];
  stop?: { reason: StopReason; message: string };
}

const FINE = new Set<AddressState>(['SENT', 'ALREADY_SENT', 'WOULD_SEND']);

/** Whether anything needs a person: a collector skipped, an address not served, a bad address of a collector who has a file. */
export function needsAttention(summary: MailSummary): boolean {
  if (summary.collectors.some((c) => c.problem !== undefined || c.addresses.some((a) => !FINE.has(a.state)))) return true;
  const withFile = new Set(summary.collectors.map((c) => c.value));
  return summary.addressProblems.some((p) => withFile.has(p.value));
}

export function countStates(summary: MailSummary): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of summary.collectors) {
    if (c.problem !== undefined) counts[c.problem] = (counts[c.problem] ?? 0) + 1;
    for (const a of c.addresses) counts[a.state] = (counts[a.state] ?? 0) + 1;
  }
  return counts;
}
