/**
 * The one settle step for lost creates, shared by `issue` and `reconcile`:
 * a probe result becomes, per reference,
 *
 *   found      a link carries the reference AND everything the journal holds
 *              for the create (amount, currency, expiry, name, description):
 *              it is this row's link, adopted (ISSUED)
 *   mismatch   links carry the reference but differ in some field: another
 *              run's or another output's bill. Reported with the differing
 *              fields named, never adopted (the row stays UNCERTAIN)
 *   absent     proved never created: it may be sent again
 *   unresolved neither could be proved: a person looks in the panel
 *
 * and the journal entries that record it are written before the outcome
 * counts, so issue and reconcile leave the same journal for the same facts.
 */
import type { LinkInfo } from '../../api/types.js';
import type { Journal } from '../../io/journal.js';
import { compareAmounts } from '../money.js';
import { wallClockIn } from '../reconcile/decide.js';
import type { JournalEntry, Ledger, LedgerRecord, ResultEntry } from './ledger.js';
import type { ProbeResult } from './probe.js';
import { say } from '../../i18n/message.js';
import { probe as probeText } from '../../i18n/messages/probe.js';

export type UncertainOutcome =
  | { kind: 'found'; id: number; url?: string }
  | { kind: 'mismatch'; ids: number[]; message: string }
  | { kind: 'absent'; message: string }
  | { kind: 'unresolved'; message: string };

/** The fields of a create the journal may hold, as the link query reports them. */
export type CheckedField = 'amount' | 'currency' | 'expiry' | 'name' | 'description';

export interface FieldDifference {
  field: CheckedField;
  /** What was sent, as the journal holds it. */
  sent: string;
  /** What the service reports; undefined when it reports nothing for the field. */
  link?: string;
}

export type Settlement =
  | { kind: 'found'; link: LinkInfo }
  | { kind: 'mismatch'; links: Array<{ link: LinkInfo; differences: FieldDifference[] }> }
  | { kind: 'absent' }
  | { kind: 'unresolved'; note?: string };

/** What was sent for a create; fields an older journal lacks are undefined and not compared. */
export type SentFields = Pick<LedgerRecord, 'amount' | 'currency' | 'expiresAt' | 'name' | 'description'>;

/**
 * The fields in which `link` differs from what the journal says was sent. A
 * field the journal holds and the service does not report counts as
 * different: what cannot be compared cannot be adopted.
 */
export function differences(sent: SentFields, link: LinkInfo, timeZone?: string): FieldDifference[] {
  const out: FieldDifference[] = [];
  const check = (field: CheckedField, mine: string | undefined, theirs: string | undefined, same: (a: string, b: string) => boolean): void => {
    if (mine === undefined) return;
    if (theirs === undefined || !same(mine, theirs)) out.push({ field, sent: mine, link: theirs });
  };
  check('amount', sent.amount, link.amount?.total, sameAmount);
  check('currency', sent.currency, link.amount?.currency, (a, b) => a.trim().toUpperCase() === b.trim().toUpperCase());
  check('expiry', sent.expiresAt, link.expirationDate, (a, b) => sameExpiry(a, b, timeZone));
  check('name', sent.name, link.name, sameText);
  check('description', sent.description, link.description, sameText);
  return out;
}

/** The decision for one reference, from the probe's answer and what the journal holds. Pure. */
export function settlementOf(ref: string, sent: SentFields, result: ProbeResult, timeZone?: string): Settlement {
  const links = result.found.get(ref) ?? [];
  if (links.length > 0) {
    const compared = links.map((link) => ({ link, differences: differences(sent, link, timeZone) }));
    // Links come lowest id first; a second identical link would be a double bill made elsewhere.
    const same = compared.find((c) => c.differences.length === 0);
    return same ? { kind: 'found', link: same.link } : { kind: 'mismatch', links: compared };
  }
  if (result.absent.has(ref)) return { kind: 'absent' };
  return { kind: 'unresolved', note: result.note };
}

export interface SettleContext {
  journal: Journal<JournalEntry>;
  ledger: Ledger;
  /** Which command settles: decides the next step a message gives. */
  command: 'issue' | 'reconcile';
  /** Recorded on adopted rows: how the link was found (`probe`, `reconcile-probe`). */
  via: string;
  /** The site's zone, to compare an expiry the service reports in another offset. */
  timeZone?: string;
  /** The create was re-sent in this run and lost its answer again: absent then means FAILED, not "send again". */
  lostTwice?: boolean;
  /** Called with every result entry once it is journaled. */
  onResult?: (entry: ResultEntry) => void;
}

/** Settles each reference and journals the outcome; returns the outcome per reference. */
export async function settle(refs: readonly string[], result: ProbeResult, ctx: SettleContext): Promise<Map<string, UncertainOutcome>> {
  const outcomes = new Map<string, UncertainOutcome>();
  for (const ref of refs) {
    const record = ctx.ledger.get(ref);
    if (record === undefined) continue;
    const settlement = settlementOf(ref, record, result, ctx.timeZone);
    outcomes.set(ref, await record_(ref, record, settlement, ctx));
  }
  return outcomes;
}

