/**
 * The Placetopay Payment Links client: create, query and disable over one
 * keep-alive undici Pool.
 *
 * Each call builds a fresh `auth` block and makes exactly one HTTP request:
 * the client never retries, because only the pipeline knows which failures
 * are safe to repeat (a create whose answer was lost is not). Every failure is
 * an ApiError with a stable code and the operation that failed.
 */
import { Pool } from 'undici';
import { redactSecrets, rememberSecret } from '../secrets.js';
import { buildAuth, formatSeed } from './auth.js';
import { serializeAuthOnly, serializeCreateBody } from './body.js';
import { ConfigError } from './config-error.js';
import { ApiError } from './errors.js';
import { transportError } from './network-errors.js';
import { parseCreated, parseDisabled, parseLinkInfo } from './responses.js';
import { statusError, type Operation } from './status-errors.js';
import type { AuthBlock, CreatedLink, CreateLinkRequest, Credentials, DisabledLink, LinkInfo } from './types.js';
import { say } from '../i18n/message.js';
import { api as apiText } from '../i18n/messages/api.js';
import { config as configText } from '../i18n/messages/config.js';

export interface ClientTimeouts {
  /** Opening a connection (TCP + TLS). Default 10 s. */
  connectMs?: number;
  /** From the request written to the answer's headers. Default 30 s. */
  headersMs?: number;
  /** Between chunks of the answer's body. Default 30 s. */
  bodyMs?: number;
}

export interface ClientOptions {
  /** e.g. https://sites-test.placetopay.com, or with a path prefix (https://dev.placetopay.com/microsites). */
  baseUrl: string;
  credentials: Credentials;
  timeouts?: ClientTimeouts;
  /** Keep-alive connections in the pool. Default 32. */
  connections?: number;
  /** Where seeds get their time. Tests skew it to provoke auth code 103; nothing else should set it. */
  clock?: () => Date;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** Answers bigger than this are not Placetopay answers (a query with many payments is a few hundred KB). */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

const USER_AGENT = 'paylinks';

export class PlacetopayClient {
  readonly #pool: Pool;
  readonly #origin: string;
  readonly #prefix: string;
  readonly #credentials: Credentials;
  readonly #clock: () => Date;
  #closed = false;

