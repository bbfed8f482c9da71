/**
 * Reading request bodies and writing JSON answers on node:http.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Larger bodies are refused with 413 (a billing row is a few hundred bytes). */
export const MAX_BODY_BYTES = 1_000_000;

export type BodyText = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' };

export async function readBody(req: IncomingMessage): Promise<BodyText> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > MAX_BODY_BYTES) return { ok: false, reason: 'too-large' };
      chunks.push(buffer);
    }
  } catch {
    return { ok: false, reason: 'aborted' };
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/**
 * The parsed body, or undefined when it is not JSON. As on the service, a body
 * sent without a JSON Content-Type is not read as JSON (its guides name this
 * as the usual cause of "Malformed authentication").
 */
export function parseJson(req: IncomingMessage, text: string): unknown {
  const type = req.headers['content-type'] ?? '';
  if (!/\bjson\b/i.test(type)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Drops the connection without an answer: the client sees a reset or a closed socket. */
export function dropConnection(req: IncomingMessage): void {
  req.socket.destroy();
}
