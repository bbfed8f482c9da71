/**
 * The notification receiver behind `paylinks webhook`: a node:http server
 * that takes Placetopay's POSTed notifications.
 *
 * - Only POSTs to its own path (`--path`, `/` by default) are taken: another
 *   path is answered 404, another method 405, so a scanner or a typo never
 *   reaches the journal.
 * - A notification whose signature does not verify (checked in constant
 *   time by verifyNotification) is answered 401 and logged, and changes nothing.
 * - An authentic one whose linkId is not strictly a link id ("0x3F3", "1e3",
 *   "1010 ") is answered 400 and logged: never turned into another link's id.
 * - A client that hangs up mid-request (ECONNRESET, "aborted") is logged as
 *   info: it is the sender's business, not a fault of this server.
 * - An authentic one is appended to the events journal (`<sheet>.events.jsonl`)
 *   and answered 200 only once that append is on disk: a crash after the 200
 *   loses nothing, and the service retries anything not answered 200.
 * - Accepted events are applied to the sheet in batches, under the sheet's
 *   lock, by one applier at a time (notification-apply.ts). A busy sheet
 *   (reconcile running) or a failed write is retried; the events wait in memory
 *   and, in any case, in the journal, which is replayed at every start.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseLinkId } from '../../api/link-id.js';
import { verifyNotification } from '../../api/notification.js';
import { openJournal, type Journal } from '../../io/journal.js';
import type { IssuedSheetOptions } from '../reconcile/issued-sheet.js';
import { applyNotifications, type NotificationEvent } from './apply.js';

export interface WebhookOptions {
  port: number;
  host: string;
  /** The only path notifications are taken on (default `/`). */
  path?: string;
  secret: string;
  sheet: IssuedSheetOptions;
  eventsPath: string;
  lockPath: string;
  /** One line per request and per batch applied. */
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /** Wait this long for the sheet's lock per attempt (default 60 s). */
  lockWaitMs?: number;
  /** Pause before retrying a batch that could not be applied (default 2 s). */
  retryMs?: number;
}

