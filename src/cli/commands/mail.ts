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

export const command = 'mail <source>';
export const describe = 'Email each collector their own file from --split-by, exactly once (SMTP, or .eml files with --dry-run)';

export function builder(yargs: Argv) {
  return outputOptions(yargs)
    .positional('source', { type: 'string', describe: 'The folder --split-by wrote (e.g. enero/links-by-Cobrador) or its _manifest.json / _manifest.csv', demandOption: true })
    .option('collectors', { type: 'string', demandOption: true, describe: 'CSV or XLSX: a collector column (the split column, cobrador or collector) and address columns (correo or email; several addresses separated by ; or ,)' })
    .option('smtp', { type: 'string', describe: 'smtp://user@host:587 (STARTTLS) or smtps://user@host:465; the password in SMTP_PASSWORD (or in the URL). Not needed with --dry-run' })
    .option('from', { type: 'string', demandOption: true, describe: 'Sender address, e.g. "Cartera <cartera@empresa.co>"' })
    .option('lang', { type: 'string', choices: ['es', 'en'] as const, default: 'es' as const, describe: 'Language of the default subject, body and table' })
    .option('subject', { type: 'string', describe: 'Subject template; placeholders {collector} {month} {file} {rows} {amount} and per state {PAID} {PAID_amount} …' })
    .option('body', { type: 'string', describe: 'A UTF-8 text file with the body template (same placeholders, plus {table} for the summary table)' })
    .option('month', { type: 'string', describe: 'Text for {month} [default: the current month in --timezone, e.g. "noviembre de 2026"]' })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: "The site's time zone (for the default {month})" })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Send nothing: write each message as an .eml file (see --eml-dir)' })
    .option('eml-dir', { type: 'string', describe: 'Folder for the .eml files of --dry-run [default: <split folder>-eml]' })
    .option('resend-uncertain', { type: 'boolean', default: false, describe: 'Also send messages whose earlier attempt may have been delivered (UNCERTAIN): the collector may get it twice' })
    .option('rate', { type: 'number', default: 1, describe: 'At most this many messages per second' })
    .option('connections', { type: 'number', default: 2, describe: 'SMTP connections at once (1-10)' })
    .option('retries', { type: 'number', default: DEFAULT_MAIL_RETRY.retries, describe: 'Retries of a message the server deferred (4xx) or could not take (unreachable); never of a 5xx' })
    .option('timeout', { type: 'number', default: 30, describe: 'Seconds to wait for the SMTP server at each step' })
    .option('report', { type: 'string', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'The closing report on stdout: text or one JSON object' })
    .epilogue(
      'A journal beside the folder (<folder>.mail-journal) makes each file go once to each address; a file whose rows changed goes again. ' +
        'Exit codes: 0 every file delivered (now or earlier) · 1 something needs a person (see the report) · 2 bad usage or input, nothing sent · ' +
        '3 stopped (authentication refused, server down, journal unwritable) · 4 another mail run holds the journal · 129 the terminal hung up · 130 interrupted',
    );
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
  const lang: Lang = args.lang === 'en' ? 'en' : 'es';
  if (!args.dryRun && args.smtp === undefined) throw new RunError('BAD_OPTION', '--smtp is required to send (smtp://user@host:587 or smtps://user@host:465), or use --dry-run to write .eml files.');
  if (!args.dryRun && args.emlDir !== undefined) throw new RunError('BAD_OPTION', '--eml-dir goes with --dry-run.');
  const from = parseAddresses(args.from);
  if (from.addresses.length !== 1 || from.problems.length > 0) {
    throw new RunError('BAD_OPTION', `--from "${args.from}" must be one email address, e.g. "Cartera <cartera@empresa.co>".`);
  }
  const defaults = defaultTemplates(lang);
  let body = defaults.body;
  if (args.body !== undefined) {
    body = await readFile(args.body, 'utf8').catch(() => {
      throw new RunError('BAD_OPTION', `--body ${args.body}: the file cannot be read; give a UTF-8 text file with the body template.`);
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
