/**
 * Flag checks shared by the commands: each bad value becomes a RunError
 * (exit 2) naming the flag, the value and what is accepted.
 */
import { extname } from 'node:path';
import type { SheetFormat } from '../io/types.js';
import { say } from '../i18n/message.js';
import { options as o } from '../i18n/messages/options.js';
import { checkTimeZone } from '../pipeline/rows/dates.js';
import { RunError } from '../pipeline/run-error.js';
import { checkTemplate } from '../pipeline/rows/text-template.js';
import { parseMapFlags } from '../pipeline/rows/headers.js';
import type { Field, Locale } from '../pipeline/types.js';

export function intOption(flag: string, value: unknown, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new RunError('BAD_OPTION', say(o.wholeNumber, { flag, value: String(value), min, max }));
  }
  return n;
}

export function positiveOption(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new RunError('BAD_OPTION', say(o.positive, { flag, value: String(value) }));
  return n;
}

export function localeOption(value: unknown): Locale {
  if (value === 'es-CO' || value === 'en-US') return value;
  throw new RunError('BAD_OPTION', say(o.locale, { value: String(value) }));
}

export function timeZoneOption(value: string): string {
  try {
    checkTimeZone(value);
  } catch {
    throw new RunError('BAD_OPTION', say(o.timeZone, { value }));
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
  if (!date || date.getUTCDate() !== Number(m?.[3])) throw new RunError('BAD_OPTION', say(o.asOf, { value }));
  return date;
}

/** `--currency`: an ISO 4217 code, any case; the same check for every command that reads sheets. */
export function currencyOption(value: string): string {
  const currency = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new RunError('BAD_OPTION', say(o.currency, { value }));
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

export function listOption(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

export function delimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';' };
  const d = named[value.toLowerCase()] ?? value;
  if (![',', ';', '\t', '|'].includes(d)) throw new RunError('BAD_OPTION', say(o.delimiter, { value }));
  return d;
}

/**
 * The output format from a file name: .xlsx or .csv (also .txt). `flag` names
 * where the name came from (`--out`); without it (or reconcile's literal
 * 'the sheet') the message speaks of the sheet, in the run's language.
 */
export function formatOfPath(path: string, flag?: string): SheetFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  const named = flag === undefined || flag === 'the sheet' ? say(o.theSheet) : flag;
  throw new RunError('BAD_OPTION', say(o.outputFormat, { flag: named, path }));
}

/** `--map field=Header` flags, or a config file's `"map": {"amount": "Saldo"}` object. */
export function mapOption(value: string[] | Record<string, string> | undefined): Partial<Record<Field, string>> | undefined {
  if (value === undefined) return undefined;
  const specs = Array.isArray(value) ? value : Object.entries(value).map(([field, header]) => `${field}=${header}`);
  return parseMapFlags(specs);
}
