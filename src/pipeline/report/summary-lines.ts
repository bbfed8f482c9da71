/**
 * What `paylinks report` prints when it has written the report: the file,
 * the totals per currency (billed, collected with the rate, pending and how
 * much of it is overdue), notes about the inputs, and the rows that need a
 * person (the first 20; all of them are in the report).
 */
import { AmountSum } from '../money.js';
import { BUCKETS } from './aging.js';
import { say } from '../../i18n/message.js';
import { report as words } from '../../i18n/messages/report.js';
import type { AgingReport } from './build.js';
import { displayLocale, money, percent, reasonText } from './format.js';

const MAX_LISTED = 20;

export function printReportSummary(report: AgingReport, out: string): string {
  const lines = [say(words.wrote, { out, bills: report.bills.toLocaleString(displayLocale()), files: report.files.length })];
  for (const block of report.blocks) {
    const t = block.total;
    const overdue = new AmountSum();
    for (const b of BUCKETS) if (b !== 'current') overdue.add(t.buckets[b]);
    lines.push(
      say(words.totalLine, {
        currency: block.currency,
        billed: money(t.billed, block.currency),
        collected: money(t.collected, block.currency),
        rate: percent(t.rate),
        pending: money(t.pending, block.currency),
        overdue: money(overdue.toString(), block.currency),
      }),
    );
  }
  for (const s of report.skipped) lines.push(say(words.skippedFile, { path: s.path, reason: s.reason }));
  for (const path of report.notReconciled) lines.push(say(words.notReconciled, { path }));
  if (report.attention.length > 0) {
    lines.push(say(words.attentionLine, { count: report.attention.length }));
    for (const a of report.attention.slice(0, MAX_LISTED)) lines.push(say(words.attentionItem, { file: a.file, row: a.row, reference: a.reference, reason: reasonText(a.reason) }));
    if (report.attention.length > MAX_LISTED) lines.push(say(words.attentionMore, { count: report.attention.length - MAX_LISTED }));
  }
  return `${lines.join('\n')}\n`;
}
