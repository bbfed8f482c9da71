import { describe, expect, it } from 'vitest';
import { checkTimeZone, endOfDayInZone, excelSerialToDate, isPast, lastPlausibleDate, parseDueDate } from '../../../src/pipeline/rows/dates.js';
import type { Locale } from '../../../src/pipeline/types.js';

const valid: Array<[Locale, string | number | Date, string]> = [
  ['es-CO', '2027-03-15', '2027-03-15'],
  ['en-US', '2027-03-15', '2027-03-15'],
  ['es-CO', '2027-3-5', '2027-03-05'],
  ['es-CO', '2027-03-15T10:30:00Z', '2027-03-15'],
  ['es-CO', '2027-03-15 00:00:00', '2027-03-15'],
  ['es-CO', '2027/03/15', '2027-03-15'],
  ['es-CO', '15/03/2027', '2027-03-15'],
  ['es-CO', '15-03-2027', '2027-03-15'],
  ['es-CO', '15.03.2027', '2027-03-15'],
  ['es-CO', '5/3/2027', '2027-03-05'],
  ['es-CO', '15/03/2027 0:00', '2027-03-15'],
  ['es-CO', '  15/03/2027 ', '2027-03-15'],
  ['en-US', '03/15/2027', '2027-03-15'],
  ['en-US', '3/5/2027', '2027-03-05'],
  ['en-US', '03/15/2027 12:00 PM', '2027-03-15'],
  ['es-CO', '29/02/2028', '2028-02-29'],
  // XLSX date cells carry the wall-clock date in their UTC fields
  ['es-CO', new Date(Date.UTC(2027, 2, 15)), '2027-03-15'],
  ['en-US', new Date(Date.UTC(2027, 2, 15, 23, 59)), '2027-03-15'],
  // Month names, Spanish and English, as spreadsheets display them (any date order: the month is a word).
  ['es-CO', '15-ene-2027', '2027-01-15'],
  ['es-CO', '15-Ene-2027', '2027-01-15'],
  ['es-CO', '15/ene/2027', '2027-01-15'],
  ['es-CO', '15 ene 2027', '2027-01-15'],
  ['es-CO', '15.ene.2027', '2027-01-15'],
  ['es-CO', '15-ene.-2027', '2027-01-15'],
  ['es-CO', '15 de enero de 2027', '2027-01-15'],
  ['es-CO', '15 de enero 2027', '2027-01-15'],
  ['es-CO', 'lunes, 15 de marzo de 2027', '2027-03-15'],
  ['es-CO', 'miércoles, 17 de marzo de 2027', '2027-03-17'],
  ['es-CO', 'ene 15, 2027', '2027-01-15'],
  ['es-CO', 'Enero 15 de 2027', '2027-01-15'],
  ['es-CO', '1-sept-2027', '2027-09-01'],
  ['es-CO', '1-sep-2027', '2027-09-01'],
  ['es-CO', '1 setiembre 2027', '2027-09-01'],
  ['es-CO', '3-ago-2027', '2027-08-03'],
  ['es-CO', '24-dic-2027', '2027-12-24'],
  ['es-CO', '10-abr-2027', '2027-04-10'],
  ['es-CO', '15-Jan-2027', '2027-01-15'],
  ['en-US', '15-Jan-2027', '2027-01-15'],
  ['en-US', 'January 15, 2027', '2027-01-15'],
  ['en-US', 'Dec 24, 2027', '2027-12-24'],
  ['en-US', 'Friday, October 1, 2027', '2027-10-01'],
];

describe('parseDueDate: accepted', () => {
  it.each(valid)('%s %j → %s', (locale, input, expected) => {
    expect(parseDueDate(input, locale)).toEqual({ ok: true, date: expected });
  });
});

// Excel serial dates (1900 system), only from cells formatted as dates.
const serials: Array<[number, string]> = [
  [46461, '2027-03-15'],
  [46461.75, '2027-03-15'],
  [1, '1900-01-01'],
  [59, '1900-02-28'],
  [61, '1900-03-01'],
  [2958465, '9999-12-31'],
];

