/**
 * The closing report of `reconcile` of one sheet, on stdout: a short text for
 * a person or a cron mail (changes first, then what needs a look, then the
 * totals), or one JSON object with --report json. Progress never goes here
 * (stderr). Every sentence comes from the catalogue (messages/reconcile.ts);
 * the parts shared with the report of several sheets are exported.
 */
import type { Locale } from '../pipeline/types.js';
import { formatAmount } from '../pipeline/money.js';
import type { ReconcileSummary, RowProblem } from '../pipeline/reconcile/run.js';
import type { Change } from '../pipeline/reconcile/row.js';
import { words } from '../pipeline/output/labels.js';
import { currentLang } from '../i18n/current.js';
import { say } from '../i18n/message.js';
import { report as text } from '../i18n/messages/reconcile.js';
import { stateWithLabel } from '../i18n/messages/states.js';

export const REPORT_FORMATS = ['text', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const STATE_ORDER = ['PAID', 'PARTIAL', 'PENDING', 'EXPIRED', 'DISABLED', 'UNKNOWN', 'UNCERTAIN'];
const CHANGE_ORDER = ['PAID', 'PARTIAL', 'EXPIRED', 'DISABLED', 'ADOPTED'];
/** Lines of each list shown in text; the JSON report has them all (up to 500). */
export const SHOWN = 50;

export type Money = (amount: string | undefined, currency: string | undefined) => string;

export function moneyIn(locale: Locale): Money {
  return (amount, currency) => {
    if (amount === undefined) return '';
    try {
      return formatAmount(amount, locale, currency);
    } catch {
      return `${amount} ${currency ?? ''}`.trim();
    }
  };
}

export function formatReconcileReport(summary: ReconcileSummary, format: ReportFormat, locale: Locale): string {
  if (format === 'json') return `${JSON.stringify({ event: 'summary', ...summary })}\n`;
  const money = moneyIn(locale);
  const lines: string[] = [];
  const target = summary.dryRun ? say(text.dryRunTarget) : say(text.writtenTo, { path: summary.output ?? say(text.notWritten) });
  lines.push(say(text.reconciled, { sheet: summary.sheet, queried: summary.queried, linked: summary.linked, target }));
  lines.push(...sheetNotes(summary));

  if (Object.keys(summary.changeCounts).length === 0) lines.push(say(text.noChanges));
  else {
    lines.push(say(text.changes, { list: changeCountsText(summary.changeCounts) }));
    for (const change of summary.changes.slice(0, SHOWN)) lines.push(`  ${changeLine(change, money)}`);
    more(lines, Math.min(SHOWN, summary.changes.length), sumOf(summary.changeCounts));
  }
  if (summary.wouldDisableCount > 0) {
    lines.push(say(text.wouldDisable, { n: summary.wouldDisableCount }));
    for (const p of summary.wouldDisable.slice(0, SHOWN)) lines.push(`  ${rowLine(p)}`);
    more(lines, Math.min(SHOWN, summary.wouldDisable.length), summary.wouldDisableCount);
  }
  if (summary.problemCount > 0) {
    lines.push(say(text.needsLook, { n: summary.problemCount }));
    const shown = urgentFirst(summary.paidAfterDisable, summary.problems, (p) => String(p.rowNumber));
    for (const p of shown) lines.push(`  ${rowLine(p)}`);
    more(lines, shown.length, summary.problemCount);
  }
  lines.push(...totalsLines(summary, money));
  return `${lines.join('\n')}\n`;
}

/** The lines about the sheet itself: split files, a stop, a sheet changed meanwhile. */
export function sheetNotes(summary: ReconcileSummary): string[] {
  const lines: string[] = [];
  const split = summary.extras?.split;
  if (split) lines.push(say(text.splitFiles, { column: split.column, n: split.files.length, folder: split.folder, manifest: split.manifestCsv }));
  if (summary.extras?.splitError) lines.push(say(text.splitError, { detail: summary.extras.splitError }));
  if (summary.stop) lines.push(say(text.stopped, { message: summary.stop.message }));
  if (summary.sheetChanged) lines.push(say(text.notOverwritten, { message: summary.sheetChanged.message }));
  return lines;
}

/** "1 paid, 2 disabled" in the run's language. */
export function changeCountsText(counts: Record<string, number>): string {
  const kinds = [...CHANGE_ORDER.filter((k) => counts[k] !== undefined), ...Object.keys(counts).filter((k) => !CHANGE_ORDER.includes(k))];
  return kinds.map((kind) => changeCount(kind, counts[kind] ?? 0)).join(', ');
}

function changeCount(kind: string, n: number): string {
  switch (kind) {
    case 'PAID':
      return say(text.changePaid, { n });
    case 'PARTIAL':
      return say(text.changePartial, { n });
    case 'EXPIRED':
      return say(text.changeExpired, { n });
    case 'DISABLED':
      return say(text.changeDisabled, { n });
    case 'ADOPTED':
      return say(text.changeAdopted, { n });
    default:
      return `${n} ${kind}`;
  }
}

export function changeLine(change: Change, money: Money): string {
  const what = change.kind === 'DISABLED' ? say(change.by === 'this-run' ? text.disabledNow : text.disabledElsewhere) : stateWithLabel(change.kind);
  return say(text.changeLine, { what, row: change.rowNumber, reference: change.reference, linkId: change.linkId, amount: money(change.amount, change.currency), from: change.from });
}

export function rowLine(p: RowProblem): string {
  return say(text.rowLine, { row: p.rowNumber, reference: p.reference, linkId: p.linkId, message: p.message });
}

/** Paid links this tool disabled come first (a payer paid for a link that no longer works), then the rest, SHOWN at most. */
export function urgentFirst<T>(urgent: readonly T[], all: readonly T[], key: (p: T) => string): T[] {
  const first = urgent.slice(0, SHOWN);
  const keys = new Set(first.map(key));
  const rest = all.filter((p) => !keys.has(key(p))).slice(0, Math.max(0, SHOWN - first.length));
  return [...first, ...rest];
}

type TotalsView = Pick<ReconcileSummary, 'states' | 'amounts' | 'paid' | 'dryRun' | 'disabled' | 'elapsedMs' | 'pace'>;

export function totalsLines(summary: TotalsView, money: Money): string[] {
  const lines = [say(text.totals)];
  const states = [...STATE_ORDER.filter((s) => summary.states[s] !== undefined), ...Object.keys(summary.states).filter((s) => !STATE_ORDER.includes(s))];
  // States with their label beside (Spanish: "PAID (pagado)"), in one column as wide as the longest.
  const width = Math.max(10, say(text.received).length, ...states.map((state) => stateWithLabel(state).length));
  for (const state of states) {
    const amounts = Object.entries(summary.amounts[state] ?? {}).map(([cur, amt]) => money(amt, cur)).join(' + ');
    lines.push(`  ${stateWithLabel(state).padEnd(width)} ${String(summary.states[state] ?? 0).padStart(7)}   ${amounts}`);
  }
  const paid = Object.entries(summary.paid).map(([cur, amt]) => money(amt, cur)).join(' + ');
  if (paid !== '') lines.push(`  ${say(text.received).padEnd(width)} ${paid}`);
  if (!summary.dryRun) lines.push(`  ${say(text.disabledByRun, { n: summary.disabled })}`);
  const seconds = (summary.elapsedMs / 1000).toLocaleString(currentLang() === 'es' ? 'es-CO' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  lines.push(`  ${say(text.time, { seconds })}`);
  const pace = summary.pace;
  if (pace !== undefined && pace.pushbacks > 0) lines.push(`  ${words(currentLang()).report.pushedBack(pace.pushbacks, pace.serviceLimit, pace.suggestedRate)}`);
  return lines;
}

export function more(lines: string[], shown: number, total: number): void {
  if (total > shown) lines.push(`  ${say(text.more, { n: total - shown })}`);
}

export function sumOf(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
