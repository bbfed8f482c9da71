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
import { helpCommon as c } from '../../i18n/messages/help-common.js';
import { helpReconcile as h } from '../../i18n/messages/help-reconcile.js';
import { phases } from '../../i18n/messages/phases.js';

export const command = 'reconcile <sheet>';
/** A function, so the text is read after main.ts has set the run's language. */
export const describe = (): string => say(h.describe);

export function builder(yargs: Argv) {
  return readingOptions(connectionOptions(outputOptions(yargs)))
    .example('$0 reconcile enero-links.xlsx --disable-overdue --grace-days 5', say(h.exampleDaily))
    .epilogue(say(h.epilogue))
    .positional('sheet', { type: 'string', describe: say(h.sheet), demandOption: true })
    .option('out', { alias: 'o', type: 'string', describe: say(h.out) })
    .option('disable-overdue', { type: 'boolean', default: false, describe: say(h.disableOverdue) })
    .option('grace-days', { type: 'number', default: 0, describe: say(h.graceDays) })
    .option('as-of', { type: 'string', describe: say(h.asOf) })
    .option('dry-run', { type: 'boolean', default: false, describe: say(h.dryRun) })
    .option('wait', { describe: say(h.wait) })
    .option('report', { type: 'string', choices: REPORT_FORMATS, default: 'text' as const, describe: say(h.report) })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: say(c.dueDateTimeZone) })
    .option('locale', { type: 'string', default: 'es-CO', describe: say(c.sheetLocale) })
    .option('currency', { type: 'string', default: 'COP', describe: say(c.sheetCurrency) })
    .option('map', { type: 'string', array: true, describe: say(c.mapAsIssue) })
    .option('concurrency', { type: 'number', default: 16, describe: say(c.concurrency) })
    .option('rate', { type: 'number', describe: say(c.rate) })
    .option('retries', { type: 'number', default: DEFAULT_RETRY.retries, describe: say(h.retries) })
    .option('probe-settle', { type: 'number', describe: say(h.probeSettle) })
    .option('split-by', { type: 'string', describe: say(h.splitBy) });
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

