/**
 * `paylinks mail`: reads the manifest, the collectors file and each file,
 * decides who gets what (plan.ts), then either writes .eml files (dry run)
 * or sends through an SMTP pool under the journal's lock, exactly once per
 * collector, address and file.
 */
import { readFile } from 'node:fs/promises';
import type { SendMailOptions } from 'nodemailer';
import { acquireLock } from '../../io/lock.js';
import { openJournal, readJournal, type Journal } from '../../io/journal.js';
import type { EventSink } from '../events.js';
import { words, type Lang } from '../output/labels.js';
import { TemplateError } from '../rows/text-template.js';
import { RunError } from '../run-error.js';
import { Throttle } from '../service/throttle.js';
import { readCollectors, type AddressProblem } from './collectors.js';
import { EmlFolder } from './dry-run.js';
import { replayLedger, type MailJournalEntry } from './ledger.js';
import { fingerprintFile } from './fingerprint.js';
import { readManifest, type Manifest, type ManifestFile } from './manifest.js';
import { buildMessage } from './message.js';
import type { AddressOutcome, CollectorOutcome, MailSummary, StopReason } from './outcome.js';
import { planMail, type FileCheck, type Job, type MailPlan } from './plan.js';
import { deliver, type MailRetry, type SendContext } from './send.js';
import { redact, type SmtpSettings } from './smtp-url.js';
import { checkTemplates, renderMessage, type MailTemplates } from './templates.js';
import { handshake, openPool, type SmtpPool } from './transport.js';
import { say } from '../../i18n/message.js';
import { phases } from '../../i18n/messages/phases.js';
import { mail } from '../../i18n/messages/mail.js';

export interface MailConfig {
  /** The split folder or its manifest. */
  source: string;
  collectorsPath: string;
  /** Required unless dryRun. */
  smtp?: SmtpSettings;
  from: string;
  lang: Lang;
  month: string;
  templates: MailTemplates;
  dryRun: boolean;
  /** Dry run: where the .eml files go (default `<folder>-eml`). */
  emlFolder?: string;
  resendUncertain: boolean;
  /** Messages per second. */
  rate: number;
  /** SMTP connections at once. */
  connections: number;
  retry: MailRetry;
  timeoutSeconds: number;
}

export interface MailControls {
  /** Ctrl-C: send nothing new; messages in flight finish and reach the journal. */
  stop: AbortSignal;
}

/** The run's sentences, from the catalogue (i18n/messages/phases.ts), rendered when used. */
export const runMessages = {
  get noSmtp(): string {
    return say(phases.mailNoSmtp);
  },
  auth: (detail: string) => say(phases.mailAuth, { detail }),
  down: (server: string, detail: string) => say(phases.mailDown, { server, detail }),
  get interrupted(): string {
    return say(phases.mailInterrupted);
  },
  journal: (detail: string) => say(phases.mailJournal, { detail }),
  sending: (count: number, server: string) => say(phases.mailSending, { count, server }),
  addressProblem: (file: string, p: AddressProblem) => say(phases.mailAddress, { file, row: p.row, column: p.column, text: p.text, reason: p.reason }),
};

/** `enero/links-by-Cobrador` → `enero/links-by-Cobrador.mail-journal`: beside the folder, which a new split replaces whole. */
export function journalPathFor(folder: string): string {
  return `${folder}.mail-journal`;
}

/** What both modes share: the manifest, the collectors, each file read once, and how to build a job's message. */
interface Prepared {
  manifest: Manifest;
  summary: MailSummary;
  plan: (entries: MailJournalEntry[]) => MailPlan;
  messageFor: (job: Job) => (to: string[]) => SendMailOptions;
}

export async function runMail(config: MailConfig, emit: EventSink, controls: MailControls): Promise<MailSummary> {
  const prepared = await prepare(config, emit);
  const summary = config.dryRun ? await dryRun(config, prepared) : await send(config, prepared, emit, controls);
  return finish(summary, prepared.manifest, emit);
}

