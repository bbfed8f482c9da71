/**
 * The plausibility window of due dates: from today (on the site's clock) to
 * `years` ahead. A due date in 9999 or 2207 is a typo or a placeholder, not
 * a bill anyone means; it is refused with the window in the message.
 */
import { lastPlausibleDate } from './dates.js';
import { say } from '../../i18n/message.js';
import { rowsDates } from '../../i18n/messages/rows-dates.js';

/** Due dates further ahead than this many years are refused unless --max-due-years says otherwise. */
export const DEFAULT_MAX_DUE_YEARS = 3;

export class DueWindow {
  readonly today: string;
  readonly last: string;

  constructor(
    now: Date,
    timeZone: string,
    private readonly years: number = DEFAULT_MAX_DUE_YEARS,
  ) {
    this.today = localDate(now, timeZone);
    this.last = lastPlausibleDate(this.today, years);
  }

  /** Why `date` (YYYY-MM-DD, shown as `shown`) is too far ahead; undefined when it is not. */
  tooFar(date: string, shown: string): string | undefined {
    if (date <= this.last) return undefined;
    return say(rowsDates.tooFar, { shown, date, today: this.today, last: this.last, years: this.years });
  }
}

/** The calendar date (YYYY-MM-DD) of `now` on the wall clock of `timeZone`. */
function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string): string => parts.find((x) => x.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
