/**
 * How the report shows its figures to a person, in the run's language:
 * amounts `$ 1.250.000` (es) / `$1,250,000` (en), rates `83,3 %` / `83.3%`,
 * months `enero 2027` / `January 2027`, and the words of buckets and reasons.
 */
import { say } from '../../i18n/message.js';
import { currentLang } from '../../i18n/current.js';
import { report as words } from '../../i18n/messages/report.js';
import { formatAmount } from '../money.js';
import type { Locale } from '../types.js';
import type { Bucket } from './aging.js';
import type { AttentionReason } from './classify.js';

/** The number format of the run's language (es-CO or en-US). */
export function displayLocale(): Locale {
  return currentLang() === 'es' ? 'es-CO' : 'en-US';
}

/** An amount in a table whose currency is named above it: `$ 1.250.000` for pesos and dollars, `1.250.000 EUR` otherwise. */
export function money(amount: string, currency: string): string {
  const locale = displayLocale();
  const full = formatAmount(amount, locale, currency);
  return full.startsWith('$') ? formatAmount(amount, locale) : full;
}

/** A rate (canonical percent, "83.3") for people; a dash when nothing was billed. */
export function percent(rate: string | undefined): string {
  if (rate === undefined) return say(words.noRate);
  const [whole, fraction = '0'] = rate.split('.');
  return currentLang() === 'es' ? `${whole},${fraction} %` : `${whole}.${fraction}%`;
}

/** `2027-01` → `enero 2027`; '' → `(sin fecha)`. */
export function monthLabel(month: string): string {
  if (month === '') return say(words.noDueMonth);
  return `${say(words.months, { month: Number(month.slice(5, 7)) })} ${month.slice(0, 4)}`;
}

export function bucketLabel(bucket: Bucket): string {
  const entry = { current: words.bucketCurrent, d1to30: words.bucket1to30, d31to60: words.bucket31to60, d61to90: words.bucket61to90, over90: words.bucketOver90 }[bucket];
  return say(entry);
}

/** A group's name for people: its value, `(sin valor)` when blank, `Todos` without --by. */
export function groupLabel(group: string, by: string | undefined): string {
  if (by === undefined) return say(words.all);
  return group === '' ? say(words.blankValue) : group;
}

export function reasonText(reason: AttentionReason): string {
  switch (reason.kind) {
    case 'uncertain':
      return say(words.reasonUncertain);
    case 'unknown':
      return say(words.reasonUnknown, { detail: '' });
    case 'amount':
      return say(words.reasonAmount);
    case 'paidAmount':
      return say(words.reasonPaidAmount, { state: reason.state, value: reason.value });
    case 'dueDate':
      return say(words.reasonDueDate);
    case 'state':
      return say(words.reasonState, { column: reason.column, value: reason.value });
  }
}
