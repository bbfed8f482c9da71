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
 *   lock, by one applier at a time (applier.ts). A busy sheet
 *   (reconcile running) or a failed write is retried; the events wait in memory
 *   and, in any case, in the journal, which is replayed at every start.
 * - With several sheets (`route`), each event goes to the sheet holding its
 *   link id (router.ts); one for an id in no sheet is kept aside and answered 200.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseLinkId } from '../../api/link-id.js';
import { verifyNotification } from '../../api/notification.js';
import { say } from '../../i18n/message.js';
import { webhook as text } from '../../i18n/messages/webhook.js';
import type { IssuedSheetOptions } from '../reconcile/issued-sheet.js';
import type { WebhookLog } from './applier.js';
import { Router, type Routed, type RouterOptions } from './router.js';
import { SheetTarget, type EventEntry } from './sheet-target.js';

export interface WebhookOptions {
  port: number;
  host: string;
  /** The only path notifications are taken on (default `/`). */
  path?: string;
  secret: string;
  /** One sheet: its options, events journal and lock. */
  sheet?: IssuedSheetOptions;
  eventsPath?: string;
  lockPath?: string;
  /** Several sheets (--sheet A --sheet B, or --dir): routed by link id. */
  route?: Omit<RouterOptions, 'log' | 'lockWaitMs' | 'retryMs'>;
  /** One line per request and per batch applied. */
  log: WebhookLog;
  /** Wait this long for the sheet's lock per attempt (default 60 s). */
  lockWaitMs?: number;
  /** Pause before retrying a batch that could not be applied (default 2 s). */
  retryMs?: number;
}

export interface WebhookHandle {
  /** Where to POST notifications: the base URL with the path. */
  url: string;
  /** The sheets served (with --dir: those found so far). */
  sheets(): string[];
  /** Resolves once every accepted event has been applied (or has failed and is waiting for a retry). */
  idle(): Promise<void>;
  /** Looks for new and changed sheets now (several sheets only; otherwise nothing). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/** Where an authentic notification is recorded: one sheet, or the router of several. */
interface Sink {
  accept(entry: EventEntry): Promise<Routed>;
  sheets(): string[];
  refresh(): Promise<void>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

async function openSink(options: WebhookOptions): Promise<Sink> {
  const retry = { lockWaitMs: options.lockWaitMs, retryMs: options.retryMs };
  if (options.route !== undefined) {
    const router = await Router.open({ ...options.route, log: options.log, ...retry });
    return { accept: (e) => router.accept(e), sheets: () => router.sheets, refresh: () => router.refresh(), idle: () => router.idle(), close: () => router.close() };
  }
  const sheet = options.sheet;
  if (sheet === undefined) throw new RangeError('startWebhook: give a sheet or a route');
  const target = await SheetTarget.open({
    sheet,
    eventsPath: options.eventsPath ?? `${sheet.path}.events.jsonl`,
    lockPath: options.lockPath ?? `${sheet.path}.lock`,
    log: options.log,
    ...retry,
  });
  return {
    accept: async (e) => {
      await target.accept(e);
      return { sheet: sheet.path };
    },
    sheets: () => [sheet.path],
    refresh: async () => undefined,
    idle: () => target.idle(),
    close: () => target.close(),
  };
}

export async function startWebhook(options: WebhookOptions): Promise<WebhookHandle> {
  const sink = await openSink(options);
  const path = webhookPath(options.path);
  const several = options.route !== undefined;
  const server = createServer((req, res) => {
    handle(req, res, { ...options, path }, sink, several).catch((err: unknown) => {
      if (isClientAbort(err, req)) {
        options.log('info', say(text.clientAborted, { from: req.socket.remoteAddress ?? say(text.aClient) }));
        return;
      }
      options.log('error', say(text.internalError, { detail: err instanceof Error ? err.message : String(err) }));
      if (!res.headersSent && !res.destroyed) reply(res, 500, { status: 'error' });
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (err) {
    await sink.close();
    throw err;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${path}`,
    sheets: () => sink.sheets(),
    idle: () => sink.idle(),
    refresh: () => sink.refresh(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await sink.close();
    },
  };
}

/** `--path` as given, with a leading slash; no query, no fragment. */
export function webhookPath(path: string | undefined): string {
  const p = (path ?? '/').trim();
  const withSlash = p.startsWith('/') ? p : `/${p}`;
  if (/[?#\s]/.test(withSlash)) throw new RangeError(say(text.plainPath, { path: p }));
  return withSlash;
}

async function handle(req: IncomingMessage, res: ServerResponse, options: WebhookOptions & { path: string }, sink: Sink, several: boolean): Promise<void> {
  const from = req.socket.remoteAddress ?? 'unknown';
  const path = new URL(req.url ?? '/', 'http://webhook.invalid').pathname;
  if (path !== options.path) {
    options.log('info', say(text.notFound, { method: req.method ?? '?', path: path.slice(0, 80), from, only: options.path }));
    return reply(res, 404, { status: 'not found' });
  }
  if (req.method !== 'POST') return reply(res, 405, { status: 'use POST' }, { allow: 'POST' });
  const body = await readBody(req);
  if (body === undefined) {
    options.log('warn', say(text.tooLarge, { from, max: MAX_BODY_BYTES }));
    return reply(res, 413, { status: 'rejected' });
  }
  const parsed = parseJson(body);
  if (!verifyNotification(parsed, options.secret)) {
    options.log('warn', describeRejected(parsed, from), { remote: from });
    return reply(res, 401, { status: 'rejected', reason: 'signature does not verify' });
  }
  const n = parsed as { linkId: number | string; reference?: string; signature: string; status: { status: string; date: string; reason?: string | number } };
  const linkId = parseLinkId(n.linkId);
  if (!linkId.ok) {
    // Signed, but not a link id we can trust to mean one link: refuse rather than guess which.
    options.log('warn', say(text.badLinkId, { from, reason: linkId.reason }), { remote: from });
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
  let routed: Routed;
  try {
    routed = await sink.accept(entry);
  } catch (err) {
    // Not durable, so not accepted: the service will send it again.
    options.log('error', say(text.notRecorded, { linkId: entry.linkId, detail: err instanceof Error ? err.message : String(err) }));
    return reply(res, 500, { status: 'error' });
  }
  const fields = { linkId: entry.linkId, status: entry.status, reference: entry.reference };
  if (routed.sheet === undefined) {
    // Answered 200 all the same: the service would retry it for days, and it is kept.
    options.log('warn', say(text.unrouted, { status: entry.status, linkId: entry.linkId, path: routed.keptIn }), { ...fields, event: 'unrouted', keptIn: routed.keptIn });
  } else if (several) {
    options.log('info', say(text.acceptedFor, { status: entry.status, linkId: entry.linkId, sheet: routed.sheet }), { ...fields, sheet: routed.sheet });
  } else {
    options.log('info', say(text.accepted, { status: entry.status, linkId: entry.linkId }), fields);
  }
  reply(res, 200, { status: 'accepted' });
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
function describeRejected(body: unknown, from: string): string {
  if (body === undefined) return say(text.notJson, { from });
  const b = body as { linkId?: unknown; status?: { status?: unknown } } | null;
  const linkId = typeof b?.linkId === 'number' || typeof b?.linkId === 'string' ? String(b.linkId).slice(0, 20) : '?';
  const status = typeof b?.status?.status === 'string' ? b.status.status.slice(0, 20) : '?';
  return say(text.badSignature, { from, linkId, status });
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
