/**
 * Days overdue ("días de mora") and the aging bucket of a pending balance.
 * Pure functions on calendar dates (`YYYY-MM-DD`): the cut-off date is a
 * day in the site's time zone, chosen by the caller, so a bill due today is
 * "current" all day long wherever the report is run.
 */

/** The buckets of the report, in order: not yet due, then by days overdue. */
export const BUCKETS = ['current', 'd1to30', 'd31to60', 'd61to90', 'over90'] as const;
export type Bucket = (typeof BUCKETS)[number];

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) throw new Error(`"${date}" is not a date YYYY-MM-DD`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** Whole days from the due date to the cut-off date: 0 on the due date, negative before it. */
export function daysOverdue(dueDate: string, asOf: string): number {
  return dayNumber(asOf) - dayNumber(dueDate);
}

/** The bucket of a balance `days` overdue: 0 or fewer is current; then 1–30, 31–60, 61–90, more than 90. */
export function bucketOf(days: number): Bucket {
  if (days <= 0) return 'current';
  if (days <= 30) return 'd1to30';
  if (days <= 60) return 'd31to60';
  if (days <= 90) return 'd61to90';
  return 'over90';
}

/** `YYYY-MM` of a date: the report's month (see the monthNote in the catalogue: the due date's month). */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The calendar date of `instant` on the wall clock of `timeZone`, `YYYY-MM-DD`. */
export function dateInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
