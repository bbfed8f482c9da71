/**
 * The client over real HTTP against the project's sandbox: every error code
 * the pipeline acts on, both create spellings, both query cases, and a round trip.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PlacetopayClient, type ClientOptions } from '../../src/api/client.js';
import { ApiError, type ApiErrorCode } from '../../src/api/errors.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle, SandboxOptions } from '../../src/api/sandbox/options.js';
import type { CreateLinkRequest } from '../../src/api/types.js';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  // Clients first: a sandbox waits for its open connections.
  const all = opened.splice(0).reverse();
  for (const thing of all) await thing.close();
});

async function sandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const handle = await startSandbox(options);
  opened.push(handle);
  return handle;
}

function clientFor(handle: Pick<SandboxHandle, 'url' | 'credentials'>, extra: Partial<ClientOptions> = {}): PlacetopayClient {
  const client = new PlacetopayClient({ baseUrl: handle.url, credentials: handle.credentials, connections: 4, ...extra });
  opened.push(client);
  return client;
}

/** A date-time a month from now, as the site writes it. */
function inAMonth(): string {
  const d = new Date(Date.now() + 30 * 86_400_000);
  return `${d.toISOString().slice(0, 10)} 23:59:59`;
}

let counter = 0;
function linkRequest(overrides: Partial<CreateLinkRequest> = {}): CreateLinkRequest {
  counter += 1;
  return {
    name: 'Cuota de administración',
    reference: `INV-${String(counter).padStart(5, '0')}`,
    description: 'Administración apartamento 301, junio',
    expirationDate: inAMonth(),
    paymentExpiration: 15,
    payment: { amount: { currency: 'COP', total: '1250000.5' } },
    ...overrides,
  };
}

const TRANKEY_SHAPE = /[A-Za-z0-9+/]{43}=/;

