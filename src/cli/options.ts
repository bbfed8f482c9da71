/**
 * Flag checks shared by the commands: each bad value becomes a RunError
 * (exit 2) naming the flag, the value and what is accepted.
 */
import { extname } from 'node:path';
import type { SheetFormat } from '../io/types.js';
import type { Lang } from '../pipeline/output/labels.js';
import { currentLang } from '../i18n/current.js';
import { checkTimeZone } from '../pipeline/rows/dates.js';
import { RunError } from '../pipeline/run-error.js';
import { checkTemplate } from '../pipeline/rows/text-template.js';
import { parseMapFlags } from '../pipeline/rows/headers.js';
import type { Field, Locale } from '../pipeline/types.js';

export function intOption(flag: string, value: unknown, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new RunError('BAD_OPTION', `--${flag} must be a whole number from ${min} to ${max}, not "${String(value)}".`);
  }
  return n;
}

export function positiveOption(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new RunError('BAD_OPTION', `--${flag} must be a positive number, not "${String(value)}".`);
  return n;
}

export function localeOption(value: unknown): Locale {
  if (value === 'es-CO' || value === 'en-US') return value;
  throw new RunError('BAD_OPTION', `--locale must be es-CO or en-US, not "${String(value)}".`);
}

export function timeZoneOption(value: string): string {
  try {
    checkTimeZone(value);
  } catch {
    throw new RunError('BAD_OPTION', `--timezone "${value}" is not a time zone this machine knows; use an IANA name such as America/Bogota.`);
  }
  return value;
}

export function templateOption(flag: string, value: string): string {
  try {
    checkTemplate(value);
  } catch (err) {
    throw new RunError('BAD_OPTION', `--${flag}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return value;
}

/** `YYYY-MM-DD` → a moment inside that day in every zone from UTC-11 to UTC+11 (noon UTC). */
export function asOfOption(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : undefined;
  if (!date || date.getUTCDate() !== Number(m?.[3])) throw new RunError('BAD_OPTION', `--as-of must be a date YYYY-MM-DD, not "${value}".`);
  return date;
}

/** `--currency`: an ISO 4217 code, any case; the same check for every command that reads sheets. */
export function currencyOption(value: string): string {
  const currency = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new RunError('BAD_OPTION', `--currency must be an ISO 4217 code such as COP or USD, not "${value}".`);
  return currency;
}

/** `--sheet`: a 1-based position when it is all digits, else a sheet name. */
export function sheetOption(value: string | undefined): string | number | undefined {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
}

/**
 * `--probe-settle` in milliseconds. A lost answer is looked for only once the
 * service has surely finished with it: at least as long as we waited for the
 * answer (--timeout), and never less than 30 s (a short --timeout says
 * nothing of the service).
 */
export function probeSettleMs(probeSettle: number | undefined, timeout: number | undefined): number {
  return (positiveOption('probe-settle', probeSettle) ?? Math.max(positiveOption('timeout', timeout) ?? 30, 30)) * 1000;
}

/** `--lang`: es or en; without it, the run's language (the environment's, else the locale's: see src/i18n/lang.ts). */
export function langOption(value: string | undefined, _locale: Locale): Lang {
  if (value === undefined) return currentLang();
  if (value === 'es' || value === 'en') return value;
  throw new RunError('BAD_OPTION', `--lang must be es or en, not "${value}".`);
}

export function listOption(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

export function delimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';' };
  const d = named[value.toLowerCase()] ?? value;
  if (![',', ';', '\t', '|'].includes(d)) throw new RunError('BAD_OPTION', `--delimiter must be , ; tab or |, not "${value}".`);
  return d;
}

/** The output format from a file name: .xlsx or .csv (also .txt). */
export function formatOfPath(path: string, flag: string): SheetFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  throw new RunError('BAD_OPTION', `${flag} ${path}: the output format comes from the file name; end it in .csv or .xlsx.`);
}

/** `--map field=Header` flags, or a config file's `"map": {"amount": "Saldo"}` object. */
export function mapOption(value: string[] | Record<string, string> | undefined): Partial<Record<Field, string>> | undefined {
  if (value === undefined) return undefined;
  const specs = Array.isArray(value) ? value : Object.entries(value).map(([field, header]) => `${field}=${header}`);
  return parseMapFlags(specs);
}
