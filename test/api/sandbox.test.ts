import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuth, formatSeed } from '../../src/api/auth.js';
import { DEFAULT_SANDBOX_CREDENTIALS, startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { bogotaLocal, callApi, control, linkFields } from './sandbox-http.js';

const published = JSON.parse(readFileSync(new URL('../fixtures/published-examples.json', import.meta.url), 'utf8'));
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

let sandbox: SandboxHandle;
const create = (fields: Record<string, unknown>) => callApi(sandbox.url, '/api/payment-link', sandbox.credentials, fields);
const query = (id: number | string) => callApi(sandbox.url, `/api/payment-link/${id}`, sandbox.credentials);
const disable = (id: number | string) => callApi(sandbox.url, `/api/payment-link/disable/${id}`, sandbox.credentials);

beforeAll(async () => {
  sandbox = await startSandbox({ firstId: 500, foreignLinkIds: [501, 777], site: { id: 112, name: 'Ebus PFKR 2' } });
});
afterAll(() => sandbox.close());

function expectFailedStatus(json: any, reason?: number): void {
  expect(json.status.status).toBe('FAILED');
  expect(json.status.date).toMatch(ISO_WITH_OFFSET);
  expect(typeof json.status.message).toBe('string');
  if (reason !== undefined) expect(json.status.reason).toBe(reason);
}

describe('Driven with the published request examples (adapted to the future), answers what the published responses show', () => {
  it('create → query → disable → disable again, and a 422 for the published past date', async () => {
    const example = { ...published.createRequest, expirationDate: bogotaLocal(90 * 24 * 3_600_000) };

    const created = await create(example);
    expect(created.status).toBe(201);
    expect(created.json.status).toMatchObject({ status: 'OK' });
    for (const key of ['reason', 'message', 'date']) expect(created.json.status).toHaveProperty(key);
    expect(created.json.status.date).toMatch(ISO_WITH_OFFSET);
    expect(Number.isInteger(created.json.id)).toBe(true);
    expect(created.json.id).toBe(500);
    expect(created.json.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/link\/show\?genid=500&code=\w+$/);
    // A partial-success wording must not appear on a plain success.
    expect(created.json.status.message).not.toMatch(/sms|whatsapp|notifica/i);

    const got = await query(created.json.id);
    expect(got.status).toBe(200);
    const shape = published.queryResponse200;
    for (const key of Object.keys(shape)) {
      expect(got.json, `query answer has ${key}`).toHaveProperty(key);
      if (shape[key] !== null && key !== 'totalPayments') expect(typeof got.json[key], key).toBe(typeof shape[key]);
    }
    expect(got.json).toMatchObject({
      id: 500,
      status: 'ACTIVE',
      url: created.json.url,
      name: 'my-product-name',
      reference: 'Reference123',
      description: 'Description of my product',
      totalPayments: 7,
      availablePayments: 7,
      paymentExpiration: 15,
      amount: { currency: 'USD', total: 100, taxes: [{ kind: 'valueAddedTax', amount: 200, base: 1000 }] },
      site: { id: 112, name: 'Ebus PFKR 2' },
      notificationUrl: 'https://webhook-test.com',
      locale: 'es_CO',
      allowedPaymentMethods: ['pse', 'visa', 'master'],
      metadata: { discount: published.createRequest.payment.modifiers },
      payments: [],
      isGeneric: false,
      skipResult: false,
      recipients: [{ email: 'user_email@example.com', phoneNumber: '+573001234567', sendSMS: true, sendWhatsapp: false }],
    });
    expect(got.json.expirationDate).toBe(`${example.expirationDate.replace(' ', 'T')}-05:00`);
    expect(published.queryStatusEnum).toContain(got.json.status);

    const off = await disable(created.json.id);
    expect(off.status).toBe(200);
    for (const key of published.disableResponse200.required) expect(off.json).toHaveProperty(key);
    expect(off.json.id).toBe('500');
    expect(off.json.status.status).toBe('OK');
    expect((await query(500)).json.status).toBe('INACTIVE');

    const again = await disable(created.json.id);
    expect(again.status).toBe(400);
    expectFailedStatus(again.json, 400);
    expect(again.json.status.message).toBe(`El link de pago 500 ${published.disableAlreadyDisabledMessageEnd}`);

    const past = await create(published.createRequest);
    expect(past.status).toBe(422);
    expectFailedStatus(past.json, 422);
    expect(past.json.errors.expirationDate).toEqual(['The expiration date must be a date after now.']);

    const badFormat = await create({ ...published.createRequest, expirationDate: '21/10/2099 16:40' });
    expect(badFormat.status).toBe(422);
    const messages: string[] = badFormat.json.errors.expirationDate;
    expect(messages).toHaveLength(2);
    published.create422ExpirationDateMessages.forEach((part: string, i: number) => expect(messages[i]).toContain(part));
  });

  it('answers the schema\'s snake_case required fields with queryCase "snake", and requestId/processUrl with createSpelling "requestId"', async () => {
    const other = await startSandbox({ queryCase: 'snake', createSpelling: 'requestId' });
    try {
      const created = await callApi(other.url, '/api/payment-link', other.credentials, linkFields({ paymentsAllowed: 2 }));
      expect(created.status).toBe(201);
      expect(created.json).not.toHaveProperty('id');
      expect(created.json.requestId).toBe(1);
      expect(created.json.processUrl).toMatch(/genid=1&/);
      const got = await callApi(other.url, '/api/payment-link/1', other.credentials);
      for (const key of published.queryRequiredSnakeCase) expect(got.json, key).toHaveProperty(key);
      expect(got.json).not.toHaveProperty('expirationDate');
      expect(got.json).toMatchObject({ total_payments: 2, available_payments: 2, payment_expiration: 15 });
      expect(got.json.expiration_date).toMatch(ISO_WITH_OFFSET);
    } finally {
      await other.close();
    }
  });
});

describe('authentication', () => {
  const creds = DEFAULT_SANDBOX_CREDENTIALS;
  const authFail = async (body: Parameters<typeof callApi>[4], credentials = creds) =>
    callApi(sandbox.url, '/api/payment-link/1', credentials, {}, body);

  it('answers 101 for an unknown login, 102 for a wrong key or a replayed nonce, 103 for a seed 6 minutes off', async () => {
    const before = sandbox.counters().auth;
    const unknown = await authFail({}, { login: 'not-this-site', secretKey: creds.secretKey });
    expect(unknown.status).toBe(401);
    expectFailedStatus(unknown.json, 101);
    expect(unknown.json.status.message).toBe('Autenticación fallida 101');

    const wrongKey = await authFail({ auth: buildAuth({ login: creds.login, secretKey: 'wrong' }) });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.json.status).toMatchObject({ reason: 102, message: 'Autenticación fallida 102' });

    const once = buildAuth(creds);
    expect((await callApi(sandbox.url, '/api/payment-link/500', creds, {}, { auth: once })).status).toBe(200);
    const replay = await callApi(sandbox.url, '/api/payment-link/500', creds, {}, { auth: once });
    expect(replay.status).toBe(401);
    expect(replay.json.status.reason).toBe(102);

    const stale = await authFail({ auth: buildAuth(creds, { seed: formatSeed(new Date(Date.now() - 6 * 60_000)) }) });
    expect(stale.json.status).toMatchObject({ reason: 103, message: 'Autenticación fallida 103' });
    const future = await authFail({ auth: buildAuth(creds, { seed: formatSeed(new Date(Date.now() + 6 * 60_000)) }) });
    expect(future.json.status.reason).toBe(103);
    // Another offset, within the window: accepted (the seed is read with its offset).
    const utcSeed = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    expect((await authFail({ auth: buildAuth(creds, { seed: utcSeed }) })).status).toBe(404);

    const after = sandbox.counters().auth;
    expect(after.failed - before.failed).toBe(5);
    expect((after.byCode['102'] ?? 0) - (before.byCode['102'] ?? 0)).toBe(2);
    expect((after.byCode['103'] ?? 0) - (before.byCode['103'] ?? 0)).toBe(2);
  });

  it('answers "Malformed authentication" for a body that is not JSON, not sent as JSON, or without a complete auth', async () => {
    const notJson = await authFail({ rawBody: 'auth=abc' });
    const textPlain = await authFail({ rawBody: JSON.stringify({ auth: buildAuth(creds) }), contentType: 'text/plain' });
    const noAuth = await authFail({ auth: null });
    const { seed: _seed, ...incomplete } = buildAuth(creds);
    const partial = await authFail({ rawBody: JSON.stringify({ auth: incomplete }) });
    for (const answer of [notJson, textPlain, noAuth, partial]) {
      expect(answer.status).toBe(401);
      expectFailedStatus(answer.json, 401);
      expect(answer.json.status.message).toBe(published.malformedAuthenticationMessage);
    }
    expect(sandbox.counters().auth.byCode.malformed).toBeGreaterThanOrEqual(4);
  });

  it('answers 104 to every request of an inactive site, and never shows the secret key', async () => {
    const lines: string[] = [];
    const inactive = await startSandbox({ siteInactive: true, log: (l) => lines.push(l) });
    try {
      const answer = await callApi(inactive.url, '/api/payment-link', inactive.credentials, linkFields());
      expect(answer.status).toBe(401);
      expect(answer.json.status).toMatchObject({ reason: 104, message: 'Autenticación fallida 104' });
      expect(inactive.counters().linksCreated).toBe(0);
      expect(JSON.stringify(inactive.counters())).not.toContain(inactive.credentials.secretKey);
    } finally {
      await inactive.close();
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(DEFAULT_SANDBOX_CREDENTIALS.secretKey);
  });
});

describe('create validation (422, every failing field at once)', () => {
  const errorsFor = async (fields: Record<string, unknown>) => {
    const answer = await create(fields);
    expect(answer.status).toBe(422);
    expectFailedStatus(answer.json, 422);
    return answer.json.errors as Record<string, string[]>;
  };

  it('requires the documented fields', async () => {
    const errors = await errorsFor({});
    expect(Object.keys(errors).sort()).toEqual(
      ['description', 'expirationDate', 'name', 'payment', 'payment.amount.currency', 'payment.amount.total', 'paymentExpiration', 'reference'].sort(),
    );
    expect(errors.name).toEqual(['The name field is required.']);
    expect(errors.expirationDate).toEqual(['The expiration date field is required.']);
  });

  it.each([
    ['reference with a space', { reference: 'FAC 1001' }, 'reference', 'may only contain letters, numbers and hyphens'],
    ['reference with #', { reference: '#5321' }, 'reference', 'may only contain letters, numbers and hyphens'],
    ['reference of 33 characters', { reference: 'A'.repeat(33) }, 'reference', 'may not be greater than 32'],
    ['description of 251 characters', { description: 'x'.repeat(251) }, 'description', 'may not be greater than 250'],
    ['expirationDate in ISO form', { expirationDate: '2099-01-01T10:00:00' }, 'expirationDate', 'does not match the format'],
    ['expirationDate that does not exist', { expirationDate: '2099-02-30 10:00:00' }, 'expirationDate', 'does not match the format'],
    ['expirationDate one minute ago', { expirationDate: bogotaLocal(-60_000) }, 'expirationDate', 'must be a date after now'],
    ['paymentExpiration 0', { paymentExpiration: 0 }, 'paymentExpiration', 'must be at least 1'],
    ['paymentExpiration 1.5', { paymentExpiration: 1.5 }, 'paymentExpiration', 'must be an integer'],
    ['currency in lower case', { payment: { amount: { currency: 'cop', total: 1000 } } }, 'payment.amount.currency', 'is invalid'],
    ['unknown currency', { payment: { amount: { currency: 'XYZ', total: 1000 } } }, 'payment.amount.currency', 'is invalid'],
    ['total 0', { payment: { amount: { currency: 'COP', total: 0 } } }, 'payment.amount.total', 'greater than 0'],
    ['negative total', { payment: { amount: { currency: 'COP', total: -5 } } }, 'payment.amount.total', 'greater than 0'],
    ['total not numeric', { payment: { amount: { currency: 'COP', total: '12,5' } } }, 'payment.amount.total', 'must be a number'],
    ['unknown tax kind', { payment: { amount: { currency: 'COP', total: 10, taxes: [{ kind: 'iva', amount: 1 }] } } }, 'payment.amount.taxes.0.kind', 'is invalid'],
    ['paymentsAllowed 0', { paymentsAllowed: 0 }, 'paymentsAllowed', 'must be at least 1'],
    ['21 recipients', { recipients: Array.from({ length: 21 }, (_, i) => ({ email: `p${i}@example.com` })) }, 'recipients', 'more than 20'],
    ['recipient email without domain', { recipients: [{ email: 'payer@' }] }, 'recipients.0.email', 'valid email'],
    ['SMS without phone', { recipients: [{ email: 'a@example.com', sendSMS: true }] }, 'recipients.0.phoneNumber', 'required when'],
    ['WhatsApp phone without +', { recipients: [{ phoneNumber: '3001234567', sendWhatsapp: true }] }, 'recipients.0.phoneNumber', 'start with +'],
    ['locale with a hyphen', { locale: 'es-CO' }, 'locale', 'is invalid'],
  ])('refuses %s', async (_label, overrides, field, message) => {
    const errors = await errorsFor(linkFields(overrides));
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]?.join(' ')).toContain(message);
  });

  it('accepts the edges: 32-character reference, 250-character description, 20 recipients, numeric-string total', async () => {
    const answer = await create(
      linkFields({
        reference: 'A-1'.padEnd(32, '9'),
        description: 'd'.repeat(250),
        recipients: Array.from({ length: 20 }, (_, i) => ({ email: `p${i}@example.com`, phoneNumber: '+573001234567', sendSMS: i === 0 })),
        payment: { amount: { currency: 'COP', total: '1250000.50' } },
      }),
    );
    expect(answer.status).toBe(201);
    const raw = await control(sandbox.url, `/links/${answer.json.id}`, undefined, 'GET');
    expect(raw.json.total).toBe('1250000.50');
  });

  it('keeps the total as the JSON number literal it received, and accepts a duplicate reference but counts it', async () => {
    const first = await create(linkFields({ reference: 'DUP-1', payment: { amount: { currency: 'COP', total: 1250000.5 } } }));
    const second = await create(linkFields({ reference: 'DUP-1' }));
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json.id).toBeGreaterThan(first.json.id);
    expect((await control(sandbox.url, `/links/${first.json.id}`, undefined, 'GET')).json.total).toBe('1250000.5');
    expect((await query(first.json.id)).json.amount.total).toBe(1250000.5);
    expect(sandbox.counters().createsByReference['DUP-1']).toBe(2);
  });
});

