/**
 * Writing what a reissue did. The sheet is rewritten atomically with each
 * reissued row's new link in link_id/link_url/expires_at/link_state, its
 * history in previous_link_id/previous_link_url/reissue_count, and its
 * payment columns reset for the new link (so reconcile measures "changed
 * since the last run" against the new link, not the old one). Every other
 * cell is kept as read. A sheet changed while the run worked is never
 * overwritten (the result goes beside it); once links exist, a sheet that
 * cannot be written ends in exit 5 with an emergency copy, as in issue.
 *
 * A dry run writes the plan instead: one line per linked row.
 */
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve as resolvePath } from 'node:path';
import type { CellValue, ColumnSpec } from '../../io/types.js';
import { createSheetWriter } from '../../io/write/index.js';
import { say } from '../../i18n/message.js';
import { reissue as words } from '../../i18n/messages/reissue.js';
import type { EventSink } from '../events.js';
import { OutputNotWrittenError } from '../issue/output-fault.js';
import { wallClockDate } from '../output/sheet-plan.js';
import { wallClockIn } from '../reconcile/decide.js';
import type { IssuedRow, IssuedSheet } from '../reconcile/issued-sheet.js';
import type { SheetGuard } from '../reconcile/sheet-guard.js';
import type { Ledger } from '../uncertain/ledger.js';
import type { ReissueConfig } from './config.js';
import { whyWord, type Outcome, type Written } from './summary.js';

export interface SheetWrite {
  config: ReissueConfig;
  sheet: IssuedSheet;
  /** Taken before the sheet was read, when it is rewritten in place. */
  guard?: SheetGuard;
  rows: readonly IssuedRow[];
  outcomes: readonly Outcome[];
  ledger: Ledger;
  emit: EventSink;
}

/** The values of the tool's columns for a row, by key; undefined when the row is written as it was read. */
export function rowUpdates(outcome: Outcome, now: Date, timeZone: string): Record<string, CellValue> | undefined {
  const checkedAt = wallClockDate(wallClockIn(now, timeZone));
  if (outcome.kind === 'reissued') {
    const r = outcome.result;
    return {
      link_state: 'ISSUED',
      link_id: r.id ?? null,
      link_url: r.url ?? null,
      expires_at: r.expiresAt === undefined ? null : wallClockDate(r.expiresAt),
      error: null,
      link_status: 'ACTIVE',
      payment_state: 'PENDING',
      paid_amount: null,
      paid_at: null,
      receipt: null,
      authorization: null,
      payment_method: null,
      payer_name: null,
      checked_at: checkedAt,
      reconcile_error: outcome.note ?? null,
      previous_link_id: outcome.oldLink.id,
      previous_link_url: outcome.oldLink.url ?? null,
      reissue_count: outcome.count + 1,
    };
  }
  // The old link was disabled (and confirmed) but its successor does not exist yet: the sheet says so.
  if (outcome.kind === 'refused' && outcome.disabledNow) return { link_status: 'INACTIVE', payment_state: 'DISABLED', checked_at: checkedAt, reconcile_error: outcome.message };
  return undefined;
}

export async function writeReissuedSheet(w: SheetWrite): Promise<Written> {
  const now = new Date();
  const updates = w.outcomes.map((o) => rowUpdates(o, now, w.config.timeZone));
  // Nothing changed (a rerun, nothing due): the sheet is left byte for byte as it is.
  if (updates.every((u) => u === undefined)) return {};
  const target = w.guard === undefined ? w.config.output.path : besidePath(w.config.output.path, now);
  try {
    const writer = await w.sheet.openWriter(target, w.config.output.format, { reissue: true });
    try {
      for (const [i, row] of w.rows.entries()) await writer.write(row, updates[i] ?? {});
      await writer.commit();
    } catch (err) {
      await writer.abort();
      throw err;
    }
    if (w.guard === undefined) return { output: target };
    const placed = await w.guard.place(target);
    if (placed.replaced) return { output: placed.path };
    return { output: placed.path, sheetChanged: { reason: placed.reason, message: say(words.sheetChanged, { sheet: w.config.sheet.path, writtenTo: placed.path, reason: placed.reason }) } };
  } catch (err) {
    const reissued = w.outcomes.filter((o) => o.kind === 'reissued').length;
    const disabled = w.outcomes.filter((o) => o.kind === 'refused' && o.disabledNow).length;
    if (reissued + disabled === 0) throw err;
    throw await outputNotWritten(w, err, reissued);
  }
}

