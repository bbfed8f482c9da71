/**
 * Who gets what, decided before anything is sent: a pure function of the
 * manifest, the collectors file, each file's bytes and the journal, so every
 * case (a collector missing, a bad address, an empty file, an address already
 * served, an UNCERTAIN one) is a row of a table-driven test.
 */
import type { Lang } from '../output/labels.js';
import { words } from '../output/labels.js';
import { nearMiss, type CollectorsFile } from './collectors.js';
import { ledgerKey, type LedgerState } from './ledger.js';
import type { ManifestFile } from './manifest.js';
import { say } from '../../i18n/message.js';
import { mail } from '../../i18n/messages/mail.js';

export type CollectorProblem = 'NO_COLLECTOR' | 'NO_ADDRESS' | 'EMPTY_FILE' | 'FILE_MISSING' | 'FILE_UNREADABLE';

/** What reading a collector's file found: its fingerprint and rows, or why it cannot be sent. */
export type FileCheck =
  | { ok: true; sha256: string; rows: number }
  | { ok: false; problem: 'EMPTY_FILE' | 'FILE_MISSING' | 'FILE_UNREADABLE'; detail?: string };

export interface Job {
  entry: ManifestFile;
  /** The file's fingerprint (fingerprint.ts): the journal's key with the collector and address. */
  sha256: string;
  /** Addresses to send to now. */
  send: string[];
  /** Addresses served earlier with this very file. */
  already: Array<{ address: string; at: string }>;
  /** Addresses whose earlier attempt may have delivered (not sent again without --resend-uncertain). */
  uncertain: Array<{ address: string; at: string; reason: string }>;
}

export interface Skipped {
  entry: ManifestFile;
  problem: CollectorProblem;
  message: string;
}

export interface MailPlan {
  jobs: Job[];
  skipped: Skipped[];
  /** Collectors of the collectors file with no file in the manifest (not an error: they have no rows this time). */
  unused: string[];
}

export interface PlanInput {
  files: ReadonlyArray<{ entry: ManifestFile; check: FileCheck }>;
  collectors: CollectorsFile;
  ledger: ReadonlyMap<string, LedgerState>;
  column: string;
  resendUncertain: boolean;
  lang: Lang;
}

/** The plan's sentences, from the catalogue (i18n/messages/mail.ts), in the run's language. */
export const planMessages = {
  blank: (column: string, rows: number, blank: string) => say(mail.planBlank, { column, rows, blank }),
  missing: (value: string, path: string, near: string | undefined) => say(mail.planMissing, { value, path, near }),
  noAddress: (value: string, path: string) => say(mail.planNoAddress, { value, path }),
  empty: (file: string) => say(mail.planEmpty, { file }),
  fileMissing: (file: string) => say(mail.planFileMissing, { file }),
  unreadable: (file: string, detail: string) => say(mail.planUnreadable, { file, detail }),
};

export function planMail(input: PlanInput): MailPlan {
  const jobs: Job[] = [];
  const skipped: Skipped[] = [];
  for (const { entry, check } of input.files) {
    const skip = (problem: CollectorProblem, message: string): void => void skipped.push({ entry, problem, message });
    if (!check.ok) {
      const message =
        check.problem === 'FILE_MISSING' ? planMessages.fileMissing(entry.file)
        : check.problem === 'EMPTY_FILE' ? planMessages.empty(entry.file)
        : planMessages.unreadable(entry.file, check.detail ?? '');
      skip(check.problem, message);
      continue;
    }
    if (check.rows === 0) {
      skip('EMPTY_FILE', planMessages.empty(entry.file));
      continue;
    }
    if (entry.value === '') {
      skip('NO_COLLECTOR', planMessages.blank(input.column, entry.rows, words(input.lang).blank));
      continue;
    }
    const collector = input.collectors.collectors.get(entry.value);
    if (collector === undefined) {
      skip('NO_COLLECTOR', planMessages.missing(entry.value, input.collectors.path, nearMiss(input.collectors, entry.value)));
      continue;
    }
    if (collector.addresses.length === 0) {
      skip('NO_ADDRESS', planMessages.noAddress(entry.value, input.collectors.path));
      continue;
    }
    const job: Job = { entry, sha256: check.sha256, send: [], already: [], uncertain: [] };
    for (const address of collector.addresses) {
      const known = input.ledger.get(ledgerKey(entry.value, check.sha256, address));
      if (known?.state === 'SENT') job.already.push({ address, at: known.at });
      else if (known?.state === 'UNCERTAIN' && !input.resendUncertain) job.uncertain.push({ address, at: known.at, reason: known.reason });
      else job.send.push(address);
    }
    jobs.push(job);
  }
  const inManifest = new Set(input.files.map((f) => f.entry.value));
  const unused = [...input.collectors.collectors.keys()].filter((v) => v !== '' && !inManifest.has(v));
  return { jobs, skipped, unused };
}