describe('links: ids, sites, expiry, payments, notifications', () => {
  it('skips ids of another site, answers 401 for them and 404 for ids that do not exist', async () => {
    const s = await startSandbox({ firstId: 10, foreignLinkIds: [11, 12] });
    try {
      const ids = [];
      for (let i = 0; i < 2; i++) ids.push((await callApi(s.url, '/api/payment-link', s.credentials, linkFields({ reference: `R-${i}` }))).json.id);
      expect(ids).toEqual([10, 13]);
      for (const path of ['/api/payment-link/11', '/api/payment-link/disable/12']) {
        const answer = await callApi(s.url, path, s.credentials);
        expect(answer.status).toBe(401);
        expectFailedStatus(answer.json, 401);
        expect(answer.json.status.message).toMatch(/does not belong to your site/);
        expect(answer.json.status.message).not.toMatch(/10[1-4]/);
      }
      for (const path of ['/api/payment-link/14', '/api/payment-link/disable/99', '/api/payment-link/abc']) {
        const answer = await callApi(s.url, path, s.credentials);
        expect(answer.status).toBe(404);
        expectFailedStatus(answer.json, 404);
      }
    } finally {
      await s.close();
    }
  });

  it('expires a link by the control and refuses to disable it then', async () => {
    const { json } = await create(linkFields({ reference: 'EXP-CTRL' }));
    expect((await query(json.id)).json.status).toBe('ACTIVE');
    const expired = await control(sandbox.url, `/links/${json.id}/expire`);
    expect(expired.status).toBe(200);
    expect(expired.json.status).toBe('EXPIRED');
    expect((await query(json.id)).json.status).toBe('EXPIRED');
    const off = await disable(json.id);
    expect(off.status).toBe(400);
    expect(off.json.status.message).toMatch(/expirado/);
  });

  it('expires a link by the clock when its expirationDate passes', async () => {
    const { json } = await create(linkFields({ reference: 'EXP-CLOCK', expirationDate: bogotaLocal(2_000) }));
    expect((await query(json.id)).json.status).toBe('ACTIVE');
    const deadline = Date.now() + 5_000;
    let status = 'ACTIVE';
    while (status === 'ACTIVE' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await query(json.id)).json.status;
    }
    expect(status).toBe('EXPIRED');
  });

  it('records payments through the pay control; the last allowed payment closes the link', async () => {
    const { json } = await create(linkFields({ reference: 'PAY-1', paymentsAllowed: 2 }));
    const paid = await control(sandbox.url, `/links/${json.id}/pay`, { payer: { name: 'Lucía', document: '1020304050' } });
    expect(paid.status).toBe(200);
    let got = (await query(json.id)).json;
    expect(got).toMatchObject({ status: 'ACTIVE', totalPayments: 2, availablePayments: 1 });
    expect(got.payments).toHaveLength(1);
    const [payment] = got.payments;
    expect(payment).toMatchObject({
      status: 'APPROVED',
      amount: { currency: 'COP', total: '125000.5' },
      payer: { name: 'Lucía', document: '1020304050', documentType: 'CC' },
    });
    for (const key of ['receipt', 'authorization', 'franchise', 'paymentMethod']) expect(typeof payment[key]).toBe('string');
    expect(payment.paymentDate).toMatch(ISO_WITH_OFFSET);

    expect((await control(sandbox.url, `/links/${json.id}/pay`, { amount: '1000.25', date: '2030-01-02T03:04:05-05:00' })).status).toBe(200);
    got = (await query(json.id)).json;
    expect(got).toMatchObject({ status: 'INACTIVE', availablePayments: 0 });
    expect(got.payments[1]).toMatchObject({ amount: { total: '1000.25' }, paymentDate: '2030-01-02T03:04:05-05:00' });
    const refused = await control(sandbox.url, `/links/${json.id}/pay`, {});
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatch(/INACTIVE/);
    expect((await control(sandbox.url, '/links/999999/pay', {})).status).toBe(404);
  });

  it('delivers a correctly signed PAID notification to the link\'s notificationUrl and reports the receiver\'s answer', async () => {
    const received: { body: any; type: string | undefined }[] = [];
    const receiver = createServer((req: IncomingMessage, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        received.push({ body: JSON.parse(text), type: req.headers['content-type'] });
        res.writeHead(202).end('thanks');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as AddressInfo).port;
    try {
      const { json } = await create(linkFields({ reference: 'NOTIFY-1', notificationUrl: `http://127.0.0.1:${port}/hook` }));
      const sent = await control(sandbox.url, `/links/${json.id}/notify`, { event: 'PAID' });
      expect(sent.status).toBe(200);
      expect(sent.json).toMatchObject({ receiverStatus: 202, receiverBody: 'thanks' });
      expect(received).toHaveLength(1);
      const body = received[0]!.body;
      expect(received[0]!.type).toMatch(/application\/json/);
      expect(body).toMatchObject({ status: { status: 'PAID' }, linkId: json.id, reference: 'NOTIFY-1' });
      expect(body.status.date).toMatch(ISO_WITH_OFFSET);
      const expected = createHash('sha256')
        .update(`${json.id}PAID${body.status.date}${sandbox.credentials.secretKey}`)
        .digest('hex');
      expect(body.signature).toBe(expected);

      expect((await control(sandbox.url, `/links/${json.id}/notify`, { event: 'REFUNDED' })).status).toBe(400);
      const noUrl = await create(linkFields({ reference: 'NOTIFY-2' }));
      expect((await control(sandbox.url, `/links/${noUrl.json.id}/notify`, { event: 'EXPIRED' })).status).toBe(409);
    } finally {
      await new Promise((r) => receiver.close(r));
    }
  });

  it('shows the raw link and the counters through GET controls, counting controls apart', async () => {
    const before = sandbox.counters();
    const counters = await control(sandbox.url, '/counters', undefined, 'GET');
    expect(counters.status).toBe(200);
    expect(counters.json.requests.create).toBe(before.requests.create);
    expect(sandbox.counters().requests.control).toBe(before.requests.control + 1);
    expect((await control(sandbox.url, '/links/500', undefined, 'GET')).json).toMatchObject({ id: 500, disabled: true, reference: 'Reference123' });
    expect((await control(sandbox.url, '/nothing', undefined, 'GET')).status).toBe(404);
  });

  it('shows a plain-text page at a link\'s url, so a rehearsal sheet\'s links lead somewhere', async () => {
    const { json } = await create(linkFields({ reference: 'PAGE-1', name: '<b>Factura</b>' }));
    const page = await request(json.url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/plain/);
    const text = await page.body.text();
    expect(text).toContain(`payment link ${json.id} (ACTIVE)`);
    expect(text).toContain('<b>Factura</b>: Servicio de agua, marzo');
    expect(text).toContain(`/__sandbox/links/${json.id}/pay`);
    const missing = await request(`${sandbox.url}/link/show?genid=424242`);
    expect(missing.statusCode).toBe(404);
    await missing.body.dump();
  });

  it('answers 405 to a GET on an API path, and random nonces never collide across many requests', async () => {
    const answer = await callApi(sandbox.url, '/api/payment-link/500', sandbox.credentials, {}, { method: 'GET' });
    expect(answer.status).toBe(405);
    expectFailedStatus(answer.json, 405);
    const auths = Array.from({ length: 20 }, () => buildAuth(sandbox.credentials, { rawNonce: randomBytes(16) }));
    const statuses = await Promise.all(auths.map((auth) => callApi(sandbox.url, '/api/payment-link/500', sandbox.credentials, {}, { auth })));
    expect(statuses.map((s) => s.status)).toEqual(Array(20).fill(200));
  });
});