describe('parseDueDate: serial numbers', () => {
  it.each(serials)('%j in a date-formatted cell → %s', (input, expected) => {
    expect(parseDueDate(input, 'es-CO', { isDate: true })).toEqual({ ok: true, date: expected });
  });

  it.each([46461, 1052027, 45678.5])('%j in a cell not formatted as a date → DUE_DATE_NOT_A_DATE_CELL', (input) => {
    for (const info of [undefined, {}, { isDate: false }]) {
      const r = parseDueDate(input, 'es-CO', info);
      expect(r).toMatchObject({ ok: false, code: 'DUE_DATE_NOT_A_DATE_CELL' });
      if (!r.ok) expect(r.reason).toMatch(/plain number, not a date.*format the column as a date/);
    }
  });

  it('never reads 1052027 as the year 4780, text or number', () => {
    expect(parseDueDate('1052027', 'es-CO')).toMatchObject({ ok: false, code: 'DUE_DATE_NOT_A_DATE_CELL' });
    expect(parseDueDate(1052027, 'es-CO')).toMatchObject({ ok: false, code: 'DUE_DATE_NOT_A_DATE_CELL' });
  });
});

// The date order set apart from the locale (--date-order).
const byOrder: Array<['dmy' | 'mdy' | 'ymd', string, { ok: true; date: string } | { ok: false; code: string; reason: RegExp }]> = [
  ['dmy', '10/02/2027', { ok: true, date: '2027-02-10' }],
  ['mdy', '10/02/2027', { ok: true, date: '2027-10-02' }],
  ['ymd', '2027/02/10', { ok: true, date: '2027-02-10' }],
  ['ymd', '10/02/2027', { ok: false, code: 'DUE_DATE_INVALID', reason: /puts the year last.*--date-order ymd/ }],
  ['dmy', '02/15/2027', { ok: false, code: 'DUE_DATE_INVALID', reason: /month must be 1 to 12.*--date-order mdy/ }],
  ['mdy', '15/02/2027', { ok: false, code: 'DUE_DATE_INVALID', reason: /--date-order dmy/ }],
  ['mdy', '15-ene-2027', { ok: true, date: '2027-01-15' }],
];

describe('parseDueDate: by date order', () => {
  it.each(byOrder)('%s %j', (order, input, expected) => {
    const r = parseDueDate(input, order);
    if (expected.ok) expect(r).toEqual(expected);
    else {
      expect(r).toMatchObject({ ok: false, code: expected.code });
      if (!r.ok) expect(r.reason).toMatch(expected.reason);
    }
  });

  it('reads 10/02/2027 as 10 February under es-CO whatever the decimal mark', () => {
    expect(parseDueDate('10/02/2027', 'es-CO')).toEqual({ ok: true, date: '2027-02-10' });
  });
});

describe('lastPlausibleDate', () => {
  it.each([
    ['2026-11-27', 3, '2029-11-27'],
    ['2028-02-29', 1, '2029-02-28'],
    ['2026-01-31', 10, '2036-01-31'],
  ])('%s + %i years → %s', (today, years, expected) => {
    expect(lastPlausibleDate(today, years)).toBe(expected);
  });
});

const refused: Array<[Locale, string | number | boolean | null, string, RegExp]> = [
  ['es-CO', '', 'DUE_DATE_MISSING', /empty/],
  ['es-CO', null, 'DUE_DATE_MISSING', /empty/],
  ['es-CO', '31/02/2027', 'DUE_DATE_INVALID', /"31\/02\/2027" is not a real date: February 2027 has 28 days/],
  ['es-CO', '2027-13-01', 'DUE_DATE_INVALID', /"2027-13-01" is not a real date: the month must be 1 to 12/],
  ['es-CO', '2027-04-31', 'DUE_DATE_INVALID', /April 2027 has 30 days/],
  ['es-CO', '29/02/2027', 'DUE_DATE_INVALID', /February 2027 has 28 days/],
  ['en-US', '15/03/2027', 'DUE_DATE_INVALID', /month must be 1 to 12; the sheet's dates are read as month\/day\/year, or, if every date in the sheet is day\/month\/year, run with --date-order dmy/],
  ['es-CO', '03/15/2027', 'DUE_DATE_INVALID', /--date-order mdy/],
  ['es-CO', '15/03/27', 'DUE_DATE_INVALID', /2-digit year; write the year with 4 digits/],
  ['en-US', '3/15/27', 'DUE_DATE_INVALID', /2-digit year/],
  ['es-CO', '45678', 'DUE_DATE_NOT_A_DATE_CELL', /plain number.*format the column as a date/],
  ['es-CO', 'mañana', 'DUE_DATE_INVALID', /"mañana" is not a date; write 2027-03-15 or 15\/03\/2027/],
  ['es-CO', '15 de marzo', 'DUE_DATE_INVALID', /not a date/],
  ['es-CO', '15 de marzo de 27', 'DUE_DATE_INVALID', /no 4-digit year/],
  ['es-CO', '32-ene-2027', 'DUE_DATE_INVALID', /January 2027 has 31 days/],
  ['es-CO', '29-feb-2027', 'DUE_DATE_INVALID', /February 2027 has 28 days/],
  ['es-CO', '15-enr-2027', 'DUE_DATE_INVALID', /not a date/],
  ['es-CO', 'marzo', 'DUE_DATE_INVALID', /not a date/],
  ['es-CO', '15 mayo junio 2027', 'DUE_DATE_INVALID', /not a date/],
  ['es-CO', 60, 'DUE_DATE_NOT_A_DATE_CELL', /format the column as a date/],
  ['es-CO', 0, 'DUE_DATE_NOT_A_DATE_CELL', /"0" is a plain number/],
  ['es-CO', 2958466, 'DUE_DATE_NOT_A_DATE_CELL', /not a date/],
  ['es-CO', true, 'DUE_DATE_INVALID', /TRUE/],
];

describe('parseDueDate: refused', () => {
  it.each(refused)('%s %j → %s', (locale, input, code, reason) => {
    const r = parseDueDate(input, locale);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.reason).toMatch(reason);
  });

  it('refuses an unreadable Date cell', () => {
    expect(parseDueDate(new Date(Number.NaN), 'es-CO')).toMatchObject({ ok: false, code: 'DUE_DATE_INVALID' });
  });
});

