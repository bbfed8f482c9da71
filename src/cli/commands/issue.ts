/**
 * `paylinks issue <sheet>`: parses flags into an IssueConfig, runs the
 * pipeline, prints the closing report and picks the exit code.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { Argv, BuilderArguments } from 'yargs';
import type { IssueConfig } from '../../pipeline/issue/config.js';
import { runIssue, type IssueSummary } from '../../pipeline/issue/run.js';
import { DEFAULT_RETRY } from '../../pipeline/service/retry.js';
import type { Channel, RequestOptions } from '../../pipeline/types.js';
import { connect, type Connection } from '../connection.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { printIssueSummary } from '../issue-report.js';
import {
  asOfOption,
  currencyOption,
  delimiterOption,
  formatOfPath,
  intOption,
  listOption,
  localeOption,
  positiveOption,
  probeSettleMs,
  sheetOption,
  templateOption,
  timeZoneOption,
  mapOption,
} from '../options.js';
import { createReporter } from '../reporter.js';
import { RunError } from '../../pipeline/run-error.js';
import { interruptedExitCode, withInterrupts } from '../interrupts.js';
import { connectionOptions, outputOptions } from './shared-options.js';
import { VERSION } from '../version.js';
import { readingConfig, readingOptions } from '../reading-options.js';
import { DEFAULT_MAX_DUE_YEARS } from '../../pipeline/rows/validate.js';
import { currentLang } from '../../i18n/current.js';
import { say } from '../../i18n/message.js';
import { helpCommon as c } from '../../i18n/messages/help-common.js';
import { helpIssue as h } from '../../i18n/messages/help-issue.js';
import { options as o } from '../../i18n/messages/options.js';
import { phases } from '../../i18n/messages/phases.js';

export const command = 'issue <input>';
/** A function, so the text is read after main.ts has set the run's language. */
export const describe = (): string => say(h.describe);

export function builder(yargs: Argv) {
  return readingOptions(connectionOptions(outputOptions(yargs)))
    .example('$0 issue facturas.xlsx --dry-run', say(h.exampleDryRun))
    .example('$0 issue facturas.xlsx --env production --split-by Cobrador', say(h.exampleSend))
    .epilogue(say(c.exitCodes))
    .positional('input', { type: 'string', describe: say(h.input), demandOption: true })
    .option('out', { alias: 'o', type: 'string', describe: say(h.out) })
    .option('sheet', { type: 'string', describe: say(h.sheet) })
    .option('encoding', { type: 'string', describe: say(h.encoding) })
    .option('delimiter', { type: 'string', describe: say(h.delimiter) })
    .option('map', { type: 'string', array: true, describe: say(h.map) })
    .option('locale', { type: 'string', default: 'es-CO', describe: say(h.locale) })
    .option('currency', { type: 'string', describe: say(h.currency) })
    .option('max-due-years', { type: 'number', default: DEFAULT_MAX_DUE_YEARS, describe: say(h.maxDueYears) })
    .option('include-hidden', { type: 'boolean', default: false, describe: say(h.includeHidden) })
    .option('bill-displayed', { type: 'boolean', default: false, describe: say(h.billDisplayed) })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: say(h.timezone) })
    .option('payment-expiration', { type: 'number', default: 15, describe: say(h.paymentExpiration) })
    .option('payments-allowed', { type: 'number', default: 1, describe: say(h.paymentsAllowed) })
    .option('description', { type: 'string', describe: say(h.description) })
    .option('name', { type: 'string', default: '{name}', describe: say(h.name) })
    .option('notify', { type: 'string', describe: say(h.notify) })
    .option('notification-url', { type: 'string', describe: say(h.notificationUrl) })
    .option('payment-methods', { type: 'string', describe: say(h.paymentMethods) })
    .option('link-locale', { type: 'string', describe: say(h.linkLocale) })
    .option('concurrency', { type: 'number', default: 16, describe: say(c.concurrency) })
    .option('rate', { type: 'number', describe: say(c.rate) })
    .option('retries', { type: 'number', default: DEFAULT_RETRY.retries, describe: say(h.retries) })
    .option('dry-run', { type: 'boolean', default: false, describe: say(h.dryRun) })
    .option('resend-uncertain', { type: 'string', describe: say(h.resendUncertain) })
    .option('probe-window', { type: 'number', default: 1000, describe: say(h.probeWindow) })
    .option('probe-settle', { type: 'number', describe: say(h.probeSettle) })
    .option('as-of', { type: 'string', describe: say(h.asOf) })
    .option('split-by', { type: 'string', describe: say(h.splitBy) })
    .option('qr', { type: 'boolean', default: false, describe: say(h.qr) });
}

/** The handler's arguments, inferred from the builder: one declaration per flag. */
export type IssueArgs = BuilderArguments<typeof builder>;

