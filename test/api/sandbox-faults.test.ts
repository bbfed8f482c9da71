import { afterEach, describe, expect, it } from 'vitest';
import type { FaultOptions, SandboxHandle } from '../../src/api/sandbox/options.js';
import { PerSecondLimiter } from '../../src/api/sandbox/faults.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { callApi, control, linkFields, tryApi, type Outcome } from './sandbox-http.js';

const open: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function sandboxWith(faults: FaultOptions): Promise<SandboxHandle> {
  const s = await startSandbox({ faults });
  open.push(s);
  return s;
}

const createOn = (s: SandboxHandle, fields = linkFields()) => tryApi(s.url, '/api/payment-link', s.credentials, fields);
const label = (o: Outcome): string => ('dropped' in o ? 'dropped' : String(o.status));

describe('fault injection', () => {
  it('dropBefore destroys the connection before any work; controls are never faulted', async () => {
    const s = await sandboxWith({ dropBefore: 1 });
    expect(await createOn(s)).toEqual({ dropped: true });
    const counters = await control(s.url, '/counters', undefined, 'GET');
    expect(counters.status).toBe(200);
    expect(counters.json).toMatchObject({ linksCreated: 0, requests: { create: 1, control: 1 }, faults: { dropBefore: 1 } });
  });

  it('rate429 answers 429 with the configured Retry-After and creates nothing', async () => {
    const s = await sandboxWith({ rate429: 1, retryAfterSeconds: 7 });
    const answer = await callApi(s.url, '/api/payment-link', s.credentials, linkFields());
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('7');
    expect(answer.json.status).toMatchObject({ status: 'FAILED', reason: 429 });
    expect(s.counters()).toMatchObject({ linksCreated: 0, faults: { rate429: 1 } });
  });

  it('rate5xx answers a chosen 5xx; 502/503 never create, 500/504 on create create the link in about half the cases', async () => {
    const never = await sandboxWith({ rate5xx: 1, serverErrorStatuses: [502, 503] });
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) seen.add(label(await createOn(never)));
    expect([...seen].sort()).toEqual(['502', '503']);
    expect(never.counters()).toMatchObject({ linksCreated: 0, faults: { serverError: 10 } });

    const half = await sandboxWith({ rate5xx: 1, serverErrorStatuses: [500, 504], seed: 7 });
    for (let i = 0; i < 20; i++) {
      const outcome = await createOn(half, linkFields({ reference: `HALF-${i}` }));
      expect(['500', '504']).toContain(label(outcome));
    }
    const { linksCreated, createsByReference } = half.counters();
    expect(linksCreated).toBeGreaterThan(3);
    expect(linksCreated).toBeLessThan(17);
    expect(Object.keys(createsByReference)).toHaveLength(linksCreated);
    // The links really exist: the ids are incremental from 1.
    expect((await control(half.url, `/links/${linksCreated}`, undefined, 'GET')).status).toBe(200);
    expect((await control(half.url, `/links/${linksCreated + 1}`, undefined, 'GET')).status).toBe(404);
  });

  it('dropAfter does the create or the disable, then drops the connection without answering', async () => {
    const s = await sandboxWith({ dropAfter: 1 });
    expect(await createOn(s, linkFields({ reference: 'LOST-1' }))).toEqual({ dropped: true });
    const raw = await control(s.url, '/links/1', undefined, 'GET');
    expect(raw.json).toMatchObject({ id: 1, reference: 'LOST-1', status: 'ACTIVE' });
    // A query is never dropped after: nothing it does is lost.
    expect((await callApi(s.url, '/api/payment-link/1', s.credentials)).status).toBe(200);
    expect(await tryApi(s.url, '/api/payment-link/disable/1', s.credentials)).toEqual({ dropped: true });
    expect((await control(s.url, '/links/1', undefined, 'GET')).json).toMatchObject({ disabled: true, status: 'INACTIVE' });
    expect(s.counters()).toMatchObject({ linksCreated: 1, linksDisabled: 1, faults: { dropAfter: 2 } });
  });

  it('partialSuccess answers 201 with a message naming the failed channel, only for creates with SMS/WhatsApp recipients', async () => {
    const s = await sandboxWith({ partialSuccess: 1 });
    const plain = await callApi(s.url, '/api/payment-link', s.credentials, linkFields({ reference: 'P-0' }));
    expect(plain.status).toBe(201);
    expect(plain.json.status.message).not.toMatch(/SMS|WhatsApp/);
    const emailOnly = await callApi(s.url, '/api/payment-link', s.credentials, linkFields({ reference: 'P-E', recipients: [{ email: 'a@example.com' }] }));
    expect(emailOnly.json.status.message).not.toMatch(/SMS|WhatsApp/);
    const sms = await callApi(s.url, '/api/payment-link', s.credentials, linkFields({
      reference: 'P-1',
      recipients: [{ email: 'a@example.com', phoneNumber: '+573001234567', sendSMS: true }],
    }));
    expect(sms.status).toBe(201);
    expect(sms.json.status.status).toBe('OK');
    expect(sms.json.status.message).toMatch(/creado.*falló.*SMS/);
    const whatsapp = await callApi(s.url, '/api/payment-link', s.credentials, linkFields({
      reference: 'P-2',
      recipients: [{ phoneNumber: '+573001234567', sendWhatsapp: true }],
    }));
    expect(whatsapp.json.status.message).toMatch(/WhatsApp/);
    expect((await callApi(s.url, `/api/payment-link/${sms.json.id}`, s.credentials)).json.status).toBe('ACTIVE');
    expect(s.counters()).toMatchObject({ linksCreated: 4, faults: { partialSuccess: 2 } });
  });

  it('latency delays every API answer by latencyMs plus jitter, and no control answer', async () => {
    const s = await sandboxWith({ latencyMs: 150, jitterMs: 50 });
    const started = Date.now();
    expect((await callApi(s.url, '/api/payment-link/9', s.credentials)).status).toBe(404);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(145);
    expect(took).toBeLessThan(1000);
    const controlStarted = Date.now();
    await control(s.url, '/counters', undefined, 'GET');
    expect(Date.now() - controlStarted).toBeLessThan(100);
    expect(s.counters().faults.latency).toBe(1);
  });

  it('close() ends promptly even while an injected latency is pending', async () => {
    const s = await startSandbox({ faults: { latencyMs: 30_000 } });
    const pending = tryApi(s.url, '/api/payment-link/1', s.credentials).catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await s.close();
    expect(Date.now() - started).toBeLessThan(1000);
    const outcome = await pending;
    expect(outcome).toEqual({ dropped: true });
  });

  it('is deterministic: the same seed and request order give the same faults; another seed does not', async () => {
    const faults: FaultOptions = { seed: 42, rate429: 0.15, rate5xx: 0.15, dropBefore: 0.1, dropAfter: 0.15 };
    const run = async (seed: number): Promise<string[]> => {
      const s = await sandboxWith({ ...faults, seed });
      const outcomes: string[] = [];
      for (let i = 0; i < 30; i++) outcomes.push(label(await createOn(s, linkFields({ reference: `DET-${i}` }))));
      outcomes.push(JSON.stringify(s.counters().faults));
      return outcomes;
    };
    const [a, b, c] = [await run(42), await run(42), await run(43)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a.slice(0, 30))).toEqual(new Set(['201', '429', 'dropped', ...a.filter((o) => o.startsWith('50'))]));
  });

  it('maxRequestsPerSecond refuses the excess of the current second with 429 and Retry-After: 1', async () => {
    const s = await sandboxWith({ maxRequestsPerSecond: 5 });
    // Start at the beginning of a wall-clock second so the burst falls in one window.
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => callApi(s.url, '/api/payment-link/1', s.credentials)),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 404)).toHaveLength(5);
    expect(limited).toHaveLength(7);
    expect(limited.every((a) => a.headers['retry-after'] === '1')).toBe(true);
    expect(s.counters().faults.rateLimited).toBe(7);
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
    expect((await callApi(s.url, '/api/payment-link/1', s.credentials)).status).toBe(404);
  });

  it('a cap schedule changes the per-second limit at its times after the first request', () => {
    const limiter = new PerSecondLimiter(undefined, [
      { afterMs: 0, max: 3 },
      { afterMs: 2000, max: 1 },
      { afterMs: 4000, max: 2 },
    ]);
    const acceptedIn = (second: number): number => Array.from({ length: 5 }, (_, i) => limiter.take(second * 1000 + i)).filter(Boolean).length;
    expect([0, 1, 2, 3, 4, 5].map(acceptedIn)).toEqual([3, 3, 1, 1, 2, 2]);
    expect(limiter.limitAt(2500)).toBe(1);
  });

  it('refuses nonsense fault options at start', async () => {
    await expect(startSandbox({ faults: { capSchedule: [{ afterMs: 0, max: 0 }] } })).rejects.toThrow(/capSchedule/);
    await expect(startSandbox({ faults: { rate429: 1.5 } })).rejects.toThrow(/rate429 is 1.5/);
    await expect(startSandbox({ faults: { serverErrorStatuses: [404] } })).rejects.toThrow(/500 to 599/);
    await expect(startSandbox({ timeZone: 'Mars/Olympus' })).rejects.toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});
