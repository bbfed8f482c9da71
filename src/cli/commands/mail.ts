/**
 * `paylinks mail <split folder or manifest>`: emails each collector their own
 * file from `--split-by`, exactly once per collector, address and file.
 * Exit codes: 0 every file delivered (or already delivered) · 1 some not
 * (skipped, refused, UNCERTAIN) · 2 bad usage or input, nothing sent ·
 * 3 stopped (authentication refused, server down, journal unwritable) ·
 * 4 another run holds the journal's lock · 129 hung up (SIGHUP) · 130 interrupted.
 */
import { readFile } from 'node:fs/promises';
import type { Argv, BuilderArguments } from 'yargs';
import { parseAddresses } from '../../pipeline/mail/collectors.js';
import { needsAttention, type MailSummary } from '../../pipeline/mail/outcome.js';
import { formatMailReport } from '../../pipeline/mail/report.js';
import { runMail, type MailConfig } from '../../pipeline/mail/run.js';
import { DEFAULT_MAIL_RETRY } from '../../pipeline/mail/send.js';
import { parseSmtpUrl } from '../../pipeline/mail/smtp-url.js';
import { defaultTemplates, monthLabel } from '../../pipeline/mail/templates.js';
import type { Lang } from '../../pipeline/output/labels.js';
import { RunError } from '../../pipeline/run-error.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { interruptedExitCode, withInterrupts } from '../interrupts.js';
import { intOption, positiveOption, timeZoneOption } from '../options.js';
import { createReporter } from '../reporter.js';
import { outputOptions } from './shared-options.js';
import { currentLang } from '../../i18n/current.js';
import { say } from '../../i18n/message.js';
import { helpMail as h } from '../../i18n/messages/help-mail.js';
import { options as o } from '../../i18n/messages/options.js';

export const command = 'mail <source>';
/** A function, so the text is read after main.ts has set the run's language. */
export const describe = (): string => say(h.describe);

export function builder(yargs: Argv) {
  return outputOptions(yargs)
    .example('$0 mail enero/links-by-Cobrador --collectors cobradores.xlsx --from cartera@empresa.co --dry-run', say(h.exampleDryRun))
    .positional('source', { type: 'string', describe: say(h.source), demandOption: true })
    .option('collectors', { type: 'string', demandOption: true, describe: say(h.collectors) })
    .option('smtp', { type: 'string', describe: say(h.smtp) })
    .option('from', { type: 'string', demandOption: true, describe: say(h.from) })
    .option('subject', { type: 'string', describe: say(h.subject) })
    .option('body', { type: 'string', describe: say(h.body) })
    .option('month', { type: 'string', describe: say(h.month) })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: say(h.timezone) })
    .option('dry-run', { type: 'boolean', default: false, describe: say(h.dryRun) })
    .option('eml-dir', { type: 'string', describe: say(h.emlDir) })
    .option('resend-uncertain', { type: 'boolean', default: false, describe: say(h.resendUncertain) })
    .option('rate', { type: 'number', default: 1, describe: say(h.rate) })
    .option('connections', { type: 'number', default: 2, describe: say(h.connections) })
    .option('retries', { type: 'number', default: DEFAULT_MAIL_RETRY.retries, describe: say(h.retries) })
    .option('timeout', { type: 'number', default: 30, describe: say(h.timeout) })
    .option('report', { type: 'string', choices: ['text', 'json'] as const, default: 'text' as const, describe: say(h.report) })
    .epilogue(say(h.epilogue));
}

/** The handler's arguments, inferred from the builder. */
export type MailArgs = BuilderArguments<typeof builder>;

export async function handler(args: MailArgs): Promise<void> {
  const reporter = createReporter({ log: args.log, quiet: args.quiet });
  const config = await buildConfig(args);
  const summary = await withInterrupts((controls) => runMail(config, (e) => reporter.event(e), { stop: controls.stop }));
  reporter.finish();
  process.stdout.write(formatMailReport(summary, args.report));
  if (summary.stop) process.stderr.write(`paylinks: ${summary.stop.message}\n`);
  process.exitCode = interruptedExitCode(exitCodeOf(summary));
}

export function exitCodeOf(summary: MailSummary): ExitCode {
  if (summary.stop?.reason === 'INTERRUPTED') return EXIT.INTERRUPTED;
  if (summary.stop) return EXIT.STOPPED;
  return needsAttention(summary) ? EXIT.SOME_ROWS : EXIT.OK;
}

async function buildConfig(args: MailArgs): Promise<MailConfig> {
  // The default subject, body and table follow the run's language (--lang, else the environment, else Spanish).
  const lang: Lang = currentLang();
  if (!args.dryRun && args.smtp === undefined) throw new RunError('BAD_OPTION', say(o.smtpRequired));
  if (!args.dryRun && args.emlDir !== undefined) throw new RunError('BAD_OPTION', say(o.emlDirWithoutDryRun));
  const from = parseAddresses(args.from);
  if (from.addresses.length !== 1 || from.problems.length > 0) {
    throw new RunError('BAD_OPTION', say(o.fromOneAddress, { value: args.from }));
  }
  const defaults = defaultTemplates(lang);
  let body = defaults.body;
  if (args.body !== undefined) {
    body = await readFile(args.body, 'utf8').catch(() => {
      throw new RunError('BAD_OPTION', say(o.bodyUnreadable, { path: String(args.body) }));
    });
  }
  return {
    source: args.source,
    collectorsPath: args.collectors,
    smtp: args.smtp === undefined ? undefined : parseSmtpUrl(args.smtp, process.env),
    from: args.from.trim(),
    lang,
    month: args.month ?? monthLabel(new Date(), timeZoneOption(args.timezone), lang),
    templates: { subject: args.subject ?? defaults.subject, body },
    dryRun: args.dryRun,
    emlFolder: args.emlDir,
    resendUncertain: args.resendUncertain,
    rate: positiveOption('rate', args.rate) ?? 1,
    connections: intOption('connections', args.connections, 1, 10),
    retry: { ...DEFAULT_MAIL_RETRY, retries: intOption('retries', args.retries, 0, 20) },
    timeoutSeconds: positiveOption('timeout', args.timeout) ?? 30,
  };
}
