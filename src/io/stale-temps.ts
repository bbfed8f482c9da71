/**
 * Temporary files left beside an output by a run that died (kill -9, a power
 * cut) between opening its temporary file and renaming it into place. Each
 * can be as large as the output; left alone they pile up forever.
 *
 * Only ours are removed: the name must be exactly the atomic writer's
 * `.<output name>.<pid>.<12 hex>.tmp` for this output, and the caller must
 * hold the output's lock (so no other issue, reconcile or webhook is writing
 * it). Even then a file is kept while its pid is alive on this host (a dry
 * run takes no lock and may be writing), unless it is a day old: a pid that
 * old is a reused one.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { tempOwnerPid } from './atomic.js';
import { isAlive } from './lock.js';

const STALE_AFTER_MS = 24 * 3600 * 1000;

/** Removes the dead runs' temporary files of `target`; returns their paths. Never throws. */
export async function removeStaleTemps(target: string, now = Date.now()): Promise<string[]> {
  const folder = dirname(resolve(target));
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempOwnerPid(target, name);
    if (pid === undefined || pid === process.pid) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) continue;
    if (isAlive(pid) && now - info.mtimeMs < STALE_AFTER_MS) continue;
    if (await unlink(path).then(() => true, () => false)) removed.push(path);
  }
  return removed;
}
