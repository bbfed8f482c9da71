/**
 * Due dates: cells → calendar dates (`YYYY-MM-DD`), and the instant a link
 * expires — the end of the due day in the site's time zone.
 *
 * Accepted: ISO `2027-03-15` (a time part is ignored), the sheet's date order
 * (`--date-order`, by default the locale's: es-CO day/month/year, en-US
 * month/day/year) with `/`, `-` or `.`, dates with a Spanish or English month
 * name (`15-ene-2027`, `15 de enero de 2027`, `ene 15, 2027`, `15-Jan-2027`:
 * what a spreadsheet displays and a CSV export writes), XLSX date cells, and
 * Excel serial numbers only from cells formatted as dates. Never a guess: a
 * 2-digit year, a day/month in the wrong order, or a plain number (1052027
 * would be the year 4780) is an error.
 */
import { isCellError, type CellValue } from '../../io/types.js';
import { LOCALE_DEFAULTS, type DateOrder, type Locale, type RowErrorCode } from '../types.js';
import { monthOfName } from './month-names.js';
import { RunError } from '../run-error.js';
import { say } from '../../i18n/message.js';
import { rowsDates as M, type OrderHint } from '../../i18n/messages/rows-dates.js';

export type DueDateResult = { ok: true; date: string } | { ok: false; code: RowErrorCode; reason: string };

