/**
 * The sheets a report reads: each named sheet, and the .csv/.xlsx files of
 * each named folder (not recursive; Excel's `~$` owner files, hidden files
 * and temporary files left out). A minimal listing of this branch's own:
 * to be replaced by `discoverSheets` (src/pipeline/reconcile/discover.ts)
 * when both land, so that reconcile, webhook and report see the same sheets.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { FileError } from '../../io/errors.js';
import { say } from '../../i18n/message.js';
import { report as words } from '../../i18n/messages/report.js';

export interface ReportInput {
  path: string;
  /** Named on the command line (an error in it stops the report), or found in a folder (skipped with a note). */
  named: boolean;
  /** Found in a folder and not to be read: why (a copy reconcile wrote beside a sheet, which would count its bills twice). */
  skip?: 'reconciledCopy';
}

/** `billing.reconciled-20270310-070000.xlsx`: what reconcile writes beside a sheet changed during its run (sheet-guard.ts). */
const RECONCILED_COPY = /\.reconciled-\d{8}-\d{6}\.(?:csv|xlsx)$/i;

const SHEET_EXTENSIONS = new Set(['.csv', '.xlsx']);

/** True for a file name a folder listing takes as a sheet. */
export function isSheetName(name: string): boolean {
  if (name.startsWith('~$') || name.startsWith('.') || name.endsWith('.tmp')) return false;
  return SHEET_EXTENSIONS.has(extname(name).toLowerCase());
}

export async function listInputs(paths: readonly string[]): Promise<ReportInput[]> {
  const seen = new Set<string>();
  const out: ReportInput[] = [];
  const add = (path: string, named: boolean): void => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(!named && RECONCILED_COPY.test(path) ? { path, named, skip: 'reconciledCopy' } : { path, named });
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new FileError('FILE_NOT_FOUND', path, say(words.inputMissing, { path }));
    if (info.isDirectory()) {
      const names = (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile() && isSheetName(e.name)).map((e) => e.name);
      for (const name of names.sort()) add(join(path, name), false);
    } else if (SHEET_EXTENSIONS.has(extname(path).toLowerCase())) add(path, true);
    else throw new FileError('FILE_UNREADABLE', path, say(words.inputNotSheet, { path }));
  }
  return out;
}
