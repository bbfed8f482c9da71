/**
 * Plain HTTP calls against a sandbox for its tests: undici `request` and
 * `buildAuth`, never the project's client (its behaviour is tested elsewhere).
 */
import { request } from 'undici';
import { buildAuth } from '../../src/api/auth.js';
import type { AuthBlock, Credentials } from '../../src/api/types.js';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: any;
}

export type Outcome = Answer | { dropped: true };

export interface CallOptions {
  /** A fixed auth block (replay, wrong key…); default: a fresh `buildAuth(credentials)`. */
  auth?: AuthBlock | null;
  /** Send this text as the body instead of JSON. */
  rawBody?: string;
  contentType?: string;
  method?: 'POST' | 'GET';
}

/** POSTs `fields` plus an auth block to an API path; throws when the connection is dropped. */
export async function callApi(
  base: string,
  path: string,
  credentials: Credentials,
  fields: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<Answer> {
  const auth = options.auth === undefined ? buildAuth(credentials) : options.auth;
  const body = options.rawBody ?? JSON.stringify(auth === null ? fields : { auth, ...fields });
  const res = await request(`${base}${path}`, {
    method: options.method ?? 'POST',
    headers: { 'content-type': options.contentType ?? 'application/json' },
    body: options.method === 'GET' ? undefined : body,
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: text === '' ? undefined : JSON.parse(text) };
}

/** Like callApi, but a dropped connection is an outcome, not an error. */
export async function tryApi(
  base: string,
  path: string,
  credentials: Credentials,
  fields: Record<string, unknown> = {},
): Promise<Outcome> {
  try {
    return await callApi(base, path, credentials, fields);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (/UND_ERR_SOCKET|ECONNRESET|UND_ERR_CLOSED/.test(code)) return { dropped: true };
    throw err;
  }
}

/** Calls a `/__sandbox/` control (no auth). */
export async function control(base: string, path: string, body?: unknown, method: 'POST' | 'GET' = 'POST'): Promise<Answer> {
  const res = await request(`${base}/__sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : body === undefined ? '' : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: text === '' ? undefined : JSON.parse(text) };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `Y-m-d H:i:s` in Bogotá (UTC-05:00, no DST) for now + `ms`. */
export function bogotaLocal(ms: number): string {
  const d = new Date(Date.now() + ms - 5 * 3_600_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** A valid create body; `overrides` replaces top-level fields. */
export function linkFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Factura 1001',
    reference: 'FAC-1001',
    description: 'Servicio de agua, marzo',
    expirationDate: bogotaLocal(30 * 24 * 3_600_000),
    paymentExpiration: 15,
    payment: { amount: { currency: 'COP', total: 125000.5 } },
    ...overrides,
  };
}
