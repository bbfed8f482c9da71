/**
 * Placetopay's WS-Security style authentication.
 *
 *   tranKey = base64( sha256( rawNonce + seed + secretKey ) )   -- raw digest bytes, not hex
 *   nonce   = base64( rawNonce )                                -- the hash uses the RAW nonce
 *
 * A fresh nonce and seed are made for every request, including every retry:
 * the service rejects a repeated nonce and a seed more than 5 minutes off.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuthBlock, Credentials } from './types.js';

export function computeTranKey(rawNonce: Buffer, seed: string, secretKey: string): string {
  return createHash('sha256')
    .update(Buffer.concat([rawNonce, Buffer.from(seed, 'utf8'), Buffer.from(secretKey, 'utf8')]))
    .digest('base64');
}

/** ISO 8601 with the local offset and no milliseconds, e.g. `2023-06-21T09:56:06-05:00`. */
export function formatSeed(date: Date): string {
  const pad = (n: number): string => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offsetMin = -date.getTimezoneOffset();
  const sign = offsetMin >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offsetMin / 60)}:${pad(offsetMin % 60)}`
  );
}

export interface AuthOptions {
  /** Fixed for known-answer tests; random (16 bytes) otherwise. */
  rawNonce?: Buffer;
  /** Fixed for known-answer tests; `formatSeed(new Date())` otherwise. */
  seed?: string;
}

export function buildAuth(credentials: Credentials, options: AuthOptions = {}): AuthBlock {
  const rawNonce = options.rawNonce ?? randomBytes(16);
  const seed = options.seed ?? formatSeed(new Date());
  return {
    login: credentials.login,
    tranKey: computeTranKey(rawNonce, seed, credentials.secretKey),
    nonce: rawNonce.toString('base64'),
    seed,
  };
}
