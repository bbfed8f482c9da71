/**
 * `paylinks summary <sheet>`: rows and amounts per state of an issued or
 * reconciled sheet, as a table or as JSON (--json) for scripts.
 */
import type { Argv, BuilderArguments } from 'yargs';
import { words, type Lang } from '../../pipeline/output/labels.js';
import { formatAmount } from '../../pipeline/money.js';
import { summariseSheet, type SheetSummary } from '../../pipeline/summary/summarise.js';
import type { TallyJson } from '../../pipeline/output/state-tally.js';
import type { Locale } from '../../pipeline/types.js';
import { currencyOption, localeOption, mapOption, sheetOption, timeZoneOption } from '../options.js';
import { readingConfig, readingOptions } from '../reading-options.js';
import { currentLang } from '../../i18n/current.js';
import { say } from '../../i18n/message.js';
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
  // The run's language (--lang, else the environment, else --locale), set once by main.ts.
  const lang = currentLang();
  const summary = await summariseSheet({
    path: args.file,
    read: { sheet: sheetOption(args.sheet) },
    overrides: mapOption(args.map),
    locale,
    currency: currencyOption(args.currency),
    timeZone: timeZoneOption(args.timezone),
    blank: words(lang).blank,
    reading: readingConfig(args),
  });
  process.stdout.write(args.json ? `${JSON.stringify(summary, null, 2)}\n` : renderSummary(summary, locale, lang));
}

/** The summary as a table: one block per kind of state, amounts in the locale's format. */
export function renderSummary(summary: SheetSummary, locale: Locale, lang: Lang): string {
  const w = words(lang);
  const lines = [`${summary.file}: ${summary.rows.toLocaleString(locale)} ${w.report.rows}`];
  lines.push('', ...block(w.report.linkStates, summary.link, locale, lang));
  if (summary.payment) lines.push('', ...block(w.report.paymentStates, summary.payment, locale, lang));
  return `${lines.join('\n')}\n`;
}

function block(title: string, tally: TallyJson, locale: Locale, lang: Lang): string[] {
  const w = words(lang);
  const money = (amounts: Record<string, string>): string =>
    Object.entries(amounts).map(([currency, amount]) => formatAmount(amount, locale, currency)).join(' + ');
  const states = Object.entries(tally.states);
  const width = Math.max(12, w.total.length, ...states.map(([s]) => s.length)) + 2;
  const out = [title];
  for (const [state, count] of states) out.push(`  ${state.padEnd(width)}${count.rows.toLocaleString(locale).padStart(8)}   ${money(count.amounts)}`.trimEnd());
  out.push(`  ${w.total.padEnd(width)}${tally.rows.toLocaleString(locale).padStart(8)}   ${money(tally.amounts)}`.trimEnd());
  return out;
}
