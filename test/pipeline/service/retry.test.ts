/**
 * Refusals (429) through the real client, the throttle and callWithRetry,
 * against a tiny node:http stub: Retry-After honoured in both its forms,
 * refusals retried beyond --retries (a 429 creates nothing), and a service
 * that keeps refusing ends the request with a message that says so.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlacetopayClient } from '../../../src/api/client.js';
import { ApiError } from '../../../src/api/errors.js';
import type { CreateLinkRequest } from '../../../src/api/types.js';
import { setLang } from '../../../src/i18n/current.js';
import { callWithRetry, DEFAULT_RETRY, type RetryOptions } from '../../../src/pipeline/service/retry.js';
import { Throttle } from '../../../src/pipeline/service/throttle.js';

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

let server: Server;
let baseUrl: string;
/** Answers in turn; the last one repeats. */
let script: Array<() => Answer> = [];
/** When each request arrived (ms since the epoch). */
const arrivals: number[] = [];
const clients: PlacetopayClient[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.push(Date.now());
      const next = script.length > 1 ? (script.shift() as () => Answer) : (script[0] as () => Answer);
      const a = next();
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body === undefined ? '' : JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  arrivals.length = 0;
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const request: CreateLinkRequest = {
  name: 'Factura 0001',
  reference: 'INV-0001',
  description: 'Cuota de administración',
  expirationDate: '2030-01-31 23:59:59',
  paymentExpiration: 15,
  payment: { amount: { currency: 'COP', total: '125000' } },
};
const ok = { status: 'OK', reason: 'PC', message: 'Link creado', date: '2024-06-21T09:56:06-05:00' };
const created = (): Answer => ({ status: 201, body: { status: ok, id: 7, url: 'https://pay.test/7' } });
const refused = (retryAfter?: string) => (): Answer => ({
  status: 429,
  body: { status: { status: 'FAILED', reason: 429, message: 'Too many requests' } },
  ...(retryAfter === undefined ? {} : { headers: { 'retry-after': retryAfter } }),
});

function create(options: RetryOptions = DEFAULT_RETRY, throttle = new Throttle({ concurrency: 4 })): Promise<{ id: number }> {
  const client = new PlacetopayClient({ baseUrl, credentials: { login: 'stub-login', secretKey: 'stub-secret-key-0123' }, connections: 2 });
  clients.push(client);
  return callWithRetry('create', () => client.create(request), throttle, options);
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const err: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('Retry-After', () => {
  it('in seconds: the refused request is not sent again before it says', async () => {
    script = [refused('1'), created];
    await expect(create()).resolves.toMatchObject({ id: 7 });
    expect(arrivals).toHaveLength(2);
    expect((arrivals[1] as number) - (arrivals[0] as number)).toBeGreaterThanOrEqual(990);
  });

  it('as an HTTP date: the refused request waits until that date', async () => {
    // HTTP dates have whole seconds: two seconds ahead is at least one second from now.
    script = [() => refused(new Date(Date.now() + 2000).toUTCString())(), created];
    await expect(create()).resolves.toMatchObject({ id: 7 });
    expect(arrivals).toHaveLength(2);
    expect((arrivals[1] as number) - (arrivals[0] as number)).toBeGreaterThanOrEqual(990);
  });
});

describe('refusals and --retries', () => {
  it('a refused create is sent again beyond --retries: a 429 creates nothing', async () => {
    script = [refused('0'), refused('0'), refused('0'), refused('0'), created];
    const throttle = new Throttle({ concurrency: 4 });
    await expect(create({ retries: 0, minDelayMs: 1, maxDelayMs: 5 }, throttle)).resolves.toMatchObject({ id: 7 });
    expect(arrivals).toHaveLength(5);
    expect(throttle.stats().pushbacks).toBe(4);
  });

  it('--retries still bounds the failures that are not refusals', async () => {
    script = [refused('0'), () => ({ status: 503, body: {} })];
    const err = await failure(create({ retries: 2, minDelayMs: 1, maxDelayMs: 5 }));
    expect(err.code).toBe('SERVER_ERROR');
    expect(arrivals).toHaveLength(4); // the refusal, then 503 three times (the first try and 2 retries)
  });

  it('a service that keeps refusing ends the request when its refusal budget is used, saying so', async () => {
    script = [refused('0')];
    const err = await failure(create({ retries: 5, minDelayMs: 1, maxDelayMs: 2, refusals: { ms: 60_000, times: 6 } }));
    expect(err.code).toBe('RATE_LIMITED');
    expect(arrivals).toHaveLength(6);
    expect(err.message).toContain('refused this request 6 times in a row (429)');
    expect(err.message).toContain('nothing was created');
    expect(err.message).toContain('--rate');
  });

  it('a Retry-After longer than the budget ends the request at once, without pausing the run', async () => {
    script = [refused('3600')];
    const throttle = new Throttle({ concurrency: 4 });
    const started = Date.now();
    const err = await failure(create({ ...DEFAULT_RETRY, refusals: { ms: 60_000, times: 100 } }, throttle));
    expect(arrivals).toHaveLength(1);
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.message).toContain('asked to wait 3600 s');
    // The next request of the run is not held for an hour: it goes out (and is refused) at once.
    await failure(create({ ...DEFAULT_RETRY, refusals: { ms: 60_000, times: 100 } }, throttle));
    expect(arrivals).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('says it in Spanish in a Spanish run', async () => {
    setLang('es');
    try {
      script = [refused('0')];
      const err = await failure(create({ retries: 0, minDelayMs: 1, maxDelayMs: 2, refusals: { ms: 60_000, times: 2 } }));
      expect(err.message).toContain('El servicio rechazó esta solicitud 2 veces seguidas (429)');
    } finally {
      setLang('en');
    }
  });
});