export async function handler(args: IssueArgs): Promise<void> {
  const reporter = createReporter({ log: args.log, quiet: args.quiet });
  const config = buildConfig(args);
  let connection: Connection | undefined;
  try {
    if (!args.dryRun) {
      connection = await connect(args, config.concurrency);
      for (const warning of connection.warnings) reporter.warn(warning);
      config.baseUrl = connection.baseUrl;
      if (args.sandbox) reporter.warn(say(phases.sandboxIssue, { url: connection.baseUrl }));
    }
    const api = connection?.api;
    const summary = await withInterrupts((controls) => runIssue(config, api, (e) => reporter.event(e), controls));
    reporter.finish();
    printIssueSummary(summary, config, reporter.json);
    process.exitCode = interruptedExitCode(exitCodeOf(summary));
  } finally {
    await connection?.close();
  }
}

function exitCodeOf(summary: IssueSummary): ExitCode {
  if (summary.stop?.reason === 'INTERRUPTED') return EXIT.INTERRUPTED;
  if (summary.stop) return EXIT.STOPPED;
  const good = summary.dryRun ? (summary.states.WOULD_ISSUE ?? 0) + (summary.states.ISSUED ?? 0) : (summary.states.ISSUED ?? 0);
  // SKIPPED rows (totals, footers, hidden rows) are not bills and not errors.
  return good + (summary.states.SKIPPED ?? 0) === summary.rows ? EXIT.OK : EXIT.SOME_ROWS;
}

function buildConfig(args: IssueArgs): IssueConfig {
  const locale = localeOption(args.locale);
  const outPath = args.out ?? defaultOutput(args.input);
  const format = formatOfPath(outPath, '--out');
  const currency = currencyOption(args.currency ?? 'COP');
  const notify = listOption(args.notify).map((c) => c.toLowerCase());
  for (const c of notify) {
    if (c !== 'email' && c !== 'sms' && c !== 'whatsapp') throw new RunError('BAD_OPTION', say(o.notify, { value: c }));
  }
  const request: RequestOptions = {
    locale,
    ...readingConfig(args),
    currency,
    currencyExplicit: args.currency !== undefined,
    maxDueYears: intOption('max-due-years', args.maxDueYears, 1, 100),
    includeHidden: args.includeHidden === true,
    billDisplayed: args.billDisplayed === true,
    timeZone: timeZoneOption(args.timezone),
    paymentExpiration: intOption('payment-expiration', args.paymentExpiration, 1, 10_080),
    paymentsAllowed: intOption('payments-allowed', args.paymentsAllowed, 1, 1_000_000),
    descriptionTemplate: templateOption('description', args.description ?? (locale === 'es-CO' ? 'Factura {reference}' : 'Invoice {reference}')),
    nameTemplate: templateOption('name', args.name),
    notify: notify as Channel[],
    notificationUrl: urlOption('notification-url', args.notificationUrl),
    paymentMethods: args.paymentMethods === undefined ? undefined : listOption(args.paymentMethods),
    linkLocale: args.linkLocale ?? (locale === 'es-CO' ? 'es_CO' : 'en_US'),
    now: asOfOption(args.asOf),
  };
  const resend = args.resendUncertain === undefined ? false : args.resendUncertain.trim().toLowerCase() === 'all' ? true : listOption(args.resendUncertain);
  return {
    input: { path: args.input, read: { encoding: args.encoding, delimiter: delimiterOption(args.delimiter), sheet: sheetOption(args.sheet) }, overrides: mapOption(args.map) },
    output: { path: outPath, format },
    journalPath: `${outPath}.journal`,
    lockPath: `${outPath}.lock`,
    request,
    concurrency: intOption('concurrency', args.concurrency, 1, 64),
    rate: positiveOption('rate', args.rate),
    retry: { ...DEFAULT_RETRY, retries: intOption('retries', args.retries, 0, 20) },
    dryRun: args.dryRun,
    probe: {
      window: intOption('probe-window', args.probeWindow, 10, 100_000),
      settleMs: probeSettleMs(args.probeSettle, args.timeout),
    },
    resendUncertain: resend,
    baseUrl: '',
    splitBy: splitByOption(args.splitBy),
    qr: args.qr === true,
    // The run's language (--lang, else the environment, else --locale), set once by main.ts.
    lang: currentLang(),
    toolVersion: VERSION,
  };
}

function defaultOutput(input: string): string {
  const ext = extname(input).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv';
  return join(dirname(input), `${basename(input, extname(input))}-links${ext}`);
}

function urlOption(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // fall through to the message below
  }
  throw new RunError('BAD_OPTION', say(o.httpUrl, { flag, value }));
}

function splitByOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new RunError('BAD_OPTION', say(o.splitByEmpty));
  return value;
}
