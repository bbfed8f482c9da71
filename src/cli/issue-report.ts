/**
 * The closing report of `issue`, on stdout: a short table for people (in
 * --lang), or one JSON object with --log json (or when stderr is not a
 * terminal).
 */
import { langOf, words } from '../pipeline/output/labels.js';
import type { IssueConfig } from '../pipeline/issue/config.js';
import type { IssueSummary } from '../pipeline/issue/run.js';
import { formatAmount } from '../pipeline/money.js';
import type { SkipCode } from '../pipeline/types.js';

const STATE_ORDER = ['ISSUED', 'WOULD_ISSUE', 'INVALID', 'FAILED', 'UNCERTAIN', 'SKIPPED'];

/** How the closing report names each skip reason. */
const SKIP_WORDS: Record<SkipCode, { es: string; en: string }> = {
  TOTAL_ROW: { es: 'totales', en: 'totals' },
  TABLE_TOTAL_ROW: { es: 'totales de tabla', en: 'table totals' },
  FOOTER_ROW: { es: 'pies de página', en: 'footers' },
  HIDDEN_ROW: { es: 'ocultas', en: 'hidden' },
};

export function printIssueSummary(summary: IssueSummary, config: IssueConfig, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ event: 'summary', ...summary, stop: summary.stop })}\n`);
    return;
  }
  const w = words(config.lang ?? langOf(config.request.locale)).report;
  const lines: string[] = [];
  const locale = config.request.locale;
  const n = (x: number): string => x.toLocaleString(locale);
  lines.push(`${summary.dryRun ? w.dryRun : w.done}: ${config.input.path} → ${summary.output}`);
  lines.push(`  ${w.rows.padEnd(11)} ${n(summary.rows)}`);
  const states = [...STATE_ORDER.filter((s) => summary.states[s] !== undefined), ...Object.keys(summary.states).filter((s) => !STATE_ORDER.includes(s))];
  for (const state of states) {
    const count = summary.states[state] ?? 0;
    const amounts = state === 'ISSUED' ? Object.entries(summary.issued).map(([cur, amt]) => formatAmount(amt, locale, cur)).join(' + ') : '';
    lines.push(`  ${state.padEnd(11)} ${n(count).padStart(8)}${amounts ? `   ${amounts}` : ''}`);
  }
  const skipped = Object.entries(summary.skipped ?? {}) as Array<[SkipCode, number]>;
  if (skipped.length > 0) {
    const lang = config.lang ?? langOf(locale);
    const total = skipped.reduce((sum, [, count]) => sum + count, 0);
    lines.push(`  ${w.skipped(n(total), skipped.map(([code, count]) => `${n(count)} ${SKIP_WORDS[code][lang]}`).join(', '))}`);
  }
  lines.push(`  ${w.time.padEnd(11)} ${(summary.elapsedMs / 1000).toFixed(1)} s (${summary.rowsPerSecond.toFixed(0)} rows/s)`);
  const extras = summary.extras;
  if (extras?.split) lines.push(`  ${w.split(extras.split.files.length, extras.split.folder)}`);
  if (extras?.splitError) lines.push(`  ${w.splitFailed}: ${extras.splitError}`);
  if (extras?.qr) lines.push(`  ${w.qr(extras.qr.count, extras.qr.path)}`);
  if (extras?.qrError) lines.push(`  ${w.qrFailed}: ${extras.qrError}`);
  const pace = summary.pace;
  if (pace !== undefined && pace.pushbacks > 0) lines.push(`  ${w.pushedBack(pace.pushbacks, pace.serviceLimit, pace.suggestedRate)}`);
  if (summary.stop) lines.push('', `${w.stopped}: ${summary.stop.message}`);
  if (summary.firstErrors.length > 0) {
    lines.push('', w.rowsWithoutLink);
    for (const e of summary.firstErrors) lines.push(`  row ${e.rowNumber} ${e.state}: ${e.message}`);
  }
  if (summary.uncertain.length > 0) {
    lines.push('', w.uncertain(summary.uncertain.length));
    for (const u of summary.uncertain.slice(0, 20)) lines.push(`  row ${u.rowNumber}, reference ${u.reference}: ${u.message}`);
  }
  if (summary.journal && (summary.stop || (summary.states.FAILED ?? 0) > 0)) {
    lines.push('', w.again(summary.journal));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
