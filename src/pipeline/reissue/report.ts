/**
 * The closing report of `paylinks reissue`, in the run's language: counts,
 * the rows reissued (or, in a dry run, to reissue), then the rows that need a
 * person, each with its reason. Pure text; the CLI prints it on stdout.
 */
import { say } from '../../i18n/message.js';
import { reissue as words } from '../../i18n/messages/reissue.js';
import { formatAmount } from '../money.js';
import type { Locale } from '../types.js';
import { whyWord, type ReissueLine, type ReissueSummary } from './summary.js';

const SHOWN = 50;

export function formatReissueReport(summary: ReissueSummary, locale: Locale): string {
  const lines: string[] = [say(words.reportTitle, { sheet: summary.sheet, dryRun: summary.dryRun })];
  lines.push(say(words.reportCounts, { rows: summary.rows, reissued: summary.reissued.length, refused: summary.refused.length, paid: summary.paid, notDue: summary.notDue, unlinked: summary.unlinked, dryRun: summary.dryRun }));
  if (!summary.dryRun) lines.push(say(words.reportRequests, { disabled: summary.disabled, created: summary.created }));
  if (summary.reissued.length === 0 && summary.refused.length === 0) lines.push(say(words.reportNothing));
  if (summary.reissued.length > 0) {
    lines.push(say(words.reportReissuedHeading, { n: summary.reissued.length, dryRun: summary.dryRun }));
    for (const line of summary.reissued.slice(0, SHOWN)) {
      lines.push(reissuedLine(line, locale));
      if (line.message) lines.push(`    ${line.message}`);
    }
    if (summary.reissued.length > SHOWN) lines.push(say(words.reportMore, { n: summary.reissued.length - SHOWN }));
  }
  if (summary.refused.length > 0) {
    lines.push(say(words.reportRefusedHeading, { n: summary.refused.length }));
    for (const line of summary.refused.slice(0, SHOWN)) lines.push(`  ${line.message ?? ''}`);
    if (summary.refused.length > SHOWN) lines.push(say(words.reportMore, { n: summary.refused.length - SHOWN }));
  }
  if (summary.stop) lines.push(say(words.reportStopped, { message: summary.stop.message }));
  if (summary.plan) lines.push(say(words.reportPlan, { path: summary.plan }));
  else if (summary.output) lines.push(say(words.reportOutput, { path: summary.output }));
  if (summary.sheetChanged) lines.push(summary.sheetChanged.message);
  return `${lines.join('\n')}\n`;
}

function reissuedLine(line: ReissueLine, locale: Locale): string {
  let amount = line.amount ?? '?';
  try {
    if (line.amount !== undefined) amount = formatAmount(line.amount, locale, line.currency);
  } catch {
    // an amount the journal holds in another shape is shown as it is
  }
  return say(words.reportReissuedLine, {
    row: line.rowNumber,
    reference: line.reference,
    oldLink: line.oldLinkId ?? 0,
    newReference: line.newReference ?? '?',
    newLink: line.newLinkId,
    amount,
    why: line.why === undefined ? '' : say(whyWord(line.why)),
    due: line.due ?? '?',
  });
}
