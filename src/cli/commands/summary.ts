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
import { currencyOption, localeOption, mapOption, sheetOption, timeZoneOption } from '../options.js';
import { readingConfig, readingOptions } from '../reading-options.js';
import { helpCommon as c } from '../../i18n/messages/help-common.js';
import { helpSummary as h } from '../../i18n/messages/help-summary.js';

export const command = 'summary <file>';
/** A function, so the text is read after main.ts has set the run's language. */
export const describe = (): string => say(h.describe);

export function builder(yargs: Argv) {
  return readingOptions(yargs)
    .example('$0 summary enero-links.xlsx', say(h.example))
    .positional('file', { type: 'string', describe: say(h.file), demandOption: true })
    .option('json', { type: 'boolean', default: false, describe: say(h.json) })
    .option('locale', { type: 'string', default: 'es-CO', describe: say(c.sheetLocale) })
    .option('currency', { type: 'string', default: 'COP', describe: say(h.currency) })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: say(h.timezone) })
    .option('sheet', { type: 'string', describe: say(h.sheet) })
    .option('map', { type: 'string', array: true, describe: say(c.mapAsIssue) });
}

/** The handler's arguments, inferred from the builder. */
export type SummaryArgs = BuilderArguments<typeof builder>;

export async function handler(args: SummaryArgs): Promise<void> {
  const locale = localeOption(args.locale);
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
