/**
 * One webhook for many sheets (`--sheet A --sheet B`, or `--dir <folder>`):
 * each notification goes to the sheet that holds its link id.
 *
 * The index (link id → sheet) is built at start and kept current by polling,
 * not fs.watch (which misses events on network shares and some editors'
 * save-by-rename): every `rescanMs` (5 s by default), and at once when a
 * notification names an id the index does not know, the folder is listed and
 * each sheet's modification time and size compared with what was indexed;
 * only a sheet that appeared or changed is read again. A look is cheap (one
 * readdir and a stat per file), so a notification for a sheet saved a moment
 * ago is routed without waiting for the next tick.
 *
 * A notification whose id is in no sheet, even after that look, is answered
 * 200 (the service would otherwise retry it for days) and kept in
 * `unrouted.events.jsonl`: whenever the index changes, and at every start,
 * kept events whose sheet has appeared are recorded in that sheet's events
 * journal and applied (an event already there is not recorded twice).
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { openJournal, type Journal } from '../../io/journal.js';
import { say } from '../../i18n/message.js';
import { webhook as text } from '../../i18n/messages/webhook.js';
import { isIssuedSheetFile, skipByName } from '../reconcile/discover.js';
import { openIssuedSheet, type IssuedSheetOptions } from '../reconcile/issued-sheet.js';
import type { WebhookLog } from './applier.js';
import { SheetTarget, type EventEntry } from './sheet-target.js';

export interface RouterOptions {
  /** Sheets named with --sheet. */
  sheets: string[];
  /** A folder whose sheets paylinks wrote are all served (--dir). */
  dir?: string;
  /** How every sheet is read (as given to issue). */
  read: Omit<IssuedSheetOptions, 'path'>;
  /** Where notifications for unknown link ids are kept. */
  unroutedPath: string;
  log: WebhookLog;
  /** Poll interval for new and changed sheets (default 5 s). */
  rescanMs?: number;
  lockWaitMs?: number;
  retryMs?: number;
}

export type Routed = { sheet: string } | { sheet: undefined; keptIn: string };

interface Indexed {
  stamp: string;
  ids: number[];
  target: SheetTarget;
}

const SHEET_EXTENSIONS = new Set(['.csv', '.xlsx']);

export class Router {
  private readonly indexed = new Map<string, Indexed>();
  /** Files of --dir that are not sheets, by stamp: read again only when they change. */
  private readonly notSheets = new Map<string, string>();
  private readonly byId = new Map<number, string>();
  private scanning: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pendingUnrouted: EventEntry[];

  private constructor(
    private readonly options: RouterOptions,
    private readonly unrouted: Journal<EventEntry>,
  ) {
    this.pendingUnrouted = [...unrouted.entries];
  }

  static async open(options: RouterOptions): Promise<Router> {
    const unrouted = await openJournal<EventEntry>(options.unroutedPath);
    const router = new Router(options, unrouted);
    await router.refresh();
    router.timer = setInterval(() => void router.refresh().catch(() => undefined), options.rescanMs ?? 5000);
    router.timer.unref();
    return router;
  }

  /** The sheets served now. */
  get sheets(): string[] {
    return [...this.indexed.values()].map((i) => i.target.sheet);
  }

  /** Records `entry` in its sheet's events journal, or, for an id in no sheet, in the unrouted journal. Rejects if the disk refuses. */
  async accept(entry: EventEntry): Promise<Routed> {
    let sheet = this.byId.get(entry.linkId);
    if (sheet === undefined) {
      // A miss: a sheet saved a moment ago may hold it. Look now rather than at the next tick.
      await this.refresh();
      sheet = this.byId.get(entry.linkId);
    }
    const target = sheet === undefined ? undefined : this.indexed.get(sheet)?.target;
    if (target === undefined) {
      await this.unrouted.append(entry);
      this.pendingUnrouted.push(entry);
      return { sheet: undefined, keptIn: this.options.unroutedPath };
    }
    await target.accept(entry);
    return { sheet: target.sheet };
  }

  /** One look at the sheets at a time; a caller during a look shares it. */
  refresh(): Promise<void> {
    this.scanning ??= this.scan().finally(() => {
      this.scanning = undefined;
    });
    return this.scanning;
  }

  async idle(): Promise<void> {
    await this.scanning;
    for (const i of this.indexed.values()) await i.target.idle();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.scanning?.catch(() => undefined);
    for (const i of this.indexed.values()) await i.target.close();
    await this.unrouted.close();
  }