const TIME = String.raw`(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?\s?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`, 'i');
const SHORT_YEAR = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{2})${TIME}$`, 'i');
const NUMERIC = /^\d+(?:[.,]\d+)?$/;
const HAS_LETTER = /\p{L}/u;
const MAX_TEXT_LENGTH = 48;

/** The last Excel serial date (9999-12-31) in the 1900 date system. */
const MAX_SERIAL = 2958465;
const DAY_MS = 86_400_000;

/** The date order a setting means: a locale's own, or the order itself (`--date-order`). */
export function dateOrderOf(style: Locale | DateOrder): DateOrder {
  return style === 'dmy' || style === 'mdy' || style === 'ymd' ? style : LOCALE_DEFAULTS[style].dateOrder;
}

/** What the cell's format says about it, when the reader knows (XLSX). */
export interface DateCellInfo {
  /** The cell's number format is a date format: a number in it is an Excel serial date. */
  isDate?: boolean;
}

export function parseDueDate(value: CellValue, style: Locale | DateOrder, cellInfo?: DateCellInfo): DueDateResult {
  const order = dateOrderOf(style);
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return { ok: false, code: 'DUE_DATE_MISSING', reason: say(M.missing, { order }) };
  }
  if (value instanceof Date) return fromDateCell(value);
  if (typeof value === 'number') return cellInfo?.isDate === true ? fromSerial(value, order) : notADateCell(String(value), order);
  if (typeof value === 'string') return fromText(value.trim(), order);
  if (isCellError(value)) return invalid(say(M.cellError, { error: value.error, order }));
  return invalid(say(M.valueNotDate, { value: String(value).toUpperCase(), order }));
}

/** The reader gives XLSX dates as the wall-clock date in UTC fields. */
function fromDateCell(d: Date): DueDateResult {
  if (Number.isNaN(d.getTime())) return invalid(say(M.unreadableDateCell));
  return checkCalendar(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.toISOString().slice(0, 10));
}

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, and Excel counts a
 * 1900-02-29 that never existed (serial 60), so serials from 61 on are one
 * day ahead of a plain count from 1899-12-31. A fraction is a time of day.
 */
export function excelSerialToDate(serial: number): string | undefined {
  const day = Math.floor(serial);
  if (!(day >= 1 && day <= MAX_SERIAL) || day === 60) return undefined;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
}

function fromSerial(n: number, order: DateOrder): DueDateResult {
  const date = excelSerialToDate(n);
  if (date !== undefined) return { ok: true, date };
  return invalid(say(M.serialOutOfRange, { value: String(n), order }));
}

/** A number is a date only when the spreadsheet says so (a date format): 1052027 is not the year 4780. */
function notADateCell(shown: string, order: DateOrder): DueDateResult {
  return { ok: false, code: 'DUE_DATE_NOT_A_DATE_CELL', reason: say(M.plainNumber, { shown, order }) };
}

function fromText(text: string, order: DateOrder): DueDateResult {
  // No date is this long; refusing early also keeps the regexes below from backtracking on huge cells.
  if (text.length > MAX_TEXT_LENGTH) return invalid(say(M.longText, { length: text.length, order }));
  let m = YEAR_FIRST.exec(text);
  if (m !== null) return checkCalendar(Number(m[1]), Number(m[3]), Number(m[4]), text);
  m = YEAR_LAST.exec(text);
  if (m !== null) return fromYearLast(text, Number(m[1]), Number(m[3]), Number(m[4]), order);
  if (SHORT_YEAR.test(text)) {
    return invalid(say(M.shortYear, { text, order }));
  }
  if (NUMERIC.test(text)) return notADateCell(text, order);
  if (HAS_LETTER.test(text)) {
    const named = fromMonthName(text);
    if (named !== undefined) return named;
  }
  return invalid(say(M.notDate, { text, order }));
}

function fromYearLast(text: string, a: number, b: number, year: number, order: DateOrder): DueDateResult {
  if (order === 'ymd') {
    return invalid(say(M.yearLast, { text }));
  }
  const [day, month] = order === 'dmy' ? [a, b] : [b, a];
  const other = order === 'dmy' ? 'mdy' : 'dmy';
  const hint: OrderHint = month > 12 && day <= 12 ? { order, other } : { order };
  return checkCalendar(year, month, day, text, hint);
}

/**
 * "15-ene-2027", "15 de enero de 2027", "lunes, 15 de enero de 2027",
 * "ene 15, 2027", "15-Jan-2027", "January 15, 2027": the month is a word, so
 * the order of day and month is never in doubt. A 4-digit year is required.
 */
function fromMonthName(text: string): DueDateResult | undefined {
  const words = text
    .toLowerCase()
    .split(/[\s,/.\-]+/)
    .filter((w) => w !== '' && w !== 'de' && w !== 'del' && w !== 'of');
  if (words.length === 4 && WEEKDAYS.has(stripAccents(words[0] as string))) words.shift();
  if (words.length !== 3) return undefined;
  const [first, second, third] = words as [string, string, string];
  const year = /^\d{4}$/.test(third) ? Number(third) : undefined;
  let day: string | undefined;
  let month: number | undefined;
  if (/^\d{1,2}$/.test(first)) [day, month] = [first, monthOfName(second)];
  else if (/^\d{1,2}$/.test(second)) [day, month] = [second, monthOfName(first)];
  if (day === undefined || month === undefined) return undefined;
  if (year === undefined) {
    return invalid(say(M.noYear, { text }));
  }
  return checkCalendar(year, month, Number(day), text);
}

const WEEKDAYS = new Set([
  'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo',
  'lun', 'mar', 'mie', 'jue', 'vie', 'sab', 'dom',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
]);

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** `shown`: the cell as written, or '' for a date cell (the message then says "the date"). */
function checkCalendar(year: number, month: number, day: number, shown: string, hint?: OrderHint): DueDateResult {
  if (month < 1 || month > 12) return invalid(say(M.badMonth, hint === undefined ? { shown } : { shown, hint }));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) {
    return invalid(say(M.badDay, { shown, month, year, days: last, ...(hint === undefined ? {} : { hint }) }));
  }
  if (year < 1900 || year > 9999) return invalid(say(M.badYear, { shown, year }));
  return { ok: true, date: `${year}-${pad(month)}-${pad(day)}` };
}

function invalid(reason: string): DueDateResult {
  return { ok: false, code: 'DUE_DATE_INVALID', reason };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The last calendar day a due date may fall on: `years` after `today`
 * (YYYY-MM-DD), on the same day of the month (Feb 29 → Feb 28).
 */
export function lastPlausibleDate(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${pad(m)}-${pad(Math.min(d, last))}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a clear RunError (BAD_OPTION) for a time zone name Intl does not know. */
export function checkTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new RunError('BAD_OPTION', say(M.unknownTimeZone, { timeZone }));
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Shared between rows with the same due date: do not mutate `instant`. */
export interface EndOfDay {
  /** Site-local `YYYY-MM-DD 23:59:59`, as sent in `expirationDate`. */
  readonly local: string;
  /** The same moment as an instant. */
  readonly instant: Date;
}

// Due dates repeat heavily across a sheet and Intl is the slow part: remember each date, per zone.
const endOfDayCache = new Map<string, Map<string, EndOfDay>>();
const MAX_CACHED_DATES = 10_000;

/** The last second of `date` (YYYY-MM-DD) on the wall clock of `timeZone`, DST included. */
export function endOfDayInZone(date: string, timeZone: string): EndOfDay {
  let zone = endOfDayCache.get(timeZone);
  const cached = zone?.get(date);
  if (cached !== undefined) return cached;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 23, 59, 59);
  // Two passes: the offset at the first guess may differ from the offset at the answer across a DST change.
  const first = wall - zoneOffset(wall, timeZone);
  const offset = zoneOffset(first, timeZone);
  const result: EndOfDay = Object.freeze({ local: `${date} 23:59:59`, instant: new Date(wall - offset) });
  if (zone === undefined || zone.size >= MAX_CACHED_DATES) {
    zone = new Map();
    endOfDayCache.set(timeZone, zone);
  }
  zone.set(date, result);
  return result;
}

/** True when the link would already have expired: its last instant is not after `now`. */
export function isPast(endInstant: Date, now: Date): boolean {
  return endInstant.getTime() <= now.getTime();
}
