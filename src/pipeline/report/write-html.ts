/**
 * The aging report as ONE self-contained HTML file: inline CSS, an inline
 * SVG chart per currency, no script, no font, image or link to anything
 * outside the file, so it opens from a mail attachment and prints the same
 * anywhere. Written as well-formed XML (polyglot XHTML), so a strict parser
 * reads it. Printing: landscape A4, one currency per page, table headers
 * repeated, rows never split, colours kept.
 */
import { writeFileAtomic } from '../../io/atomic.js';
import { currentLang } from '../../i18n/current.js';
import { say } from '../../i18n/message.js';
import { report as words } from '../../i18n/messages/report.js';
import { BUCKETS } from './aging.js';
import type { AgingReport } from './build.js';
import { aboutLines } from './about.js';
import { agingChart, BUCKET_COLOURS, type ChartBar } from './chart.js';
import { groupLabel, money, monthLabel, percent, reasonText } from './format.js';
import { tableHeaders, tableLines } from './table.js';
import type { CurrencyBlock } from './tally.js';
import { escapeXml as esc } from './xml.js';

const CSS = `
:root { --ink: #1c2733; --muted: #5b6b7c; --line: #c9d3de; --head: #1f3a5f; --total: #e8eef5; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 24px; font-size: 14px; }
h1 { font-size: 22px; margin: 0 0 4px; color: var(--head); }
h2 { font-size: 17px; margin: 28px 0 8px; color: var(--head); }
.meta { color: var(--muted); margin: 0 0 12px; }
figure { margin: 0 0 12px; overflow-x: auto; }
figcaption { color: var(--muted); font-size: 12px; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; fill: var(--ink); }
svg .axis { stroke: var(--ink); stroke-width: 1; }
svg .grid { stroke: var(--line); stroke-dasharray: 4 3; }
svg .tick, svg .total { fill: var(--muted); font-size: 11px; }
svg .total { fill: var(--ink); font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; }
th { background: var(--head); color: #fff; font-weight: 600; text-align: center; vertical-align: bottom; }
tbody th { background: none; color: inherit; text-align: left; font-weight: 600; vertical-align: top; }
td.zero { color: #9aa7b5; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border: 1px solid #fff; }
tr.sub td, tr.sub th, tr.total td, tr.total th { font-weight: 700; background: var(--total); }
tr.total td, tr.total th { border-top: 2px solid var(--head); border-bottom: 3px double var(--head); }
.attention td.reason { min-width: 320px; }
dl.about { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.about dt { font-weight: 700; }
dl.about dd { margin: 0; white-space: pre-line; }
.none { color: var(--muted); }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 11px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.currency + section { break-before: page; page-break-before: always; }
  figure, tr, h2 { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  table { font-size: 10px; }
  figure { overflow: visible; }
}
`;

export function agingHtml(report: AgingReport): string {
  const lang = currentLang();
  const title = `${say(words.title)} — ${report.asOf}`;
  const parts: string[] = [
    '<!DOCTYPE html>',
    `<html xmlns="http://www.w3.org/1999/xhtml" lang="${lang}" xml:lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(say(words.title))}</h1>`,
    `<p class="meta">${esc(say(words.asOf))}: <strong>${esc(report.asOf)}</strong> · ${esc(say(words.groupedBy))}: ${esc(report.by ?? say(words.oneGroup))} · ${esc(say(words.files))}: ${report.files.length} · ${esc(say(words.bills))}: ${report.bills}</p>`,
    '</header>',
  ];
  report.blocks.forEach((block, i) => parts.push(currencySection(report, block, i)));
  if (report.blocks.length === 0) parts.push(`<p class="none">${esc(say(words.chartEmpty))}</p>`);
  parts.push(attentionSection(report), aboutSection(report), '</body>', '</html>', '');
  return parts.join('\n');
}

