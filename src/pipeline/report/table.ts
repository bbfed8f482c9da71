/**
 * The rows and columns of the aging table, shared by the XLSX and HTML
 * writers so both show the same figures in the same order: per group its
 * months, then the group's total (when it has more than one month), then
 * the currency's total.
 */
import { say } from '../../i18n/message.js';
import { report as words } from '../../i18n/messages/report.js';
import { BUCKETS } from './aging.js';
import { bucketLabel, groupLabel, monthLabel } from './format.js';
import type { CurrencyBlock, Figures } from './tally.js';

export interface TableLine {
  kind: 'month' | 'groupTotal' | 'total';
  /** The group's label (empty on a month line after the group's first, for people; `groupName` always has it). */
  group: string;
  groupName: string;
  month: string;
  figures: Figures;
}

/** Column headers, in order; `by` adds the group column first. */
export function tableHeaders(by: string | undefined): string[] {
  return [
    ...(by === undefined ? [] : [by]),
    say(words.month),
    say(words.bills),
    say(words.billed),
    say(words.collected),
    say(words.rate),
    say(words.pending),
    ...BUCKETS.map(bucketLabel),
  ];
}

export function tableLines(block: CurrencyBlock, by: string | undefined): TableLine[] {
  const lines: TableLine[] = [];
  for (const g of block.groups) {
    const name = groupLabel(g.group, by);
    g.months.forEach((m, i) => lines.push({ kind: 'month', group: i === 0 ? name : '', groupName: name, month: monthLabel(m.month), figures: m }));
    if (g.months.length > 1 && by !== undefined) lines.push({ kind: 'groupTotal', group: say(words.totalOf, { group: name }), groupName: name, month: '', figures: g.total });
  }
  lines.push({ kind: 'total', group: say(words.total), groupName: '', month: '', figures: block.total });
  return lines;
}
