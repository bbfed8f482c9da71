/**
 * `paylinks reconcile <sheet>`: parses flags into a ReconcileConfig, runs the
 * pipeline, prints the report on stdout and picks the exit code:
 * 0 every link checked · 1 some links could not be checked (or disabled) or
 * rows need a person, or the sheet changed while reconcile ran (the result is
 * written beside it) · 2 could not run, nothing sent (also: the sheet is open
 * in Excel) · 3 stopped (authentication, service down) · 4 another run holds
 * the sheet's lock · 130 interrupted.
 */
import type { Argv, BuilderArguments } from 'yargs';
import { runReconcile, type ReconcileConfig, type ReconcileSummary } from '../../pipeline/reconcile/run.js';
import { DEFAULT_RETRY } from '../../pipeline/service/retry.js';
import { RunError } from '../../pipeline/run-error.js';
import { connect } from '../connection.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { interruptedExitCode, withInterrupts } from '../interrupts.js';
import {
  asOfOption,
  currencyOption,
  formatOfPath,
  intOption,
  localeOption,
  mapOption,
  positiveOption,
  probeSettleMs,
  timeZoneOption,
} from '../options.js';
import { formatReconcileReport, REPORT_FORMATS } from '../reconcile-report.js';
import { readingConfig, readingOptions } from '../reading-options.js';
import { createReporter } from '../reporter.js';
import { connectionOptions, outputOptions } from './shared-options.js';
import { say } from '../../i18n/message.js';
import { phases } from '../../i18n/messages/phases.js';

export const command = 'reconcile <sheet>';
export const describe = 'Bring a sheet written by `issue` up to date: who paid, which links expired; optionally disable overdue links';

export function builder(yargs: Argv) {
  return readingOptions(connectionOptions(outputOptions(yargs)))
    .positional('sheet', { type: 'string', describe: 'The sheet `paylinks issue` wrote (.csv or .xlsx)', demandOption: true })
    .option('out', { alias: 'o', type: 'string', describe: 'Write the reconciled sheet here instead of updating <sheet> in place' })
    .option('disable-overdue', { type: 'boolean', default: false, describe: 'Disable ACTIVE, unpaid links whose due date (plus --grace-days) has passed. Never a paid link' })
    .option('grace-days', { type: 'number', default: 0, describe: 'Days after the due date before an unpaid link is disabled' })
    .option('as-of', { type: 'string', describe: 'Treat this date (YYYY-MM-DD) as today for the overdue rule (rehearsals)' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Query and report, including what would be disabled; disable nothing and write no file' })
    .option('wait', { describe: 'If another run holds the sheet, or it is open in Excel (~$ owner file beside it), wait for it (optionally at most this many seconds) instead of exiting with code 4 (or 2)' })
    .option('report', { type: 'string', choices: REPORT_FORMATS, default: 'text' as const, describe: 'The closing report on stdout: text (for people and cron mail) or one JSON object' })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: "The site's time zone: due dates end at midnight there" })
    .option('locale', { type: 'string', default: 'es-CO', describe: 'Number and date format of the sheet (as given to issue): es-CO or en-US' })
    .option('currency', { type: 'string', default: 'COP', describe: 'Currency of rows without a currency column (as given to issue)' })
    .option('map', { type: 'string', array: true, describe: 'Column for a field, as given to issue: field=Header (repeatable)' })
    .option('concurrency', { type: 'number', default: 16, describe: 'Requests in flight at once, a hard ceiling (1-64); the pace within it adapts to what the service accepts' })
    .option('rate', { type: 'number', describe: 'Never more than this many requests per second, a hard ceiling [default: none; the pace adapts to the service]' })
    .option('retries', { type: 'number', default: DEFAULT_RETRY.retries, describe: 'Retries of a query or disable that failed for a passing reason' })
    .option('probe-settle', { type: 'number', describe: 'Seconds a create whose answer was lost in issue may still be running at the service, before it is looked for [default: --timeout, at least 30]' })
    .option('split-by', { type: 'string', describe: 'Also write one file per distinct value of this column (e.g. Cobrador) with its own summary, and a manifest' });
}

/** The handler's arguments, inferred from the builder. */
export type ReconcileArgs = BuilderArguments<typeof builder>;

export async function handler(args: ReconcileArgs): Promise<void> {
  const reporter = createReporter({ log: args.log, quiet: args.quiet });
  const config = buildConfig(args);
  const connection = await connect(args, config.concurrency);
  try {
    for (const warning of connection.warnings) reporter.warn(warning);
    if (args.sandbox) reporter.warn(say(phases.sandboxReconcile, { url: connection.baseUrl }));
    const summary = await withInterrupts((controls) => runReconcile(config, connection.api, (e) => reporter.event(e), controls));
    reporter.finish();
    process.stdout.write(formatReconcileReport(summary, args.report, config.sheet.locale));
    if (summary.stop) process.stderr.write(`paylinks: ${summary.stop.message}\n`);
    if (summary.sheetChanged) process.stderr.write(`paylinks: ${summary.sheetChanged.message}\n`);
    process.exitCode = interruptedExitCode(exitCodeOf(summary));
  } finally {
    await connection.close();
  }
}

export function exitCodeOf(summary: ReconcileSummary): ExitCode {
  if (summary.stop?.reason === 'INTERRUPTED') return EXIT.INTERRUPTED;
  if (summary.stop) return EXIT.STOPPED;
  // The sheet changed while reconcile ran: the result is beside it, not in it.
  if (summary.sheetChanged) return EXIT.SOME_ROWS;
  return summary.problemCount > 0 ? EXIT.SOME_ROWS : EXIT.OK;
}

function buildConfig(args: ReconcileArgs): ReconcileConfig {
  const locale = localeOption(args.locale);
  const currency = currencyOption(args.currency);
  const timeZone = timeZoneOption(args.timezone);
  const outPath = args.out ?? args.sheet;
  if (args.dryRun && args.out !== undefined) {
    throw new RunError('BAD_OPTION', '--dry-run writes no file; leave out --out (or leave out --dry-run to write the reconciled sheet there).');
  }
  return {
    sheet: { path: args.sheet, overrides: mapOption(args.map), locale, currency, timeZone, reading: readingConfig(args) },
    output: { path: outPath, format: formatOfPath(outPath, args.out === undefined ? 'the sheet' : '--out') },
    lockPath: `${args.sheet}.lock`,
    lockWaitMs: waitOption(args.wait),
    journalPath: `${args.sheet}.journal`,
    eventsPath: `${args.sheet}.events.jsonl`,
    disableOverdue: args.disableOverdue,
    graceDays: intOption('grace-days', args.graceDays, 0, 3650),
    timeZone,
    now: asOfOption(args.asOf),
    dryRun: args.dryRun,
    concurrency: intOption('concurrency', args.concurrency, 1, 64),
    rate: positiveOption('rate', args.rate),
    retry: { ...DEFAULT_RETRY, retries: intOption('retries', args.retries, 0, 20) },
    serviceFailureLimit: 10,
    settleMs: probeSettleMs(args.probeSettle, args.timeout),
    splitBy: args.splitBy,
  };
}

/** `--wait` alone: wait as long as it takes; `--wait 600`: at most 600 seconds; absent: do not wait. */
export function waitOption(value: unknown): number | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true || value === '') return Infinity;
  const seconds = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new RunError('BAD_OPTION', `--wait takes a number of seconds (or nothing, to wait as long as it takes), not "${String(value)}".`);
  return seconds * 1000;
}

