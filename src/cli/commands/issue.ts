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
  langOption,
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
import { say } from '../../i18n/message.js';
import { phases } from '../../i18n/messages/phases.js';

export const command = 'issue <input>';
export const describe = 'Create one payment link per row of a billing sheet (CSV or XLSX) and write a sheet with the links';

export function builder(yargs: Argv) {
  return readingOptions(connectionOptions(outputOptions(yargs)))
    .positional('input', { type: 'string', describe: 'The billing sheet (.csv or .xlsx)', demandOption: true })
    .option('out', { alias: 'o', type: 'string', describe: 'Output sheet (.csv or .xlsx) [default: <input>-links.<same format>]' })
    .option('sheet', { type: 'string', describe: 'XLSX sheet by name or 1-based position among the tabs in workbook order, hidden tabs counted [default: the one visible sheet with a recognisable header]' })
    .option('encoding', { type: 'string', describe: 'CSV text encoding: utf-8, windows-1252, cp850 (Excel "CSV (MS-DOS)"), macroman (Mac "CSV"), utf-16le [default: detected]' })
    .option('delimiter', { type: 'string', describe: 'CSV delimiter: , ; tab [default: detected]' })
    .option('map', { type: 'string', array: true, describe: 'Column for a field: field=Header (repeatable); fields: name amount dueDate reference email phone description currency' })
    .option('locale', { type: 'string', default: 'es-CO', describe: 'Number and date format of the sheet: es-CO (1.250.000,50; DD/MM/YYYY) or en-US (1,250,000.50; MM/DD/YYYY); --decimal and --date-order set each part apart' })
    .option('currency', { type: 'string', describe: 'ISO 4217 currency when the sheet has no currency column; an amount header naming another currency (e.g. "Valor (USD)") is refused [default: the one the amount header names, else COP]' })
    .option('max-due-years', { type: 'number', default: DEFAULT_MAX_DUE_YEARS, describe: 'Due dates more than this many years ahead are refused (DUE_DATE_OUT_OF_RANGE)' })
    .option('include-hidden', { type: 'boolean', default: false, describe: 'Bill rows hidden in the sheet (by hand or by a filter) [default: marked SKIPPED with a warning]' })
    .option('bill-displayed', { type: 'boolean', default: false, describe: 'When a cell\'s format hides decimals (119399,84 shown as $ 119.400), bill the displayed amount [default: the row is refused]' })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: "The site's time zone: links expire at the end of the due date there" })
    .option('payment-expiration', { type: 'number', default: 15, describe: 'Minutes each checkout session may last' })
    .option('payments-allowed', { type: 'number', default: 1, describe: 'Payments each link accepts (1: a bill is paid once)' })
    .option('description', { type: 'string', describe: 'Description template when the sheet has no description column [default: "Factura {reference}" (es) / "Invoice {reference}" (en)]' })
    .option('name', { type: 'string', default: '{name}', describe: "Link name template; placeholders are field names. Rows with no payer name use the reference" })
    .option('notify', { type: 'string', describe: 'Message the payer: email,sms,whatsapp (from the email and phone columns) [default: nobody]' })
    .option('notification-url', { type: 'string', describe: 'URL the service notifies of payments and expiries' })
    .option('payment-methods', { type: 'string', describe: 'Allowed payment methods, comma-separated (e.g. pse,visa,master)' })
    .option('link-locale', { type: 'string', describe: 'Language the payer sees, e.g. es_CO or en_US [default: from --locale]' })
    .option('concurrency', { type: 'number', default: 16, describe: 'Requests in flight at once, a hard ceiling (1-64); the pace within it adapts to what the service accepts' })
    .option('rate', { type: 'number', describe: 'Never more than this many requests per second, a hard ceiling [default: none; the pace adapts to the service]' })
    .option('retries', { type: 'number', default: DEFAULT_RETRY.retries, describe: 'Retries of a request that failed where a retry is safe' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Validate and write the output without calling the API' })
    .option('resend-uncertain', { type: 'string', describe: 'References (comma-separated, or "all") of UNCERTAIN rows you checked by hand and want sent again' })
    .option('probe-window', { type: 'number', default: 1000, describe: 'Most link ids to query when looking for creates whose answers were lost' })
    .option('probe-settle', { type: 'number', describe: 'Seconds a create whose answer was lost may still be running at the service, before it is looked for [default: --timeout, at least 30]' })
    .option('as-of', { type: 'string', describe: 'Treat this date (YYYY-MM-DD) as today when checking due dates (rehearsals)' })
    .option('split-by', { type: 'string', describe: 'Also write one file per value of this column (e.g. Cobrador) in <out>-by-<column>/, with a manifest' })
    .option('qr', { type: 'boolean', default: false, describe: 'A QR code of each issued link: <out>-qr/<reference>.png (CSV) or <out>-qr.xlsx (XLSX)' })
    .option('lang', { type: 'string', choices: ['es', 'en'] as const, describe: "Language of the tool's summaries and reports [default: es for --locale es-CO, en for en-US]" });
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
    if (c !== 'email' && c !== 'sms' && c !== 'whatsapp') throw new RunError('BAD_OPTION', `--notify takes email, sms and whatsapp, not "${c}".`);
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
    lang: langOption(args.lang, locale),
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
  throw new RunError('BAD_OPTION', `--${flag} must be an http(s) URL, not "${value}".`);
}

function splitByOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new RunError('BAD_OPTION', '--split-by needs the header of a column, e.g. --split-by Cobrador.');
  return value;
}
