/**
 * `paylinks reissue <sheet> --due YYYY-MM-DD`: parses flags into a
 * ReissueConfig, runs the pipeline, prints the report on stdout and picks the
 * exit code as issue does: 0 every due row reissued (or nothing due) · 1 some
 * rows refused or left for a person, or the sheet changed while it ran ·
 * 2 bad usage or input, nothing sent · 3 stopped (authentication, the service
 * down) · 4 locked by another run · 5 links created but the sheet not written
 * · 130 interrupted. Every word comes from the catalogue (messages/reissue.ts).
 */
import { basename, dirname, extname, join, resolve as resolvePath } from 'node:path';
import type { Argv, BuilderArguments } from 'yargs';
import { say } from '../../i18n/message.js';
import { reissue as words } from '../../i18n/messages/reissue.js';
import { dueOption } from '../../pipeline/reissue/due.js';
import { formatReissueReport } from '../../pipeline/reissue/report.js';
import type { ReissueConfig } from '../../pipeline/reissue/config.js';
import { runReissue } from '../../pipeline/reissue/run.js';
import type { ReissueSummary } from '../../pipeline/reissue/summary.js';
import { DEFAULT_MAX_DUE_YEARS } from '../../pipeline/rows/due-window.js';
import { DEFAULT_RETRY } from '../../pipeline/service/retry.js';
import { RunError } from '../../pipeline/run-error.js';
import { connect } from '../connection.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { interruptedExitCode, withInterrupts } from '../interrupts.js';
import { asOfOption, currencyOption, formatOfPath, intOption, listOption, localeOption, mapOption, positiveOption, probeSettleMs, timeZoneOption } from '../options.js';
import { readingConfig, readingOptions } from '../reading-options.js';
import { createReporter } from '../reporter.js';
import { connectionOptions, outputOptions } from './shared-options.js';

export const command = 'reissue <sheet>';

/** Read when the command is registered, after the run's language is set. */
export function describe(): string {
  return say(words.helpCommand);
}

export function builder(yargs: Argv) {
  return readingOptions(connectionOptions(outputOptions(yargs)))
    .example('$0 reissue enero-links.xlsx --due 2027-02-28 --dry-run', say(words.example))
    .positional('sheet', { type: 'string', describe: say(words.helpSheet), demandOption: true })
    .option('due', { type: 'string', describe: say(words.helpDue) })
    .option('dry-run', { type: 'boolean', default: false, describe: say(words.helpDryRun) })
    .option('amount-column', { type: 'string', describe: say(words.helpAmountColumn) })
    .option('out', { alias: 'o', type: 'string', describe: say(words.helpOut) })
    .option('as-of', { type: 'string', describe: say(words.helpAsOf) })
    .option('resend-uncertain', { type: 'string', describe: say(words.helpResend) })
    .option('max-due-years', { type: 'number', default: DEFAULT_MAX_DUE_YEARS, describe: say(words.helpMaxDueYears) })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: say(words.helpTimezone) })
    .option('locale', { type: 'string', default: 'es-CO', describe: say(words.helpLocale) })
    .option('currency', { type: 'string', default: 'COP', describe: say(words.helpCurrency) })
    .option('map', { type: 'string', array: true, describe: say(words.helpMap) })
    .option('concurrency', { type: 'number', default: 16, describe: say(words.helpConcurrency) })
    .option('rate', { type: 'number', describe: say(words.helpRate) })
    .option('retries', { type: 'number', default: DEFAULT_RETRY.retries, describe: say(words.helpRetries) })
    .option('probe-window', { type: 'number', default: 1000, describe: say(words.helpProbeWindow) })
    .option('probe-settle', { type: 'number', describe: say(words.helpProbeSettle) })
    .option('report', { type: 'string', choices: ['text', 'json'] as const, default: 'text' as const, describe: say(words.helpReport) });
}

export type ReissueArgs = BuilderArguments<typeof builder>;

export async function handler(args: ReissueArgs): Promise<void> {
  const reporter = createReporter({ log: args.log, quiet: args.quiet });
  const config = buildConfig(args);
  const connection = await connect(args, config.concurrency);
  try {
    for (const warning of connection.warnings) reporter.warn(warning);
    config.baseUrl = connection.baseUrl;
    const summary = await withInterrupts((controls) => runReissue(config, connection.api, (e) => reporter.event(e), controls));
    reporter.finish();
    process.stdout.write(args.report === 'json' ? `${JSON.stringify({ event: 'summary', ...summary })}\n` : formatReissueReport(summary, config.sheet.locale));
    if (summary.sheetChanged) process.stderr.write(`paylinks: ${summary.sheetChanged.message}\n`);
    process.exitCode = interruptedExitCode(exitCodeOf(summary));
  } finally {
    await connection.close();
  }
}

export function exitCodeOf(summary: ReissueSummary): ExitCode {
  if (summary.stop?.reason === 'INTERRUPTED') return EXIT.INTERRUPTED;
  if (summary.stop) return EXIT.STOPPED;
  if (summary.sheetChanged) return EXIT.SOME_ROWS;
  return summary.refused.length > 0 ? EXIT.SOME_ROWS : EXIT.OK;
}

function buildConfig(args: ReissueArgs): ReissueConfig {
  const locale = localeOption(args.locale);
  const timeZone = timeZoneOption(args.timezone);
  const now = asOfOption(args.asOf);
  const due = dueOption(args.due, { now, timeZone, maxDueYears: intOption('max-due-years', args.maxDueYears, 1, 100) });
  if (args.dryRun && args.resendUncertain !== undefined) throw new RunError('BAD_OPTION', say(words.dryRunNoResend));
  const outPath = args.out ?? (args.dryRun ? planPath(args.sheet) : args.sheet);
  // The plan must never replace the sheet it plans for.
  if (args.dryRun && resolvePath(outPath) === resolvePath(args.sheet)) throw new RunError('BAD_OPTION', say(words.planIsSheet, { path: outPath }));
  const resend = args.resendUncertain === undefined ? false : args.resendUncertain.trim().toLowerCase() === 'all' ? true : listOption(args.resendUncertain);
  return {
    sheet: { path: args.sheet, overrides: mapOption(args.map), locale, currency: currencyOption(args.currency), timeZone, reading: readingConfig(args) },
    output: { path: outPath, format: formatOfPath(outPath, args.out === undefined ? (args.dryRun ? '--dry-run' : 'the sheet') : '--out') },
    lockPath: `${args.sheet}.lock`,
    journalPath: `${args.sheet}.reissue.journal`,
    eventsPath: `${args.sheet}.events.jsonl`,
    due,
    amountColumn: args.amountColumn,
    timeZone,
    now,
    dryRun: args.dryRun,
    concurrency: intOption('concurrency', args.concurrency, 1, 64),
    rate: positiveOption('rate', args.rate),
    retry: { ...DEFAULT_RETRY, retries: intOption('retries', args.retries, 0, 20) },
    probe: { window: intOption('probe-window', args.probeWindow, 10, 100_000), settleMs: probeSettleMs(args.probeSettle, args.timeout) },
    resendUncertain: resend,
    baseUrl: '',
  };
}

/** `facturas-links.xlsx` → `facturas-links-reissue-plan.csv` (es: `-plan-reemision.csv`), beside it. */
function planPath(sheet: string): string {
  return join(dirname(sheet), `${basename(sheet, extname(sheet))}${say(words.planSuffix)}.csv`);
}
