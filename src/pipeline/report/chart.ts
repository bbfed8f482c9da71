/**
 * The SVG chart of the HTML report: one stacked bar per group (per collector
 * with --by, else per due month) whose segments are the pending balance in
 * each aging bucket. Heights are proportional to the amounts, computed from
 * the exact amounts (percentOf, BigInt) and only then turned into pixels.
 * Accessible: role="img" with a title and a description, a <title> on every
 * segment, and a legend in the drawing itself (it prints with the chart).
 */
import { say } from '../../i18n/message.js';
import { report as words } from '../../i18n/messages/report.js';
import { compareAmounts, percentOf } from '../money.js';
import { BUCKETS, type Bucket } from './aging.js';
import { bucketLabel, money } from './format.js';
import { escapeXml } from './xml.js';

/** Bucket colours, from calm to alarming; readable printed in grey too (they darken in order). */
export const BUCKET_COLOURS: Record<Bucket, string> = {
  current: '#4c9a6a',
  d1to30: '#e3c04d',
  d31to60: '#e08a3c',
  d61to90: '#c8553d',
  over90: '#7a1f2b',
};

export interface ChartBar {
  label: string;
  pending: string;
  buckets: Record<Bucket, string>;
}

const PLOT_HEIGHT = 260;
const TOP = 64;
const LEFT = 110;
const BAR = 56;
const GAP = 34;

/** Pixels for `amount` on a scale where `max` is `PLOT_HEIGHT`, to 1/100 px. */
export function barHeight(amount: string, max: string): number {
  const share = percentOf(amount, max, 4);
  return share === undefined ? 0 : Math.round(Number(share) * PLOT_HEIGHT) / 100;
}

export function agingChart(bars: ChartBar[], currency: string, by: string, id: string): string {
  const max = bars.reduce((m, b) => (compareAmounts(b.pending, m) > 0 ? b.pending : m), '0');
  const width = Math.max(640, LEFT + bars.length * (BAR + GAP) + GAP);
  const height = TOP + PLOT_HEIGHT + 56;
  const baseline = TOP + PLOT_HEIGHT;
  const title = say(words.chartTitle, { currency, by });
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(say(words.chartDesc, { groups: bars.length }))}</desc>`,
  ];
  // Legend, in the drawing so it prints beside the bars.
  let x = LEFT;
  out.push(`<g class="legend" aria-label="${escapeXml(say(words.legend))}">`);
  for (const b of BUCKETS) {
    const label = bucketLabel(b);
    out.push(`<rect x="${x}" y="16" width="14" height="14" fill="${BUCKET_COLOURS[b]}" /><text x="${x + 20}" y="28">${escapeXml(label)}</text>`);
    x += 34 + label.length * 7.5;
  }
  out.push('</g>');
  // Axis: the baseline and the top of the scale, labelled with the largest pending balance.
  out.push(`<line class="axis" x1="${LEFT - 8}" y1="${baseline}" x2="${width - 10}" y2="${baseline}" />`);
  if (compareAmounts(max, '0') > 0) {
    out.push(`<line class="grid" x1="${LEFT - 8}" y1="${TOP}" x2="${width - 10}" y2="${TOP}" />`);
    out.push(`<text class="tick" x="${LEFT - 12}" y="${TOP + 4}" text-anchor="end">${escapeXml(money(max, currency))}</text>`);
  } else out.push(`<text x="${LEFT}" y="${TOP + PLOT_HEIGHT / 2}">${escapeXml(say(words.chartEmpty))}</text>`);
  out.push(`<text class="tick" x="${LEFT - 12}" y="${baseline + 4}" text-anchor="end">0</text>`);

  bars.forEach((bar, i) => {
    const left = LEFT + GAP / 2 + i * (BAR + GAP);
    let y = baseline;
    out.push(`<g class="bar" aria-label="${escapeXml(`${bar.label}: ${money(bar.pending, currency)}`)}">`);
    for (const b of BUCKETS) {
      const amount = bar.buckets[b];
      if (compareAmounts(amount, '0') <= 0) continue;
      const h = barHeight(amount, max);
      y -= h;
      const label = say(words.chartSegment, { group: bar.label, bucket: bucketLabel(b), amount: money(amount, currency) });
      out.push(
        `<rect x="${left}" y="${round(y)}" width="${BAR}" height="${h}" fill="${BUCKET_COLOURS[b]}" data-bucket="${b}" data-amount="${amount}"><title>${escapeXml(label)}</title></rect>`,
      );
    }
    if (compareAmounts(bar.pending, '0') > 0) {
      out.push(`<text class="total" x="${left + BAR / 2}" y="${round(y) - 6}" text-anchor="middle">${escapeXml(money(bar.pending, currency))}</text>`);
    }
    out.push(`<text class="label" x="${left + BAR / 2}" y="${baseline + 18}" text-anchor="middle">${escapeXml(short(bar.label))}</text>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A label that fits under its bar; the full name is in the bar's aria-label and the table. */
function short(label: string): string {
  return label.length <= 14 ? label : `${label.slice(0, 13)}…`;
}
