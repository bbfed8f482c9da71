/**
 * Reconcile rewrites a sheet people also open and edit. Two guards keep a
 * clerk's edit and reconcile's result from destroying each other:
 *
 * - Excel's owner file. Excel keeps `~$<name>` beside a file it has open.
 *   A sheet open in Excel is refused before anything is
 *   sent (exit 2), or waited for with --wait: Excel would either refuse the
 *   rewrite (Windows) or later save its stale copy over it.
 * - The sheet's fingerprint. The SHA-256 of its bytes is taken before it is
 *   read and again right before the result replaces it. The result is
 *   written beside the sheet first (`<name>.reconciled-<time>.<ext>`) and
 *   only renamed over it when the bytes are still the ones read and no
 *   owner file has appeared; otherwise it stays beside the sheet, the run
 *   says so and exits 1. A kill between the two steps leaves that complete
 *   file beside the sheet, never a half-written sheet.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { errnoCode, syncFolder } from '../../io/atomic.js';
import { RunError } from '../run-error.js';
import { say } from '../../i18n/message.js';
import { guard as text } from '../../i18n/messages/reconcile.js';

/** Where Excel keeps its owner file for `path`. */
export function ownerFileOf(path: string): string {
  return join(dirname(path), `~$${basename(path)}`);
}

export function openInExcelMessage(path: string, waitedMs?: number): string {
  return say(text.openInExcel, { sheet: path, owner: ownerFileOf(path), waitedS: waitedMs === undefined ? undefined : Math.round(waitedMs / 1000) });
}

const POLL_MS = 500;

/**
 * Refuses (RunError SHEET_OPEN_IN_EXCEL) when `path` is open in Excel; with
 * `waitMs`, waits up to that long (Infinity: as long as it takes) for it to close.
 */
export async function ensureNotOpenInExcel(path: string, waitMs?: number, signal?: AbortSignal): Promise<void> {
  const owner = ownerFileOf(path);
  if (!existsSync(owner)) return;
  if (waitMs === undefined) throw new RunError('SHEET_OPEN_IN_EXCEL', openInExcelMessage(path));
  const started = Date.now();
  while (existsSync(owner)) {
    if (Date.now() - started >= waitMs || signal?.aborted === true) throw new RunError('SHEET_OPEN_IN_EXCEL', openInExcelMessage(path, Date.now() - started));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** SHA-256 of the file's bytes, or undefined when it is gone. */
export async function fingerprintFile(path: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    await pipeline(createReadStream(path), hash);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw err;
  }
  return hash.digest('hex');
}

/** `billing.xlsx` → `billing.reconciled-20270310-070000.xlsx`, in the same folder (same file system: a rename). */
export function besidePath(path: string, at: Date): string {
  const ext = extname(path);
  const stem = basename(path, ext);
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return join(dirname(path), `${stem}.reconciled-${stamp}${ext}`);
}

export type Placement = { replaced: true; path: string } | { replaced: false; path: string; reason: string };

/** The sheet as reconcile read it, to be replaced only if nobody changed it since. */
export class SheetGuard {
  private constructor(
    readonly path: string,
    private readonly fingerprint: string | undefined,
  ) {}

  /** Takes the fingerprint; call before the sheet is read. */
  static async take(path: string): Promise<SheetGuard> {
    return new SheetGuard(path, await fingerprintFile(path));
  }

  /** Moves the finished result at `staged` over the sheet if the sheet is unchanged; otherwise leaves it where it is and says why. */
  async place(staged: string): Promise<Placement> {
    const reason = await this.changed();
    if (reason !== undefined) return { replaced: false, path: staged, reason };
    try {
      await rename(staged, this.path);
    } catch (err) {
      const code = errnoCode(err) ?? 'error';
      return { replaced: false, path: staged, reason: say(text.notReplaced, { code }) };
    }
    await syncFolder(dirname(this.path));
    return { replaced: true, path: this.path };
  }

  private async changed(): Promise<string | undefined> {
    if (existsSync(ownerFileOf(this.path))) return say(text.openedInExcel);
    const now = await fingerprintFile(this.path);
    if (now === undefined) return say(text.moved);
    if (now !== this.fingerprint) return say(text.changed);
    return undefined;
  }
}

export function sheetChangedMessage(sheet: string, writtenTo: string, reason: string): string {
  return say(text.sheetChanged, { sheet, writtenTo, name: basename(sheet), writtenName: basename(writtenTo), reason });
}
