/**
 * Secrets never leak. A known secret key runs `issue` and `reconcile` through
 * every error path (authentication failure, 422, 5xx, SIGKILL mid-run) and clean runs;
 * a recording proxy in front of the sandbox keeps every tranKey the service
 * saw. Then stdout, stderr (JSON and text logs), and every file the runs left
 * (output, journal, lock, temp files) are searched for the secret and for
 * every tranKey: none may hold either. A credentials file others can read
 * gets a warning; a 0600 one does not.
 */
import { chmod, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { FaultOptions, SandboxHandle } from '../../src/api/sandbox/options.js';
import { collect, runCli, startCli, type CliResult } from '../helpers/cli.js';
import { billingCsv, dueInDays } from '../helpers/sheets.js';

const SECRET = `sk-${randomBytes(12).toString('hex')}`;
const LOGIN = 'secrets-test-login';

interface Recorder {
  url: string;
  tranKeys: Set<string>;
  close(): Promise<void>;
}

/** A pass-through proxy that records each request body's auth.tranKey and drops the client when the sandbox drops it. */
async function recordingProxy(target: string): Promise<Recorder> {
  const tranKeys = new Set<string>();
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      try {
        const key = (JSON.parse(body.toString('utf8')) as { auth?: { tranKey?: unknown } }).auth?.tranKey;
        if (typeof key === 'string') tranKeys.add(key);
      } catch {
        // not JSON (a control path): nothing to record
      }
      const out = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tranKeys,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let sandbox: SandboxHandle | undefined;
let proxy: Recorder | undefined;
afterEach(async () => {
  await proxy?.close();
  await sandbox?.close();
  proxy = undefined;
  sandbox = undefined;
});

async function setup(faults: FaultOptions = {}) {
  sandbox = await startSandbox({ credentials: { login: LOGIN, secretKey: SECRET }, faults });
  proxy = await recordingProxy(sandbox.url);
  const dir = await mkdtemp(join(tmpdir(), 'paylinks-secrets-'));
  return { dir, sandbox, proxy };
}

/** Every file under `dir`, read as text (journal, lock, outputs, temp files). */
async function everyFile(dir: string): Promise<Array<{ name: string; text: string }>> {
  const names = await readdir(dir, { recursive: true });
  const files: Array<{ name: string; text: string }> = [];
  for (const name of names) {
    const text = await readFile(join(dir, name)).then((b) => b.toString('latin1'), () => undefined);
    if (text !== undefined) files.push({ name, text });
  }
  return files;
}

/** The secret and every tranKey sent, searched for in what the runs printed and every file they left. */
async function expectNoSecrets(dir: string, results: CliResult[], secrets: string[]): Promise<void> {
  const places = [
    ...results.flatMap((r, i) => [{ name: `run ${i} stdout`, text: r.stdout }, { name: `run ${i} stderr`, text: r.stderr }]),
    ...(await everyFile(dir)),
  ];
  expect(places.some((p) => p.name.endsWith('.journal'))).toBe(true);
  for (const place of places) {
    for (const secret of secrets) {
      if (place.text.includes(secret)) throw new Error(`${place.name} contains a secret (${secret.slice(0, 6)}…)`);
    }
  }
}

const env = (secret = SECRET) => ({ PLACETOPAY_LOGIN: LOGIN, PLACETOPAY_SECRET_KEY: secret });

describe('secrets stay secret on every error path', () => {
  it('authentication failure (code 102): the wrong and the right secret and their tranKeys appear nowhere', async () => {
    const s = await setup();
    const wrong = `wrong-${randomBytes(8).toString('hex')}`;
    const input = join(s.dir, 'billing.csv');
    await writeFile(input, billingCsv(40));
    const out = join(s.dir, 'out.csv');
    const json = await runCli(['issue', input, '--out', out, '--base-url', s.proxy.url, '--log', 'json'], { env: env(wrong) });
    const text = await runCli(['issue', input, '--out', out, '--base-url', s.proxy.url, '--log', 'text'], { env: env(wrong) });
    for (const r of [json, text]) {
      expect(r.code).toBe(3);
      expect(r.stdout + r.stderr).toMatch(/102/);
    }
    expect(s.proxy.tranKeys.size).toBeGreaterThan(0);
    await expectNoSecrets(s.dir, [json, text], [SECRET, wrong, ...s.proxy.tranKeys]);
  });

  it('422, 5xx and a clean run: no secret, no tranKey', async () => {
    const s = await setup({ rate5xx: 1, seed: 3 });
    const input = join(s.dir, 'moneda.csv');
    await writeFile(input, `Cliente;Valor;Vencimiento;Factura;Moneda\r\nUno;10.000;${dueInDays(10)};M-1;ZZZ\r\nDos;10.000;${dueInDays(10)};M-2;COP\r\n`);
    const fiveXX = await runCli(['issue', input, '--out', join(s.dir, 'five.csv'), '--base-url', s.proxy.url, '--retries', '0', '--probe-settle', '1', '--log', 'json'], { env: env() });
    expect(fiveXX.code).not.toBe(0);
    expect(s.sandbox.counters().faults.serverError).toBeGreaterThan(0);
    await s.proxy.close();
    await s.sandbox.close();

    const t = await setup();
    const rejected = await runCli(['issue', input, '--out', join(s.dir, 'out.csv'), '--base-url', t.proxy.url, '--log', 'text'], { env: env() });
    expect(rejected.code).toBe(1);
    expect(await readFile(join(s.dir, 'out.csv'), 'utf8')).toMatch(/INVALID.*(422|currency)/i);
    await expectNoSecrets(s.dir, [fiveXX, rejected], [SECRET, ...s.proxy.tranKeys, ...t.proxy.tranKeys]);
  });

  it('SIGKILL mid-run, then the finishing run: no secret in the journal, the lock or any temp file', async () => {
    const s = await setup({ latencyMs: 150 });
    const input = join(s.dir, 'billing.csv');
    await writeFile(input, billingCsv(60));
    const args = ['issue', input, '--out', join(s.dir, 'out.csv'), '--base-url', s.proxy.url, '--concurrency', '4', '--probe-settle', '1'];
    const child = startCli(args, { env: env() });
    const done = collect(child);
    const until = Date.now() + 20_000;
    while (s.sandbox.counters().linksCreated < 8 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const left = await everyFile(s.dir);
    expect(left.some((f) => f.name.endsWith('.lock'))).toBe(true); // the lock a kill leaves behind is searched too
    const again = await runCli(args, { env: env() });
    expect([0, 1]).toContain(again.code);
    await expectNoSecrets(s.dir, [killed, again], [SECRET, ...s.proxy.tranKeys]);
    // What the killed run left (its lock, its journal) is searched as it was, before the re-run replaced it.
    for (const f of left) for (const k of [SECRET, ...s.proxy.tranKeys]) expect(f.text.includes(k), f.name).toBe(false);
  });

  it('reconcile: authentication failure, 5xx, disables, a webhook event and a SIGKILL leave no secret or tranKey anywhere', async () => {
    const s = await setup();
    const input = join(s.dir, 'billing.csv');
    await writeFile(input, billingCsv(30));
    const sheet = join(s.dir, 'links.csv');
    const issued = await runCli(['issue', input, '--out', sheet, '--base-url', s.proxy.url, '--log', 'json'], { env: env() });
    expect(issued.code, issued.stderr).toBe(0);
    const wrong = `wrong-${randomBytes(8).toString('hex')}`;
    const denied = await runCli(['reconcile', sheet, '--base-url', s.proxy.url, '--log', 'json'], { env: env(wrong) });
    expect(denied.code).toBe(3);
    expect(denied.stdout + denied.stderr).toMatch(/102/);
    // Queries and disables (every link overdue as of a far date), text and JSON reports.
    const disabling = await runCli(['reconcile', sheet, '--base-url', s.proxy.url, '--log', 'text', '--disable-overdue', '--as-of', '2099-01-01'], { env: env() });
    expect(disabling.code, disabling.stderr).toBe(0);
    expect(s.sandbox.counters().requests.disable).toBeGreaterThan(0);
    const json = await runCli(['reconcile', sheet, '--base-url', s.proxy.url, '--log', 'json', '--report', 'json'], { env: env() });
    expect(json.code).toBe(0);
    // Killed mid-run while holding the lock, then a run that takes the stale lock over.
    await s.proxy.close();
    await s.sandbox.close();
    const slow = await setup({ latencyMs: 300 });
    const args = ['reconcile', sheet, '--base-url', slow.proxy.url, '--concurrency', '1'];
    const child = startCli(args, { env: env() });
    const done = collect(child);
    const until = Date.now() + 20_000;
    while (slow.sandbox.counters().requests.get < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const after = await runCli(args, { env: env() });
    expect([0, 1]).toContain(after.code);
    // And the 5xx path: every query fails after retries.
    await slow.proxy.close();
    await slow.sandbox.close();
    const failing = await setup({ rate5xx: 1, seed: 5 });
    const broken = await runCli(['reconcile', sheet, '--base-url', failing.proxy.url, '--retries', '0', '--log', 'json'], { env: env() });
    expect(broken.code).not.toBe(0);
    await expectNoSecrets(s.dir, [issued, denied, disabling, json, killed, after, broken], [SECRET, wrong, ...s.proxy.tranKeys, ...slow.proxy.tranKeys, ...failing.proxy.tranKeys]);
  });

  it('a credentials file others can read gets a warning; a 0600 one does not; neither prints the secret', async () => {
    const s = await setup();
    const input = join(s.dir, 'billing.csv');
    await writeFile(input, billingCsv(2));
    const file = join(s.dir, 'credentials.json');
    await writeFile(file, JSON.stringify({ login: LOGIN, secretKey: SECRET }));
    await chmod(file, 0o644);
    const loose = await runCli(['issue', input, '--out', join(s.dir, 'a.csv'), '--base-url', s.proxy.url, '--credentials', file, '--log', 'text']);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain('can be read by other users of this machine (mode 644); run: chmod 600');
    await chmod(file, 0o600);
    const tight = await runCli(['issue', input, '--out', join(s.dir, 'b.csv'), '--base-url', s.proxy.url, '--credentials', file, '--log', 'text']);
    expect(tight.code).toBe(0);
    expect(tight.stderr).not.toMatch(/chmod|other users/);
    for (const r of [loose, tight]) for (const k of [SECRET, ...s.proxy.tranKeys]) expect(r.stdout + r.stderr).not.toContain(k);
    // The credentials file itself holds the secret by design; every other file must not.
    const others = (await everyFile(s.dir)).filter((f) => f.name !== 'credentials.json');
    for (const f of others) for (const k of [SECRET, ...s.proxy.tranKeys]) expect(f.text.includes(k), f.name).toBe(false);
  });
});
