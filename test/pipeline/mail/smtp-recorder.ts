/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) that records
 * every message it accepts, for the mail tests. Faults are scripted per
 * message or per recipient: a 4xx or 5xx answer, a held answer (the message
 * is received but the reply never comes, as when a process is killed while
 * waiting), and AUTH with a fixed user and password.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  /** Whether the session was encrypted (smtps, or after STARTTLS). */
  secure: boolean;
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/** An SMTP answer to give instead of accepting. */
export interface Answer {
  code: number;
  message: string;
}

export interface RecorderOptions {
  /** Require AUTH with these credentials (PLAIN/LOGIN, no TLS needed on loopback). */
  auth?: { user: string; pass: string };
  /** Per RCPT TO: an answer refuses that recipient. `n` counts RCPTs of this address so far (1-based). */
  rcpt?: (address: string, n: number) => Answer | undefined;
  /** After the message body: an answer refuses it (not recorded). `n` counts bodies received so far (1-based). */
  data?: (to: string[], n: number) => Answer | undefined;
  /** Offer STARTTLS with this key and certificate (or, with `implicit`, TLS from the first byte, as smtps). */
  tls?: { key: string; cert: string; implicit?: boolean };
  /** After the body: true keeps the reply back forever (the body is recorded as received). */
  hold?: (to: string[], n: number) => boolean;
}

export interface Recorder {
  url: string;
  port: number;
  /** Messages accepted (or held), in order. */
  received: Received[];
  /** Bodies the server got, accepted or not. */
  bodies: number;
  authAttempts: number;
  /** Resolves when `count` messages are in `received`. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function smtpError(answer: Answer): Error {
  return Object.assign(new Error(answer.message), { responseCode: answer.code });
}

export async function startRecorder(options: RecorderOptions = {}): Promise<Recorder> {
  const received: Received[] = [];
  const rcptCounts = new Map<string, number>();
  const state = { bodies: 0, authAttempts: 0 };
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    disabledCommands: options.tls === undefined ? ['STARTTLS'] : [],
    secure: options.tls?.implicit === true,
    key: options.tls?.key,
    cert: options.tls?.cert,
    authOptional: options.auth === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      state.authAttempts += 1;
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
      return callback(smtpError({ code: 535, message: '5.7.8 Authentication credentials invalid' }));
    },
    onRcptTo(address, _session, callback) {
      const n = (rcptCounts.get(address.address) ?? 0) + 1;
      rcptCounts.set(address.address, n);
      const answer = options.rcpt?.(address.address, n);
      callback(answer ? smtpError(answer) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.bodies += 1;
        const n = state.bodies;
        const to = session.envelope.rcptTo.map((r) => r.address);
        const raw = Buffer.concat(chunks);
        const answer = options.data?.(to, n);
        if (answer) return callback(smtpError(answer));
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        void simpleParser(raw).then((parsed) => {
          received.push({ secure: session.secure === true, from, to, raw, parsed });
          for (const w of waiters.splice(0)) w();
          if (options.hold?.(to, n)) return; // never answer
          callback(null);
        });
      });
    },
  });
  server.on('error', () => undefined);
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    get bodies() {
      return state.bodies;
    },
    get authAttempts() {
      return state.authAttempts;
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`SMTP recorder: ${received.length} message(s), waited for ${count}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
