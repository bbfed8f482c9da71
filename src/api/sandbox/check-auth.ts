/**
 * The service's authentication check, as its guides describe it.
 *
 * Order: malformed → 101 unknown login → 104 site inactive → 103 seed off by
 * more than 5 minutes (or unreadable) → 102 tranKey mismatch → 102 nonce
 * already used. The nonce is remembered only once the tranKey matched, so a
 * forged request cannot burn a legitimate client's nonce.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { computeTranKey } from '../auth.js';
import type { AuthCode } from '../errors.js';
import type { Credentials } from '../types.js';
import { parseSeed } from './site-time.js';

/** ± window in which a seed is accepted, and for which a nonce is remembered. */
export const SEED_WINDOW_MS = 5 * 60_000;

/** `null` = accepted; `'malformed'` = auth missing or incomplete; else the 10x code. */
export type AuthVerdict = null | 'malformed' | AuthCode;

interface AuthFields {
  login: string;
  tranKey: string;
  nonce: string;
  seed: string;
}

function readAuth(body: unknown): AuthFields | null {
  if (typeof body !== 'object' || body === null || !('auth' in body)) return null;
  const auth: unknown = body.auth;
  if (typeof auth !== 'object' || auth === null) return null;
  const record = auth as Record<string, unknown>;
  const fields = ['login', 'tranKey', 'nonce', 'seed'] as const;
  for (const name of fields) {
    const value = record[name];
    if (typeof value !== 'string' || value === '') return null;
  }
  return record as unknown as AuthFields;
}

/** Equal-length digests, so the comparison time says nothing about the secret. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

export class AuthChecker {
  /** nonce → the instant after which its seed is refused anyway (so it can be forgotten). */
  private readonly seenNonces = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly credentials: Credentials,
    private readonly siteInactive: boolean,
    private readonly timeZone: string,
  ) {}

  /** `body` is the parsed JSON, or undefined when the body was not JSON. */
  check(body: unknown, now: Date): AuthVerdict {
    const auth = readAuth(body);
    if (auth === null) return 'malformed';
    if (auth.login !== this.credentials.login) return 101;
    if (this.siteInactive) return 104;
    const seedTime = parseSeed(auth.seed, this.timeZone);
    if (seedTime === null || Math.abs(seedTime.getTime() - now.getTime()) > SEED_WINDOW_MS) return 103;
    const rawNonce = Buffer.from(auth.nonce, 'base64');
    const expected = computeTranKey(rawNonce, auth.seed, this.credentials.secretKey);
    if (!sameSecret(expected, auth.tranKey)) return 102;
    return this.rememberNonce(auth.nonce, seedTime.getTime(), now.getTime()) ? null : 102;
  }

  /** False when the nonce was already used within its window. */
  private rememberNonce(nonce: string, seedMs: number, nowMs: number): boolean {
    this.sweep(nowMs);
    const forgetAfter = this.seenNonces.get(nonce);
    if (forgetAfter !== undefined && forgetAfter >= nowMs) return false;
    // A replay after seed + window fails with 103 anyway, so the memory can end there.
    this.seenNonces.set(nonce, seedMs + SEED_WINDOW_MS);
    return true;
  }

  /** Bounded memory: at most one sweep a second drops every nonce past its window. */
  private sweep(nowMs: number): void {
    if (nowMs - this.lastSweep < 1000) return;
    this.lastSweep = nowMs;
    for (const [nonce, forgetAfter] of this.seenNonces) {
      if (forgetAfter < nowMs) this.seenNonces.delete(nonce);
    }
  }

  /** For tests of the bound. */
  get rememberedNonces(): number {
    return this.seenNonces.size;
  }
}
