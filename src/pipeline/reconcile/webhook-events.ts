/**
 * The webhook's events journal (`<sheet>.events.jsonl`), as reconcile reads
 * it: which links a signed PAID notification was accepted for. Reconcile
 * holds the sheet's lock, so an event accepted while it runs is in this file
 * but not yet in the sheet; a link with a PAID event is never disabled.
 *
 * The file is only ever appended to (by `paylinks webhook`, which holds no
 * lock while appending), so it is read incrementally: each look reads only
 * the bytes added since the last one, up to the last complete line, and a
 * look right before a disable sees an event accepted a moment ago. A file
 * that shrank (cut after a crash, replaced) is read again from the start.
 * Lines that are not events (or not JSON) are skipped: the webhook verified
 * what it wrote, and a torn line is the next look's business.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { parseLinkId } from '../../api/link-id.js';

export interface PaidEvent {
  linkId: number;
  /** The notification's `status.date`, as the service sent it (ISO 8601). */
  date: string;
}

const CHUNK = 1 << 20;
/** A row's ordinary look may use what was read this long ago; a look before a disable never does. */
const REUSE_MS = 1000;

export class WebhookEvents {
  private offset = 0;
  private readonly paid = new Map<number, string>();
  private reading: Promise<void> = Promise.resolve();
  private readAt = -Infinity;

  constructor(readonly path: string) {}

  /**
   * The first PAID event accepted for `linkId`. `fresh` (right before a disable) reads what was
   * appended since the last look; otherwise a look less than a second old is reused, so 40,000
   * rows do not open the file 40,000 times. Rejects if the file cannot be read.
   */
  async paidFor(linkId: number, options: { fresh: boolean } = { fresh: true }): Promise<PaidEvent | undefined> {
    if (options.fresh || Date.now() - this.readAt >= REUSE_MS) await this.refresh();
    const date = this.paid.get(linkId);
    return date === undefined ? undefined : { linkId, date };
  }

  /** One reader at a time: concurrent rows share a look instead of racing for the offset. */
  private refresh(): Promise<void> {
    const next = this.reading.catch(() => undefined).then(() => this.readNew());
    this.reading = next;
    return next;
  }

  private async readNew(): Promise<void> {
    this.readAt = Date.now();
    let handle: FileHandle;
    try {
      handle = await open(this.path, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // no webhook for this sheet
      throw err;
    }
    try {
      const { size } = await handle.stat();
      if (size < this.offset) {
        this.offset = 0;
        this.paid.clear();
      }
      let pending = Buffer.alloc(0);
      while (this.offset + pending.length < size) {
        const chunk = Buffer.alloc(Math.min(CHUNK, size - this.offset - pending.length));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, this.offset + pending.length);
        if (bytesRead === 0) break;
        pending = Buffer.concat([pending, chunk.subarray(0, bytesRead)]);
        const end = pending.lastIndexOf(0x0a);
        if (end < 0) continue;
        this.take(pending.subarray(0, end + 1).toString('utf8'));
        this.offset += end + 1;
        pending = pending.subarray(end + 1);
      }
    } finally {
      await handle.close();
    }
  }

  private take(text: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let entry: { t?: unknown; linkId?: unknown; status?: unknown; date?: unknown };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue;
      }
      if (entry?.t !== 'event' || typeof entry.status !== 'string' || entry.status.toUpperCase() !== 'PAID') continue;
      const id = parseLinkId(entry.linkId);
      if (id.ok && !this.paid.has(id.id)) this.paid.set(id.id, typeof entry.date === 'string' ? entry.date : '');
    }
  }
}
