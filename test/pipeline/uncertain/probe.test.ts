/**
 * The probe that settles lost create answers, against a real sandbox: links
 * are created through the client, some are then "forgotten" as if their
 * answers had been lost, and the probe must find them, prove absent the
 * creates that never happened, and refuse to guess where it cannot prove.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlacetopayClient } from '../../../src/api/client.js';
import { startSandbox } from '../../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../../src/api/sandbox/options.js';
import { probeUncertain, type KnownLink, type ProbeOptions } from '../../../src/pipeline/uncertain/probe.js';
import { DEFAULT_RETRY } from '../../../src/pipeline/service/retry.js';
import { Throttle } from '../../../src/pipeline/service/throttle.js';

let sandbox: SandboxHandle;
let client: PlacetopayClient;

beforeEach(async () => {
  sandbox = await startSandbox({ foreignLinkIds: [13] });
  client = new PlacetopayClient({ baseUrl: sandbox.url, credentials: sandbox.credentials });
});
afterEach(async () => {
  await client.close();
  await sandbox.close();
});

/** Synthetic, strictly increasing times: one "tick" per event, so the journal's order is explicit. */
const tick = (n: number): string => new Date(Date.UTC(2030, 0, 1, 0, 0, 0, n * 10)).toISOString();

async function createLinks(refs: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const reference of refs) {
    const link = await client.create({
      name: reference,
      reference,
      description: 'probe test',
      expirationDate: '2031-01-15 23:59:59',
      paymentExpiration: 15,
      payment: { amount: { currency: 'COP', total: '10000' } },
    });
    ids.set(reference, link.id);
  }
  return ids;
}

const options = (known: KnownLink[], window = 1000): ProbeOptions => ({ known, window, margin: 8, endRun: 5, settleMs: 0, retry: { ...DEFAULT_RETRY, retries: 1 } });

describe('probeUncertain', () => {
  it('finds a lost link, proves a create that never happened absent, and does not guess before any answer', async () => {
    // Ids 1..12 are ours, 13 belongs to another site, 14..20 are ours again.
    const refs = Array.from({ length: 19 }, (_, i) => `P-${i + 1}`);
    const ids = await createLinks(refs);
    expect(ids.get('P-13')).toBe(14);
    // The journal saw every create sent at tick 2i and answered at tick 2i+1, except P-7 whose answer was lost.
    const known: KnownLink[] = refs
      .filter((r) => r !== 'P-7')
      .map((r) => {
        const i = Number(r.slice(2));
        return { id: ids.get(r) as number, sentAt: tick(2 * i), at: tick(2 * i + 1) };
      });
    const result = await probeUncertain(
      [
        { ref: 'P-7', intentAt: tick(14), lostAt: tick(15) },
        // Sent between P-10's answer and P-11's send, lost: the service never created it.
        { ref: 'GHOST-1', intentAt: tick(21), lostAt: tick(21) },
        // Sent before any answer was recorded: its lowest possible id is unknown.
        { ref: 'GHOST-0', intentAt: tick(0), lostAt: tick(1) },
      ],
      client,
      new Throttle({ concurrency: 4 }),
      options(known),
    );
    expect(result.found.get('P-7')?.[0]?.id).toBe(ids.get('P-7'));
    expect([...result.absent]).toEqual(['GHOST-1']);
    expect([...result.unresolved]).toEqual(['GHOST-0']);
    expect(result.note).toMatch(/before any answer/);
    // Only the lost creates' own ranges were queried, not every id of the output.
    expect(result.queried).toBeLessThan(refs.length);
  });

  it('walks past the last id when a create was lost in a crash (no known loss time)', async () => {
    const ids = await createLinks(['C-1', 'C-2', 'C-3', 'C-4']);
    const known: KnownLink[] = ['C-1', 'C-2'].map((r, i) => ({ id: ids.get(r) as number, sentAt: tick(2 * i), at: tick(2 * i + 1) }));
    const result = await probeUncertain(
      [
        { ref: 'C-4', intentAt: tick(10) },
        { ref: 'C-9', intentAt: tick(11) },
      ],
      client,
      new Throttle({ concurrency: 4 }),
      options(known),
    );
    expect(result.found.get('C-4')?.[0]?.id).toBe(ids.get('C-4'));
    expect([...result.absent]).toEqual(['C-9']);
  });

  it('leaves a create unresolved, and says why, when its range is wider than the window', async () => {
    const ids = await createLinks(['W-1', 'W-2', 'W-3', 'W-4', 'W-5', 'W-6']);
    const known: KnownLink[] = [{ id: ids.get('W-1') as number, sentAt: tick(0), at: tick(1) }];
    const result = await probeUncertain([{ ref: 'W-X', intentAt: tick(2) }], client, new Throttle({ concurrency: 2 }), options(known, 3));
    expect(result.absent.size).toBe(0);
    expect([...result.unresolved]).toEqual(['W-X']);
    expect(result.note).toMatch(/window|end of the existing ids/);
  });
});