export interface WebhookHandle {
  /** Where to POST notifications: the base URL with the path. */
  url: string;
  /** Resolves once every accepted event has been applied (or has failed and is waiting for a retry). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

interface EventEntry extends NotificationEvent {
  t: 'event';
  reason?: string | number;
  reference?: string;
  signature: string;
  receivedAt: string;
}

const MAX_BODY_BYTES = 64 * 1024;

export async function startWebhook(options: WebhookOptions): Promise<WebhookHandle> {
  const journal = await openJournal<EventEntry>(options.eventsPath);
  const applier = new Applier(options);
  if (journal.entries.length > 0) {
    options.log('info', `Replaying ${journal.entries.length} event(s) from ${options.eventsPath} onto the sheet.`);
    applier.add(journal.entries);
  }
  const path = webhookPath(options.path);
  const server = createServer((req, res) => {
    handle(req, res, { ...options, path }, journal, applier).catch((err: unknown) => {
      if (isClientAbort(err, req)) {
        options.log('info', `${req.socket.remoteAddress ?? 'a client'} closed the connection before its request was complete; nothing recorded`);
        return;
      }
      options.log('error', `internal error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent && !res.destroyed) reply(res, 500, { status: 'error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${path}`,
    idle: () => applier.idle(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      applier.stop();
      await applier.idle();
      await journal.close();
    },
  };
}

/** `--path` as given, with a leading slash; no query, no fragment. */
export function webhookPath(path: string | undefined): string {
  const p = (path ?? '/').trim();
  const withSlash = p.startsWith('/') ? p : `/${p}`;
  if (/[?#\s]/.test(withSlash)) throw new RangeError(`the webhook path "${p}" must be a plain path such as /placetopay (no ?, # or spaces)`);
  return withSlash;
}

async function handle(req: IncomingMessage, res: ServerResponse, options: WebhookOptions & { path: string }, journal: Journal<EventEntry>, applier: Applier): Promise<void> {
  const from = req.socket.remoteAddress ?? 'unknown';
  const path = new URL(req.url ?? '/', 'http://webhook.invalid').pathname;
  if (path !== options.path) {
    options.log('info', `${req.method ?? '?'} ${path.slice(0, 80)} from ${from}: 404 (notifications are taken on ${options.path} only)`);
    return reply(res, 404, { status: 'not found' });
  }
  if (req.method !== 'POST') return reply(res, 405, { status: 'use POST' }, { allow: 'POST' });
  const text = await readBody(req);
  if (text === undefined) {
    options.log('warn', `rejected a notification from ${from}: body larger than ${MAX_BODY_BYTES} bytes`);
    return reply(res, 413, { status: 'rejected' });
  }
  const body = parseJson(text);
  if (!verifyNotification(body, options.secret)) {
    options.log('warn', `rejected a notification from ${from}: ${describeRejected(body)}`, { remote: from });
    return reply(res, 401, { status: 'rejected', reason: 'signature does not verify' });
  }
  const n = body as { linkId: number | string; reference?: string; signature: string; status: { status: string; date: string; reason?: string | number } };
  const linkId = parseLinkId(n.linkId);
  if (!linkId.ok) {
    // Signed, but not a link id we can trust to mean one link: refuse rather than guess which.
    options.log('warn', `refused a signed notification from ${from}: linkId ${linkId.reason}`, { remote: from });
    return reply(res, 400, { status: 'rejected', reason: `linkId ${linkId.reason}` });
  }
  const entry: EventEntry = {
    t: 'event',
    linkId: linkId.id,
    status: n.status.status.toUpperCase(),
    date: n.status.date,
    reason: n.status.reason,
    reference: typeof n.reference === 'string' ? n.reference : undefined,
    signature: n.signature,
    receivedAt: new Date().toISOString(),
  };
  try {
    await journal.append(entry);
  } catch (err) {
    // Not durable, so not accepted: the service will send it again.
    options.log('error', `could not record a notification for link ${entry.linkId}: ${err instanceof Error ? err.message : String(err)}`);
    return reply(res, 500, { status: 'error' });
  }
  options.log('info', `accepted ${entry.status} for link ${entry.linkId}`, { linkId: entry.linkId, status: entry.status, reference: entry.reference });
  reply(res, 200, { status: 'accepted' });
  applier.add([entry]);
}

/** Applies events in batches, one batch at a time, retrying what could not be applied. */
class Applier {
  private pending: NotificationEvent[] = [];
  private running: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: WebhookOptions) {}

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
      try {
        const result = await applyNotifications(batch, {
          sheet: this.options.sheet,
          lockPath: this.options.lockPath,
          lockWaitMs: this.options.lockWaitMs ?? 60_000,
        });
        const unmatched = result.unmatched.length > 0 ? `; link(s) not in the sheet: ${result.unmatched.join(', ')}` : '';
        this.options.log('info', `applied ${batch.length} event(s) to ${this.options.sheet.path}: ${result.changed} row(s) changed${unmatched}`, { ...result });
      } catch (err) {
        this.pending.unshift(...batch);
        const retryMs = this.options.retryMs ?? 2000;
        this.options.log('warn', `could not apply ${batch.length} event(s) to ${this.options.sheet.path} (${err instanceof Error ? err.message : String(err)}); retrying in ${retryMs / 1000} s`);
        if (!this.stopped) {
          this.retryTimer = setTimeout(() => this.kick(), retryMs);
          this.retryTimer.unref();
        }
        return;
      }
    }
  }
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The client hung up (ECONNRESET, "aborted"): no fault of ours, and nothing was accepted. */
function isClientAbort(err: unknown, req: IncomingMessage): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'EPIPE') return true;
  return req.destroyed && err instanceof Error && err.message === 'aborted';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What was wrong, without echoing a whole body someone else chose. */
function describeRejected(body: unknown): string {
  if (body === undefined) return 'the body is not JSON';
  const b = body as { linkId?: unknown; status?: { status?: unknown } } | null;
  const linkId = typeof b?.linkId === 'number' || typeof b?.linkId === 'string' ? String(b.linkId).slice(0, 20) : '?';
  const status = typeof b?.status?.status === 'string' ? b.status.status.slice(0, 20) : '?';
  return `signature does not verify (linkId ${linkId}, status ${status})`;
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