  private async candidates(): Promise<string[]> {
    const list = [...this.options.sheets];
    if (this.options.dir !== undefined) {
      const names = await readdir(this.options.dir).catch(() => [] as string[]);
      for (const name of names.sort()) {
        if (skipByName(name) !== undefined || !SHEET_EXTENSIONS.has(extname(name).toLowerCase())) continue;
        list.push(join(this.options.dir, name));
      }
    }
    return [...new Map(list.map((p) => [resolve(p), p])).values()];
  }

  private async scan(): Promise<void> {
    const candidates = await this.candidates();
    const present = new Set(candidates.map((p) => resolve(p)));
    let changed = false;
    for (const key of [...this.indexed.keys()]) {
      if (present.has(key)) continue;
      const gone = this.indexed.get(key) as Indexed;
      // Stat again: a sheet named with --sheet may be mid-save (renamed over), not gone.
      if ((await stat(key).catch(() => undefined)) !== undefined) continue;
      this.drop(key, gone);
      this.options.log('info', say(text.sheetGone, { sheet: gone.target.sheet }));
      changed = true;
    }
    for (const path of candidates) {
      const key = resolve(path);
      const info = await stat(path).catch(() => undefined);
      if (info === undefined || !info.isFile()) {
        const gone = this.indexed.get(key);
        if (gone !== undefined && this.options.dir !== undefined) {
          this.drop(key, gone);
          changed = true;
        }
        continue;
      }
      const stamp = `${info.mtimeMs}:${info.size}`;
      if (this.indexed.get(key)?.stamp === stamp || this.notSheets.get(key) === stamp) continue;
      const named = this.options.sheets.some((s) => resolve(s) === key);
      if (!named && !this.indexed.has(key) && !(await isIssuedSheetFile(path))) {
        this.notSheets.set(key, stamp);
        continue;
      }
      if (await this.index(path, key, stamp)) changed = true;
    }
    if (changed) await this.routeKept();
  }

  /** Reads a sheet's link ids into the index; false when it could not be read (tried again at the next look). */
  private async index(path: string, key: string, stamp: string): Promise<boolean> {
    let ids: number[];
    try {
      ids = await linkIdsOf({ ...this.options.read, path });
    } catch (err) {
      this.options.log('warn', say(text.indexFailed, { sheet: path, detail: err instanceof Error ? err.message : String(err) }));
      return false;
    }
    const before = this.indexed.get(key);
    const target =
      before?.target ??
      (await SheetTarget.open({
        sheet: { ...this.options.read, path },
        eventsPath: `${path}.events.jsonl`,
        lockPath: `${path}.lock`,
        log: this.options.log,
        lockWaitMs: this.options.lockWaitMs,
        retryMs: this.options.retryMs,
      }));
    if (before !== undefined) for (const id of before.ids) if (this.byId.get(id) === key) this.byId.delete(id);
    for (const id of ids) {
      const holder = this.byId.get(id);
      if (holder !== undefined && holder !== key) {
        this.options.log('warn', say(text.duplicateLink, { linkId: id, first: holder, second: path }));
        continue;
      }
      this.byId.set(id, key);
    }
    this.indexed.set(key, { stamp, ids, target });
    if (before === undefined) this.options.log('info', say(text.indexed, { sheet: path, n: ids.length }));
    return true;
  }

  private drop(key: string, gone: Indexed): void {
    for (const id of gone.ids) if (this.byId.get(id) === key) this.byId.delete(id);
    this.indexed.delete(key);
    void gone.target.close().catch(() => undefined);
  }

  /** Kept events whose sheet is now known go to that sheet (once). */
  private async routeKept(): Promise<void> {
    const still: EventEntry[] = [];
    const perSheet = new Map<string, number>();
    for (const entry of this.pendingUnrouted) {
      const key = this.byId.get(entry.linkId);
      const target = key === undefined ? undefined : this.indexed.get(key)?.target;
      if (target === undefined) {
        still.push(entry);
        continue;
      }
      if (!target.has(entry)) {
        try {
          await target.accept(entry);
        } catch {
          still.push(entry);
          continue;
        }
        perSheet.set(target.sheet, (perSheet.get(target.sheet) ?? 0) + 1);
      }
    }
    this.pendingUnrouted = still;
    for (const [sheet, n] of perSheet) this.options.log('info', say(text.routedLater, { n, sheet }));
  }
}

/** Every usable link id of an issued sheet. */
async function linkIdsOf(options: IssuedSheetOptions): Promise<number[]> {
  const sheet = await openIssuedSheet(options);
  const ids: number[] = [];
  try {
    for await (const row of sheet.rows) if (row.linkId !== undefined) ids.push(row.linkId);
  } finally {
    await sheet.close();
  }
  return ids;
}
