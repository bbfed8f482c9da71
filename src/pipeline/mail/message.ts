/**
 * One collector's message as nodemailer takes it: the rendered subject and
 * body, and the file attached byte for byte (base64, whatever its type: a
 * CSV sent as quoted-printable text could come out with other line endings).
 *
 * The Message-ID is derived from the collector and the file's fingerprint,
 * the same for every attempt: if a message ever is delivered twice (only
 * possible through --resend-uncertain), most mail clients show it once.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { SendMailOptions } from 'nodemailer';
import type { RenderedMessage } from './templates.js';

const CONTENT_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
};

export interface MessageParts {
  from: string;
  to: string[];
  collector: string;
  fileName: string;
  bytes: Buffer;
  /** The file's fingerprint (fingerprint.ts), for the Message-ID. */
  sha256: string;
  rendered: RenderedMessage;
  date?: Date;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `<sha-prefix.collector-hash@domain-of-from>`: stable per collector and file. */
export function messageIdFor(collector: string, sha256: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'paylinks.invalid';
  const who = createHash('sha256').update(collector, 'utf8').digest('hex').slice(0, 12);
  return `<paylinks.${sha256.slice(0, 24)}.${who}@${domain}>`;
}

export function buildMessage(parts: MessageParts): SendMailOptions {
  return {
    from: parts.from,
    to: parts.to,
    subject: parts.rendered.subject,
    text: parts.rendered.text,
    html: parts.rendered.html,
    messageId: messageIdFor(parts.collector, parts.sha256, parts.from),
    date: parts.date,
    // The attachment's own SHA-256, which anyone can check with sha256sum.
    headers: { 'X-Paylinks-File-SHA256': sha256Of(parts.bytes) },
    attachments: [
      {
        filename: parts.fileName,
        content: parts.bytes,
        contentType: CONTENT_TYPES[extname(parts.fileName).toLowerCase()] ?? 'application/octet-stream',
        contentTransferEncoding: 'base64',
      },
    ],
    // Nothing in a message may make nodemailer read a local file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
