/**
 * Turns any error that reaches the top of a command into a message a person
 * can act on and an exit code, never a stack trace. Unknown errors say so and
 * point at --debug, which is the only way to see a stack.
 */
import { describeAuthFailure, isApiError } from '../api/errors.js';
import { PaylinksError } from '../errors.js';
import { redactSecrets } from '../secrets.js';
import { EXIT, exitCodeOfError, type ExitCode } from './exit-codes.js';

export interface Described {
  code: string;
  message: string;
  exitCode: ExitCode;
}

export function describeError(err: unknown): Described {
  if (err instanceof PaylinksError) {
    const message = isApiError(err, 'AUTH_FAILED') ? describeAuthFailure(err) : err.message;
    return { code: err.code, message, exitCode: exitCodeOfError(err) };
  }
  // yargs' own errors are about the command line or the --config file: usage, not a crash.
  if (err instanceof Error && err.name === 'YError') {
    const config = /Invalid JSON config file: (.*)$/.exec(err.message);
    const message = config ? `--config ${config[1]}: the file is missing or is not valid JSON.` : err.message;
    return { code: 'USAGE', message, exitCode: EXIT.USAGE };
  }
  // A library's own message may quote what it was given: scrub it like our own.
  const message = redactSecrets(err instanceof Error ? err.message : String(err));
  return { code: 'INTERNAL', message: `unexpected error: ${message} (run with --debug for details, and report it)`, exitCode: EXIT.STOPPED };
}
