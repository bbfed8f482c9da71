/**
 * One sheet the webhook writes to: its events journal (`<sheet>.events.jsonl`,
 * which reconcile reads before it disables anything) and its applier. At
 * open, the journal is replayed onto the sheet, so events accepted before a
 * crash are applied. An event is answered 200 only once it is on disk here.
 */
import { openJournal, type Journal } from '../../io/journal.js';
import { say } from '../../i18n/message.js';
import { webhook as text } from '../../i18n/messages/webhook.js';
import type { IssuedSheetOptions } from '../reconcile/issued-sheet.js';
import type { NotificationEvent } from './apply.js';
import { Applier, type WebhookLog } from './applier.js';

export interface EventEntry extends NotificationEvent {
  t: 'event';
  reason?: string | number;
  reference?: string;
  signature: string;
  receivedAt: string;
}

export interface SheetTargetOptions {
  sheet: IssuedSheetOptions;
  eventsPath: string;
  lockPath: string;
  log: WebhookLog;
  lockWaitMs?: number;
  retryMs?: number;
}

/** The same notification, whoever recorded it: the service signs linkId, status and date. */
export function eventKey(e: Pick<EventEntry, 'linkId' | 'status' | 'date' | 'signature'>): string {
  return `${e.linkId}\n${e.status}\n${e.date}\n${e.signature}`;
}

export class SheetTarget {
  private readonly known = new Set<string>();

  private constructor(
    readonly sheet: string,
    private readonly journal: Journal<EventEntry>,
    private readonly applier: Applier,
  ) {
    for (const entry of journal.entries) this.known.add(eventKey(entry));
  }

  static async open(options: SheetTargetOptions): Promise<SheetTarget> {
    const journal = await openJournal<EventEntry>(options.eventsPath);
    const applier = new Applier(options);
    if (journal.entries.length > 0) {
      options.log('info', say(text.replaying, { n: journal.entries.length, path: options.eventsPath }));
      applier.add(journal.entries);
    }
    return new SheetTarget(options.sheet.path, journal, applier);
  }

  /** Whether this exact notification is already in the sheet's events journal. */
  has(entry: EventEntry): boolean {
    return this.known.has(eventKey(entry));
  }

  /** Records the event durably (rejects if the disk refuses), then queues it to be applied. */
  async accept(entry: EventEntry): Promise<void> {
    await this.journal.append(entry);
    this.known.add(eventKey(entry));
    this.applier.add([entry]);
  }

  idle(): Promise<void> {
    return this.applier.idle();
  }

  async close(): Promise<void> {
    this.applier.stop();
    await this.applier.idle();
    await this.journal.close();
  }
}
