/**
 * Wall-clock time in the site's IANA zone, without a dependency.
 *
 * The service reads `expirationDate` ("Y-m-d H:i:s", no offset) in the site's
 * local time and writes dates back as ISO 8601 with the offset
 * (`2024-08-12T08:10:50-05:00`). Offsets come from Intl so a zone with
 * daylight saving time works too.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown zone: startSandbox calls this early so the mistake shows at start.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when Intl does not know it. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}": use an IANA name such as America/Bogota.`);
  }
}

/** Minutes east of UTC that `timeZone` has at the instant `at` (Bogotá: -300). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? NaN);
  const wallAsUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour') % 24, field('minute'), field('second'));
  const wholeSeconds = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / 60_000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2024-08-12T08:10:50-05:00`: the instant as the site's wall clock shows it, with the offset. */
export function formatInZone(at: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(timeZone, at);
  const wall = new Date(at.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Reads `Y-m-d H:i:s` as a wall-clock time in `timeZone`. Null when the text
 * does not have that shape or names a day or time that does not exist
 * (`2024-02-30`, `25:00:00`), as PHP's strict `createFromFormat` check would.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallAsUtc);
  if (
    year < 1000 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return null;
  }
  // The offset depends on the instant, which depends on the offset: two passes settle it (DST edges included).
  const first = wallAsUtc - zoneOffsetMinutes(timeZone, new Date(wallAsUtc)) * 60_000;
  return new Date(wallAsUtc - zoneOffsetMinutes(timeZone, new Date(first)) * 60_000);
}

const ISO_WITH_OPTIONAL_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads an auth `seed`: ISO 8601, with an offset (`-05:00`, `Z`) or, as the
 * service tolerates, without one (then it is the site's local time).
 */
export function parseSeed(seed: string, timeZone: string): Date | null {
  const match = ISO_WITH_OPTIONAL_OFFSET.exec(seed);
  if (match === null) return null;
  if (match[1] === undefined) return parseLocalDateTime(seed.slice(0, 19).replace('T', ' '), timeZone);
  const ms = Date.parse(seed);
  return Number.isNaN(ms) ? null : new Date(ms);
}
