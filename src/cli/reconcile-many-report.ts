/**
 * The closing report of `reconcile` of several sheets: one report for the
 * run. In text: a headline, then what changed (in total, then per sheet),
 * then what needs a person (sheets not reconciled, sheets changed meanwhile,
 * PAID_AFTER_DISABLE first, then UNCERTAIN rows and errors), then one line
 * per sheet, the totals, and the files of the folder that were skipped and
 * why. In JSON: one object whose top-level figures are the totals (the same
 * names as the report of one sheet), with `sheets` (one entry per sheet: its
 * exit code and its own summary, or its error) and `skipped`.
 */
import type { LockHolder } from '../io/lock.js';
import type { Skipped } from '../pipeline/reconcile/discover.js';
import type { ManySummary, SheetOutcome } from '../pipeline/reconcile/many.js';
import type { ReconcileSummary } from '../pipeline/reconcile/run.js';
import type { Locale } from '../pipeline/types.js';
import { say } from '../i18n/message.js';
import { many as text, report as words } from '../i18n/messages/reconcile.js';
import type { ExitCode } from './exit-codes.js';
import {
  changeCountsText,
  changeLine,
  more,
  moneyIn,
  rowLine,
  sheetNotes,
  SHOWN,
  sumOf,
  totalsLines,
  urgentFirst,
  type ReportFormat,
} from './reconcile-report.js';

/** One sheet as the report shows it: its outcome, its exit code, and an error described for a person. */
export type SheetReport = SheetOutcome & { exitCode: ExitCode; described?: { code: string; message: string; holder?: LockHolder } };

export interface ManyReport {
  summary: ManySummary;
  sheets: SheetReport[];
  skipped: Skipped[];
  exitCode: ExitCode;
}

export function formatManyReport(report: ManyReport, format: ReportFormat, locale: Locale): string {
  return format === 'json' ? `${JSON.stringify(jsonOf(report))}\n` : textOf(report, locale);
}

function jsonOf(report: ManyReport): unknown {
  const { sheets: _outcomes, ...totals } = report.summary;
  return {
    event: 'summary',
    ...totals,
    exitCode: report.exitCode,
    sheets: report.sheets.map((s) => {
      const base = { sheet: s.sheet, status: s.status, exitCode: s.exitCode };
      if (s.status === 'done') return { ...base, ...s.summary, sheet: s.sheet };
      if (s.status === 'not-run') return { ...base, reason: s.reason };
      return { ...base, error: s.described };
    }),
    skipped: report.skipped,
  };
}

function textOf(report: ManyReport, locale: Locale): string {
  const money = moneyIn(locale);
  const s = report.summary;
  const done = report.sheets.filter((x): x is SheetReport & { status: 'done'; summary: ReconcileSummary } => x.status === 'done');
  const lines: string[] = [];
  const target = s.dryRun ? say(words.dryRunTarget) : say(text.inPlace);
  lines.push(say(text.head, { done: done.length, total: report.sheets.length, queried: s.queried, linked: s.linked, target }));
  if (report.skipped.length > 0) lines.push(say(text.skippedNote, { n: report.skipped.length }));

  // What changed: in total, then each sheet's changes under its name.
  if (Object.keys(s.changeCounts).length === 0) lines.push(say(words.noChanges));
  else {
    lines.push(say(words.changes, { list: changeCountsText(s.changeCounts) }));
    let budget = SHOWN;
    for (const sheet of done) {
      const summary = sheet.summary;
      if (Object.keys(summary.changeCounts).length === 0) continue;
      lines.push(`  ${sheet.sheet}: ${changeCountsText(summary.changeCounts)}`);
      const shown = summary.changes.slice(0, Math.max(0, budget));
      budget -= shown.length;
      for (const change of shown) lines.push(`    ${changeLine(change, money)}`);
      if (sumOf(summary.changeCounts) > shown.length) lines.push(`    ${say(words.more, { n: sumOf(summary.changeCounts) - shown.length })}`);
    }
  }
  if (s.wouldDisableCount > 0) {
    lines.push(say(words.wouldDisable, { n: s.wouldDisableCount }));
    for (const p of s.wouldDisable.slice(0, SHOWN)) lines.push(`  ${p.sheet} ${rowLine(p)}`);
    more(lines, Math.min(SHOWN, s.wouldDisable.length), s.wouldDisableCount);
  }

  // What needs a person: sheets first (a whole sheet not reconciled), then rows.
  const sheetIssues = report.sheets.flatMap((sheet) => sheetIssueLines(sheet));
  if (sheetIssues.length > 0 || s.problemCount > 0) {
    lines.push(say(words.needsLook, { n: sheetIssues.length + s.problemCount }));
    for (const line of sheetIssues) lines.push(`  ${line}`);
    const shown = urgentFirst(s.paidAfterDisable, s.problems, (p) => `${p.sheet}\n${p.rowNumber}`);
    for (const p of shown) lines.push(`  ${p.sheet} ${rowLine(p)}`);
    more(lines, shown.length, s.problemCount);
  }

  lines.push(say(text.perSheet));
  for (const sheet of report.sheets) lines.push(`  ${perSheetLine(sheet)}`);
  lines.push(...totalsLines(s, money));
  if (report.skipped.length > 0) {
    lines.push(say(text.skippedHead));
    for (const skip of report.skipped) lines.push(`  ${skip.path}: ${skip.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function sheetIssueLines(sheet: SheetReport): string[] {
  if (sheet.status === 'done') return sheetNotes(sheet.summary).map((note) => `${sheet.sheet}: ${note}`);
  if (sheet.status === 'not-run') return [say(text.notReconciled, { sheet: sheet.sheet, exit: sheet.exitCode, why: say(text.notReached, { why: sheet.reason }) })];
  const d = sheet.described;
  const why = d?.code === 'LOCK_HELD'
    ? say(text.locked, { pid: d?.holder?.pid, host: d?.holder?.hostname, since: d?.holder?.startedAt })
    : `${d?.code ?? 'ERROR'}: ${d?.message ?? ''}`;
  return [say(text.notReconciled, { sheet: sheet.sheet, exit: sheet.exitCode, why })];
}

function perSheetLine(sheet: SheetReport): string {
  if (sheet.status !== 'done') return say(text.perSheetFailed, { sheet: sheet.sheet, exit: sheet.exitCode });
  const summary = sheet.summary;
  const parts = Object.keys(summary.changeCounts).length === 0 ? say(text.noChangesShort) : changeCountsText(summary.changeCounts);
  const changes = summary.problemCount > 0 ? `${parts}, ${say(text.problemsIn, { n: summary.problemCount })}` : parts;
  const result = summary.dryRun ? say(words.dryRunTarget) : say(words.writtenTo, { path: summary.output ?? say(words.notWritten) });
  return say(text.perSheetDone, { sheet: sheet.sheet, exit: sheet.exitCode, queried: summary.queried, linked: summary.linked, changes, result });
}
