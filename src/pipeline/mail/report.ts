/**
 * The closing report of `mail` on stdout: a line of counts, one line per
 * collector, then what needs a person (collectors skipped, addresses not
 * served, bad addresses), so a cron mail is short and actionable. `json`
 * gives the whole summary to a script. Never a password: the summary holds
 * only the redacted server address.
 */
import { countStates, type MailSummary } from './outcome.js';
import { say } from '../../i18n/message.js';
import { labels } from '../../i18n/messages/labels.js';
import { mail } from '../../i18n/messages/mail.js';

export type MailReportFormat = 'text' | 'json';

const ORDER = ['SENT', 'ALREADY_SENT', 'WOULD_SEND', 'UNCERTAIN', 'FAILED', 'NOT_SENT', 'NO_COLLECTOR', 'NO_ADDRESS', 'EMPTY_FILE', 'FILE_MISSING'];

export function formatMailReport(summary: MailSummary, format: MailReportFormat): string {
  if (format === 'json') return `${JSON.stringify({ ...summary, counts: countStates(summary) }, null, 2)}\n`;
  const counts = countStates(summary);
  const parts = ORDER.filter((s) => counts[s] !== undefined).map((s) => `${s} ${counts[s]}`);
  const lines = [
    `${say(mail.reportTitle, { dryRun: summary.dryRun, files: summary.collectors.length, manifest: summary.manifest })}${parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}`,
  ];
  if (summary.smtp) lines.push(`  ${say(mail.reportServer, { server: summary.smtp })}`);
  for (const c of summary.collectors) {
    const who = `${c.value === '' ? say(labels.blank) : c.value} (${c.file})`;
    if (c.problem !== undefined) {
      lines.push(`  ${who}: ${c.problem}`);
      continue;
    }
    const byState = new Map<string, string[]>();
    for (const a of c.addresses) byState.set(a.state, [...(byState.get(a.state) ?? []), a.address]);
    lines.push(`  ${who}: ${[...byState].map(([s, list]) => `${s} ${list.join(', ')}`).join(' · ')}${c.eml ? ` → ${c.eml}` : ''}`);
  }
  const attention: string[] = [];
  for (const c of summary.collectors) {
    if (c.problem !== undefined) attention.push(`  ${c.problem}: ${c.message ?? ''}`);
    for (const a of c.addresses) {
      if (a.state === 'UNCERTAIN' || a.state === 'FAILED' || a.state === 'NOT_SENT') attention.push(`  ${a.state} ${c.value} <${a.address}>: ${a.detail ?? ''}`);
    }
  }
  for (const p of summary.addressProblems) {
    attention.push(`  ${say(mail.reportBadAddress, { who: p.value === '' ? undefined : p.value, row: p.row, column: p.column, text: p.text, reason: p.reason })}`);
  }
  if (attention.length > 0) lines.push('', say(mail.reportNeedsPerson), ...attention);
  if (summary.unused.length > 0) lines.push('', say(mail.reportUnused, { values: summary.unused.join(', ') }));
  if (summary.emlFolder) lines.push('', say(mail.reportEml, { folder: summary.emlFolder }));
  lines.push('', say(mail.reportJournal, { journal: summary.journal }));
  if (summary.stop) lines.push(say(mail.reportStopped, { message: summary.stop.message }));
  return `${lines.join('\n')}\n`;
}
