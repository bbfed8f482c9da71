/**
 * The client against answers the sandbox does not produce: the spellings and
 * oddities of Placetopay's published material, served by a tiny node:http stub.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlacetopayClient } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import type { CreateLinkRequest } from '../../src/api/types.js';

const SECRET = 'stub-secret-key-0123';
const credentials = { login: 'stub-login', secretKey: SECRET };

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
  text: string;
}
interface Answer {
  status: number;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

let server: Server;
let baseUrl: string;
let answer: (seen: Seen) => Answer = () => ({ status: 500 });
const seen: Seen[] = [];
const clients: PlacetopayClient[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { path: req.url ?? '', headers: req.headers, text: Buffer.concat(chunks).toString('utf8') };
      seen.push(request);
      const a = answer(request);
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.raw ?? (a.body === undefined ? '' : JSON.stringify(a.body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  seen.length = 0;
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function client(prefix = ''): PlacetopayClient {
  const c = new PlacetopayClient({ baseUrl: baseUrl + prefix, credentials, connections: 2 });
  clients.push(c);
  return c;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const err: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

const request: CreateLinkRequest = {
  name: 'Factura 0001',
  reference: 'INV-0001',
  description: 'Cuota de administración',
  expirationDate: '2030-01-31 23:59:59',
  paymentExpiration: 15,
  payment: {
    amount: {
      currency: 'COP',
      total: '12345678901234.56',
      taxes: [{ kind: 'valueAddedTax', amount: '0.10', base: '100000000000000000000.1' }],
    },
  },
};

const ok = { status: 'OK', reason: 'PC', message: 'Link creado', date: '2024-06-21T09:56:06-05:00' };

describe('create body', () => {
  it('sends amounts as the exact number literals, keeps the path prefix, and a fresh auth per call', async () => {
    answer = () => ({ status: 201, body: { status: ok, id: 7, url: 'https://pay.test/7' } });
    const c = client('/microsites/');
    await expect(c.create(request)).resolves.toEqual({ id: 7, url: 'https://pay.test/7' });
    await c.create(request);
    expect(seen.map((s) => s.path)).toEqual(['/microsites/api/payment-link', '/microsites/api/payment-link']);
    const first = seen[0]!;
    expect(first.headers['content-type']).toBe('application/json');
    expect(first.text).toContain('"total":12345678901234.56');
    expect(first.text).toContain('"amount":0.10,"base":100000000000000000000.1');
    const body = JSON.parse(first.text) as { auth: Record<string, string>; reference: string; name: string };
    expect(Object.keys(body)[0]).toBe('auth');
    expect(body.reference).toBe('INV-0001');
    expect(body.auth.login).toBe('stub-login');
    expect(first.text).not.toContain(SECRET);
    const second = JSON.parse(seen[1]!.text) as { auth: Record<string, string> };
    expect(second.auth.nonce).not.toBe(body.auth.nonce);
  });

  it('refuses a non-canonical amount before sending anything', async () => {
    const bad = { ...request, payment: { amount: { currency: 'COP', total: '1e6' } } };
    const err = await failure(client().create(bad));
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors).toHaveProperty(['payment.amount.total']);
    const leadingZero = { ...request, payment: { amount: { currency: 'COP', total: '007' } } };
    expect((await failure(client().create(leadingZero))).code).toBe('VALIDATION');
    expect(seen).toHaveLength(0);
  });
});

describe('create answers', () => {
  it('accepts requestId/processUrl and an id sent as a numeric string', async () => {
    answer = () => ({ status: 201, body: { status: ok, requestId: '42', processUrl: 'https://pay.test/42' } });
    await expect(client().create(request)).resolves.toEqual({ id: 42, url: 'https://pay.test/42' });
  });

  it('turns a notification failure in Spanish into a warning, not an error', async () => {
    const message = 'El link fue creado, pero el envío por WhatsApp falló';
    answer = () => ({ status: 201, body: { status: { ...ok, message }, id: 8, url: 'https://pay.test/8' } });
    await expect(client().create(request)).resolves.toEqual({ id: 8, url: 'https://pay.test/8', warning: message });
  });

  it('reads a 201 without id as BAD_RESPONSE, and a non-JSON 201 too', async () => {
    answer = () => ({ status: 201, body: { status: ok, url: 'https://pay.test/x' } });
    const noId = await failure(client().create(request));
    expect(noId.code).toBe('BAD_RESPONSE');
    expect(noId.message).toMatch(/probably created/);
    answer = () => ({ status: 201, raw: '<html>created</html>' });
    expect((await failure(client().create(request))).code).toBe('BAD_RESPONSE');
  });

  it('reads a 422 whose errors are strings or lists', async () => {
    answer = () => ({
      status: 422,
      body: {
        status: { status: 'FAILED', reason: 'XN', message: 'Validation failed' },
        errors: { expirationDate: 'must be a date after now', 'payment.amount.total': ['required', 'numeric'] },
      },
    });
    const err = await failure(client().create(request));
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors).toEqual({
      expirationDate: ['must be a date after now'],
      'payment.amount.total': ['required', 'numeric'],
    });
    expect(err.message).toContain('expirationDate: must be a date after now');
  });

  it('reads Retry-After as an HTTP date', async () => {
    const when = new Date(Date.now() + 30_000).toUTCString();
    answer = () => ({ status: 429, headers: { 'retry-after': when }, body: {} });
    const err = await failure(client().create(request));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryAfterMs).toBeGreaterThan(25_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(30_000);
    answer = () => ({ status: 429, body: {} });
    expect((await failure(client().create(request))).retryAfterMs).toBeUndefined();
  });

  it('never repeats a tranKey or secret the service echoed back', async () => {
    answer = (s) => {
      const auth = (JSON.parse(s.text) as { auth: { tranKey: string } }).auth;
      return { status: 401, body: { status: { status: 'FAILED', reason: 102, message: `tranKey ${auth.tranKey} / ${SECRET} rejected` } } };
    };
    const err = await failure(client().create(request));
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.authCode).toBe(102);
    const sentTranKey = (JSON.parse(seen[0]!.text) as { auth: { tranKey: string } }).auth.tranKey;
    for (const text of [JSON.stringify(err), String(err), err.message]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(sentTranKey);
    }
    expect(err.serviceMessage).toContain('[redacted]');
  });

  it('reads an auth code from the message when reason does not carry it', async () => {
    answer = () => ({ status: 401, body: { status: { status: 'FAILED', reason: 401, message: 'Autenticación fallida 103' } } });
    expect(await failure(client().create(request))).toMatchObject({ code: 'AUTH_FAILED', authCode: 103, operation: 'create' });
  });

  it('answers 404 on create with a hint about the base URL', async () => {
    answer = () => ({ status: 404, raw: 'Not Found' });
    const err = await failure(client().create(request));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toMatch(/--env or --base-url/);
  });

  it('treats an unexpected status as BAD_RESPONSE', async () => {
    answer = () => ({ status: 403, raw: 'forbidden by firewall' });
    expect(await failure(client().create(request))).toMatchObject({ code: 'BAD_RESPONSE', httpStatus: 403 });
  });
});

describe('query answers', () => {
  it('reads snake_case, proccessUrl, string ids and amounts as canonical strings', async () => {
    answer = () => ({
      status: 200,
      body: {
        id: '21',
        status: 'active',
        url: 'https://pay.test/21',
        expiration_date: '2024-08-12T08:10:50-05:00',
        total_payments: 7,
        available_payments: '6',
        payment_expiration: 15,
        amount: { currency: 'USD', total: '100.50' },
        site: { id: 112, name: 'Ebus' },
        payments: [
          { id: 22, request_id: 84076, status: 'APPROVED', proccessUrl: 'https://checkout.test/80108', amount: { currency: 'USD', total: 100.5 } },
        ],
      },
    });
    const info = await client().get(21);
    expect(info).toEqual({
      id: 21,
      status: 'ACTIVE',
      url: 'https://pay.test/21',
      expirationDate: '2024-08-12T08:10:50-05:00',
      totalPayments: 7,
      availablePayments: 6,
      paymentExpiration: 15,
      amount: { currency: 'USD', total: '100.5' },
      site: { id: 112, name: 'Ebus' },
      payments: [
        { id: 22, requestId: 84076, status: 'APPROVED', processUrl: 'https://checkout.test/80108', amount: { currency: 'USD', total: '100.5' } },
      ],
    });
    expect(seen[0]!.path).toBe('/api/payment-link/21');
    expect(Object.keys(JSON.parse(seen[0]!.text) as object)).toEqual(['auth']);
  });

  it('refuses an answer about another link, or a payment without status', async () => {
    answer = () => ({ status: 200, body: { id: 22, status: 'ACTIVE', payments: [] } });
    expect(await failure(client().get(21))).toMatchObject({ code: 'BAD_RESPONSE', operation: 'get' });
    answer = () => ({ status: 200, body: { id: 21, status: 'ACTIVE', payments: [{ id: 1 }] } });
    expect(await failure(client().get(21))).toMatchObject({ code: 'BAD_RESPONSE', operation: 'get' });
  });

  it('does not mistake a link id in a 401 message for an auth code', async () => {
    answer = () => ({ status: 401, body: { status: { status: 'FAILED', reason: 401, message: 'El link 102 pertenece a otro sitio' } } });
    expect(await failure(client().get(102))).toMatchObject({ code: 'OTHER_SITE', operation: 'get' });
  });

  it('rejects an id that is not a positive whole number before sending', async () => {
    expect(await failure(client().get(0))).toMatchObject({ code: 'BAD_REQUEST', operation: 'get' });
    expect(await failure(client().disable(1.5))).toMatchObject({ code: 'BAD_REQUEST', operation: 'disable' });
    expect(seen).toHaveLength(0);
  });
});

describe('disable answers', () => {
  it('accepts the id as a string, and reads "already disabled" in English too', async () => {
    answer = () => ({ status: 200, body: { status: ok, id: '9' } });
    await expect(client().disable(9)).resolves.toEqual({ id: 9 });
    expect(seen[0]!.path).toBe('/api/payment-link/disable/9');
    answer = () => ({ status: 400, body: { status: { status: 'FAILED', message: 'The link is already disabled' } } });
    expect(await failure(client().disable(9))).toMatchObject({ code: 'ALREADY_DISABLED', httpStatus: 400 });
    answer = () => ({ status: 400, body: { status: { status: 'FAILED', message: 'Bad JSON' } } });
    expect(await failure(client().disable(9))).toMatchObject({ code: 'BAD_REQUEST', serviceMessage: 'Bad JSON' });
  });
});

describe('closing', () => {
  it('rejects calls after close() with NOT_SENT', async () => {
    const c = client();
    await c.close();
    expect(await failure(c.get(1))).toMatchObject({ code: 'NOT_SENT', operation: 'get' });
  });
});
