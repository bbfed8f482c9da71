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
import { runReconcile, type ReconcileConfig } from '../../pipeline/reconcile/run.js';
import { DEFAULT_RETRY } from '../../pipeline/service/retry.js';
import { RunError } from '../../pipeline/run-error.js';
import { connect } from '../connection.js';
import { EXIT } from '../exit-codes.js';
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
import { formatManyReport, type SheetReport } from '../reconcile-many-report.js';
import { exitCodeOf, worstExitCode } from '../reconcile-exit.js';
import { describeError } from '../describe-error.js';
import { discoverSheets } from '../../pipeline/reconcile/discover.js';
import { runReconcileMany } from '../../pipeline/reconcile/many.js';
import { LockError } from '../../io/lock.js';
import { say } from '../../i18n/message.js';
import { help, many as text } from '../../i18n/messages/reconcile.js';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readingConfig, readingOptions } from '../reading-options.js';
import { createReporter, type Reporter } from '../reporter.js';
import { connectionOptions, outputOptions } from './shared-options.js';
import { helpCommon as c } from '../../i18n/messages/help-common.js';
import { helpReconcile as h } from '../../i18n/messages/help-reconcile.js';
import { phases } from '../../i18n/messages/phases.js';

export const command = 'reconcile <sheets..>';
/** A function, so the text is read after main.ts has set the run's language. */
export const describe = (): string => say(h.describe);

export function builder(yargs: Argv) {
  return readingOptions(connectionOptions(outputOptions(yargs)))
    .example('$0 reconcile enero-links.xlsx --disable-overdue --grace-days 5', say(h.exampleDaily))
    .epilogue(say(h.epilogue))
    .positional('sheets', { type: 'string', array: true, describe: say(help.sheets), demandOption: true })
    .option('out', { alias: 'o', type: 'string', describe: say(help.out) })
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
  const paths = args.sheets.map(String);
  const several = paths.length > 1 || (await anyFolder(paths));
  if (several && args.out !== undefined) throw new RunError('BAD_OPTION', say(text.outWithMany));
  if (several) return handleMany(args, paths, reporter);
  const config = buildConfig(args, paths[0] as string);
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

/** Several sheets, or a folder: each sheet reconciled on its own, one report, the worst exit code. */
async function handleMany(args: ReconcileArgs, paths: string[], reporter: Reporter): Promise<void> {
  const found = await discoverSheets(paths);
  if (found.sheets.length === 0) {
    const skipped = found.skipped.map((s) => `${basename(s.path)} (${s.reason})`).join('; ');
    throw new RunError('NO_SHEETS', say(text.noSheets, { paths: paths.join(', '), skipped }));
  }
  const configs = found.sheets.map((sheet) => buildConfig(args, sheet));
  const first = configs[0] as ReconcileConfig;
  const connection = await connect(args, first.concurrency);
  try {
    for (const warning of connection.warnings) reporter.warn(warning);
    if (args.sandbox) reporter.warn(say(phases.sandboxReconcile, { url: connection.baseUrl }));
    const pace = { concurrency: first.concurrency, rate: first.rate };
    const summary = await withInterrupts((controls) => runReconcileMany(configs, connection.api, pace, (e) => reporter.event(e), controls));
    reporter.finish();
    const sheets: SheetReport[] = summary.sheets.map((outcome) => {
      if (outcome.status === 'done') return { ...outcome, exitCode: exitCodeOf(outcome.summary) };
      if (outcome.status === 'not-run') return { ...outcome, exitCode: outcome.reason === 'INTERRUPTED' ? EXIT.INTERRUPTED : EXIT.STOPPED };
      const d = describeError(outcome.error);
      const holder = outcome.error instanceof LockError ? outcome.error.holder : undefined;
      return { ...outcome, exitCode: d.exitCode, described: { code: d.code, message: d.message, ...(holder ? { holder } : {}) } };
    });
    const exitCode = worstExitCode(sheets.map((s) => s.exitCode), summary.pace.requests > 0);
    process.stdout.write(formatManyReport({ summary, sheets, skipped: found.skipped, exitCode }, args.report, first.sheet.locale));
    process.exitCode = interruptedExitCode(exitCode);
  } finally {
    await connection.close();
  }
}

async function anyFolder(paths: readonly string[]): Promise<boolean> {
  for (const path of paths) if ((await stat(path).catch(() => undefined))?.isDirectory() === true) return true;
  return false;
}

function buildConfig(args: ReconcileArgs, sheet: string): ReconcileConfig {
  const locale = localeOption(args.locale);
  const currency = currencyOption(args.currency);
  const timeZone = timeZoneOption(args.timezone);
  const outPath = args.out ?? sheet;
  if (args.dryRun && args.out !== undefined) {
    throw new RunError('BAD_OPTION', '--dry-run writes no file; leave out --out (or leave out --dry-run to write the reconciled sheet there).');
  }
  return {
    sheet: { path: sheet, overrides: mapOption(args.map), locale, currency, timeZone, reading: readingConfig(args) },
    output: { path: outPath, format: formatOfPath(outPath, args.out === undefined ? 'the sheet' : '--out') },
    lockPath: `${sheet}.lock`,
    lockWaitMs: waitOption(args.wait),
    journalPath: `${sheet}.journal`,
    eventsPath: `${sheet}.events.jsonl`,
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