describe('excelSerialToDate', () => {
  it('skips the 1900-02-29 that Excel invented', () => {
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeUndefined();
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45292)).toBe('2024-01-01');
  });
});

describe('endOfDayInZone', () => {
  it('ends the day in Bogotá (UTC-5, no DST) at 04:59:59Z the next day', () => {
    const end = endOfDayInZone('2027-03-15', 'America/Bogota');
    expect(end.local).toBe('2027-03-15 23:59:59');
    expect(end.instant.toISOString()).toBe('2027-03-16T04:59:59.000Z');
  });

  it('follows DST in New York', () => {
    expect(endOfDayInZone('2027-01-15', 'America/New_York').instant.toISOString()).toBe('2027-01-16T04:59:59.000Z');
    expect(endOfDayInZone('2027-07-15', 'America/New_York').instant.toISOString()).toBe('2027-07-16T03:59:59.000Z');
    // 2027-03-14: clocks jump forward at 02:00, the day ends under EDT
    expect(endOfDayInZone('2027-03-14', 'America/New_York').instant.toISOString()).toBe('2027-03-15T03:59:59.000Z');
    // 2027-11-07: clocks fall back at 02:00, the day ends under EST
    expect(endOfDayInZone('2027-11-07', 'America/New_York').instant.toISOString()).toBe('2027-11-08T04:59:59.000Z');
  });

  it('handles zones east of UTC and UTC itself', () => {
    expect(endOfDayInZone('2027-03-15', 'Asia/Kolkata').instant.toISOString()).toBe('2027-03-15T18:29:59.000Z');
    expect(endOfDayInZone('2027-03-15', 'UTC').instant.toISOString()).toBe('2027-03-15T23:59:59.000Z');
  });

  it('rejects an unknown zone with a clear message', () => {
    expect(() => endOfDayInZone('2027-03-15', 'America/Bogot')).toThrow(/Unknown time zone "America\/Bogot".*IANA/);
    expect(() => checkTimeZone('Mars/Base')).toThrow(/Unknown time zone/);
    expect(() => checkTimeZone('America/Bogota')).not.toThrow();
  });
});

describe('isPast', () => {
  const end = endOfDayInZone('2027-03-15', 'America/Bogota').instant;
  it('is past once the last second of the day is reached', () => {
    expect(isPast(end, new Date('2027-03-16T04:59:58.999Z'))).toBe(false);
    expect(isPast(end, new Date('2027-03-16T04:59:59.000Z'))).toBe(true);
    expect(isPast(end, new Date('2027-03-17T00:00:00Z'))).toBe(true);
  });
});

describe('parseDueDate: hostile cells', () => {
  it('refuses huge cells quickly instead of backtracking', () => {
    const start = performance.now();
    expect(parseDueDate(`15/03/2027 1:00${' '.repeat(100_000)}x`, 'es-CO')).toMatchObject({ ok: false, code: 'DUE_DATE_INVALID' });
    expect(performance.now() - start).toBeLessThan(200);
  });
});
