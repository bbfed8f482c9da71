/**
 * When links exist and the output sheet cannot be written.
 *
 * After a single create, "exit 2: nothing was sent" is a lie, and a lie that
 * costs money: a clerk who sees no sheet and tries again with another --out
 * starts a new journal and bills everyone twice. So whatever stops the write
 * (the input deleted or changed mid-run, the folder gone or read-only, a
 * folder at --out, a full disk, the sheet open in Excel), the run:
 *
 * - keeps an emergency copy of the output (CSV) beside the journal, else in
 *   the system's temporary folder, so links are never only in a journal:
 *   the full output if the input is still the file that was sent, else the
 *   rows as the journal recorded them (what was sent, never re-read);
 * - ends with exit 5 and a message that says how many links exist, where the
 *   journal and the copy are, and that the same command with the same --out
 *   writes the sheet (and that another --out would bill everyone twice).
 */
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createSheetWriter } from '../../io/write/index.js';
import type { ColumnSpec } from '../../io/types.js';
import type { EventSink } from '../events.js';
import { RunError } from '../run-error.js';
import type { Ledger, LedgerRecord } from '../uncertain/ledger.js';
import type { IssueConfig } from './config.js';
import type { RunStop } from './send.js';
import { writeIssueOutput } from './write.js';
import { say } from '../../i18n/message.js';
import { run as runText } from '../../i18n/messages/run.js';

export class OutputNotWrittenError extends RunError {
  constructor(
    message: string,
    /** Links that exist (ISSUED) and creates whose answers were lost (a link may exist). */
    readonly links: { issued: number; uncertain: number },
    readonly journal: string,
    /** The emergency copy, if one could be written anywhere. */
    readonly emergencyCopy: string | undefined,
  ) {
    super('OUTPUT_NOT_WRITTEN', message);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), links: this.links, journal: this.journal, emergencyCopy: this.emergencyCopy };
  }
}

/** Links the journal says exist, or may exist, for this output. */
export function countLinks(ledger: Ledger): { issued: number; uncertain: number } {
  let issued = 0;
  let uncertain = 0;
  for (const record of ledger.all()) {
    if (record.result?.state === 'ISSUED') issued += 1;
    else if (record.inFlight || record.result?.state === 'UNCERTAIN') uncertain += 1;
  }
  return { issued, uncertain };
}

export interface FaultContext {
  config: IssueConfig;
  ledger: Ledger;
  /** Why the output was not written, in words (ends without a full stop). */
  reason: string;
  /** The input is still the file that was sent: the copy can be the full output. */
  inputIntact: boolean;
  stop?: RunStop;
  emit: EventSink;
}

/** Writes the emergency copy and builds the error that ends the run with exit 5. */
export async function outputNotWritten(ctx: FaultContext): Promise<OutputNotWrittenError> {
  const links = countLinks(ctx.ledger);
  const copy = await writeEmergencyCopy(ctx);
  return new OutputNotWrittenError(outputNotWrittenMessage(ctx.config, links, ctx.reason, copy), links, ctx.config.journalPath, copy);
}

export function outputNotWrittenMessage(config: IssueConfig, links: { issued: number; uncertain: number }, reason: string, copy: string | undefined): string {
  return say(runText.outputNotWritten, { issued: links.issued, uncertain: links.uncertain, out: config.output.path, reason, journal: config.journalPath, copy });
}

const JOURNAL_COLUMNS: ColumnSpec[] = [
  'row', 'reference', 'name', 'amount', 'currency', 'expires_at', 'description', 'link_state', 'link_id', 'link_url', 'error',
].map((header) => ({ header }));

/** Beside the journal first (the person looks there), else the system's temporary folder. Never throws. */
async function writeEmergencyCopy(ctx: FaultContext): Promise<string | undefined> {
  const name = `${basename(ctx.config.output.path).slice(0, 120)}.emergency-${stamp()}.csv`;
  for (const path of [join(dirname(ctx.config.journalPath), name), join(tmpdir(), `paylinks-${name}`)]) {
    if (ctx.inputIntact && (await attempt(() => writeFullCopy(ctx, path)))) return path;
    if (await attempt(() => writeJournalCopy(ctx, path))) return path;
  }
  return undefined;
}

async function attempt(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch {
    return false;
  }
}

/** The output as it would have been, as CSV: the input's columns and the link columns. */
async function writeFullCopy(ctx: FaultContext, path: string): Promise<void> {
  const config: IssueConfig = { ...ctx.config, output: { ...ctx.config.output, path, format: 'csv' }, splitBy: undefined, qr: false };
  await writeIssueOutput(config, ctx.ledger, { dryRun: false, stop: ctx.stop }, ctx.emit);
}

/** The journal's rows as sent: never re-reads the input, which may have changed or gone. */
async function writeJournalCopy(ctx: FaultContext, path: string): Promise<void> {
  const delimiter = ctx.config.output.delimiter ?? (ctx.config.request.locale === 'es-CO' ? ';' : ',');
  const writer = await createSheetWriter(path, { format: 'csv', columns: JOURNAL_COLUMNS, delimiter });
  try {
    const records = [...ctx.ledger.all()].sort((a, b) => a.row - b.row);
    for (const r of records) await writer.writeRow(journalRow(r));
    await writer.commit();
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

function journalRow(r: LedgerRecord): Array<string | number | null> {
  const result = r.result;
  const state = result?.state ?? (r.inFlight ? 'UNCERTAIN' : '');
  const error = result?.error ?? (r.inFlight ? say(runText.answerLost, { ref: r.ref }) : '');
  return [r.row, r.ref, r.name ?? null, r.amount ?? null, r.currency ?? null, result?.expiresAt ?? r.expiresAt ?? null, r.description ?? null, state, result?.id ?? null, result?.url ?? null, error];
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