  constructor(options: ClientOptions) {
    const url = parseBaseUrl(options.baseUrl);
    this.#origin = url.origin;
    this.#prefix = url.pathname.replace(/\/+$/, '');
    this.#credentials = options.credentials;
    rememberSecret(options.credentials.secretKey);
    this.#clock = options.clock ?? (() => new Date());
    const timeouts = options.timeouts ?? {};
    this.#pool = new Pool(this.#origin, {
      connections: options.connections ?? 32,
      connect: { timeout: timeouts.connectMs ?? 10_000 },
      headersTimeout: timeouts.headersMs ?? 30_000,
      bodyTimeout: timeouts.bodyMs ?? 30_000,
      // Short: a server (or proxy) that drops an idle connection just as a create is written on it
      // turns that create into OUTCOME_UNKNOWN. Busy runs keep connections warm anyway.
      keepAliveTimeout: 4_000,
      maxResponseSize: MAX_ANSWER_BYTES,
    });
  }

  /** Creates a link. A 201 whose notification channel failed still resolves, with `warning`. */
  async create(req: CreateLinkRequest, opts: CallOptions = {}): Promise<CreatedLink> {
    return this.#call({
      operation: 'create',
      path: '/api/payment-link',
      body: (auth) => serializeCreateBody(req, auth),
      parse: parseCreated,
      signal: opts.signal,
    });
  }

  /** Queries a link: its status and its payments, normalised to camelCase. */
  async get(id: number, opts: CallOptions = {}): Promise<LinkInfo> {
    checkId(id, 'get');
    return this.#call({
      operation: 'get',
      linkId: id,
      path: `/api/payment-link/${id}`,
      body: serializeAuthOnly,
      parse: (json) => parseLinkInfo(json, id),
      signal: opts.signal,
    });
  }

  /** Disables a link. A link that was already disabled rejects with ALREADY_DISABLED. */
  async disable(id: number, opts: CallOptions = {}): Promise<DisabledLink> {
    checkId(id, 'disable');
    return this.#call({
      operation: 'disable',
      linkId: id,
      path: `/api/payment-link/disable/${id}`,
      body: serializeAuthOnly,
      parse: (json) => parseDisabled(json, id),
      signal: opts.signal,
    });
  }

  /** Waits for requests in flight, then closes every connection. Later calls reject with NOT_SENT. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.close();
  }

  async #call<T>(call: Call<T>): Promise<T> {
    const { operation, linkId } = call;
    const target = this.#origin;
    if (this.#closed) {
      throw new ApiError('NOT_SENT', say(apiText.clientClosed, { operation }), { operation });
    }
    if (call.signal?.aborted === true) throw transportError(call.signal.reason, { operation, linkId, target, aborted: true });

    // A fresh nonce and seed for every request: the pipeline retries by calling again.
    const auth = buildAuth(this.#credentials, { seed: formatSeed(this.#clock()) });
    const body = call.body(auth);
    const aborted = (): boolean => call.signal?.aborted === true;

    let answer: { statusCode: number; headers: Record<string, string | string[] | undefined>; text: string | undefined };
    try {
      const res = await this.#pool.request({
        method: 'POST',
        path: this.#prefix + call.path,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': USER_AGENT },
        body,
        signal: call.signal,
      });
      answer = { statusCode: res.statusCode, headers: res.headers, text: await readText(res.body, res.statusCode) };
    } catch (err) {
      throw transportError(err, { operation, linkId, target, aborted: aborted() });
    }

    const json = parseJson(answer.text);
    if (answer.statusCode >= 200 && answer.statusCode < 300) {
      if (json === undefined) throw unreadable(operation, linkId, answer.statusCode);
      return call.parse(json);
    }
    throw statusError(answer.statusCode, json, answer.headers['retry-after'], {
      operation,
      linkId,
      endpoint: target + this.#prefix + call.path,
      redact: redactor(auth, this.#credentials.secretKey),
      now: Date.now(),
    });
  }
}

interface Call<T> {
  operation: Operation;
  linkId?: number;
  path: string;
  body: (auth: AuthBlock) => string;
  parse: (json: unknown) => T;
  signal: AbortSignal | undefined;
}

/**
 * The answer's text. A failure while reading an error answer's body does not
 * hide its status (a 422 is a 422); a failure while reading a 2xx body does.
 */
async function readText(body: { text(): Promise<string> }, statusCode: number): Promise<string | undefined> {
  try {
    return await body.text();
  } catch (err) {
    if (statusCode >= 200 && statusCode < 300) throw err;
    return undefined;
  }
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function unreadable(operation: Operation, linkId: number | undefined, httpStatus: number): ApiError {
  return new ApiError('BAD_RESPONSE', say(apiText.notJson, { operation, linkId, status: httpStatus }), {
    operation,
    httpStatus,
  });
}

/** Replaces any echo of the secret, the tranKey or the nonce in text the service sent back. */
function redactor(auth: AuthBlock, secretKey: string): (text: string) => string {
  return (text) => redactSecrets(text, [secretKey, auth.tranKey, auth.nonce]);
}

function checkId(id: number, operation: Operation): void {
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new ApiError('BAD_REQUEST', say(apiText.badLinkId, { id: String(id), operation }), {
      operation,
    });
  }
}

function parseBaseUrl(baseUrl: string): URL {
  try {
    const url = new URL(baseUrl);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // fall through to the typed error
  }
  throw new ConfigError('BASE_URL_INVALID', say(configText.baseUrlClient, { url: baseUrl }));
}
