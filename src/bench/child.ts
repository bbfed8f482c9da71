/**
 * Runs the built CLI as a child process, the way a user runs it, under
 * /usr/bin/time for the child's peak RSS (GNU time's %M: the kernel's
 * maxrss of the process, in KiB). Without /usr/bin/time, peak RSS is not
 * reported rather than guessed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR } from './sheets.js';

export const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const TIME = '/usr/bin/time';

export interface ChildRun {
  code: number | null;
  wallMs: number;
  /** Peak resident set size of the CLI process, MiB; undefined when /usr/bin/time is missing. */
  peakRssMiB?: number;
  stdout: string;
  stderr: string;
}

export async function runCliMeasured(args: string[], env: Record<string, string> = {}): Promise<ChildRun> {
  const timeFile = join(BENCH_DIR, `time-${process.pid}-${Date.now()}.txt`);
  const useTime = existsSync(TIME);
  const [command, argv] = useTime ? [TIME, ['-f', '%M', '-o', timeFile, process.execPath, CLI, ...args]] : [process.execPath, [CLI, ...args]];
  const started = performance.now();
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d.length > 100_000 ? '' : d));
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  const wallMs = performance.now() - started;
  let peakRssMiB: number | undefined;
  if (useTime) {
    const kib = Number((await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n').pop());
    if (Number.isFinite(kib) && kib > 0) peakRssMiB = kib / 1024;
    await rm(timeFile, { force: true });
  }
  return { code, wallMs, peakRssMiB, stdout, stderr };
}