/** `cartera.xlsx` → `cartera.reissued-20270310-070000.xlsx`, in the same folder (a rename away). */
function besidePath(path: string, at: Date): string {
  const ext = extname(path);
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return join(dirname(path), `${basename(path, ext)}.reissued-${stamp}${ext}`);
}

async function outputNotWritten(w: SheetWrite, err: unknown, links: number): Promise<OutputNotWrittenError> {
  const reason = (err instanceof Error ? err.message : String(err)).replace(/[.\s]+$/, '');
  const copy = await emergencyCopy(w);
  const message = say(words.outputNotWritten, { links, out: w.config.output.path, reason, journal: w.config.journalPath, copy, sheet: w.config.sheet.path });
  return new OutputNotWrittenError(message, { issued: links, uncertain: 0 }, w.config.journalPath, copy);
}

const COPY_COLUMNS: ColumnSpec[] = ['row', 'reference', 'new_reference', 'link_id', 'link_url', 'expires_at', 'amount', 'currency', 'previous_link_id', 'previous_link_url'].map((header) => ({ header }));

/** The reissued rows as CSV, beside the journal, else in the system's temporary folder. Never throws. */
async function emergencyCopy(w: SheetWrite): Promise<string | undefined> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const name = `${basename(w.config.output.path).slice(0, 120)}.emergency-${stamp}.csv`;
  for (const path of [join(dirname(resolvePath(w.config.journalPath)), name), join(tmpdir(), `paylinks-${name}`)]) {
    try {
      const writer = await createSheetWriter(path, { format: 'csv', columns: COPY_COLUMNS, delimiter: ';' });
      try {
        for (const [i, o] of w.outcomes.entries()) {
          if (o.kind !== 'reissued') continue;
          const r = o.result;
          await writer.writeRow([w.rows[i]?.rowNumber ?? null, w.rows[i]?.reference ?? null, r.ref, r.id ?? null, r.url ?? null, r.expiresAt ?? null, r.amount ?? null, r.currency ?? null, o.oldLink.id, o.oldLink.url ?? null]);
        }
        await writer.commit();
      } catch (e) {
        await writer.abort();
        throw e;
      }
      return path;
    } catch {
      // try the next place
    }
  }
  return undefined;
}

/** Dry run: the plan, one line per row with a link, in the run's language. */
export async function writePlan(config: ReissueConfig, rows: readonly IssuedRow[], outcomes: readonly Outcome[]): Promise<void> {
  const columns: ColumnSpec[] = [
    words.planRow, words.planReference, words.planLinkId, words.planDecision, words.planNewReference, words.planAmount, words.planCurrency, words.planDue, words.planNote,
  ].map((m) => ({ header: say(m) }));
  const delimiter = config.sheet.locale === 'es-CO' ? ';' : ',';
  const writer = await createSheetWriter(config.output.path, { format: config.output.format, columns, delimiter, sheetName: 'Plan' });
  try {
    for (const [i, o] of outcomes.entries()) {
      const row = rows[i] as IssuedRow;
      if (o.kind === 'unlinked') continue;
      const line = planLine(o);
      await writer.writeRow([row.rowNumber, row.reference, row.linkId ?? (row.linkIdText || null), line.decision, line.newReference ?? null, line.amount ?? null, line.currency ?? null, line.due ?? null, line.note ?? null]);
    }
    await writer.commit();
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

function planLine(o: Outcome): { decision: string; newReference?: string; amount?: string; currency?: string; due?: string; note?: string } {
  switch (o.kind) {
    case 'paid':
      return { decision: say(words.decisionPaid) };
    case 'not-due':
      return { decision: say(words.decisionNotDue) };
    case 'refused':
      return { decision: say(words.decisionRefused), note: o.message };
    case 'would': {
      const r = o.request;
      return { decision: say(words.decisionReissue), newReference: r.reference, amount: r.payment.amount.total, currency: r.payment.amount.currency, due: r.expirationDate.slice(0, 10), note: say(whyWord(o.why)) };
    }
    case 'reissued':
      return { decision: say(words.decisionReissued), newReference: o.result.ref, amount: o.result.amount, currency: o.result.currency, due: o.result.expiresAt?.slice(0, 10), note: o.note };
    default:
      return { decision: say(words.decisionUnlinked) };
  }
}
