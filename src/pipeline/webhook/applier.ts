/**
 * Applies a sheet's accepted events in batches, one batch at a time, under
 * the sheet's lock (apply.ts), retrying what could not be applied: a busy
 * sheet (reconcile running) or a failed write waits in memory and, in any
 * case, in the events journal, which is replayed at every start.
 */
import { say } from '../../i18n/message.js';
import { webhook as text } from '../../i18n/messages/webhook.js';
import type { IssuedSheetOptions } from '../reconcile/issued-sheet.js';
import { applyNotifications, type NotificationEvent } from './apply.js';

export type WebhookLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface ApplierOptions {
  sheet: IssuedSheetOptions;
  lockPath: string;
  log: WebhookLog;
  /** Wait this long for the sheet's lock per attempt (default 60 s). */
  lockWaitMs?: number;
  /** Pause before retrying a batch that could not be applied (default 2 s). */
  retryMs?: number;
}

export class Applier {
  private pending: NotificationEvent[] = [];
  private running: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: ApplierOptions) {}

  add(events: readonly NotificationEvent[]): void {
    this.pending.push(...events.map((e) => ({ linkId: e.linkId, status: e.status, date: e.date })));
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  private kick(): void {
    if (this.running !== undefined || this.stopped || this.pending.length === 0) return;
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  private async loop(): Promise<void> {
    while (this.pending.length > 0 && !this.stopped) {
      const batch = this.pending.splice(0);
      const sheet = this.options.sheet.path;
      try {
        const result = await applyNotifications(batch, {
          sheet: this.options.sheet,
          lockPath: this.options.lockPath,
          lockWaitMs: this.options.lockWaitMs ?? 60_000,
        });
        this.options.log('info', say(text.applied, { n: batch.length, sheet, changed: result.changed, unmatched: result.unmatched.join(', ') }), { sheet, ...result });
      } catch (err) {
        this.pending.unshift(...batch);
        const retryMs = this.options.retryMs ?? 2000;
        this.options.log('warn', say(text.applyFailed, { n: batch.length, sheet, detail: err instanceof Error ? err.message : String(err), seconds: retryMs / 1000 }), { sheet });
        if (!this.stopped) {
          this.retryTimer = setTimeout(() => this.kick(), retryMs);
          this.retryTimer.unref();
        }
        return;
      }
    }
  }
}
