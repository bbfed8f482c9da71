import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signNotification, verifyNotification } from '../../src/api/notification.js';

const SECRET = 'SnZP3D63n3I9dH9O';
const date = '2024-08-12T08:10:50-05:00';

function notification(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body = {
    status: { status: 'PAID', reason: '00', message: 'Payment approved', date },
    linkId: 1234,
    reference: 'INV-0001',
  };
  return { ...body, signature: signNotification({ linkId: 1234, status: 'PAID', date }, SECRET), ...overrides };
}

describe('signNotification', () => {
  it('is the lower-case sha256 hex of linkId + status + date + secretKey', () => {
    const expected = createHash('sha256').update(`1234PAID${date}${SECRET}`).digest('hex');
    expect(signNotification({ linkId: 1234, status: 'PAID', date }, SECRET)).toBe(expected);
    expect(signNotification({ linkId: '1234', status: 'PAID', date }, SECRET)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyNotification', () => {
  it('accepts a notification signed with the secret key, in either hex case', () => {
    const body = notification();
    expect(verifyNotification(body, SECRET)).toBe(true);
    expect(verifyNotification({ ...body, signature: String(body.signature).toUpperCase() }, SECRET)).toBe(true);
    expect(verifyNotification({ ...body, linkId: '1234' }, SECRET)).toBe(true);
  });

  it('rejects a wrong secret, a changed field or a forged signature', () => {
    const body = notification();
    expect(verifyNotification(body, 'another-secret')).toBe(false);
    expect(verifyNotification({ ...body, linkId: 1235 }, SECRET)).toBe(false);
    expect(verifyNotification({ ...body, status: { status: 'EXPIRED', date } }, SECRET)).toBe(false);
    expect(verifyNotification({ ...body, status: { status: 'PAID', date: '2024-08-12T08:10:51-05:00' } }, SECRET)).toBe(false);
    expect(verifyNotification({ ...body, signature: 'f'.repeat(64) }, SECRET)).toBe(false);
  });

  it('returns false, never throws, for malformed bodies', () => {
    const body = notification();
    const malformed: unknown[] = [
      undefined,
      null,
      'a string',
      [body],
      { ...body, signature: undefined },
      { ...body, signature: String(body.signature).slice(0, 63) },
      { ...body, signature: `${String(body.signature)}00` },
      { ...body, signature: 'zz'.repeat(32) },
      { ...body, status: undefined },
      { ...body, status: 'PAID' },
      { ...body, status: { status: 'PAID' } },
      { ...body, linkId: undefined },
      { ...body, linkId: { id: 1234 } },
    ];
    for (const candidate of malformed) expect(verifyNotification(candidate, SECRET)).toBe(false);
  });

  it('never verifies with an empty secret key', () => {
    const body = { ...notification(), signature: signNotification({ linkId: 1234, status: 'PAID', date }, '') };
    expect(verifyNotification(body, '')).toBe(false);
  });
});
