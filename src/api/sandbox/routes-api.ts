/**
 * The three Payment Links endpoints, with the fault plan around them.
 *
 * Per request: decide faults (always, in arrival order) → drop before? →
 * limiter / injected 429 / injected 5xx, decided at arrival → latency →
 * authenticate → the operation → drop after? / partial success? → answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MESSAGES, alreadyDisabledMessage, expiredMessage, partialSuccessMessage } from './answers.js';
import { checkCreate } from './check-create.js';
import type { SandboxContext } from './context.js';
import type { FaultDecision } from './faults.js';
import { dropConnection, parseJson, readBody, sendJson } from './http-io.js';
import { queryView } from './link-view.js';
import { formatInZone } from './site-time.js';
import type { StoredLink } from './store.js';
import { linkStatus } from './store.js';

export type ApiOperation = 'create' | 'get' | 'disable';
/** `id` is null when the path segment is not a whole number (answered 404 after authentication). */
export type ApiRoute = { op: 'create' } | { op: 'get' | 'disable'; id: number | null };

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The link a successful create made (for the partial-success fault). */
  created?: StoredLink;
}

const ID_SEGMENT = /^\d{1,15}$/;

export function matchApiRoute(path: string): ApiRoute | null {
  if (path === '/api/payment-link' || path === '/api/payment-link/') return { op: 'create' };
  const disable = /^\/api\/payment-link\/disable\/([^/]+)\/?$/.exec(path);
  const get = /^\/api\/payment-link\/([^/]+)\/?$/.exec(path);
  const segment = disable?.[1] ?? get?.[1];
  if (segment === undefined) return null;
  const id = ID_SEGMENT.test(segment) ? Number(segment) : null;
  return { op: disable !== null ? 'disable' : 'get', id };
}

export async function handleApi(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, route: ApiRoute): Promise<void> {
  ctx.counters.requests[route.op] += 1;
  const decision = ctx.faults.next();
  if (decision.dropBefore) {
    ctx.counters.faults.dropBefore += 1;
    ctx.log(`${route.op}: connection dropped before processing (fault)`);
    return dropConnection(req);
  }
  const early = arrivalFault(ctx, decision);
  const text = await readBody(req);
  const latency = decision.latencyMs + (route.op === 'create' ? decision.createLatencyMs : 0);
  if (latency > 0) {
    ctx.counters.faults.latency += 1;
    // The work below is done even if the client stopped waiting meanwhile, as a real service does.
    await ctx.sleep(latency);
  }
  if (ctx.closed || !text.ok) {
    if (text.ok === false && text.reason === 'too-large') sendJson(res, 413, ctx.answers.failed(413, MESSAGES.tooLarge));
    return;
  }
  if (early !== null) {
    if (route.op === 'create' && (early.status === 500 || early.status === 504) && decision.createDespiteError) {
      // The service did the work and failed while answering: the link exists, the client cannot know it.
      const lost = runOperation(ctx, req, route, text.text);
      ctx.log(`create: link ${lost.created?.id ?? '(none)'} made, answer lost in injected ${early.status}`);
    }
    return finish(ctx, res, route, early, 'fault');
  }
  const answer = runOperation(ctx, req, route, text.text);
  const succeeded = answer.status === 200 || answer.status === 201;
  if (succeeded && decision.dropAfter && route.op !== 'get') {
    ctx.counters.faults.dropAfter += 1;
    ctx.log(`${route.op}: done, connection dropped before answering (fault)`);
    dropConnection(req);
    return landArmedPayment(ctx, route);
  }
  // Only a mobile channel (SMS, WhatsApp) can fail this way: the notes name no e-mail partial success.
  const recipients = answer.created?.recipients ?? [];
  const mobile = recipients.some((r) => r.sendSMS === true) ? 'SMS' : recipients.some((r) => r.sendWhatsapp === true) ? 'WhatsApp' : null;
  if (decision.partialSuccess && mobile !== null) {
    ctx.counters.faults.partialSuccess += 1;
    const body = answer.body as { status: { message: string } };
    body.status.message = partialSuccessMessage(mobile);
    return finish(ctx, res, route, answer, 'partial success (fault)');
  }
  finish(ctx, res, route, answer);
  // After the answer went out (a query's answer shares the link's payments list).
  if (succeeded) landArmedPayment(ctx, route);
}

