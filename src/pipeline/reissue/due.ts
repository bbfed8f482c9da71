/**
 * `--due`: the new links' due date, checked as issue checks a row's due
 * date (an ISO date, not past on the site's clock, within --max-due-years),
 * once for the whole run: a bad --due stops it before anything is sent.
 */
import { say } from '../../i18n/message.js';
import { reissue as words } from '../../i18n/messages/reissue.js';
import { endOfDayInZone, isPast, type EndOfDay } from '../rows/dates.js';
import { DueWindow } from '../rows/due-window.js';
import { RunError } from '../run-error.js';

export type DueCheck = { ok: true; date: string; end: EndOfDay } | { ok: false; message: string };

/** Pure: `now` is "today" (--as-of in rehearsals). */
export function checkDue(value: string | undefined, rule: { now: Date; timeZone: string; maxDueYears: number }): DueCheck {
  if (value === undefined || value.trim() === '') return { ok: false, message: say(words.dueMissing) };
  const text = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const real = m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDate() === Number(m[3]);
  if (!real) return { ok: false, message: say(words.dueBad, { value }) };
  const window = new DueWindow(rule.now, rule.timeZone, rule.maxDueYears);
  const end = endOfDayInZone(text, rule.timeZone);
  if (isPast(end.instant, rule.now)) return { ok: false, message: say(words.duePast, { due: text, today: window.today }) };
  if (text > window.last) return { ok: false, message: say(words.dueTooFar, { due: text, today: window.today, last: window.last, years: rule.maxDueYears }) };
  return { ok: true, date: text, end };
}

/** The same, as a BAD_OPTION error (exit 2, nothing sent). */
export function dueOption(value: string | undefined, rule: { now: Date; timeZone: string; maxDueYears: number }): { date: string; end: EndOfDay } {
  const check = checkDue(value, rule);
  if (!check.ok) throw new RunError('BAD_OPTION', check.message);
  return check;
}
