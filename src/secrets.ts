/**
 * The secrets this process holds (the site's secret key, the notification
 * key), so that any text leaving the tool — an error message, its JSON, an
 * unexpected error — can be scrubbed of them. Defence in depth: messages are
 * built without secrets, and this catches the one that slips through (a
 * service echoing a request, a library quoting its input).
 */

/** Shorter strings would match ordinary words; no real secret key is this short. */
const MIN_SECRET_LENGTH = 8;

const known = new Set<string>();

export const REDACTED = '[redacted]';

/** Records a secret the process now holds; every later redaction removes it. */
export function rememberSecret(secret: string): void {
  if (secret.length >= MIN_SECRET_LENGTH) known.add(secret);
}

/** `text` with every known secret, and every one of `extra` (per-request keys), replaced by [redacted]. */
export function redactSecrets(text: string, extra: readonly string[] = []): string {
  let out = text;
  for (const secret of [...known, ...extra.filter((s) => s.length >= 4)]) out = out.split(secret).join(REDACTED);
  return out;
}

/** A JSON-ready value with every string in it redacted (objects and arrays walked). */
export function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, redactDeep(v)]));
  }
  return value;
}