export async function writeAgingHtml(report: AgingReport, path: string): Promise<void> {
  await writeFileAtomic(path, agingHtml(report));
}

function currencySection(report: AgingReport, block: CurrencyBlock, index: number): string {
  const byLabel = report.by ?? say(words.month);
  const bars: ChartBar[] =
    report.by === undefined
      ? (block.groups[0]?.months ?? []).map((m) => ({ label: monthLabel(m.month), pending: m.pending, buckets: m.buckets }))
      : block.groups.map((g) => ({ label: groupLabel(g.group, report.by), pending: g.total.pending, buckets: g.total.buckets }));
  const headers = tableHeaders(report.by);
  const labels = report.by === undefined ? 1 : 2;
  const head = headers
    .map((h, i) => {
      const bucket = i >= labels + 5 ? BUCKETS[i - labels - 5] : undefined;
      const swatch = bucket === undefined ? '' : `<span class="swatch" style="background:${BUCKET_COLOURS[bucket]}"></span>`;
      return `<th scope="col">${swatch}${esc(h)}</th>`;
    })
    .join('');
  const rows = tableLines(block, report.by).map((line) => {
    const f = line.figures;
    const cls = line.kind === 'month' ? '' : line.kind === 'total' ? ' class="total"' : ' class="sub"';
    const label =
      report.by === undefined
        ? [`<th scope="row">${esc(line.kind === 'month' ? line.month : line.group)}</th>`]
        : [`<th scope="row">${esc(line.group)}</th>`, `<td>${esc(line.month)}</td>`];
    const m = (a: string): string => `<td class="n${a === '0' ? ' zero' : ''}">${esc(money(a, block.currency))}</td>`;
    return `<tr${cls}>${label.join('')}<td class="n">${f.bills}</td>${m(f.billed)}${m(f.collected)}<td class="n">${esc(percent(f.rate))}</td>${m(f.pending)}${BUCKETS.map((b) => m(f.buckets[b])).join('')}</tr>`;
  });
  return [
    `<section class="currency">`,
    `<h2>${esc(say(words.currencySection, { currency: block.currency }))}</h2>`,
    `<figure>${agingChart(bars, block.currency, byLabel, `chart-${index + 1}`)}</figure>`,
    `<table><thead><tr>${head}</tr></thead><tbody>`,
    ...rows,
    '</tbody></table>',
    '</section>',
  ].join('\n');
}

function attentionSection(report: AgingReport): string {
  const title = `<h2>${esc(say(words.attentionTitle, { count: report.attention.length }))}</h2>`;
  if (report.attention.length === 0) return `<section class="attention">${title}<p class="none">${esc(say(words.noAttention))}</p></section>`;
  const headers = [say(words.file), say(words.row), say(words.reference), ...(report.by === undefined ? [] : [report.by]), 'link_state', 'payment_state', say(words.amount), say(words.reason)];
  const rows = report.attention.map((a) => {
    const cells = [
      `<td>${esc(a.file)}</td>`,
      `<td class="n">${a.row}</td>`,
      `<td>${esc(a.reference)}</td>`,
      ...(report.by === undefined ? [] : [`<td>${esc(groupLabel(a.group, report.by))}</td>`]),
      `<td>${esc(a.linkState)}</td>`,
      `<td>${esc(a.paymentState)}</td>`,
      `<td class="n">${a.amount === undefined ? '' : esc(`${money(a.amount, a.currency)} ${a.currency}`)}</td>`,
      `<td class="reason">${esc(reasonText(a.reason))}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return [
    '<section class="attention">',
    title,
    `<table><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>`,
    ...rows,
    '</tbody></table>',
    '</section>',
  ].join('\n');
}

function aboutSection(report: AgingReport): string {
  const items = aboutLines(report).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`);
  return ['<section class="about">', `<h2>${esc(say(words.aboutSheet))}</h2>`, '<dl class="about">', ...items, '</dl>', '</section>'].join('\n');
}
