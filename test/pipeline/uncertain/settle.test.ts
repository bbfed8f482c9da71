/**
 * The settle step: which link found by the probe is this row's. A link is
 * adopted only when it carries everything the journal holds for the create;
 * a link that shares the reference only is reported, never adopted. The
 * tables test the decision; the sandbox test runs it over HTTP against links
 * another run created for the same references.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlacetopayClient } from '../../../src/api/client.js';
import { startSandbox } from '../../../src/api/sandbox/server.js';
import type { SandboxHandle } from '../../../src/api/sandbox/options.js';
import type { LinkInfo } from '../../../src/api/types.js';
import { DEFAULT_RETRY } from '../../../src/pipeline/service/retry.js';
import { Throttle } from '../../../src/pipeline/service/throttle.js';
import type { ProbeResult } from '../../../src/pipeline/uncertain/probe.js';
import { resolveUncertainRows } from '../../../src/pipeline/uncertain/resolve-reconcile.js';
import { differences, settlementOf, type SentFields } from '../../../src/pipeline/uncertain/settle.js';

const SENT: Required<SentFields> = {
  amount: '10000',
  currency: 'COP',
  expiresAt: '2031-01-15 23:59:59',
  name: 'Ana María Pérez',
  description: 'Factura F-1',
};

/** The link as the service reports the create SENT, in the site's offset. */
const link = (over: Partial<LinkInfo> = {}, id = 7): LinkInfo => ({
  id,
  status: 'ACTIVE',
  url: `https://pay.example/${id}`,
  reference: 'F-1',
  expirationDate: '2031-01-15T23:59:59-05:00',
  name: SENT.name,
  description: SENT.description,
  amount: { currency: 'COP', total: '10000' },
  payments: [],
  ...over,
});

describe('differences: every field the journal holds must match', () => {
  it.each<[string, Partial<LinkInfo>, string[]]>([
    ['the same create', {}, []],
    ['the amount with other decimals', { amount: { currency: 'COP', total: '10000.00' } }, []],
    ['the currency in lower case', { amount: { currency: 'cop', total: '10000' } }, []],
    ['the expiry with a space instead of T', { expirationDate: '2031-01-15 23:59:59' }, []],
    ['the same instant in UTC (zone known)', { expirationDate: '2031-01-16T04:59:59Z' }, []],
    ['the name with trailing space', { name: `${SENT.name} ` }, []],
    ['another amount', { amount: { currency: 'COP', total: '20000' } }, ['amount']],
    ['another currency', { amount: { currency: 'USD', total: '10000' } }, ['currency']],
    ['another expiry day', { expirationDate: '2031-01-16T23:59:59-05:00' }, ['expiry']],
    ['another expiry second', { expirationDate: '2031-01-15T23:59:58-05:00' }, ['expiry']],
    ['another name', { name: 'Ana Pérez' }, ['name']],
    ['another description', { description: 'Factura F-1 (copia)' }, ['description']],
    ['no amount reported', { amount: undefined }, ['amount', 'currency']],
    ['no name reported', { name: undefined }, ['name']],
    ['an unreadable expiry', { expirationDate: 'mañana' }, ['expiry']],
    ['amount and name', { amount: { currency: 'COP', total: '10001' }, name: 'Otro' }, ['amount', 'name']],
  ])('%s → %j', (_case, over, fields) => {
    expect(differences(SENT, link(over), 'America/Bogota').map((d) => d.field)).toEqual(fields);
  });

  it('without the zone, an expiry reported in another offset is not assumed equal', () => {
    expect(differences(SENT, link({ expirationDate: '2031-01-16T04:59:59Z' })).map((d) => d.field)).toEqual(['expiry']);
  });

  it.each<[string, SentFields, Partial<LinkInfo>, string[]]>([
    // A journal written before names and descriptions were recorded compares what it holds.
    ['old journal, other name', { amount: '10000', currency: 'COP', expiresAt: SENT.expiresAt }, { name: 'Otro' }, []],
    ['old journal, other amount', { amount: '10000', currency: 'COP', expiresAt: SENT.expiresAt }, { amount: { currency: 'COP', total: '1' } }, ['amount']],
    ['nothing held', {}, { amount: { currency: 'USD', total: '1' }, name: 'Otro' }, []],
  ])('%s → %j', (_case, sent, over, fields) => {
    expect(differences(sent, link(over), 'America/Bogota').map((d) => d.field)).toEqual(fields);
  });
});

const probe = (found: LinkInfo[], absent = false, note?: string): ProbeResult => ({
  found: new Map(found.length > 0 ? [['F-1', found]] : []),
  absent: new Set(absent ? ['F-1'] : []),
  unresolved: new Set(found.length === 0 && !absent ? ['F-1'] : []),
  queried: 3,
  note,
});