/** The rejection as an ApiError with the expected code, checked for leaked secrets. */
async function rejection(promise: Promise<unknown>, code: ApiErrorCode, secretKey: string): Promise<ApiError> {
  const err: unknown = await promise.then(
    (value) => ({ resolved: value }),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  const apiError = err as ApiError;
  expect({ code: apiError.code, message: apiError.message }).toMatchObject({ code });
  expect(apiError.operation).toBeDefined();
  for (const text of [JSON.stringify(apiError), String(apiError), apiError.message]) {
    expect(text).not.toContain(secretKey);
    expect(text).not.toMatch(TRANKEY_SHAPE);
  }
  return apiError;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('round trip', () => {
  it('creates, queries, disables, and reports a second disable as ALREADY_DISABLED', async () => {
    const sb = await sandbox();
    const client = clientFor(sb);
    const request = linkRequest();
    const created = await client.create(request);
    expect(created.id).toBeGreaterThan(0);
    expect(created.url).toMatch(/^https?:\/\//);
    expect(created.warning).toBeUndefined();

    const info = await client.get(created.id);
    expect(info).toMatchObject({
      id: created.id,
      status: 'ACTIVE',
      reference: request.reference,
      name: request.name,
      paymentExpiration: 15,
      amount: { currency: 'COP', total: '1250000.5' },
      payments: [],
    });

    await expect(client.disable(created.id)).resolves.toEqual({ id: created.id });
    expect((await client.get(created.id)).status).toBe('INACTIVE');
    const again = await rejection(client.disable(created.id), 'ALREADY_DISABLED', sb.credentials.secretKey);
    expect(again).toMatchObject({ httpStatus: 400, operation: 'disable' });
    expect(sb.counters().createsByReference[request.reference]).toBe(1);
  });

  it('reads the requestId/processUrl spelling and snake_case queries', async () => {
    const sb = await sandbox({ createSpelling: 'requestId', queryCase: 'snake', firstId: 500 });
    const client = clientFor(sb);
    const created = await client.create(linkRequest({ paymentsAllowed: 3 }));
    expect(created.id).toBe(500);
    expect(created.url).toMatch(/^https?:\/\//);
    const info = await client.get(500);
    expect(info).toMatchObject({ id: 500, status: 'ACTIVE', totalPayments: 3, paymentExpiration: 15 });
    expect(info.expirationDate).toEqual(expect.any(String));
    expect(info.amount?.total).toBe('1250000.5');
  });

  it('reads the id/url spelling and camelCase queries', async () => {
    const sb = await sandbox({ createSpelling: 'id', queryCase: 'camel' });
    const client = clientFor(sb);
    const created = await client.create(linkRequest({ paymentsAllowed: 2 }));
    const info = await client.get(created.id);
    expect(info).toMatchObject({ id: created.id, url: created.url, totalPayments: 2 });
    expect(info.expirationDate).toEqual(expect.any(String));
  });

  it('keeps a link created with a notification failure as a success with a warning', async () => {
    const sb = await sandbox({ faults: { partialSuccess: 1 } });
    const client = clientFor(sb);
    const created = await client.create(linkRequest({ recipients: [{ phoneNumber: '+573001234567', sendSMS: true }] }));
    expect(created.id).toBeGreaterThan(0);
    expect(created.warning).toMatch(/SMS/);
    expect((await client.get(created.id)).status).toBe('ACTIVE');
  });
});

describe('authentication failures', () => {
  it('101: a login the environment does not know', async () => {
    const sb = await sandbox();
    const client = clientFor({ url: sb.url, credentials: { ...sb.credentials, login: 'someone-else' } });
    const err = await rejection(client.create(linkRequest()), 'AUTH_FAILED', sb.credentials.secretKey);
    expect(err).toMatchObject({ authCode: 101, httpStatus: 401, operation: 'create' });
    expect(err.message).toMatch(/does not exist in this environment/);
  });

  it('102: the wrong secret key', async () => {
    const sb = await sandbox();
    const wrongSecret = 'not-the-secret-key-000';
    const client = clientFor({ url: sb.url, credentials: { ...sb.credentials, secretKey: wrongSecret } });
    const err = await rejection(client.get(1), 'AUTH_FAILED', wrongSecret);
    expect(err).toMatchObject({ authCode: 102, operation: 'get' });
    expect(err.message).not.toContain(sb.credentials.secretKey);
  });

  it('103: a clock more than 5 minutes off', async () => {
    const sb = await sandbox();
    const client = clientFor(sb, { clock: () => new Date(Date.now() - 10 * 60_000) });
    const err = await rejection(client.create(linkRequest()), 'AUTH_FAILED', sb.credentials.secretKey);
    expect(err.authCode).toBe(103);
    expect(err.message).toMatch(/clock/);
  });

  it('104: an inactive site', async () => {
    const sb = await sandbox({ siteInactive: true });
    const err = await rejection(clientFor(sb).disable(1), 'AUTH_FAILED', sb.credentials.secretKey);
    expect(err).toMatchObject({ authCode: 104, operation: 'disable' });
  });

  it('malformed authentication: AUTH_FAILED without a code, even on a query', async () => {
    const sb = await sandbox();
    // An empty login makes the auth block incomplete, which the service calls malformed.
    const client = clientFor({ url: sb.url, credentials: { ...sb.credentials, login: '' } });
    const err = await rejection(client.get(1), 'AUTH_FAILED', sb.credentials.secretKey);
    expect(err.authCode).toBeUndefined();
    expect(err.message).toMatch(/Malformed authentication/);
  });
});

describe('answers about links', () => {
  it('VALIDATION with the fields the service named', async () => {
    const sb = await sandbox();
    const err = await rejection(
      clientFor(sb).create(linkRequest({ expirationDate: '2001-01-01 00:00:00' })),
      'VALIDATION',
      sb.credentials.secretKey,
    );
    expect(err.httpStatus).toBe(422);
    expect(err.fieldErrors?.expirationDate?.length).toBeGreaterThan(0);
    expect(err.message).toContain('expirationDate');
    expect(sb.counters().linksCreated).toBe(0);
  });

  it('NOT_FOUND for a link that does not exist', async () => {
    const sb = await sandbox();
    const client = clientFor(sb);
    expect(await rejection(client.get(987654), 'NOT_FOUND', sb.credentials.secretKey)).toMatchObject({ httpStatus: 404 });
    expect(await rejection(client.disable(987654), 'NOT_FOUND', sb.credentials.secretKey)).toMatchObject({ operation: 'disable' });
  });

  it('OTHER_SITE for a link of another site', async () => {
    const sb = await sandbox({ foreignLinkIds: [77] });
    const client = clientFor(sb);
    const err = await rejection(client.get(77), 'OTHER_SITE', sb.credentials.secretKey);
    expect(err.message).toMatch(/Link 77 belongs to another site/);
    await rejection(client.disable(77), 'OTHER_SITE', sb.credentials.secretKey);
  });
});

describe('service trouble', () => {
  it('RATE_LIMITED with the Retry-After the service sent', async () => {
    const sb = await sandbox({ faults: { rate429: 1, retryAfterSeconds: 3 } });
    const err = await rejection(clientFor(sb).create(linkRequest()), 'RATE_LIMITED', sb.credentials.secretKey);
    expect(err).toMatchObject({ httpStatus: 429, retryAfterMs: 3000 });
  });

  it('SERVER_ERROR with the status the service sent', async () => {
    const sb = await sandbox({ faults: { rate5xx: 1, serverErrorStatuses: [503] } });
    const err = await rejection(clientFor(sb).get(1), 'SERVER_ERROR', sb.credentials.secretKey);
    expect(err).toMatchObject({ httpStatus: 503, operation: 'get' });
  });
});

describe('transport', () => {
  it('NOT_SENT when nothing listens', async () => {
    const port = await closedPort();
    const secretKey = 'closed-port-secret';
    const client = clientFor({ url: `http://127.0.0.1:${port}`, credentials: { login: 'x', secretKey } });
    const err = await rejection(client.create(linkRequest()), 'NOT_SENT', secretKey);
    expect(err.message).toMatch(/not sent/);
  });

  it('OUTCOME_UNKNOWN when the connection drops after the link was created', async () => {
    const sb = await sandbox({ faults: { dropAfter: 1 } });
    const err = await rejection(clientFor(sb).create(linkRequest()), 'OUTCOME_UNKNOWN', sb.credentials.secretKey);
    expect(err.operation).toBe('create');
    expect(err.message).toMatch(/may or may not have been created/);
    expect(sb.counters().linksCreated).toBe(1);
  });

  it('OUTCOME_UNKNOWN when the connection drops before processing (the client cannot tell)', async () => {
    const sb = await sandbox({ faults: { dropBefore: 1 } });
    await rejection(clientFor(sb).get(1), 'OUTCOME_UNKNOWN', sb.credentials.secretKey);
  });

  it('OUTCOME_UNKNOWN when no answer arrives within the headers timeout', async () => {
    const sb = await sandbox({ faults: { latencyMs: 1500 } });
    const client = clientFor(sb, { timeouts: { headersMs: 150 } });
    const started = Date.now();
    const err = await rejection(client.create(linkRequest()), 'OUTCOME_UNKNOWN', sb.credentials.secretKey);
    expect(Date.now() - started).toBeLessThan(1200);
    expect(err.message).toMatch(/headers timeout/);
  });

  it('ABORTED when the caller aborts, before or during the request', async () => {
    const sb = await sandbox({ faults: { latencyMs: 1500 } });
    const client = clientFor(sb);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const during = await rejection(client.get(1, { signal: controller.signal }), 'ABORTED', sb.credentials.secretKey);
    expect(during.operation).toBe('get');
    const before = sb.counters().requests.total;
    await rejection(client.create(linkRequest(), { signal: AbortSignal.abort() }), 'ABORTED', sb.credentials.secretKey);
    expect(sb.counters().requests.total).toBe(before);
  });

  it('NOT_SENT after close()', async () => {
    const sb = await sandbox();
    const client = clientFor(sb);
    await client.close();
    await rejection(client.create(linkRequest()), 'NOT_SENT', sb.credentials.secretKey);
    expect(sb.counters().requests.total).toBe(0);
  });
});
