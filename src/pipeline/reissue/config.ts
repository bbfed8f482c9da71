/**
 * What one `reissue` run is asked to do, built by the CLI from its flags.
 * Its own file so the passes (plan, write) depend on it, not on each other.
 */
import type { SheetFormat } from '../../io/types.js';
import type { IssuedSheetOptions } from '../reconcile/issued-sheet.js';
import type { EndOfDay } from '../rows/dates.js';
import type { RetryOptions } from '../service/retry.js';

export interface ReissueConfig {
  sheet: IssuedSheetOptions;
  /** The updated sheet (the sheet itself by default); in a dry run, the plan file. */
  output: { path: string; format: SheetFormat };
  lockPath: string;
  journalPath: string;
  eventsPath: string;
  due: { date: string; end: EndOfDay };
  /** `--amount-column`: the header of the column holding the new amount (late fees). */
  amountColumn?: string;
  timeZone: string;
  now: Date;
  dryRun: boolean;
  concurrency: number;
  rate?: number;
  retry: RetryOptions;
  probe: { window: number; settleMs: number };
  resendUncertain: boolean | string[];
  /** Shown in the journal's run entry; never credentials. */
  baseUrl: string;
}

