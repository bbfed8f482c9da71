/**
 * The message each collector reads: subject and body from templates, in
 * Spanish or English (`--lang`), with placeholders for the collector, the
 * month, the file, rows and amounts (in total and per state), and a small
 * summary table. The body has a plain-text part and an HTML part made from
 * the same template, so every mail client shows the same words.
 *
 * Placeholders: {collector} {month} {file} {rows} {amount} {table}, and per
 * state S (as in the manifest: ISSUED, PAID, PENDING …) {S} for its rows and
 * {S_amount} for its amount. A template is checked before anything is sent:
 * an unknown placeholder stops the run (exit 2) instead of reaching 40
 * collectors as "{colector}".
 */
import { formatAmount } from '../money.js';
import { words, type Lang } from '../output/labels.js';
import { STATE_ORDER } from '../output/state-tally.js';
import { checkTemplate, renderTemplate } from '../rows/text-template.js';
import type { Locale } from '../types.js';
import type { ManifestFile } from './manifest.js';
import { sayIn } from '../../i18n/message.js';
import { mail } from '../../i18n/messages/mail.js';

export interface MailTemplates {
  subject: string;
  body: string;
}

/** The default subject and body, from the catalogue (i18n/messages/mail.ts), in `lang`. */
export function defaultTemplates(lang: Lang): MailTemplates {
  return { subject: sayIn(lang, mail.defaultSubject), body: sayIn(lang, mail.defaultBody) };
}

const BASE_PLACEHOLDERS = ['collector', 'month', 'file', 'rows', 'amount', 'table'];
const KNOWN_STATES = [...STATE_ORDER, 'SKIPPED', 'UNLINKED'];

/** Every placeholder a template may use, given the states the manifest has. */
export function placeholders(states: Iterable<string>): string[] {
  const all = new Set([...KNOWN_STATES, ...states]);
  return [...BASE_PLACEHOLDERS, ...[...all].flatMap((s) => [s, `${s}_amount`])];
}

/** Throws a TemplateError naming an unknown placeholder (the CLI turns it into exit 2). */
export function checkTemplates(templates: MailTemplates, states: Iterable<string>): void {
  const allowed = placeholders(states);
  checkTemplate(templates.subject, allowed);
  checkTemplate(templates.body, allowed);
}

export interface RenderContext {
  collector: string;
  month: string;
  lang: Lang;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const localeOf = (lang: Lang): Locale => (lang === 'es' ? 'es-CO' : 'en-US');

/** `$ 1.250.000` for pesos (the home currency shows no code), `$ 5 USD`, `COP … + USD …` when mixed; '—' for none. */
export function formatMoney(amounts: Record<string, string>, lang: Lang): string {
  const entries = Object.entries(amounts);
  if (entries.length === 0) return '—';
  return entries.map(([currency, amount]) => formatAmount(amount, localeOf(lang), currency === 'COP' ? undefined : currency)).join(' + ');
}

function values(file: ManifestFile, ctx: RenderContext): Record<string, string> {
  const locale = localeOf(ctx.lang);
  const out: Record<string, string> = {
    collector: ctx.collector,
    month: ctx.month,
    file: file.file,
    rows: file.rows.toLocaleString(locale),
    amount: formatMoney(file.amounts, ctx.lang),
  };
  for (const state of KNOWN_STATES) {
    out[state] = '0';
    out[`${state}_amount`] = formatMoney({}, ctx.lang);
  }
  for (const [state, count] of Object.entries(file.states)) {
    out[state] = count.rows.toLocaleString(locale);
    out[`${state}_amount`] = formatMoney(count.amounts, ctx.lang);
  }
  return out;
}

/** The summary table's rows: one per state, then the total. */
export function tableRows(file: ManifestFile, lang: Lang): string[][] {
  const w = words(lang);
  const locale = localeOf(lang);
  const rows = Object.entries(file.states).map(([state, count]) => [state, count.rows.toLocaleString(locale), formatMoney(count.amounts, lang)]);
  return [[w.state, w.rows, w.amount], ...rows, [w.total, file.rows.toLocaleString(locale), formatMoney(file.amounts, lang)]];
}

export function textTable(rows: string[][]): string {
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => [(r[0] ?? '').padEnd(widths[0] ?? 0), (r[1] ?? '').padStart(widths[1] ?? 0), r[2] ?? ''].join('   ').trimEnd())
    .join('\n');
}

export function htmlTable(rows: string[][]): string {
  const [head, ...body] = rows;
  const cell = (tag: string, text: string, right: boolean): string =>
    `<${tag} style="border:1px solid #ccc;padding:4px 8px;text-align:${right ? 'right' : 'left'}">${escapeHtml(text)}</${tag}>`;
  const line = (tag: string, r: string[], bold: boolean): string =>
    `<tr${bold ? ' style="font-weight:bold"' : ''}>${r.map((t, i) => cell(tag, t, i > 0)).join('')}</tr>`;
  return [
    '<table style="border-collapse:collapse">',
    `<thead>${line('th', head ?? [], false)}</thead>`,
    `<tbody>${body.map((r, i) => line('td', r, i === body.length - 1)).join('')}</tbody>`,
    '</table>',
  ].join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const TABLE_MARK = '\u0000table\u0000';

export function renderMessage(templates: MailTemplates, file: ManifestFile, ctx: RenderContext): RenderedMessage {
  const v = values(file, ctx);
  const rows = tableRows(file, ctx.lang);
  // A subject is one line: a newline in a value (a collector's name) must not start a header.
  const subject = renderTemplate(templates.subject, { ...v, table: '' }).replace(/[\r\n]+/g, ' ').trim();
  const text = renderTemplate(templates.body, { ...v, table: textTable(rows) });
  const marked = escapeHtml(renderTemplate(templates.body, { ...v, table: TABLE_MARK }));
  const paragraphs = marked
    .split(/\n{2,}/)
    .map((p) => (p.trim() === TABLE_MARK ? htmlTable(rows) : `<p>${p.split(TABLE_MARK).join(htmlTable(rows)).replace(/\n/g, '<br>\n')}</p>`));
  const html = `<!doctype html>\n<html><body style="font-family:sans-serif">\n${paragraphs.join('\n')}\n</body></html>\n`;
  return { subject, text, html };
}

/** The {month} placeholder's default: the month of `now` in the site's zone, "noviembre de 2026" / "November 2026". */
export function monthLabel(now: Date, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), { month: 'long', year: 'numeric', timeZone }).format(now);
}