describe('settlementOf: the decision per reference', () => {
  it.each<[string, ProbeResult, string, number | undefined]>([
    ['one matching link', probe([link()]), 'found', 7],
    ['one link with another amount', probe([link({ amount: { currency: 'COP', total: '20000' } })]), 'mismatch', undefined],
    ['one link with another name', probe([link({ name: 'Otro' })]), 'mismatch', undefined],
    ['another run’s link first, then this row’s', probe([link({ amount: { currency: 'COP', total: '20000' } }, 3), link({}, 9)]), 'found', 9],
    ['two matching links: the lowest id', probe([link({}, 4), link({}, 9)]), 'found', 4],
    ['no link, proved absent', probe([], true), 'absent', undefined],
    ['no link, not provable', probe([], false, 'some ids could not be queried'), 'unresolved', undefined],
  ])('%s → %s', (_case, result, kind, id) => {
    const settlement = settlementOf('F-1', SENT, result, 'America/Bogota');
    expect(settlement.kind).toBe(kind);
    if (settlement.kind === 'found') expect(settlement.link.id).toBe(id);
  });

  it('a mismatch names every differing field of every link', () => {
    const settlement = settlementOf('F-1', SENT, probe([link({ amount: { currency: 'COP', total: '20000' } }, 3), link({ name: 'Otro' }, 5)]));
    expect(settlement).toMatchObject({
      kind: 'mismatch',
      links: [
        { link: { id: 3 }, differences: [{ field: 'amount', sent: '10000', link: '20000' }] },
        { link: { id: 5 }, differences: [{ field: 'name', sent: SENT.name, link: 'Otro' }] },
      ],
    });
  });
});

describe('settling against links another run created (sandbox over HTTP)', () => {
  let sandbox: SandboxHandle;
  let client: PlacetopayClient;
  let dir: string;
  const expires = '2031-01-15 23:59:59';
  beforeEach(async () => {
    sandbox = await startSandbox();
    client = new PlacetopayClient({ baseUrl: sandbox.url, credentials: sandbox.credentials });
    dir = await mkdtemp(join(tmpdir(), 'paylinks-settle-'));
  });
  afterEach(async () => {
    await client.close();
    await sandbox.close();
  });

  const create = async (reference: string, name: string, total: string): Promise<number> =>
    (await client.create({ name, reference, description: `Factura ${reference}`, expirationDate: expires, paymentExpiration: 15, payment: { amount: { currency: 'COP', total } } })).id;

  it('adopts only the link that matches every field; a reference-only match is reported with its fields', async () => {
    // Run A, into another output, bills five references.
    const a1 = await create('F-1', 'Cliente 1', '10000');
    const a2 = await create('F-2', 'Cliente 2', '20000');
    const a3 = await create('F-3', 'Cliente 3', '30000');
    await create('F-5', 'Cliente 5', '55555');
    // Run B's own create for F-5 went through (another amount than A's), then its answer was lost.
    const b5 = await create('F-5', 'Cliente 5', '50000');

    // Run B's journal: every create sent and its answer lost (a crash), no link known.
    const at = new Date(Date.now() - 60_000).toISOString();
    const intent = (ref: string, row: number, name: string, amount: string): object => ({
      t: 'intent', ref, row, fp: `fp-${ref}`, amount, currency: 'COP', expiresAt: expires, name, description: `Factura ${ref}`, at,
    });
    const journalPath = join(dir, 'b-links.csv.journal');
    const lines = [
      { t: 'run', v: 1, input: 'b.csv', baseUrl: sandbox.url, at },
      intent('F-1', 2, 'Cliente 1', '10000'), // the same bill as run A's
      intent('F-2', 3, 'Cliente 2', '20500'), // another amount
      intent('F-3', 4, 'Cliente Tres', '30000'), // another name
      intent('F-4', 5, 'Cliente 4', '40000'), // never created by anyone
      intent('F-5', 6, 'Cliente 5', '50000'), // A's link differs, B's own matches
    ];
    await writeFile(journalPath, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));

    const options = { journalPath, settleMs: 0, api: client, throttle: new Throttle({ concurrency: 4 }), retry: { ...DEFAULT_RETRY, retries: 1 }, timeZone: 'America/Bogota' };
    const first = await resolveUncertainRows(options);
    const outcome = (ref: string) => first.byReference.get(ref);
    const message = (ref: string): string => {
      const o = outcome(ref);
      return o !== undefined && o.kind !== 'found' ? o.message : '';
    };

    expect(outcome('F-1')).toMatchObject({ kind: 'found', id: a1 });
    expect(outcome('F-2')).toMatchObject({ kind: 'mismatch', ids: [a2] });
    expect(message('F-2')).toMatch(/amount 20000 \(sent 20500\)/);
    expect(outcome('F-3')).toMatchObject({ kind: 'mismatch', ids: [a3] });
    expect(message('F-3')).toMatch(/name "Cliente 3" \(sent "Cliente Tres"\)/);
    expect(outcome('F-4')?.kind).toBe('absent');
    expect(outcome('F-5')).toMatchObject({ kind: 'found', id: b5 });

    // The journal records mismatches without an id: a later issue run does not count them as its links.
    const journal = (await readFile(journalPath, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const last = (ref: string) => journal.filter((e) => e.ref === ref).at(-1);
    expect(last('F-1')).toMatchObject({ t: 'result', state: 'ISSUED', id: a1, via: 'reconcile-probe' });
    expect(last('F-2')).toMatchObject({ t: 'result', state: 'UNCERTAIN', otherLinks: [a2] });
    expect(last('F-2')).not.toHaveProperty('id');
    expect(last('F-3')).toMatchObject({ t: 'result', state: 'UNCERTAIN', otherLinks: [a3] });
    expect(last('F-4')).toMatchObject({ t: 'absent' });
    expect(last('F-5')).toMatchObject({ t: 'result', state: 'ISSUED', id: b5 });

    // A second reconcile does not probe again: the journal already says what was found.
    const gets = sandbox.counters().requests.get;
    const second = await resolveUncertainRows(options);
    expect(sandbox.counters().requests.get).toBe(gets);
    expect(second.byReference.get('F-2')).toMatchObject({ kind: 'mismatch', ids: [a2] });
    expect(second.byReference.get('F-1')).toMatchObject({ kind: 'found', id: a1 });
  });
});
