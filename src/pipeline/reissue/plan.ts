/**
 * One row of a reissue, up to the moment its new link may be created:
 *
 *   sheet     paid in the sheet, no link, a bad link_id: never queried
 *   journal   the new reference was already created (a run whose sheet was
 *             not written): that link is the row's, nothing is sent
 *   query     a fresh query decides: paid → never touched; ACTIVE and not
 *             overdue → left; EXPIRED, INACTIVE, or ACTIVE and overdue → on
 *   check     the new reference fits, the amount is readable
 *   disable   an ACTIVE link is disabled and confirmed before anything else
 *
 * and the create request for the new link. The create itself goes through
 * issue's Sender (journal intent before, result after), in run.ts.
 */
import { createHash } from 'node:crypto';
import type { CreateLinkRequest, LinkInfo } from '../../api/types.js';
import type { CellValue } from '../../io/types.js';
import { say } from '../../i18n/message.js';
import { reissue as words } from '../../i18n/messages/reissue.js';
import { wallClockIn } from '../reconcile/decide.js';
import type { IssuedRow } from '../reconcile/issued-sheet.js';
import type { EndOfDay } from '../rows/dates.js';
import type { DecimalMark, Locale, PreparedRow } from '../types.js';
import type { Ledger, ResultEntry } from '../uncertain/ledger.js';
import { linkVerdict, nextReference, reissueAmount, reissueCountOf, sheetVerdict, type ReissueWhy } from './decide.js';
import { disableConfirmed, queryLink, type CallContext } from './link-calls.js';

export interface OldLink {
  id: number;
  url?: string;
}

export type RowPlan =
  | { kind: 'unlinked' }
  | { kind: 'paid' }
  | { kind: 'not-due' }
  | { kind: 'stopped' }
  | { kind: 'refused'; message: string; oldLink?: OldLink; disabledNow?: boolean }
  /** Ready to create (or, in a dry run, what would be created). */
  | { kind: 'create'; why: ReissueWhy; oldLink: OldLink; count: number; prepared: PreparedRow; disabledNow: boolean }
  /** Created by an earlier run: the journal's result is the row's new link. */
  | { kind: 'journaled'; oldLink: OldLink; count: number; result: ResultEntry; note?: string };

export interface PlanContext extends CallContext {
  ledger: Ledger;
  timeZone: string;
  /** "Today" for the overdue rule (--as-of). */
  now: Date;
  due: { date: string; end: EndOfDay };
  amountColumn?: { header: string; index: number; decimal: Locale | DecimalMark };
  /** The reference column's header, for messages; the key when references are derived. */
  referenceColumn: string;
  dryRun: boolean;
  /** New references a person checked by hand and wants sent again although UNCERTAIN. */
  resend(reference: string): boolean;
}