async function prepare(config: MailConfig, emit: EventSink): Promise<Prepared> {
  const manifest = await readManifest(config.source);
  try {
    checkTemplates(config.templates, manifest.files.flatMap((f) => Object.keys(f.states)));
  } catch (err) {
    if (err instanceof TemplateError) throw new RunError('BAD_OPTION', `--subject/--body: ${err.message}`);
    throw err;
  }
  const collectors = await readCollectors(config.collectorsPath, manifest.column);
  for (const p of collectors.problems) emit({ type: 'warning', message: runMessages.addressProblem(collectors.path, p) });
  // One file at a time: a workbook's reader holds the file open, and 500 collectors must not mean 500 descriptors.
  const files: Array<{ entry: ManifestFile; check: FileCheck; content?: Buffer }> = [];
  for (const entry of manifest.files) files.push({ entry, ...(await readCollectorFile(entry.path)) });
  const bytesOf = new Map(files.map((f) => [f.entry.value, f.content]));
  return {
    manifest,
    summary: {
      manifest: manifest.path,
      journal: journalPathFor(manifest.folder),
      smtp: config.smtp?.display,
      dryRun: config.dryRun,
      collectors: [],
      addressProblems: collectors.problems,
      unused: [],
    },
    plan: (entries) =>
      planMail({
        files: files.map((f) => ({ entry: f.entry, check: f.check })),
        collectors,
        ledger: replayLedger(entries),
        column: manifest.column,
        resendUncertain: config.resendUncertain,
        lang: config.lang,
      }),
    messageFor: (job) => {
      const rendered = renderMessage(config.templates, job.entry, { collector: job.entry.value, month: config.month, lang: config.lang });
      const bytes = bytesOf.get(job.entry.value) as Buffer; // a job exists only for a file that was read
      return (to) => buildMessage({ from: config.from, to, collector: job.entry.value, fileName: job.entry.file, bytes, sha256: job.sha256, rendered });
    },
  };
}

/** --dry-run: the journal is read (not locked, not written) to tell what a real run would send; each such message becomes an .eml. */
async function dryRun(config: MailConfig, { manifest, summary, plan, messageFor }: Prepared): Promise<MailSummary> {
  const decided = plan(await readJournal<MailJournalEntry>(summary.journal));
  summary.unused = decided.unused;
  summary.collectors.push(...decided.skipped.map(skippedOutcome));
  const eml = await EmlFolder.open(config.emlFolder ?? `${manifest.folder}-eml`);
  try {
    for (const job of decided.jobs) {
      const outcome = jobOutcome(job);
      if (job.send.length > 0) {
        outcome.eml = await eml.write(job.entry.value, words(config.lang).blank, messageFor(job)(job.send));
        outcome.addresses.push(...job.send.map((address) => ({ address, state: 'WOULD_SEND' as const })));
      }
      summary.collectors.push(outcome);
    }
    await eml.commit();
  } catch (err) {
    await eml.abort();
    throw err;
  }
  summary.emlFolder = eml.path;
  return summary;
}

