/**
 * The sheets a report reads: each named sheet, and the sheets paylinks wrote
 * in each named folder, found as reconcile and the webhook find them
 * (discoverSheets), so the three commands agree on what a folder holds; the
 * other files of a folder are noted with the reason they were left out (a
 * copy reconcile wrote beside a changed sheet would count its bills twice).
 */
import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { FileError } from '../../io/errors.js';
import { say } from '../../i18n/message.js';
import { report as words } from '../../i18n/messages/report.js';
import { discoverSheets } from '../reconcile/discover.js';

export interface ReportInput {
  path: string;
  /** Named on the command line (an error in it stops the report), or found in a folder. */
  named: boolean;
}

export interface ReportInputs {
  inputs: ReportInput[];
  /** Files of a folder that are not read, each with why. */
  skipped: Array<{ path: string; reason: string }>;
}

const SHEET_EXTENSIONS = new Set(['.csv', '.xlsx']);

export async function listInputs(paths: readonly string[]): Promise<ReportInputs> {
  const named = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new FileError('FILE_NOT_FOUND', path, say(words.inputMissing, { path }));
    if (info.isDirectory()) continue;
    if (!SHEET_EXTENSIONS.has(extname(path).toLowerCase())) throw new FileError('FILE_UNREADABLE', path, say(words.inputNotSheet, { path }));
    named.add(resolve(path));
  }
  const found = await discoverSheets([...paths]);
  return {
    inputs: found.sheets.map((path) => ({ path, named: named.has(resolve(path)) })),
    skipped: found.skipped.map(({ path, reason }) => ({ path, reason })),
  };
}
