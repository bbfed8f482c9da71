/**
 * The exit code of `reconcile`: of one sheet, and of several in one run
 * (the worst of the sheets'). Pure, so the order is tested as a table.
 */
import type { ReconcileSummary } from '../pipeline/reconcile/run.js';
import { EXIT, type ExitCode } from './exit-codes.js';

export function exitCodeOf(summary: ReconcileSummary): ExitCode {
  if (summary.stop?.reason === 'INTERRUPTED') return EXIT.INTERRUPTED;
  if (summary.stop) return EXIT.STOPPED;
  // The sheet changed while reconcile ran: the result is beside it, not in it.
  if (summary.sheetChanged) return EXIT.SOME_ROWS;
  return summary.problemCount > 0 ? EXIT.SOME_ROWS : EXIT.OK;
}

/**
 * Worst first: interrupted (130, 129), stopped for every sheet (3), links whose
 * result could not be written (5), a sheet another run held (4), a sheet that
 * could not be reconciled at all (2), rows or a sheet that need a person (1), all well (0).
 */
export const EXIT_SEVERITY: readonly ExitCode[] = [
  EXIT.INTERRUPTED,
  EXIT.HANGUP,
  EXIT.STOPPED,
  EXIT.OUTPUT_NOT_WRITTEN,
  EXIT.LOCKED,
  EXIT.USAGE,
  EXIT.SOME_ROWS,
  EXIT.OK,
];

/**
 * The run's code: the worst sheet's. Exit 2 promises "nothing was sent", so a sheet refused with 2
 * counts as 1 when the run did send requests for other sheets.
 */
export function worstExitCode(codes: readonly ExitCode[], sentAnything: boolean): ExitCode {
  let worst: ExitCode = EXIT.OK;
  for (const raw of codes) {
    const code = raw === EXIT.USAGE && sentAnything ? EXIT.SOME_ROWS : raw;
    if (rank(code) < rank(worst)) worst = code;
  }
  return worst;
}

function rank(code: ExitCode): number {
  const i = EXIT_SEVERITY.indexOf(code);
  return i < 0 ? 0 : i;
}
