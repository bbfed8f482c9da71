/**
 * The closing report of `reconcile`, on stdout: a short text for a person or
 * a cron mail (changes first, then what needs a look, then the totals), or
 * one JSON object with --report json. Progress never goes here (stderr).
 */
import type { Locale } from '../pipeline/types.js';
import { formatAmount } from '../pipeline/money.js';
import type { ReconcileSummary } from '../pipeline/reconcile/run.js';
import type { Change } from '../pipeline/reconcile/row.js';
import { words } from '../pipeline/output/labels.js';

export const REPORT_FORMATS = ['text', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const STATE_ORDER = ['PAID', 'PARTIAL', 'PENDING', 'EXPIRED', 'DISABLED', 'UNKNOWN', 'UNCERTAIN'];
const CHANGE_WORDS: Record<string, string> = { PAID: 'paid', PARTIAL: 'partly paid', EXPIRED: 'expired', DISABLED: 'disabled', ADOPTED: 'found (lost in issue)' };
/** Lines of each list shown in text; the JSON report has them all (up to 500). */
const SHOWN = 50;

export function formatReconcileReport(summary: ReconcileSummary, format: ReportFormat, locale: Locale): string {
  if (format === 'json') return `${JSON.stringify({ event: 'summary', ...summary })}\n`;
  const money = (amount: string | undefined, currency: string | undefined): string => {
    if (amount === undefined) return '';
    try {
      return formatAmount(amount, locale, currency);
    } catch {
      return `${amount} ${currency ?? ''}`.trim();
    }
  };
  const lines: string[] = [];
  const target = summary.dryRun ? 'dry run: nothing disabled, nothing written' : `written to ${summary.output ?? '(not written)'}`;
  lines.push(`Reconciled ${summary.sheet}: ${summary.queried} of ${summary.linked} links checked (${target}).`);
  const split = summary.extras?.split;
  if (split) lines.push(`One file per ${split.column}: ${split.files.length} file${split.files.length === 1 ? '' : 's'} in ${split.folder} (manifest: ${split.manifestCsv}).`);
  if (summary.extras?.splitError) lines.push(`The per-value files (--split-by) were not written: ${summary.extras.splitError}`);
  if (summary.stop) lines.push(`STOPPED: ${summary.stop.message}`);
  if (summary.sheetChanged) lines.push(`NOT OVERWRITTEN: ${summary.sheetChanged.message}`);

  const counts = Object.entries(summary.changeCounts);
  if (counts.length === 0) lines.push('No changes since the last run.');
  else {
    lines.push(`Changes since the last run: ${counts.map(([kind, n]) => `${n} ${CHANGE_WORDS[kind] ?? kind.toLowerCase()}`).join(', ')}`);
    for (const change of summary.changes.slice(0, SHOWN)) lines.push(`  ${changeLine(change, money)}`);
    more(lines, Math.min(SHOWN, summary.changes.length), Object.values(summary.changeCounts).reduce((a, b) => a + b, 0));
  }
  if (summary.wouldDisableCount > 0) {
    lines.push(`Would disable ${summary.wouldDisableCount} overdue unpaid link(s):`);
    for (const p of summary.wouldDisable.slice(0, SHOWN)) lines.push(`  row ${p.rowNumber} ${p.reference}: ${p.message}`);
    more(lines, Math.min(SHOWN, summary.wouldDisable.length), summary.wouldDisableCount);
  }
  if (summary.problemCount > 0) {
    lines.push(`Needs a look (${summary.problemCount}; each row has its reason in reconcile_error):`);
    // Paid links this tool disabled come first: a payer paid for a link that no longer works.
    const urgent = summary.paidAfterDisable.slice(0, SHOWN);
    const urgentRows = new Set(urgent.map((p) => p.rowNumber));
    const rest = summary.problems.filter((p) => !urgentRows.has(p.rowNumber)).slice(0, Math.max(0, SHOWN - urgent.length));
    for (const p of [...urgent, ...rest]) lines.push(`  row ${p.rowNumber} ${p.reference}${p.linkId ? ` link ${p.linkId}` : ''}: ${p.message}`);
    more(lines, urgent.length + rest.length, summary.problemCount);
  }

  lines.push('Totals:');
  const states = [...STATE_ORDER.filter((s) => summary.states[s] !== undefined), ...Object.keys(summary.states).filter((s) => !STATE_ORDER.includes(s))];
  for (const state of states) {
    const amounts = Object.entries(summary.amounts[state] ?? {}).map(([cur, amt]) => money(amt, cur)).join(' + ');
    lines.push(`  ${state.padEnd(10)} ${String(summary.states[state] ?? 0).padStart(7)}   ${amounts}`);
  }
  const paid = Object.entries(summary.paid).map(([cur, amt]) => money(amt, cur)).join(' + ');
  if (paid !== '') lines.push(`  received   ${paid}`);
  if (!summary.dryRun) lines.push(`  disabled by this run: ${summary.disabled}`);
  lines.push(`  time: ${(summary.elapsedMs / 1000).toFixed(1)} s`);
  const pace = summary.pace;
  if (pace !== undefined && pace.pushbacks > 0) lines.push(`  ${words('en').report.pushedBack(pace.pushbacks, pace.serviceLimit, pace.suggestedRate)}`);
  return `${lines.join('\n')}\n`;
}

function changeLine(change: Change, money: (a: string | undefined, c: string | undefined) => string): string {
  const what = change.kind === 'DISABLED' ? (change.by === 'this-run' ? 'DISABLED now (overdue)' : 'DISABLED (elsewhere)') : change.kind;
  const from = change.from === '' ? '' : ` (was ${change.from})`;
  return `${what.padEnd(10)} row ${change.rowNumber} ${change.reference} link ${change.linkId} ${money(change.amount, change.currency)}${from}`;
}

function more(lines: string[], shown: number, total: number): void {
  if (total > shown) lines.push(`  … and ${total - shown} more`);
}