/** A payment armed for "after the next query / disable" of this link lands now, once the answer was sent. */
function landArmedPayment(ctx: SandboxContext, route: ApiRoute): void {
  if (route.op === 'create' || route.id === null) return;
  const armed = ctx.armed.get(route.id);
  const lookup = ctx.store.find(route.id);
  if (armed === undefined || armed.after !== route.op || lookup.kind !== 'own') return;
  ctx.armed.delete(route.id);
  // No status check: after a disable, this is a checkout that was already open completing.
  ctx.store.pay(lookup.link, { total: armed.total, paymentDate: formatInZone(armed.paymentDate ?? ctx.now(), ctx.timeZone), payer: armed.payer });
  ctx.log(`${route.op}: armed payment of link ${route.id} landed`);
}

function finish(ctx: SandboxContext, res: ServerResponse, route: ApiRoute, answer: Answer, note?: string): void {
  ctx.log(`${route.op}: ${answer.status}${note === undefined ? '' : ` ${note}`}`);
  sendJson(res, answer.status, answer.body, answer.headers);
}

/** Refusals decided when the request arrives: the real limiter, then injected 429 and 5xx. */
function arrivalFault(ctx: SandboxContext, decision: FaultDecision): Answer | null {
  const { answers, counters } = ctx;
  if (!ctx.limiter.take(ctx.now().getTime())) {
    counters.faults.rateLimited += 1;
    return { status: 429, body: answers.failed(429, MESSAGES.tooManyRequests), headers: { 'retry-after': '1' } };
  }
  if (decision.rate429) {
    counters.faults.rate429 += 1;
    const retryAfter = String(Math.ceil(ctx.faultConfig.retryAfterSeconds));
    return { status: 429, body: answers.failed(429, MESSAGES.tooManyRequests), headers: { 'retry-after': retryAfter } };
  }
  if (decision.serverError !== null) {
    counters.faults.serverError += 1;
    return { status: decision.serverError, body: answers.failed(decision.serverError, MESSAGES.serverError) };
  }
  return null;
}

function runOperation(ctx: SandboxContext, req: IncomingMessage, route: ApiRoute, text: string): Answer {
  const body = parseJson(req, text);
  const verdict = ctx.auth.check(body, ctx.now());
  if (verdict !== null) {
    ctx.counters.auth.failed += 1;
    const key = String(verdict);
    ctx.counters.auth.byCode[key] = (ctx.counters.auth.byCode[key] ?? 0) + 1;
    return { status: 401, body: ctx.answers.authFailed(verdict) };
  }
  if (route.op === 'create') return create(ctx, body);
  const lookup = route.id === null ? ({ kind: 'missing' } as const) : ctx.store.find(route.id);
  if (lookup.kind === 'missing') return { status: 404, body: ctx.answers.failed(404, MESSAGES.notFound) };
  if (lookup.kind === 'foreign') return { status: 401, body: ctx.answers.failed(401, MESSAGES.otherSite) };
  return route.op === 'get' ? query(ctx, lookup.link) : disable(ctx, lookup.link);
}

function create(ctx: SandboxContext, body: unknown): Answer {
  const now = ctx.now();
  const checked = checkCreate(body, now, ctx.timeZone);
  if (!checked.ok) {
    return { status: 422, body: { ...ctx.answers.failed(422, MESSAGES.validation), errors: checked.errors } };
  }
  const link = ctx.store.create(checked.link, now);
  const { counters } = ctx;
  counters.linksCreated += 1;
  counters.createsByReference[link.reference] = (counters.createsByReference[link.reference] ?? 0) + 1;
  const status = ctx.answers.status('OK', 'PC', MESSAGES.created);
  const body201 =
    ctx.createSpelling === 'id'
      ? { status, id: link.id, url: link.url }
      : { status, requestId: link.id, processUrl: link.url };
  return { status: 201, body: body201, created: link };
}

function query(ctx: SandboxContext, link: StoredLink): Answer {
  const view = queryView(link, { now: ctx.now(), timeZone: ctx.timeZone, site: ctx.site, queryCase: ctx.queryCase });
  return { status: 200, body: view };
}

/** Only an ACTIVE link can be disabled; the service refuses any operation on a closed one with 400. */
function disable(ctx: SandboxContext, link: StoredLink): Answer {
  const status = linkStatus(link, ctx.now());
  if (status === 'INACTIVE') return { status: 400, body: ctx.answers.failed(400, alreadyDisabledMessage(link.id)) };
  if (status === 'EXPIRED') return { status: 400, body: ctx.answers.failed(400, expiredMessage(link.id)) };
  link.disabled = true;
  ctx.counters.linksDisabled += 1;
  // The schema types the disabled id as a string, unlike create and query.
  return { status: 200, body: { status: ctx.answers.status('OK', '00', MESSAGES.disabled), id: String(link.id) } };
}
