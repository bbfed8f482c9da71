/**
 * Sandbox-only controls under /__sandbox/: what the real service does on its
 * own (a payer pays, time passes, a webhook fires) made to happen on demand.
 * No authentication, never faults, answers `{error}` on misuse.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decimalText, isPositive } from './check-create.js';
import type { SandboxContext } from './context.js';
import { readBody, sendJson } from './http-io.js';
import { rawView } from './link-view.js';
import { NOTIFY_EVENTS, buildNotification, deliver, type NotifyEvent } from './notify.js';
import { formatInZone } from './site-time.js';
import type { StoredLink, StoredPayer } from './store.js';
import { linkStatus } from './store.js';

interface Reply {
  status: number;
  body: unknown;
}

const fail = (status: number, error: string): Reply => ({ status, body: { error } });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const PAYER_FIELDS = ['name', 'surname', 'email', 'phone', 'document', 'documentType'] as const;
const DEFAULT_PAYER: StoredPayer = {
  name: 'Andres',
  surname: 'Zea',
  email: 'payer@example.com',
  phone: '+573001234567',
  document: '123456789',
  documentType: 'CC',
};

export async function handleControl(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  ctx.counters.requests.control += 1;
  const text = await readBody(req);
  if (!text.ok) {
    if (text.reason === 'too-large') sendJson(res, 413, { error: 'request body too large' });
    return;
  }
  const reply = await route(ctx, req.method ?? 'GET', path, text.text);
  ctx.log(`control ${req.method} ${path}: ${reply.status}`);
  sendJson(res, reply.status, reply.body);
}

async function route(ctx: SandboxContext, method: string, path: string, text: string): Promise<Reply> {
  if (path === '/__sandbox/counters') {
    return method === 'GET' ? { status: 200, body: structuredClone(ctx.counters) } : fail(405, 'use GET');
  }
  const match = /^\/__sandbox\/links\/(\d{1,15})(?:\/(pay|expire|notify))?\/?$/.exec(path);
  if (match === null) return fail(404, `no sandbox control at ${path}`);
  const lookup = ctx.store.find(Number(match[1]));
  if (lookup.kind !== 'own') return fail(404, `link ${match[1]} does not exist on this sandbox's site`);
  const action = match[2];
  if (action === undefined) return method === 'GET' ? { status: 200, body: rawView(lookup.link, ctx.now()) } : fail(405, 'use GET');
  if (method !== 'POST') return fail(405, 'use POST');
  let body: unknown = {};
  try {
    body = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    return fail(400, 'the body must be JSON (or empty)');
  }
  if (!isObject(body)) return fail(400, 'the body must be a JSON object');
  if (action === 'pay') return pay(ctx, lookup.link, body);
  if (action === 'expire') {
    lookup.link.expiredByControl = true;
    return { status: 200, body: rawView(lookup.link, ctx.now()) };
  }
  return notify(ctx, lookup.link, body);
}

const WHEN: Record<string, 'get' | 'disable'> = { 'after-next-query': 'get', 'after-next-disable': 'disable' };

/**
 * Records an APPROVED payment, as if a payer had paid through the link's checkout;
 * with `"when": "after-next-query"` or `"after-next-disable"`, arms it to land right
 * after the sandbox answers the next query or disable of the link (see ArmedPayment).
 */
function pay(ctx: SandboxContext, link: StoredLink, body: Record<string, unknown>): Reply {
  const now = ctx.now();
  const when = body.when;
  if (when !== undefined && (typeof when !== 'string' || WHEN[when] === undefined)) {
    return fail(400, `when ${JSON.stringify(when)} is not one of ${Object.keys(WHEN).join(', ')} (or leave it out to pay now)`);
  }
  const status = linkStatus(link, now);
  if (status !== 'ACTIVE') return fail(409, `link ${link.id} is ${status}: only an ACTIVE link can be paid`);
  const total = body.amount === undefined ? link.total : decimalText(body.amount);
  if (total === undefined || !isPositive(total)) {
    return fail(400, `amount ${JSON.stringify(body.amount)} is not a positive decimal (e.g. 25000 or "25000.50")`);
  }
  let paidAt = now;
  if (body.date !== undefined) {
    const ms = typeof body.date === 'string' ? Date.parse(body.date) : NaN;
    if (Number.isNaN(ms)) return fail(400, `date ${JSON.stringify(body.date)} is not ISO 8601 (e.g. 2024-08-12T08:10:50-05:00)`);
    paidAt = new Date(ms);
  }
  const payer: StoredPayer = { ...DEFAULT_PAYER };
  if (isObject(body.payer)) {
    for (const field of PAYER_FIELDS) {
      const value = body.payer[field];
      if (typeof value === 'string') payer[field] = value;
    }
  }
  if (typeof when === 'string') {
    const after = WHEN[when] as 'get' | 'disable';
    ctx.armed.set(link.id, { after, total, paymentDate: body.date === undefined ? undefined : paidAt, payer });
    return { status: 200, body: { armed: { linkId: link.id, when, total }, link: rawView(link, now) } };
  }
  const payment = ctx.store.pay(link, { total, paymentDate: formatInZone(paidAt, ctx.timeZone), payer });
  return { status: 200, body: { payment, link: rawView(link, now) } };
}

/** Sends the signed webhook and reports what the receiver answered. */
async function notify(ctx: SandboxContext, link: StoredLink, body: Record<string, unknown>): Promise<Reply> {
  const event = body.event;
  if (typeof event !== 'string' || !NOTIFY_EVENTS.includes(event as NotifyEvent)) {
    return fail(400, `event ${JSON.stringify(event)} is not one of ${NOTIFY_EVENTS.join(', ')}`);
  }
  if (link.notificationUrl === null) return fail(409, `link ${link.id} has no notificationUrl`);
  const date = formatInZone(ctx.now(), ctx.timeZone);
  const notification = buildNotification(link, event as NotifyEvent, date, ctx.credentials.secretKey);
  try {
    const delivery = await deliver(link.notificationUrl, notification, ctx.closing);
    return { status: 200, body: { notification, ...delivery } };
  } catch (err) {
    // fetch says only "fetch failed"; the useful part (ECONNREFUSED, timeout) is in its cause.
    const inner = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const cause = inner instanceof Error ? inner.message : String(inner);
    return fail(502, `the notification to ${link.notificationUrl} was not delivered: ${cause}`);
  }
}
