/**
 * `paylinks report <sheet|folder>... --out cartera.xlsx|cartera.html`: the
 * aging report ("cartera por edades") of issued and reconciled sheets. Help
 * texts come from the catalogue, read when yargs builds the command (after
 * the run's language is set).
 */
import type { Argv, BuilderArguments } from 'yargs';
import { say } from '../../i18n/message.js';
import { report as words } from '../../i18n/messages/report.js';
import { dateInZone } from '../../pipeline/report/aging.js';
import { runReport } from '../../pipeline/report/run.js';
import { printReportSummary } from '../../pipeline/report/summary-lines.js';
import { RunError } from '../../pipeline/run-error.js';
import { EXIT } from '../exit-codes.js';
import { currencyOption, localeOption, mapOption, sheetOption, timeZoneOption } from '../options.js';
import { readingConfig, readingOptions } from '../reading-options.js';

export const command = 'report <inputs..>';

/** The command's one-line help, in the run's language (call it after the language is set). */
export function describe(): string {
  return say(words.describe);
}

export function builder(yargs: Argv) {
  return readingOptions(yargs)
    .example('$0 report cartera/ --out cartera.html --by Cobrador', say(words.example))
    .positional('inputs', { type: 'string', array: true, describe: say(words.helpInputs), demandOption: true })
    .option('out', { type: 'string', demandOption: true, describe: say(words.helpOut) })
    .option('by', { type: 'string', describe: say(words.helpBy) })
    .option('as-of', { type: 'string', describe: say(words.helpAsOf) })
    .option('locale', { type: 'string', default: 'es-CO', describe: say(words.helpLocale) })
    .option('currency', { type: 'string', default: 'COP', describe: say(words.helpCurrency) })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: say(words.helpTimezone) })
    .option('sheet', { type: 'string', describe: say(words.helpSheet) })
    .option('map', { type: 'string', array: true, describe: say(words.helpMap) });
}

export type ReportArgs = BuilderArguments<typeof builder>;

export async function handler(args: ReportArgs): Promise<void> {
  const timeZone = timeZoneOption(args.timezone);
  const report = await runReport({
    paths: (args.inputs ?? []).map(String),
    out: args.out,
    by: args.by === undefined || args.by.trim() === '' ? undefined : args.by.trim(),
    asOf: asOfDate(args.asOf, timeZone),
    sheet: {
      read: { sheet: sheetOption(args.sheet) },
      overrides: mapOption(args.map),
      locale: localeOption(args.locale),
      currency: currencyOption(args.currency),
      timeZone,
      reading: readingConfig(args),
    },
  });
  process.stdout.write(printReportSummary(report, args.out));
  // Rows left out of the totals for a person to settle: the report is written, but not whole.
  process.exitCode = report.attention.length > 0 ? EXIT.SOME_ROWS : EXIT.OK;
}

/** `--as-of YYYY-MM-DD` (a real calendar date), else today on the site's wall clock. */
export function asOfDate(value: string | undefined, timeZone: string): string {
  if (value === undefined) return dateInZone(new Date(), timeZone);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = m === null ? undefined : new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (m === null || date === undefined || date.toISOString().slice(0, 10) !== value.trim()) throw new RunError('BAD_OPTION', say(words.asOfInvalid, { value }));
  return value.trim();
}
