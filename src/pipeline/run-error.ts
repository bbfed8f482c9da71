/**
 * Errors that stop a run before or while it works, with stable codes the CLI
 * maps to exit codes and that tests assert on.
 */
import { PaylinksError } from '../errors.js';
import { say } from '../i18n/message.js';
import { run } from '../i18n/messages/run.js';

export type RunErrorCode =
  /** The sheet says something else for rows already issued (or possibly issued): two versions must not mix. */
  | 'INPUT_CHANGED'
  /** The sheet has a header and no rows: almost always a failed export. */
  | 'NO_ROWS'
  /** --out names the input itself. */
  | 'OUTPUT_IS_INPUT'
  /** A flag or setting that cannot work (bad time zone, template, number). */
  | 'BAD_OPTION'
  /** reconcile: Excel's owner file `~$<name>` is beside the sheet (open in Excel); nothing was sent. */
  | 'SHEET_OPEN_IN_EXCEL'
  /** reconcile of folders: no sheet paylinks wrote was found in them; nothing was sent. */
  | 'NO_SHEETS'

  /** Links exist but the output sheet could not be written (exit 5; see issue/output-fault.ts). */
  | 'OUTPUT_NOT_WRITTEN';

export class RunError extends PaylinksError<RunErrorCode> {
  override readonly name = 'RunError';
}

export function noRowsError(path: string): RunError {
  return new RunError('NO_ROWS', say(run.noRows, { path }));
}
