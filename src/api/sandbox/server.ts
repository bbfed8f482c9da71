/**
 * A local, stateful Payment Links service on node:http, for tests, the demo
 * and rehearsals. The API endpoints behave as the published contract and
 * API-NOTES describe; `/__sandbox/...` holds the controls the real service
 * does not have (pay, expire, notify, counters).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Credentials } from '../types.js';
import { Answers, MESSAGES } from './answers.js';
import { AuthChecker } from './check-auth.js';
import { newCounters, type SandboxContext } from './context.js';
import { FaultPlan, PerSecondLimiter, resolveFaults } from './faults.js';
import { sendJson } from './http-io.js';
import type { SandboxHandle, SandboxOptions } from './options.js';
import { showPayerPage } from './payer-page.js';
import { handleApi, matchApiRoute } from './routes-api.js';
import { handleControl } from './routes-control.js';
import { assertTimeZone } from './site-time.js';
import { LinkStore } from './store.js';

/** The sandbox's documented login and secret: not secret, valid only against a sandbox. */
export const DEFAULT_SANDBOX_CREDENTIALS: Readonly<Credentials> = Object.freeze({
  login: 'paylinks-sandbox-login',
  secretKey: 'paylinks-sandbox-secret-key',
});

export const DEFAULT_SANDBOX_SITE: Readonly<{ id: number; name: string }> = Object.freeze({ id: 1, name: 'paylinks sandbox site' });

const DEFAULT_TIME_ZONE = 'America/Bogota';

function checkOptions(options: SandboxOptions): void {
  assertTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const firstId = options.firstId ?? 1;
  if (!Number.isSafeInteger(firstId) || firstId < 1) {
    throw new RangeError(`Sandbox option firstId is ${firstId}: use a whole number of 1 or more.`);
  }
  const badForeign = (options.foreignLinkIds ?? []).find((id) => !Number.isSafeInteger(id) || id < 1);
  if (badForeign !== undefined) {
    throw new RangeError(`Sandbox option foreignLinkIds holds ${badForeign}: use whole numbers of 1 or more.`);
  }
  const credentials = options.credentials;
  if (credentials !== undefined && (credentials.login === '' || credentials.secretKey === '')) {
    throw new RangeError('Sandbox option credentials needs a non-empty login and secretKey.');
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Cancellable sleeps, so `close()` does not wait for injected latency to run out. */
function sleeper(): { sleep(ms: number): Promise<void>; wakeAll(): void } {
  const pending = new Set<() => void>();
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          pending.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        pending.add(wake);
      }),
    wakeAll: () => [...pending].forEach((wake) => wake()),
  };
}

async function dispatch(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  ctx.counters.requests.total += 1;
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const path = url.pathname;
  if (path.startsWith('/__sandbox/')) return handleControl(ctx, req, res, path);
  if (path === '/link/show' && req.method === 'GET') return showPayerPage(ctx, res, url);
  const route = matchApiRoute(path);
  if (route === null || req.method !== 'POST') {
    const status = route === null ? 404 : 405;
    ctx.log(`${req.method} ${path}: ${status}`);
    const message = route === null ? `No endpoint at ${path}` : MESSAGES.notAllowed;
    return sendJson(res, status, ctx.answers.failed(status, message), route === null ? {} : { allow: 'POST' });
  }
  return handleApi(ctx, req, res, route);
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  checkOptions(options);
  const faultConfig = resolveFaults(options.faults);
  const host = options.host ?? '127.0.0.1';
  const server = createServer({ keepAlive: true });
  const address = await listen(server, options.port ?? 0, host);
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  const credentials: Credentials = { ...(options.credentials ?? DEFAULT_SANDBOX_CREDENTIALS) };
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const now = (): Date => new Date();
  const log = options.log ?? (() => undefined);
  const closing = new AbortController();
  const sleeps = sleeper();
  const ctx: SandboxContext = {
    baseUrl: url,
    credentials,
    timeZone,
    site: { ...(options.site ?? DEFAULT_SANDBOX_SITE) },
    createSpelling: options.createSpelling ?? 'id',
    queryCase: options.queryCase ?? 'camel',
    store: new LinkStore(url, options.firstId ?? 1, options.foreignLinkIds ?? []),
    auth: new AuthChecker(credentials, options.siteInactive === true, timeZone),
    faultConfig,
    faults: new FaultPlan(faultConfig),
    limiter: new PerSecondLimiter(faultConfig.maxRequestsPerSecond, faultConfig.capSchedule),
    counters: newCounters(),
    armed: new Map(),
    answers: new Answers(timeZone, now),
    now,
    sleep: sleeps.sleep,
    get closed() {
      return closing.signal.aborted;
    },
    closing: closing.signal,
    log: (line) => log(`sandbox ${line}`),
  };

  server.on('request', (req, res) => {
    dispatch(ctx, req, res).catch((err: unknown) => {
      // A bug in the sandbox must not take the test run down: answer 500 and say what failed.
      ctx.log(`internal error: ${err instanceof Error ? err.message : String(err)}`);
      sendJson(res, 500, ctx.answers.failed(500, 'Sandbox internal error'));
    });
  });

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      closing.abort();
      sleeps.wakeAll();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };

  ctx.log(`listening on ${url} (site zone ${timeZone})`);
  return { url, credentials: { ...credentials }, counters: () => structuredClone(ctx.counters), close };
}
