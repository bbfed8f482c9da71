/**
 * Billing-day faults, with a real child process issuing against the sandbox
 * over HTTP and real files: the input replaced or deleted mid-run, --out
 * turned into a folder after the preflight, a full disk (a real tmpfs when
 * the test runs as root), and the preflight refusing before anything is sent.
 * The sandbox's counters say how many creates arrived.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../src/api/sandbox/options.js';
import { CLI, collect, startCli, type CliResult } from '../helpers/cli.js';
import { billingCsv, readCsvOutput } from '../helpers/sheets.js';

let sandbox: SandboxHandle | undefined;
const mounts: string[] = [];
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  for (const m of mounts.splice(0)) execFileSync('umount', ['-l', m]);
});

const isRoot = process.getuid?.() === 0;

/** A full disk is a real small tmpfs: that needs root and a machine that lets us mount (a container may not). */
const canMount = ((): boolean => {
  if (!isRoot) return false;
  const probe = mkdtempSync(join(tmpdir(), 'paylinks-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!canMount) {
  process.stderr.write(
    `[issue-faults] full-disk tests skipped: they mount a small tmpfs, which needs root (id -u is ${process.getuid?.()}) and permission to mount; ` +
      'the preflight space check is also covered with a simulated free-space probe in test/io/preflight.test.ts.\n',
  );
}

async function setup(rows: number, dir?: string) {
  const base = dir ?? (await mkdtemp(join(tmpdir(), 'paylinks-faults-')));
  sandbox = await startSandbox({ faults: { latencyMs: 40, jitterMs: 10 } });
  const input = join(base, 'billing.csv');
  await writeFile(input, billingCsv(rows));
  const out = join(base, 'billing-links.csv');
  const env = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
  const args = (o = out, i = input) => ['issue', i, '--out', o, '--base-url', (sandbox as SandboxHandle).url, '--log', 'json', '--concurrency', '4'];
  return { dir: base, input, out, env, args, sandbox };
}

async function waitFor(predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Starts `issue`, does `fault` once `links` links exist at the sandbox, and waits for the run to end. */
async function faultMidRun(s: Awaited<ReturnType<typeof setup>>, links: number, fault: () => Promise<unknown>): Promise<CliResult> {
  const done = collect(startCli(s.args(), { env: s.env }), { timeoutMs: 90_000 });
  await waitFor(() => s.sandbox.counters().linksCreated >= links);
  await fault();
  return done;
}

interface JournalLine { t: string; ref?: string; state?: string; id?: number; amount?: string }
async function journalOf(out: string): Promise<JournalLine[]> {
  return (await readFile(`${out}.journal`, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as JournalLine);
}

/** The emergency copy named in the message. */
function emergencyPath(stderr: string): string {
  const m = /emergency copy of the output, "([^"]+)"/.exec(stderr);
  if (!m?.[1]) throw new Error(`no emergency copy named in: ${stderr}`);
  return m[1];
}

function expectExit5Message(result: CliResult, out: string, links: number): void {
  expect(result.code, result.stderr).toBe(5);
  expect(result.stderr).toContain(`${links} payment link${links === 1 ? '' : 's'} exist`);
  expect(result.stderr).toContain(`journal "${out}.journal"`);
  expect(result.stderr).toContain(`the same command with the same --out ${out}`);
  expect(result.stderr).toMatch(/another --out.*billing everyone twice/);
}

describe('issue: the input changes while it runs', () => {
  it('replaced by a new version (renamed over it): exit 5, links kept, no new amount beside an old link', async () => {
    const s = await setup(300);
    const result = await faultMidRun(s, 20, async () => {
      // The clerk saves a corrected sheet: same references, every amount now 99.999.999.
      const changed = billingCsv(300).replace(/;[\d.]+;(\d\d\/\d\d\/\d{4});/g, ';99.999.999;$1;');
      expect(changed).not.toBe(billingCsv(300));
      await writeFile(`${s.input}.new`, changed);
      await rename(`${s.input}.new`, s.input);
    });
    const created = s.sandbox.counters().linksCreated;
    expectExit5Message(result, s.out, created);
    expect(result.stderr).toMatch(/the input ".*billing\.csv" changed while the run was working \(.*its content differs\)/);
    // Every link is in the journal, once.
    const issued = (await journalOf(s.out)).filter((e) => e.t === 'result' && e.state === 'ISSUED');
    expect(new Set(issued.map((e) => e.id)).size).toBe(created);
    // No output sheet was written from the changed file; the emergency copy is what was sent.
    expect(existsSync(s.out)).toBe(false);
    const copy = await readCsvOutput(emergencyPath(result.stderr), ';');
    const linked = copy.rows.filter((r) => r.link_id !== '');
    expect(linked).toHaveLength(created);
    for (const r of linked) {
      expect(r.amount).not.toBe('99999999');
      const i = Number(r.reference?.slice(2));
      expect(r.amount, r.reference).toBe(String(10_000 + i * 137));
    }
    expect(Object.values(s.sandbox.counters().createsByReference).every((n) => n === 1)).toBe(true);
  }, 120_000);

  it('deleted during the run: exit 5, emergency copy from the journal beside it', async () => {
    const s = await setup(300);
    const result = await faultMidRun(s, 20, () => unlink(s.input));
    const created = s.sandbox.counters().linksCreated;
    expectExit5Message(result, s.out, created);
    expect(result.stderr).toMatch(/changed while the run was working \(it was deleted or moved away\)/);
    const copyPath = emergencyPath(result.stderr);
    expect(copyPath.startsWith(s.dir)).toBe(true);
    const copy = await readCsvOutput(copyPath, ';');
    expect(copy.rows.filter((r) => r.link_state === 'ISSUED')).toHaveLength(created);
    expect(copy.header).toEqual(['row', 'reference', 'name', 'amount', 'currency', 'expires_at', 'description', 'link_state', 'link_id', 'link_url', 'error']);
    expect(copy.rows[0]?.name).toBe('Cliente 1');
    expect(copy.rows[0]?.description).toBe('Factura F-00001');
  }, 120_000);
});

describe('issue: the output cannot be written after links exist', () => {
  it('--out replaced by a folder after the preflight: exit 5, the full output kept as an emergency CSV; the same --out then writes it', async () => {
    const s = await setup(200);
    const result = await faultMidRun(s, 10, () => mkdir(s.out));
    expectExit5Message(result, s.out, 200);
    expect(result.stderr).toMatch(/that path is a folder/);
    const copy = await readCsvOutput(emergencyPath(result.stderr), ';');
    // The input was intact: the copy is the whole output (input columns + link columns).
    expect(copy.header.slice(0, 5)).toEqual(['Cliente', 'Valor a pagar', 'Fecha de vencimiento', 'Factura', 'Correo']);
    expect(copy.rows.filter((r) => r.link_state === 'ISSUED')).toHaveLength(200);
    // The clerk removes the folder and runs the same command: the sheet is written, nothing is sent again.
    await rm(s.out, { recursive: true });
    const again = await collect(startCli(s.args(), { env: s.env }), { timeoutMs: 90_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(s.sandbox.counters().linksCreated).toBe(200);
    expect((await readCsvOutput(s.out, ';')).rows.filter((r) => r.link_state === 'ISSUED')).toHaveLength(200);
  }, 120_000);

  // Root ignores permission bits, so as root the child runs as `nobody` (uid 65534); otherwise as ourselves.
  it('the output folder made read-only after the preflight: exit 5, emergency copy in the system temporary folder', async () => {
    const s = await setup(200);
    const folder = join(s.dir, 'out');
    await mkdir(folder);
    const out = join(folder, 'links.csv');
    if (isRoot) {
      await chmod(s.dir, 0o755);
      await chmod(s.input, 0o644);
      await chown(folder, 65534, 65534);
    }
    const child = spawn(process.execPath, [CLI, ...s.args(out)], { env: { ...process.env, ...s.env }, ...(isRoot ? { uid: 65534, gid: 65534 } : {}) });
    const done = collect(child, { timeoutMs: 90_000 });
    await waitFor(() => s.sandbox.counters().linksCreated >= 10);
    await chmod(folder, 0o555); // the journal stays open and writable; no new file can be made there
    const result = await done;
    await chmod(folder, 0o755);
    expectExit5Message(result, out, 200);
    expect(result.stderr).toMatch(/permission denied/);
    const copyPath = emergencyPath(result.stderr);
    expect(copyPath.startsWith(join(tmpdir(), 'paylinks-links.csv.emergency-'))).toBe(true);
    const copy = await readCsvOutput(copyPath, ';');
    expect(copy.rows.filter((r) => r.link_state === 'ISSUED')).toHaveLength(200);
    expect(result.stderr).toMatch(/Could not remove the lock .*links\.csv\.lock .*the next run takes it over/);
    await rm(copyPath);
  }, 120_000);

  it.skipIf(!canMount)('a full disk mid-run (a 4 MB tmpfs filled up): exit 5, emergency copy in the system temporary folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir]);
    mounts.push(dir);
    const s = await setup(300, dir);
    const result = await faultMidRun(s, 20, async () => {
      // Fill the file system: the journal's next append fails with ENOSPC.
      await writeFile(join(dir, 'filler'), Buffer.alloc(8 * 1024 * 1024)).catch(() => undefined);
    });
    expect(result.code, result.stderr).toBe(5);
    expect(result.stderr).toMatch(/payment links? exists? for this run/);
    expect(result.stderr).toMatch(/the disk is full/);
    const copyPath = emergencyPath(result.stderr);
    expect(copyPath.startsWith(join(tmpdir(), 'paylinks-billing-links.csv.emergency-'))).toBe(true);
    const copy = await readCsvOutput(copyPath, ';');
    // Every link the sandbox made is in the copy, ISSUED, or UNCERTAIN if its answer could not be journaled.
    const inCopy = new Map(copy.rows.map((r) => [r.Factura ?? r.reference, r.link_state]));
    for (const ref of Object.keys(s.sandbox.counters().createsByReference)) expect(['ISSUED', 'UNCERTAIN'], ref).toContain(inCopy.get(ref));
    await rm(copyPath);
  }, 120_000);
});

describe('issue: the preflight refuses before anything is sent (exit 2, 0 creates)', () => {
  it('--out is a folder', async () => {
    const s = await setup(5);
    await mkdir(s.out);
    const result = await collect(startCli(s.args(), { env: s.env }));
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/that path is a folder; give a file name\. Nothing was sent\./);
    expect(s.sandbox.counters().requests.create).toBe(0);
  });

  it('a name too long for the temporary file beside it (NAME_MAX 255 bytes)', async () => {
    const s = await setup(5);
    const out = join(s.dir, `${'x'.repeat(230)}.csv`); // fits alone; ".<name>.<pid>.<12 hex>.tmp" does not
    const result = await collect(startCli(s.args(out), { env: s.env }));
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/the file name is too long for this file system .* needs 2\d\d bytes; most file systems allow 255\)\. Choose a shorter --out name\. Nothing was sent\./);
    expect(s.sandbox.counters().requests.create).toBe(0);
  });

  it.skipIf(!canMount)('not enough free space for the estimate (a 512 KB tmpfs, 1,000 rows)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paylinks-small-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir]);
    mounts.push(dir);
    const s = await setup(5);
    await writeFile(s.input, billingCsv(1000));
    const result = await collect(startCli(s.args(join(dir, 'links.csv')), { env: s.env }));
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/not enough free space in ".*" \(about 3\.9 MB needed .*; 0\.5 MB free\).*Nothing was sent\./);
    expect(s.sandbox.counters().requests.create).toBe(0);
  });

  // Root ignores permission bits, so as root the child runs as `nobody` (uid 65534); otherwise as ourselves.
  it('a read-only output folder', async () => {
    const s = await setup(5);
    const folder = join(s.dir, 'ro');
    await mkdir(folder);
    if (isRoot) {
      await chmod(s.dir, 0o755);
      await chmod(s.input, 0o644);
      await chown(folder, 65534, 65534);
    }
    await chmod(folder, 0o555);
    const child = spawn(process.execPath, [CLI, ...s.args(join(folder, 'links.csv'))], {
      env: { ...process.env, ...s.env },
      ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    const result = await collect(child);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/permission denied/);
    expect(s.sandbox.counters().requests.create).toBe(0);
    expect(await readdir(folder)).toEqual([]);
  });
});
