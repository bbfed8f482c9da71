import { describe, expect, it } from 'vitest';
import { buildAuth, computeTranKey, formatSeed } from '../../src/api/auth.js';

describe('auth', () => {
  it('matches a tranKey computed independently with openssl', () => {
    // printf '%s' 'nonce-fixed-00012023-06-21T09:56:06-05:00SnZP3D63n3I9dH9O' | openssl dgst -sha256 -binary | base64
    //   → BP8UXxuQV14RRHotMUYJx9drGwRgIJWDGKbIWN3KF/Q=
    // printf '%s' 'nonce-fixed-0001' | base64
    //   → bm9uY2UtZml4ZWQtMDAwMQ==
    const rawNonce = Buffer.from('nonce-fixed-0001');
    const seed = '2023-06-21T09:56:06-05:00';
    const auth = buildAuth({ login: 'site-login', secretKey: 'SnZP3D63n3I9dH9O' }, { rawNonce, seed });
    expect(auth).toEqual({
      login: 'site-login',
      tranKey: 'BP8UXxuQV14RRHotMUYJx9drGwRgIJWDGKbIWN3KF/Q=',
      nonce: 'bm9uY2UtZml4ZWQtMDAwMQ==',
      seed,
    });
    expect(computeTranKey(rawNonce, seed, 'SnZP3D63n3I9dH9O')).toBe(auth.tranKey);
  });

  it('hashes the raw nonce, not its base64 (a classic integration mistake)', () => {
    const rawNonce = Buffer.from('nonce-fixed-0001');
    const seed = '2023-06-21T09:56:06-05:00';
    const wrong = computeTranKey(Buffer.from(rawNonce.toString('base64')), seed, 'SnZP3D63n3I9dH9O');
    expect(wrong).not.toBe('BP8UXxuQV14RRHotMUYJx9drGwRgIJWDGKbIWN3KF/Q=');
  });

  it('formats the seed as ISO 8601 with an offset and no milliseconds', () => {
    const seed = formatSeed(new Date('2024-03-05T07:08:09.123Z'));
    expect(seed).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    // The seed names the same instant, whatever this machine's zone is.
    expect(Date.parse(seed)).toBe(Date.parse('2024-03-05T07:08:09Z'));
  });

  it('makes a fresh nonce and a current seed for every call', () => {
    const credentials = { login: 'l', secretKey: 's' };
    const a = buildAuth(credentials);
    const b = buildAuth(credentials);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.tranKey).not.toBe(b.tranKey);
    expect(Buffer.from(a.nonce, 'base64')).toHaveLength(16);
    expect(Math.abs(Date.parse(a.seed) - Date.now())).toBeLessThan(5_000);
  });
});
