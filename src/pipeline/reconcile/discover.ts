/**
 * Which files `paylinks reconcile <sheet|folder>...` reconciles. A file named
 * on the command line is taken as it is (reconcile says clearly if it is not
 * an issued sheet). A folder is looked at one level deep (never inside
 * sub-folders: a --split-by folder holds copies of a sheet's rows, not
 * sheets of their own) and a file in it is a sheet when its header has
 * paylinks' `link_state`, `link_id` and `link_url` columns, or, when it cannot
 * be read, when issue's journal `<name>.journal` lies beside it (a sheet that
 * fails must show in the report, not vanish from it). Everything else is
 * skipped with the reason, so a person sees why a file was left out.
 *
 * The files paylinks itself keeps beside a sheet are recognised by name and
 * never read as sheets: lock files, Excel's `~$` owner files, temporary files,
 * journals, webhook events, a result reconcile left beside a changed sheet,
 * issue's emergency copy, and split folders' manifests.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { openSheet } from '../../io/read/index.js';
import { say, type Message } from '../../i18n/message.js';
import { discover as text } from '../../i18n/messages/reconcile.js';
import { isIssuedHeader } from './issued-sheet.js';
import { columnKeyOf } from '../output/column-keys.js';

export type SkipCode =
  | 'FOLDER'
  | 'HIDDEN'
  | 'OWNER_FILE'
  | 'LOCK_FILE'
  | 'TEMP_FILE'
  | 'JOURNAL'
  | 'EVENTS_FILE'
  | 'RECONCILED_COPY'
  | 'EMERGENCY_COPY'
  | 'MANIFEST'
  | 'NOT_A_SHEET_TYPE'
  | 'NOT_ISSUED'
  | 'UNREADABLE'
  | 'NOT_FOUND';

export interface Skipped {
  path: string;
  code: SkipCode;
  /** Why, in the run's language. */
  reason: string;
}

export interface Discovery {
  /** Sheets to reconcile, each once, in the order given (a folder's in name order). */
  sheets: string[];
  skipped: Skipped[];
}

/** The columns issue adds that make a file a sheet paylinks wrote. */
export const ISSUED_KEYS = ['link_state', 'link_id', 'link_url'] as const;

const SHEET_EXTENSIONS = new Set(['.csv', '.xlsx']);

export async function discoverSheets(paths: string[]): Promise<Discovery> {
  const sheets: string[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    sheets.push(path);
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    // A named file (or a name that does not exist) goes to reconcile, which refuses it with the reason.
    if (info === undefined || !info.isDirectory()) {
      add(path);
      continue;
    }
    const names = (await readdir(path)).sort((a, b) => a.localeCompare(b, 'en'));
    for (const name of names) {
      const file = join(path, name);
      const verdict = await classify(file, name);
      if (verdict === undefined) add(file);
      else skipped.push({ path: file, code: verdict.code, reason: verdict.reason });
    }
  }
  return { sheets, skipped };
}

/** Whether a file in a folder is a sheet paylinks wrote, by the same rules as a folder's discovery (the webhook's --dir). */
export async function isIssuedSheetFile(path: string): Promise<boolean> {
  return (await classify(path, basename(path))) === undefined;
}

/** Undefined: a sheet; otherwise why not. */
async function classify(path: string, name: string): Promise<{ code: SkipCode; reason: string } | undefined> {
  const byName = skipByName(name);
  if (byName !== undefined) return { code: byName, reason: reasonOf(byName, name) };
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return { code: 'NOT_FOUND', reason: reasonOf('NOT_FOUND', name) };
  if (info.isDirectory()) return { code: 'FOLDER', reason: reasonOf('FOLDER', name) };
  if (!SHEET_EXTENSIONS.has(extname(name).toLowerCase())) return { code: 'NOT_A_SHEET_TYPE', reason: reasonOf('NOT_A_SHEET_TYPE', name) };
  const header = await readHeader(path);
  if ('error' in header) {
    // Issue's journal beside it says paylinks wrote it: reconcile it, and let it fail loudly.
    if (existsSync(`${path}.journal`)) return undefined;
    return { code: 'UNREADABLE', reason: say(text.unreadable, { detail: header.error }) };
  }
  // By key, whichever language wrote the headers ("Estado del enlace" is link_state).
  const keys = new Set<string | undefined>(header.cells.map(columnKeyOf));
  const missing = ISSUED_KEYS.filter((k) => !keys.has(k));
  if (missing.length === 0) return undefined;
  return { code: 'NOT_ISSUED', reason: say(text.notIssued, { missing: missing.join(', ') }) };
}

/** Files paylinks (or Excel) keeps beside a sheet, known by their names alone. Pure. */
export function skipByName(name: string): SkipCode | undefined {
  const lower = name.toLowerCase();
  if (name.startsWith('~$')) return 'OWNER_FILE';
  if (lower.endsWith('.lock')) return 'LOCK_FILE';
  if (lower.endsWith('.tmp') || lower.endsWith('.part')) return 'TEMP_FILE';
  if (lower.endsWith('.journal')) return 'JOURNAL';
  if (lower.endsWith('.jsonl')) return 'EVENTS_FILE';
  if (name === '_manifest.csv' || name === '_manifest.json') return 'MANIFEST';
  if (/\.reconciled-\d{8}-\d{6}\.[a-z]+$/i.test(name)) return 'RECONCILED_COPY';
  if (/\.emergency-[^/]*\.csv$/i.test(name)) return 'EMERGENCY_COPY';
  if (name.startsWith('.')) return 'HIDDEN';
  return undefined;
}

/** The reasons that need nothing but the file's name. */
const REASONS: Partial<Record<SkipCode, Message>> = {
  LOCK_FILE: text.lockFile,
  TEMP_FILE: text.tempFile,
  JOURNAL: text.journal,
  EVENTS_FILE: text.eventsFile,
  MANIFEST: text.manifest,
  RECONCILED_COPY: text.reconciledCopy,
  EMERGENCY_COPY: text.emergencyCopy,
  HIDDEN: text.hidden,
  FOLDER: text.folder,
  NOT_A_SHEET_TYPE: text.notSheetType,
  NOT_FOUND: text.notFound,
};

function reasonOf(code: SkipCode, name: string): string {
  if (code === 'OWNER_FILE') return say(text.ownerFile, { sheet: name.slice(2) });
  const message = REASONS[code];
  return message === undefined ? code : say(message);
}

async function readHeader(path: string): Promise<{ cells: string[] } | { error: string }> {
  try {
    const source = await openSheet(path, { isHeader: isIssuedHeader });
    try {
      return { cells: source.info.header };
    } finally {
      await source.close();
    }
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
