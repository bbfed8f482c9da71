/**
 * The closing report of `issue`, on stdout: a short table for people (in
 * the run's language), or one JSON object with --log json (or when stderr is
 * not a terminal).
 *
 * A run stopped by wrong credentials or a wrong address gets one message
 * that says what to fix, with no per-row lines (every row failed for the same
 * reason) and no invitation to run the same command unchanged.
 */
import type { IssueConfig } from '../pipeline/issue/config.js';
import type { IssueSummary } from '../pipeline/issue/run.js';
import { isSetupStop, type RunStop } from '../pipeline/issue/send.js';
import { formatAmount } from '../pipeline/money.js';
import type { SkipCode } from '../pipeline/types.js';
import { say, type Message } from '../i18n/message.js';
import { reports } from '../i18n/messages/reports.js';
import { stateWithLabel } from '../i18n/messages/states.js';

const STATE_ORDER = ['ISSUED', 'WOULD_ISSUE', 'INVALID', 'FAILED', 'UNCERTAIN', 'SKIPPED'];

export function printIssueSummary(summary: IssueSummary, config: IssueConfig, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ event: 'summary', ...summary, stop: summary.stop })}\n`);
    return;
  }
  process.stdout.write(`${issueReport(summary, config).join('\n')}\n`);
}

/** The report's lines, in the run's language. */
export function issueReport(summary: IssueSummary, config: IssueConfig): string[] {
  const r = reports;
  const locale = config.request.locale;
  const n = (x: number): string => x.toLocaleString(locale);
  const stop = summary.stop;
  if (summary.written === false && stop !== undefined) {
    return [`${say(r.stopped)}: ${setupCause(stop)}`, say(r.setup.nothingCreated, { output: summary.output }), setupFix(stop), say(r.setup.thenAgain)];
  }
  const lines: string[] = [];
  lines.push(`${say(summary.dryRun ? r.dryRun : r.done)}: ${config.input.path} → ${summary.output}`);
  const states = [...STATE_ORDER.filter((s) => summary.states[s] !== undefined), ...Object.keys(summary.states).filter((s) => !STATE_ORDER.includes(s))];
  const shown = states.map((s) => stateWithLabel(s));
  const width = Math.max(11, ...shown.map((s) => s.length));
  lines.push(`  ${say(r.rows).padEnd(width)} ${n(summary.rows).padStart(8)}`);
  states.forEach((state, i) => {
    const count = summary.states[state] ?? 0;
    const amounts = state === 'ISSUED' ? Object.entries(summary.issued).map(([cur, amt]) => formatAmount(amt, locale, cur)).join(' + ') : '';
    lines.push(`  ${(shown[i] ?? state).padEnd(width)} ${n(count).padStart(8)}${amounts ? `   ${amounts}` : ''}`);
  });
  const skipped = Object.entries(summary.skipped ?? {}) as Array<[SkipCode, number]>;
  if (skipped.length > 0) {
    const total = skipped.reduce((sum, [, count]) => sum + count, 0);
    lines.push(`  ${say(r.skipped, { count: n(total), detail: skipped.map(([code, count]) => `${n(count)} ${say(r.skipReasons[code])}`).join(', ') })}`);
  }
  const seconds = (summary.elapsedMs / 1000).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  lines.push(`  ${say(r.time).padEnd(width)} ${say(r.timeValue, { seconds, rate: n(Math.round(summary.rowsPerSecond)) })}`);
  const extras = summary.extras;
  if (extras?.split) lines.push(`  ${say(r.split, { files: extras.split.files.length, folder: extras.split.folder })}`);
  if (extras?.splitError) lines.push(`  ${say(r.splitFailed)}: ${extras.splitError}`);
  if (extras?.qr) lines.push(`  ${say(r.qr, { count: extras.qr.count, path: extras.qr.path })}`);
  if (extras?.qrError) lines.push(`  ${say(r.qrFailed)}: ${extras.qrError}`);
  const pace = summary.pace;
  if (pace !== undefined && pace.pushbacks > 0) lines.push(`  ${say(r.pushedBack, { count: pace.pushbacks, limit: pace.serviceLimit, suggested: pace.suggestedRate })}`);
  if (stop && isSetupStop(stop)) {
    // Links exist (a resumed run, or credentials revoked mid-run): they are in the output; the rest waits for the fix.
    lines.push('', `${say(r.stopped)}: ${setupCause(stop)}`, say(r.setup.linksKept, { output: summary.output, journal: summary.journal ?? '' }), setupFix(stop), say(r.setup.thenAgain));
  } else if (stop) {
    lines.push('', `${say(r.stopped)}: ${stop.message}`);
  }
  // Rows that were only "not sent" because the run stopped say nothing the stop line did not: counted, not listed.
  const listed = summary.firstErrors.filter((e) => !(stop && (isSetupStop(stop) || e.message.includes(stop.message))));
  if (listed.length > 0 && !(stop && isSetupStop(stop))) {
    lines.push('', say(r.rowsWithoutLink));
    for (const e of listed) lines.push(`  ${say(r.rowLine, { row: e.rowNumber, state: stateWithLabel(e.state), message: e.message })}`);
  }
  if (summary.uncertain.length > 0) {
    lines.push('', say(r.uncertain, { count: summary.uncertain.length }));
    for (const u of summary.uncertain.slice(0, 20)) lines.push(`  ${say(r.uncertainLine, { row: u.rowNumber, reference: u.reference, message: u.message })}`);
  }
  if (summary.journal && !isSetupStop(stop) && (stop || (summary.states.FAILED ?? 0) > 0)) {
    lines.push('', say(r.again, { journal: summary.journal }));
  }
  return lines;
}

/** What the service refused, in the run's language. */
export function setupCause(stop: RunStop): string {
  if (stop.reason === 'CONFIG_FAILED') return say(reports.setup.endpointMissing);
  const causes = reports.setup.causes;
  const cause: Message = stop.authCode === 101 || stop.authCode === 102 || stop.authCode === 103 || stop.authCode === 104 ? causes[stop.authCode] : causes.none;
  return say(reports.setup.authFailed, { cause: say(cause) });
}

/** What to fix, by the cause: a decision table (credentials, environment, clock, site, address). */
export function setupFix(stop: RunStop): string {
  const s = reports.setup;
  if (stop.reason === 'CONFIG_FAILED') return say(s.fixAddress);
  switch (stop.authCode) {
    case 101:
      return say(s.fixEnvironment);
    case 103:
      return say(s.fixClock);
    case 104:
      return say(s.fixSite);
    default:
      return say(s.fixCredentials);
  }
}
