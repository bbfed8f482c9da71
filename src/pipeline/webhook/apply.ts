/**
 * Applying accepted webhook notifications to an issued sheet, under the
 * sheet's lock (the same one reconcile and issue take), in one rewrite per
 * batch. Reconcile remains the source of truth: a notification only moves a
 * row forward (PENDING → PAID, ACTIVE → EXPIRED), never back, so replaying
 * the whole events journal is harmless, and a sheet nothing changes in is not
 * rewritten.
 *
 *   PAID     payment_state PAID (unless already PAID or PARTIAL); paid_at = the
 *            notification's date if empty. Receipt and amounts come with reconcile.
 *   EXPIRED  link_status EXPIRED (unless INACTIVE); payment_state EXPIRED unless
 *            the row is paid or disabled.
 *   other    recorded in the events journal, not applied.
 */
import { acquireLock } from '../../io/lock.js';
import type { CellValue, SheetFormat } from '../../io/types.js';
import { openIssuedSheet, type IssuedRow, type IssuedSheetOptions } from '../reconcile/issued-sheet.js';
import { wallClockDate } from '../output/sheet-plan.js';
import { wallClockIn } from '../reconcile/decide.js';

export interface NotificationEvent {
  linkId: number;
  /** PAID, EXPIRED, … as the service sent it. */
  status: string;
  /** The notification's `status.date` (ISO 8601). */
  date: string;
}

export interface ApplyOptions {
  sheet: IssuedSheetOptions;
  lockPath: string;
  /** How long to wait for another run's lock before giving up (LockError). */
  lockWaitMs: number;
}

export interface ApplyResult {
  /** Rows whose cells changed. */
  changed: number;
  /** Events whose link is not in the sheet. */
  unmatched: number[];
  /** Events of a kind this version does not apply. */
  ignored: number;
}

export const APPLIED_EVENTS = new Set(['PAID', 'EXPIRED']);

export async function applyNotifications(events: readonly NotificationEvent[], options: ApplyOptions): Promise<ApplyResult> {
  const byLink = new Map<number, NotificationEvent[]>();
  let ignored = 0;
  for (const event of events) {
    if (!APPLIED_EVENTS.has(event.status)) {
      ignored += 1;
      continue;
    }
    const list = byLink.get(event.linkId) ?? [];
    list.push(event);
    byLink.set(event.linkId, list);
  }
  const result: ApplyResult = { changed: 0, unmatched: [], ignored };
  if (byLink.size === 0) return result;

  const lock = await acquireLock(options.lockPath, { wait: true, timeoutMs: options.lockWaitMs, command: 'paylinks webhook (applying notifications)' });
  try {
    const seen = new Set<number>();
    const updatesByRow = await planUpdates(options.sheet, byLink, seen);
    result.unmatched = [...byLink.keys()].filter((id) => !seen.has(id));
    result.changed = updatesByRow.size;
    if (updatesByRow.size > 0) await rewrite(options.sheet, updatesByRow);
    return result;
  } finally {
    await lock.release();
  }
}

/** First pass: which rows change, without writing anything. */
async function planUpdates(options: IssuedSheetOptions, byLink: Map<number, NotificationEvent[]>, seen: Set<number>): Promise<Map<number, Record<string, CellValue>>> {
  const sheet = await openIssuedSheet(options);
  const updatesByRow = new Map<number, Record<string, CellValue>>();
  try {
    for await (const row of sheet.rows) {
      const events = row.linkId === undefined ? undefined : byLink.get(row.linkId);
      if (events === undefined || row.linkId === undefined) continue;
      seen.add(row.linkId);
      const updates = eventUpdates(row, events, options.timeZone);
      if (Object.keys(updates).length > 0) updatesByRow.set(row.rowNumber, updates);
    }
  } finally {
    await sheet.close();
  }
  return updatesByRow;
}

/** Second pass: the same rows written atomically over the sheet, with the updates. */
async function rewrite(options: IssuedSheetOptions, updatesByRow: Map<number, Record<string, CellValue>>): Promise<void> {
  const sheet = await openIssuedSheet(options);
  const format: SheetFormat = sheet.info.format;
  let writer;
  try {
    writer = await sheet.openWriter(options.path, format);
    for await (const row of sheet.rows) await writer.write(row, updatesByRow.get(row.rowNumber) ?? {});
    await sheet.close();
    await writer.commit();
  } catch (err) {
    await writer?.abort();
    throw err;
  } finally {
    await sheet.close();
  }
}

/** The cells that change when `events` (in arrival order) are applied to `row`. */
export function eventUpdates(row: Pick<IssuedRow, 'text'>, events: readonly NotificationEvent[], timeZone: string): Record<string, CellValue> {
  let state = row.text('payment_state').toUpperCase();
  let status = row.text('link_status').toUpperCase();
  let paidAt = row.text('paid_at');
  const updates: Record<string, CellValue> = {};
  for (const event of events) {
    if (event.status === 'PAID' && state !== 'PAID' && state !== 'PARTIAL') {
      state = 'PAID';
      updates.payment_state = state;
      if (paidAt === '') {
        const ms = Date.parse(event.date);
        if (!Number.isNaN(ms)) {
          paidAt = wallClockIn(new Date(ms), timeZone);
          updates.paid_at = wallClockDate(paidAt);
        }
      }
    }
    if (event.status === 'EXPIRED') {
      if (status !== 'EXPIRED' && status !== 'INACTIVE') {
        status = 'EXPIRED';
        updates.link_status = status;
      }
      if (state === '' || state === 'PENDING' || state === 'UNKNOWN') {
        state = 'EXPIRED';
        updates.payment_state = state;
      }
    }
  }
  return updates;
}
