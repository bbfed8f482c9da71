/**
 * Exit codes, the same for every command, documented in the README.
 * Cron wrappers and scripts branch on them, so they never change meaning.
 */
import type { ErrorFamily } from '../errors.js';

export const EXIT = {
  /** Every row reached the state asked for (issue: ISSUED; dry run: valid). */
  OK: 0,
  /** The run finished, but some rows did not (INVALID, FAILED, UNCERTAIN; reconcile: links not queried). */
  SOME_ROWS: 1,
  /** Bad usage, configuration or input: nothing was sent. */
  USAGE: 2,
  /** An error that affects every row stopped the run (authentication, the service down after retries). */
  STOPPED: 3,
  /** Another run holds the lock on this output (reconcile without --wait, or a second issue). */
  LOCKED: 4,
  /** Links were created but the output could not be written: run the same command with the same --out. */
  OUTPUT_NOT_WRITTEN: 5,
  /** The terminal hung up (SIGHUP) during the run; the same command finishes the work. */
  HANGUP: 129,
  /** Interrupted with Ctrl-C; the same command finishes the work. */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * The exit code of each error family: the one place that decides it. Every
 * family is "nothing was sent, fix the input" (2) except a lock held by
 * another run (4) and the service refusing everything (3); a code listed in
 * EXIT_OF_CODE overrides its family's.
 */
export const EXIT_OF_ERROR: Record<ErrorFamily, ExitCode> = {
  FileError: EXIT.USAGE,
  MappingError: EXIT.USAGE,
  ConfigError: EXIT.USAGE,
  RunError: EXIT.USAGE,
  TemplateError: EXIT.USAGE,
  LockError: EXIT.LOCKED,
  ApiError: EXIT.STOPPED,
};

/** Codes whose exit differs from their family's: links exist, so never 2 ("nothing was sent"). */
const EXIT_OF_CODE: Readonly<Record<string, ExitCode>> = {
  OUTPUT_NOT_WRITTEN: EXIT.OUTPUT_NOT_WRITTEN,
};

export function exitCodeOfError(err: { name: ErrorFamily; code: string }): ExitCode {
  return EXIT_OF_CODE[err.code] ?? EXIT_OF_ERROR[err.name];
}