export async function planRow(row: IssuedRow, ctx: PlanContext): Promise<RowPlan> {
  const sheet = sheetVerdict({ linkId: row.linkId, linkIdText: row.linkIdText, paymentState: row.text('payment_state') });
  if (sheet.kind === 'unlinked') return { kind: 'unlinked' };
  if (sheet.kind === 'paid') return { kind: 'paid' };
  if (sheet.kind === 'bad-link-id') return { kind: 'refused', message: say(words.badLinkId, { row: row.rowNumber, text: sheet.text }) };
  const oldLink: OldLink = { id: row.linkId as number, url: row.text('link_url') || undefined };

  const count = reissueCountOf(row.get('reissue_count'));
  if (count === undefined) return { kind: 'refused', oldLink, message: say(words.reissueCountBad, { row: row.rowNumber, column: 'reissue_count', text: row.text('reissue_count') }) };
  const next = nextReference({ reference: row.reference, reissueCount: count, row: row.rowNumber, column: ctx.referenceColumn });
  if (!next.ok) return { kind: 'refused', oldLink, message: next.message };

  // What the journal already knows of the new reference decides before any request.
  const record = ctx.ledger.get(next.reference);
  if (record?.result?.state === 'ISSUED' && record.result.id !== undefined) {
    const sentExpiry = record.result.expiresAt ?? record.expiresAt;
    const note = sentExpiry !== undefined && sentExpiry !== ctx.due.end.local
      ? say(words.journalOtherBill, { row: row.rowNumber, reference: next.reference, linkId: record.result.id, amount: record.amount ?? '?', currency: record.currency ?? '', expiresAt: sentExpiry.slice(0, 10) })
      : undefined;
    return { kind: 'journaled', oldLink, count, result: record.result, note };
  }
  const lost = record !== undefined && (record.inFlight || record.result?.state === 'UNCERTAIN');
  if (lost && !ctx.resend(next.reference)) {
    return { kind: 'refused', oldLink, message: say(words.uncertainLeft, { row: row.rowNumber, reference: next.reference, detail: record.result?.error ?? '' }) };
  }

  if (ctx.stopped()) return { kind: 'stopped' };
  const queried = await queryLink(oldLink.id, ctx);
  if (queried.kind === 'stopped') return { kind: 'stopped' };
  if (queried.kind === 'failed') return { kind: 'refused', oldLink, message: say(words.queryFailed, { row: row.rowNumber, linkId: oldLink.id, detail: queried.detail }) };
  const link = queried.link;
  oldLink.url ??= link.url;

  let paidEvent = false;
  try {
    paidEvent = (await ctx.events.paidFor(oldLink.id, { fresh: false })) !== undefined;
  } catch (err) {
    return { kind: 'refused', oldLink, message: say(words.eventsUnreadable, { row: row.rowNumber, linkId: oldLink.id, path: ctx.events.path, detail: err instanceof Error ? err.message : String(err) }) };
  }
  const verdict = linkVerdict(
    { status: link.status, approved: link.payments.filter((p) => p.status === 'APPROVED').length, paidEvent, dueDate: currentDueDate(link, row, ctx.timeZone) },
    { now: ctx.now, timeZone: ctx.timeZone },
  );
  if (verdict.kind === 'paid') return { kind: 'paid' };
  if (verdict.kind === 'not-due') return { kind: 'not-due' };
  if (verdict.kind === 'unclear') return { kind: 'refused', oldLink, message: say(words.unclear, { row: row.rowNumber, linkId: oldLink.id, detail: verdict.message }) };

  const amount = reissueAmount({
    row: row.rowNumber,
    linkAmount: link.amount?.total,
    linkCurrency: link.amount?.currency,
    sheetAmount: row.amount,
    sheetCurrency: row.currency,
    column: ctx.amountColumn === undefined ? undefined : { header: ctx.amountColumn.header, cell: cellAt(row.cells, ctx.amountColumn.index), decimal: ctx.amountColumn.decimal },
  });
  if (!amount.ok) return { kind: 'refused', oldLink, message: amount.message };

  const request = requestFor(link, next.reference, amount, ctx.due.end.local);
  const prepared = preparedRow(row.rowNumber, request, oldLink.id);
  if (!verdict.disableFirst || ctx.dryRun) return { kind: 'create', why: verdict.why, oldLink, count, prepared, disabledNow: false };

  const disabled = await disableConfirmed(row.rowNumber, oldLink.id, ctx);
  if (disabled.kind === 'stopped') return { kind: 'stopped' };
  if (disabled.kind === 'refused') return { kind: 'refused', oldLink, message: disabled.message };
  return { kind: 'create', why: verdict.why, oldLink, count, prepared, disabledNow: true };
}

function cellAt(cells: readonly CellValue[], index: number): CellValue {
  return cells[index] ?? null;
}

/** The current link's due date: the service's expiry on the site's clock, else what the sheet says. */
function currentDueDate(link: LinkInfo, row: IssuedRow, timeZone: string): string | undefined {
  const reported = link.expirationDate?.trim();
  if (reported !== undefined && reported !== '') {
    if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(reported)) {
      const instant = new Date(reported);
      if (!Number.isNaN(instant.getTime())) return wallClockIn(instant, timeZone).slice(0, 10);
    }
    const wall = /^(\d{4}-\d{2}-\d{2})/.exec(reported);
    if (wall !== null) return wall[1];
  }
  return row.dueDate.ok ? row.dueDate.date : undefined;
}

/** The new link: the current one's name, description and settings, with the new reference, amount and expiry. */
function requestFor(link: LinkInfo, reference: string, amount: { amount: string; currency: string }, expirationDate: string): CreateLinkRequest {
  return {
    name: link.name?.trim() || reference,
    reference,
    description: link.description?.trim() || reference,
    expirationDate,
    paymentExpiration: link.paymentExpiration ?? 15,
    payment: { amount: { currency: amount.currency, total: amount.amount } },
    paymentsAllowed: 1,
    ...(link.notificationUrl ? { notificationUrl: link.notificationUrl } : {}),
    ...(link.locale ? { locale: link.locale } : {}),
  };
}

/** The create as issue's Sender takes it: a row whose fingerprint pins what was sent (and which link it replaces). */
function preparedRow(rowNumber: number, request: CreateLinkRequest, oldLinkId: number): PreparedRow {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([request.reference, request.payment.amount.total, request.payment.amount.currency, request.expirationDate, request.name, request.description, oldLinkId]))
    .digest('hex')
    .slice(0, 32);
  return {
    rowNumber,
    cells: [],
    reference: request.reference,
    amount: request.payment.amount.total,
    currency: request.payment.amount.currency,
    expiresAt: request.expirationDate,
    request,
    errors: [],
    fingerprint,
  };
}