/** A real run: under the journal's lock, one handshake, then every job through the pool. */
async function send(config: MailConfig, { summary, plan, messageFor }: Prepared, emit: EventSink, controls: MailControls): Promise<MailSummary> {
  const lock = await acquireLock(`${summary.journal}.lock`);
  const undoExit = lock.releaseOnExit();
  let journal: Journal<MailJournalEntry> | undefined;
  let pool: SmtpPool | undefined;
  try {
    journal = await openJournal<MailJournalEntry>(summary.journal);
    const decided = plan(journal.entries);
    summary.unused = decided.unused;
    summary.collectors.push(...decided.skipped.map(skippedOutcome));
    const toSend = decided.jobs.filter((j) => j.send.length > 0);
    const outcomes = new Map(decided.jobs.map((j) => [j, jobOutcome(j)]));
    if (toSend.length > 0) {
      if (config.smtp === undefined) throw new RunError('BAD_OPTION', runMessages.noSmtp);
      const smtp = config.smtp;
      const scrub = (text: string): string => redact(text, smtp);
      pool = openPool(smtp, { connections: config.connections, timeoutSeconds: config.timeoutSeconds });
      const stopper = new AbortController();
      const halt = (reason: StopReason, message: string): void => {
        if (summary.stop !== undefined) return;
        summary.stop = { reason, message };
        stopper.abort();
      };
      const onInterrupt = (): void => halt('INTERRUPTED', runMessages.interrupted);
      controls.stop.addEventListener('abort', onInterrupt, { once: true });
      try {
        emit({ type: 'phase', phase: 'send', total: toSend.length, message: runMessages.sending(toSend.length, smtp.display) });
        const hello = await handshake(pool, config.retry, scrub, stopper.signal);
        if (!hello.ok) halt(hello.kind === 'AUTH' ? 'AUTH' : 'SERVER_DOWN', hello.kind === 'AUTH' ? runMessages.auth(hello.message) : runMessages.down(smtp.display, hello.message));
        const ctx: SendContext = {
          transport: pool,
          journal,
          throttle: new Throttle({ concurrency: config.connections, rate: config.rate }),
          retry: config.retry,
          redact: scrub,
          stopped: () => summary.stop !== undefined,
          stop: halt,
          signal: stopper.signal,
        };
        await Promise.all(
          toSend.map(async (job, i) => {
            let results: AddressOutcome[];
            try {
              results = await deliver(job, messageFor(job), ctx);
            } catch (err) {
              // The journal refused a write: what was in flight for this job may have left; nothing more may.
              halt('JOURNAL_FAILED', runMessages.journal(scrub(err instanceof Error ? err.message : String(err))));
              results = job.send.map((address) => ({ address, state: 'UNCERTAIN' as const, detail: say(mail.journalNoAnswer) }));
            }
            outcomes.get(job)?.addresses.push(...results);
            const failed = results.find((r) => r.state !== 'SENT');
            emit({ type: 'row', rowNumber: i + 1, reference: job.entry.value, state: failed?.state ?? 'SENT', error: failed?.detail });
          }),
        );
      } finally {
        controls.stop.removeEventListener('abort', onInterrupt);
      }
    }
    summary.collectors.push(...outcomes.values());
  } finally {
    pool?.close();
    await journal?.close();
    await lock.release().catch(() => undefined);
    undoExit();
  }
  return summary;
}

/** The file's bytes (attached as they are) and what they hold. */
async function readCollectorFile(path: string): Promise<{ check: FileCheck; content?: Buffer }> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return { check: { ok: false, problem: missing ? 'FILE_MISSING' : 'FILE_UNREADABLE', detail: err instanceof Error ? err.message : String(err) } };
  }
  if (content.length === 0) return { check: { ok: false, problem: 'EMPTY_FILE' } };
  const print = await fingerprintFile(path);
  if (!print.ok) return { check: { ok: false, problem: print.code === 'FILE_EMPTY' ? 'EMPTY_FILE' : 'FILE_UNREADABLE', detail: print.message } };
  return { check: { ok: true, sha256: print.sha256, rows: print.rows }, content };
}

function jobOutcome(job: Job): CollectorOutcome {
  return {
    value: job.entry.value,
    file: job.entry.file,
    sha256: job.sha256,
    addresses: [
      ...job.already.map((a) => ({ address: a.address, state: 'ALREADY_SENT' as const, detail: say(mail.alreadySent, { at: a.at }) })),
      ...job.uncertain.map((a) => ({ address: a.address, state: 'UNCERTAIN' as const, detail: say(mail.uncertain, { reason: a.reason, at: a.at }) })),
    ],
  };
}

function skippedOutcome(s: { entry: { value: string; file: string }; problem: CollectorOutcome['problem']; message: string }): CollectorOutcome {
  return { value: s.entry.value, file: s.entry.file, addresses: [], problem: s.problem, message: s.message };
}

/** Outcomes in the manifest's order, whatever order sending finished in. */
function finish(summary: MailSummary, manifest: Manifest, emit: EventSink): MailSummary {
  const order = new Map(manifest.files.map((f, i) => [f.value, i]));
  summary.collectors.sort((a, b) => (order.get(a.value) ?? 0) - (order.get(b.value) ?? 0));
  for (const c of summary.collectors) if (c.problem !== undefined) emit({ type: 'warning', message: c.message ?? c.problem });
  return summary;
}
