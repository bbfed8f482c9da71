/**
 * The closing report of `issue`, on stdout: a short table for people, or one
 * JSON object with --log json (or when stderr is not a terminal).
 */
import type { IssueConfig, IssueSummary } from '../pipeline/issue.js';
import { formatAmount } from '../pipeline/money.js';

const STATE_ORDER = ['ISSUED', 'WOULD_ISSUE', 'INVALID', 'FAILED', 'UNCERTAIN'];

export function printIssueSummary(summary: IssueSummary, config: IssueConfig, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ event: 'summary', ...summary, stop: summary.stop })}\n`);
    return;
  }
  const lines: string[] = [];
  const locale = config.request.locale;
  const n = (x: number): string => x.toLocaleString(locale);
  lines.push(`${summary.dryRun ? 'Dry run (nothing sent)' : 'Done'}: ${config.input.path} → ${summary.output}`);
  lines.push(`  rows        ${n(summary.rows)}`);
  const states = [...STATE_ORDER.filter((s) => summary.states[s] !== undefined), ...Object.keys(summary.states).filter((s) => !STATE_ORDER.includes(s))];
  for (const state of states) {
    const count = summary.states[state] ?? 0;
    const amounts = state === 'ISSUED' ? Object.entries(summary.issued).map(([cur, amt]) => formatAmount(amt, locale, cur)).join(' + ') : '';
    lines.push(`  ${state.padEnd(11)} ${n(count).padStart(8)}${amounts ? `   ${amounts}` : ''}`);
  }
  lines.push(`  time        ${(summary.elapsedMs / 1000).toFixed(1)} s (${summary.rowsPerSecond.toFixed(0)} rows/s)`);
  if (summary.stop) lines.push('', `Stopped: ${summary.stop.message}`);
  if (summary.firstErrors.length > 0) {
    lines.push('', 'Rows without a link (first 20; every row has its error in the output):');
    for (const e of summary.firstErrors) lines.push(`  row ${e.rowNumber} ${e.state}: ${e.message}`);
  }
  if (summary.uncertain.length > 0) {
    lines.push('', `${summary.uncertain.length} row(s) are UNCERTAIN and need a person:`);
    for (const u of summary.uncertain.slice(0, 20)) lines.push(`  row ${u.rowNumber}, reference ${u.reference}: ${u.message}`);
  }
  if (summary.journal && (summary.stop || (summary.states.FAILED ?? 0) > 0)) {
    lines.push('', `Run the same command again to finish: the journal ${summary.journal} remembers every link already created.`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
