/**
 * A folder of files written by one run (per-collector files, QR images),
 * built in a staging folder beside its final place and swapped in at the
 * end. A run killed half-way never leaves a folder mixing this run's files
 * with a previous run's, and files of collectors no longer in the sheet do
 * not linger from an earlier run.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { syncFolder } from '../../io/atomic.js';

export class StagedFolder {
  readonly staging: string;
  private done = false;

  private constructor(readonly path: string) {
    this.staging = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  }

  static async create(path: string): Promise<StagedFolder> {
    const folder = new StagedFolder(resolve(path));
    await mkdir(folder.staging, { recursive: true });
    return folder;
  }

  /**
   * The path of `fileName` inside the staging folder. Names come from
   * safeFileStem; this is the last guard that none escapes the folder.
   */
  file(fileName: string): string {
    const full = resolve(this.staging, fileName);
    const rel = relative(this.staging, full);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes('/') || rel.includes('\\')) {
      throw new Error(`refusing to write "${fileName}" outside ${this.path}`);
    }
    return full;
  }

  /** Replaces the previous folder, if any, with the staged one. */
  async commit(): Promise<void> {
    this.done = true;
    const old = `${this.staging}.old`;
    let moved = false;
    try {
      await rename(this.path, old);
      moved = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await rename(this.staging, this.path);
    await syncFolder(dirname(this.path));
    if (moved) await rm(old, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await rm(this.staging, { recursive: true, force: true });
  }
}
