/**
 * The closing report of `mail` on stdout: a line of counts, one line per
 * collector, then what needs a person (collectors skipped, addresses not
 * served, bad addresses), so a cron mail is short and actionable. `json`
 * gives the whole summary to a script. Never a password: the summary holds
 * only the redacted server address.
 */
import { countStates, type MailSummary } from './outcome.js';

export type MailReportFormat = 'text' | 'json';

const ORDER = ['SENT', 'ALREADY_SENT', 'WOULD_SEND', 'UNCERTAIN', 'FAILED', 'NOT_SENT', 'NO_COLLECTOR', 'NO_ADDRESS', 'EMPTY_FILE', 'FILE_MISSING'];

export function formatMailReport(summary: MailSummary, format: MailReportFormat): string {
  if (format === 'json') return `${JSON.stringify({ ...summary, counts: countStates(summary) }, null, 2)}\n`;
  const counts = countStates(summary);
  const parts = ORDER.filter((s) => counts[s] !== undefined).map((s) => `${s} ${counts[s]}`);
  const lines = [
    `${summary.dryRun ? 'Dry run (nothing sent)' : 'Mail'}: ${summary.collectors.length} file(s) in ${summary.manifest}${parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}`,
  ];
  if (summary.smtp) lines.push(`  server: ${summary.smtp}`);
  for (const c of summary.collectors) {
    const who = `${c.value === '' ? '(blank)' : c.value} (${c.file})`;
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
    attention.push(`  BAD_ADDRESS ${p.value === '' ? '(no collector)' : p.value}: row ${p.row}, column "${p.column}": ${p.text === '' ? '' : `"${p.text}" `}${p.reason}`);
  }
  if (attention.length > 0) lines.push('', 'Needs a person:', ...attention);
  if (summary.unused.length > 0) lines.push('', `In the collectors file but with no file this time: ${summary.unused.join(', ')}`);
  if (summary.emlFolder) lines.push('', `Messages written to ${summary.emlFolder} (open them in any mail client).`);
  lines.push('', `Journal: ${summary.journal}`);
  if (summary.stop) lines.push(`Stopped: ${summary.stop.message}`);
  return `${lines.join('\n')}\n`;
}
