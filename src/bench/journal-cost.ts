/**
 * The journal's own cost: 16 concurrent writers each appending an intent and
 * a result per row (what `issue` does around every create), every append
 * waiting for its fdatasync as the sender does. Measured in-process against
 * src/io/journal.ts, in a temp folder on the same disk as the outputs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openJournal } from '../io/journal.js';
import { BENCH_DIR } from './sheets.js';

export interface JournalCost {
  rows: number;
  writers: number;
  wallMs: number;
  perRowMs: number;
  appends: number;
  syncs: number;
}

export async function measureJournal(rows: number, writers: number): Promise<JournalCost> {
  const dir = await mkdtemp(join(BENCH_DIR, 'journal-'));
  const journal = await openJournal<Record<string, unknown>>(join(dir, 'bench.journal'));
  let next = 0;
  const started = performance.now();
  const writer = async (): Promise<void> => {
    for (let i = next++; i < rows; i = next++) {
      const ref = `P-${String(i).padStart(7, '0')}`;
      const at = new Date().toISOString();
      await journal.append({ t: 'intent', ref, row: i + 2, fp: 'f'.repeat(16), amount: '1250000.5', currency: 'COP', expiresAt: '2031-01-15 23:59:59', at });
      await journal.append({ t: 'result', ref, row: i + 2, fp: 'f'.repeat(16), state: 'ISSUED', id: i + 1, url: `https://checkout.example/${i}`, at });
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  const wallMs = performance.now() - started;
  const stats = { ...journal.stats };
  await journal.close();
  await rm(dir, { recursive: true, force: true });
  return { rows, writers, wallMs, perRowMs: wallMs / rows, appends: stats.appends, syncs: stats.syncs };
}
