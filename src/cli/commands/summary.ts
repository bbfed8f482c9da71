/**
 * `paylinks summary <sheet>`: rows and amounts per state of an issued or
 * reconciled sheet, as a table or as JSON (--json) for scripts.
 */
import type { Argv, BuilderArguments } from 'yargs';
import { say } from '../../i18n/message.js';
import { labels } from '../../i18n/messages/labels.js';
import { reports } from '../../i18n/messages/reports.js';
import { stateWithLabel } from '../../i18n/messages/states.js';
import { formatAmount } from '../../pipeline/money.js';
import { summariseSheet, type SheetSummary } from '../../pipeline/summary/summarise.js';
import type { TallyJson } from '../../pipeline/output/state-tally.js';
import type { Locale } from '../../pipeline/types.js';
import { currencyOption, langOption, localeOption, mapOption, sheetOption, timeZoneOption } from '../options.js';
import { readingConfig, readingOptions } from '../reading-options.js';

export const command = 'summary <file>';
export const describe = 'Rows and amounts per state of a sheet written by issue or reconcile';

export function builder(yargs: Argv) {
  return readingOptions(yargs)
    .positional('file', { type: 'string', describe: 'A sheet written by paylinks issue or reconcile (.csv or .xlsx)', demandOption: true })
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object instead of a table' })
    .option('locale', { type: 'string', default: 'es-CO', describe: 'Number and date format of the sheet, as given to issue: es-CO or en-US' })
    .option('currency', { type: 'string', default: 'COP', describe: 'Currency of rows when the sheet has no currency column' })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: "The site's time zone" })
    .option('sheet', { type: 'string', describe: 'XLSX sheet by name or 1-based position [default: the first with a recognisable header]' })
    .option('map', { type: 'string', array: true, describe: 'Column for a field, as given to issue: field=Header (repeatable)' })
    .option('lang', { type: 'string', choices: ['es', 'en'] as const, describe: 'Language of the table [default: from --locale]' });
}

/** The handler's arguments, inferred from the builder. */
export type SummaryArgs = BuilderArguments<typeof builder>;

export async function handler(args: SummaryArgs): Promise<void> {
  const locale = localeOption(args.locale);
  // Checked as before; the table is in the run's language, which main.ts set from --lang, the environment or --locale.
  langOption(args.lang, locale);
  const summary = await summariseSheet({
    path: args.file,
    read: { sheet: sheetOption(args.sheet) },
    overrides: mapOption(args.map),
    locale,
    currency: currencyOption(args.currency),
    timeZone: timeZoneOption(args.timezone),
    blank: say(labels.blank),
    reading: readingConfig(args),
  });
  process.stdout.write(args.json ? `${JSON.stringify(summary, null, 2)}\n` : renderSummary(summary, locale));
}

/** The summary as a table in the run's language: one block per kind of state, states labelled, amounts in the locale's format. */
export function renderSummary(summary: SheetSummary, locale: Locale): string {
  const lines = [say(reports.summaryHead, { file: summary.file, rows: summary.rows.toLocaleString(locale) })];
  lines.push('', ...block(say(reports.linkStates), summary.link, locale));
  if (summary.payment) lines.push('', ...block(say(reports.paymentStates), summary.payment, locale));
  return `${lines.join('\n')}\n`;
}

function block(title: string, tally: TallyJson, locale: Locale): string[] {
  const total = say(labels.total);
  const money = (amounts: Record<string, string>): string =>
    Object.entries(amounts).map(([currency, amount]) => formatAmount(amount, locale, currency)).join(' + ');
  const states = Object.entries(tally.states).map(([state, count]) => [stateWithLabel(state), count] as const);
  const width = Math.max(12, total.length, ...states.map(([s]) => s.length)) + 2;
  const out = [title];
  for (const [state, count] of states) out.push(`  ${state.padEnd(width)}${count.rows.toLocaleString(locale).padStart(8)}   ${money(count.amounts)}`.trimEnd());
  out.push(`  ${total.padEnd(width)}${tally.rows.toLocaleString(locale).padStart(8)}   ${money(tally.amounts)}`.trimEnd());
  return out;
}
