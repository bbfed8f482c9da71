/**
 * Webhook notifications: checking (and, for the sandbox, making) their signature.
 *
 *   signature = sha256_hex( linkId + status.status + status.date + secretKey )
 *
 * A notification whose signature does not match must be ignored, so anything
 * malformed is simply "not verified": verifyNotification never throws.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface SignedFields {
  linkId: number | string;
  status: string;
  date: string;
}

/** The lower-case hex signature Placetopay puts on a notification. */
export function signNotification(fields: SignedFields, secretKey: string): string {
  return createHash('sha256')
    .update(`${String(fields.linkId)}${fields.status}${fields.date}${secretKey}`, 'utf8')
    .digest('hex');
}

/** True only for a well-formed notification signed with `secretKey`. */
export function verifyNotification(body: unknown, secretKey: string): boolean {
  // With no secret anyone could sign; never call that verified.
  if (typeof secretKey !== 'string' || secretKey === '') return false;
  const fields = signedFields(body);
  if (fields === undefined) return false;
  const expected = Buffer.from(signNotification(fields, secretKey), 'utf8');
  const given = Buffer.from(fields.signature.toLowerCase(), 'utf8');
  // timingSafeEqual throws on different lengths; a length is no secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function signedFields(body: unknown): (SignedFields & { signature: string }) | undefined {
  if (!isObject(body) || !isObject(body.status)) return undefined;
  const { linkId, signature } = body;
  const { status, date } = body.status;
  const idOk = (typeof linkId === 'number' && Number.isSafeInteger(linkId)) || (typeof linkId === 'string' && linkId !== '');
  if (!idOk || typeof status !== 'string' || typeof date !== 'string' || typeof signature !== 'string') return undefined;
  if (!/^[0-9a-fA-F]{64}$/.test(signature)) return undefined;
  return { linkId: linkId as number | string, status, date, signature };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
