/**
 * Turns any error that reaches the top of a command into a message a person
 * can act on and an exit code, never a stack trace. Unknown errors say so and
 * point at --debug, which is the only way to see a stack.
 */
import { ApiError } from '../api/errors.js';
import { ConfigError } from '../api/config-error.js';
import { FileError } from '../io/errors.js';
import { LockError } from '../io/lock.js';
import { MappingError } from '../pipeline/rows/mapping-error.js';
import { RunError } from '../pipeline/run-error.js';
import { describeAuthFailure } from '../pipeline/issue/send.js';
import { EXIT, type ExitCode } from './exit-codes.js';

export interface Described {
  code: string;
  message: string;
  exitCode: ExitCode;
}

export function describeError(err: unknown): Described {
  if (err instanceof FileError) return { code: err.code, message: err.message, exitCode: EXIT.USAGE };
  if (err instanceof MappingError) return { code: err.code, message: err.message, exitCode: EXIT.USAGE };
  if (err instanceof ConfigError) return { code: err.code, message: err.message, exitCode: EXIT.USAGE };
  if (err instanceof RunError) {
    // Links exist: never exit 2 ("nothing was sent").
    return { code: err.code, message: err.message, exitCode: err.code === 'OUTPUT_NOT_WRITTEN' ? EXIT.OUTPUT_NOT_WRITTEN : EXIT.USAGE };
  }
  if (err instanceof LockError) return { code: err.code, message: err.message, exitCode: EXIT.LOCKED };
  if (err instanceof ApiError) {
    const message = err.code === 'AUTH_FAILED' ? describeAuthFailure(err) : err.message;
    return { code: err.code, message, exitCode: EXIT.STOPPED };
  }
  // yargs' own errors are about the command line or the --config file: usage, not a crash.
  if (err instanceof Error && err.name === 'YError') {
    const config = /Invalid JSON config file: (.*)$/.exec(err.message);
    const message = config ? `--config ${config[1]}: the file is missing or is not valid JSON.` : err.message;
    return { code: 'USAGE', message, exitCode: EXIT.USAGE };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `unexpected error: ${message} (run with --debug for details, and report it)`, exitCode: EXIT.STOPPED };
}
