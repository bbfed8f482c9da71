/**
 * The report's parameters and notes as label/value pairs: what was read,
 * as of when, grouped how, what was left out and why, and how the figures
 * are defined. Shown in the XLSX's last sheet and at the foot of the HTML.
 */
import { say } from '../../i18n/message.js';
import { report as words } from '../../i18n/messages/report.js';
import type { AgingReport } from './build.js';

export function aboutLines(report: AgingReport): Array<[string, string]> {
  const lines: Array<[string, string]> = [
    [say(words.asOf), report.asOf],
    [say(words.groupedBy), report.by ?? say(words.oneGroup)],
    [say(words.files), report.files.join('\n')],
  ];
  const notes: string[] = [];
  for (const s of report.skipped) notes.push(say(words.skippedFile, { path: s.path, reason: s.reason }));
  for (const path of report.notReconciled) notes.push(say(words.notReconciled, { path }));
  const excluded = Object.entries(report.excluded).filter(([, n]) => n > 0);
  if (excluded.length > 0) {
    const counts = excluded.map(([state, n]) => `${state === '' ? say(words.blankValue) : state} ${n}`).join(', ');
    notes.push(say(words.notReceivable, { counts }));
  }
  notes.push(say(words.monthNote), say(words.daysNote, { asOf: report.asOf, timeZone: report.timeZone }), say(words.rateNote));
  lines.push([say(words.notes), notes.join('\n')]);
  return lines;
}
