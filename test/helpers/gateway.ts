/**
 * A gateway on 127.0.0.1 in front of the sandbox that loses create answers
 * the way a real network does: it reads a create in full, then drops the
 * connection without passing it on (so no link is made and the client cannot
 * know that). Queries and disables pass through untouched.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';

export interface Gateway {
  url: string;
  /** Creates dropped so far. */
  dropped(): number;
  close(): Promise<void>;
}

/** `drop` decides per create body (parsed JSON) whether it is lost; default: every create. */
export async function startDroppingGateway(target: string, drop: (body: Record<string, unknown>) => boolean = () => true): Promise<Gateway> {
  let dropped = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url === '/api/payment-link' && drop(parseBody(body))) {
        dropped += 1;
        req.socket.destroy();
        return;
      }
      fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers: { 'content-type': 'application/json' }, body })
        .then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropped: () => dropped,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function parseBody(body: Buffer): Record<string, unknown> {
  try {
    const json: unknown = JSON.parse(body.toString('utf8'));
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export interface SandboxBehindGateway {
  sandbox: SandboxHandle;
  gateway: Gateway;
  /** The CLI's credentials for the sandbox. */
  env: Record<string, string>;
}

/**
 * For a test file: `start()` runs a sandbox with a dropping gateway in front
 * of it; both are closed after each test.
 */
export function sandboxBehindGateway(): { start(drop?: (body: Record<string, unknown>) => boolean): Promise<SandboxBehindGateway> } {
  let running: SandboxBehindGateway | undefined;
  afterEach(async () => {
    await running?.gateway.close();
    await running?.sandbox.close();
    running = undefined;
  });
  return {
    async start(drop) {
      const sandbox = await startSandbox();
      const gateway = await startDroppingGateway(sandbox.url, drop);
      running = { sandbox, gateway, env: { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey } };
      return running;
    },
  };
}
