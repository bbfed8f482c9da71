/**
 * The write pass of `issue`: the output sheet is rebuilt from the input, the
 * validation of each row and what the journal says happened to it. Nothing
 * here calls the API, so the same pass serves dry runs and finished runs.
 */
import { serializeRequest } from '../api/body.js';
import { createSheetWriter } from '../io/write/index.js';
import type { CellValue } from '../io/types.js';
import type { EventSink } from './events.js';
import type { IssueConfig } from './issue.js';
import type { RunStop } from './issue-send.js';
import type { Ledger } from './ledger.js';
import { addAmounts } from './money.js';
import { DRY_RUN_COLUMN, ISSUE_COLUMNS, planOutput, STATE_FILLS, wallClockDate } from './output-sheet.js';
import { openPrepared } from './prepared-rows.js';
import type { PreparedRow } from './types.js';

/** A dry run's state for a row that would be sent. */
export const WOULD_ISSUE = 'WOULD_ISSUE';

export interface IssueCounts {
  rows: number;
  /** Rows per state (ISSUED, INVALID, FAILED, UNCERTAIN; WOULD_ISSUE in a dry run). */
  states: Record<string, number>;
  /** Total amount issued per currency, canonical decimal strings. */
  issued: Record<string, string>;
  /** Rows a person must look at: UNCERTAIN ones with their next step. */
  uncertain: Array<{ rowNumber: number; reference: string; message: string }>;
  /** The first few row errors, for the closing summary. */
  firstErrors: Array<{ rowNumber: number; state: string; message: string }>;
}

interface RowOutcome {
  state: string;
  id?: number;
  url?: string;
  expiresAt?: string;
  error?: string;
}

export async function writeIssueOutput(
  config: IssueConfig,
  ledger: Ledger,
  mode: { dryRun: boolean; stop?: RunStop },
  emit: EventSink,
): Promise<IssueCounts> {
  const input = await openPrepared(config.input, config.request);
  const plan = planOutput(input.info.header, mode.dryRun ? [...ISSUE_COLUMNS, DRY_RUN_COLUMN] : ISSUE_COLUMNS);
  const delimiter = config.output.delimiter ?? input.info.delimiter ?? (config.request.locale === 'es-CO' ? ';' : ',');
  const counts: IssueCounts = { rows: 0, states: {}, issued: {}, uncertain: [], firstErrors: [] };
  let writer;
  try {
    writer = await createSheetWriter(config.output.path, { format: config.output.format, columns: plan.columns, delimiter, sheetName: 'Links', stateFill: STATE_FILLS });
  } catch (err) {
    await input.close();
    throw err;
  }
  try {
    for await (const row of input.rows) {
      const outcome = outcomeOf(row, ledger, mode);
      counts.rows += 1;
      counts.states[outcome.state] = (counts.states[outcome.state] ?? 0) + 1;
      if (outcome.state === 'ISSUED' && row.amount && row.currency) {
        counts.issued[row.currency] = addAmounts(counts.issued[row.currency] ?? '0', row.amount);
      }
      if (outcome.state === 'UNCERTAIN') counts.uncertain.push({ rowNumber: row.rowNumber, reference: row.reference, message: outcome.error ?? '' });
      if (outcome.error && outcome.state !== 'ISSUED' && counts.firstErrors.length < 20) {
        counts.firstErrors.push({ rowNumber: row.rowNumber, state: outcome.state, message: outcome.error });
      }
      const values: Record<string, CellValue | undefined> = {
        link_state: outcome.state,
        link_id: outcome.id ?? null,
        link_url: outcome.url ?? null,
        expires_at: outcome.expiresAt ? wallClockDate(outcome.expiresAt) : null,
        error: outcome.error ?? null,
      };
      if (mode.dryRun) values.request = outcome.state === WOULD_ISSUE && row.request ? serializeRequest(row.request) : null;
      await writer.writeRow(plan.row(row.cells, values));
    }
    await writer.commit();
  } catch (err) {
    await writer.abort();
    throw err;
  } finally {
    await input.close();
  }
  emit({ type: 'phase', phase: 'write', message: `Wrote ${counts.rows} row${counts.rows === 1 ? '' : 's'} to ${config.output.path}.` });
  return counts;
}

function outcomeOf(row: PreparedRow, ledger: Ledger, mode: { dryRun: boolean; stop?: RunStop }): RowOutcome {
  if (row.errors.length > 0) return { state: 'INVALID', error: row.errors.map((e) => e.message).join(' | ') };
  const record = ledger.get(row.reference);
  const result = record?.result;
  if (result && (result.fp === row.fingerprint || result.state === 'ISSUED')) {
    return { state: result.state, id: result.id, url: result.url, expiresAt: result.expiresAt ?? row.expiresAt, error: result.error };
  }
  if (mode.dryRun) return { state: WOULD_ISSUE, expiresAt: row.expiresAt };
  if (record?.inFlight) {
    return { state: 'UNCERTAIN', expiresAt: row.expiresAt, error: `the create for reference ${row.reference} was sent and its answer was lost; run the same command again to look for it` };
  }
  const why = mode.stop ? `not sent: ${mode.stop.message} Run the same command again to send it.` : 'not sent; run the same command again to send it';
  return { state: 'FAILED', expiresAt: row.expiresAt, error: why };
}