async function record_(ref: string, record: LedgerRecord, settlement: Settlement, ctx: SettleContext): Promise<UncertainOutcome> {
  switch (settlement.kind) {
    case 'found': {
      const { id, url } = settlement.link;
      await writeResult(ref, record, { state: 'ISSUED', id, url, via: ctx.via }, ctx);
      return { kind: 'found', id, url };
    }
    case 'mismatch': {
      const message = mismatchMessage(ref, settlement.links, ctx.command);
      const ids = settlement.links.map((l) => l.link.id);
      await writeResult(ref, record, { state: 'UNCERTAIN', otherLinks: ids, via: ctx.via, error: message }, ctx);
      return { kind: 'mismatch', ids, message };
    }
    case 'absent': {
      if (ctx.lostTwice) {
        const message = say(probeText.sentTwiceLost);
        await writeResult(ref, record, { state: 'FAILED', error: message }, ctx);
        return { kind: 'absent', message };
      }
      const entry: JournalEntry = { t: 'absent', ref, at: new Date().toISOString() };
      await ctx.journal.append(entry);
      ctx.ledger.apply(entry);
      return { kind: 'absent', message: absentMessage(ref) };
    }
    case 'unresolved': {
      const message = unresolvedMessage(ref, settlement.note, ctx.command);
      // issue records the row as UNCERTAIN with its next step; reconcile leaves the journal as issue left it.
      if (ctx.command === 'issue') await writeResult(ref, record, { state: 'UNCERTAIN', error: message }, ctx);
      return { kind: 'unresolved', message };
    }
  }
}

async function writeResult(ref: string, record: LedgerRecord, outcome: Pick<ResultEntry, 'state' | 'id' | 'url' | 'via' | 'error' | 'otherLinks'>, ctx: SettleContext): Promise<void> {
  const entry: ResultEntry = {
    t: 'result',
    ref,
    row: record.row,
    fp: record.fp,
    expiresAt: record.expiresAt ?? record.result?.expiresAt,
    amount: record.amount,
    currency: record.currency,
    ...outcome,
    at: new Date().toISOString(),
  };
  await ctx.journal.append(entry);
  ctx.ledger.apply(entry);
  ctx.onResult?.(entry);
}

/** `amount 20000 (sent 10000), name "Ana" (sent "Ana María")`. */
export function describeDifferences(list: readonly FieldDifference[]): string {
  const show = (field: CheckedField, value: string | undefined): string =>
    value === undefined ? say(probeText.notReported) : field === 'name' || field === 'description' ? JSON.stringify(value) : value;
  return list.map((d) => say(probeText.difference, { field: d.field, link: show(d.field, d.link), sent: show(d.field, d.sent) })).join(', ');
}

function mismatchMessage(ref: string, links: Array<{ link: LinkInfo; differences: FieldDifference[] }>, command: 'issue' | 'reconcile'): string {
  const shown = links.slice(0, 3).map(({ link, differences: d }) => `id ${link.id}: ${describeDifferences(d)}`);
  const more = links.length > 3 ? say(probeText.andMore, { count: links.length - 3 }) : '';
  const resend = say(command === 'issue' ? probeText.resendIssue : probeText.resendReconcile, { ref });
  return say(probeText.mismatch, { ref, shown: `${shown.join('; ')}${more}`, resend });
}

export function absentMessage(ref: string): string {
  return say(probeText.absent, { ref });
}

function unresolvedMessage(ref: string, note: string | undefined, command: 'issue' | 'reconcile'): string {
  const why = note ? ` (${note})` : '';
  return say(command === 'reconcile' ? probeText.unresolvedReconcile : probeText.unresolvedIssue, { ref, why });
}

function sameAmount(a: string, b: string): boolean {
  const decimal = /^-?\d+(?:\.\d+)?$/;
  return decimal.test(a) && decimal.test(b.trim()) && compareAmounts(a, b.trim()) === 0;
}

function sameText(a: string, b: string): boolean {
  return a.trim().normalize('NFC') === b.trim().normalize('NFC');
}

const WALL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/;
const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * The journal holds the site-local wall clock sent (`2031-01-15 23:59:59`);
 * the service reports it as ISO 8601, normally with the site's own offset
 * (`2031-01-15T23:59:59-05:00`). Same wall clock, or, with an offset and a
 * known zone, the same instant.
 */
function sameExpiry(sent: string, reported: string, timeZone?: string): boolean {
  const mine = WALL.exec(sent);
  const theirs = WALL.exec(reported.trim());
  if (mine === null || theirs === null) return false;
  if (`${mine[1]} ${mine[2]}` === `${theirs[1]} ${theirs[2]}`) return true;
  if (timeZone === undefined || !OFFSET.test(reported.trim())) return false;
  const instant = new Date(reported.trim());
  return !Number.isNaN(instant.getTime()) && wallClockIn(instant, timeZone) === `${mine[1]} ${mine[2]}`;
}
