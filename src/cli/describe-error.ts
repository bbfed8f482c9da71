/**
 * Turns any error that reaches the top of a command into a message a person
 * can act on and an exit code, never a stack trace. Unknown errors say so and
 * point at --debug, which is the only way to see a stack.
 */
import { describeAuthFailure, isApiError } from '../api/errors.js';
import { PaylinksError } from '../errors.js';
import { say } from '../i18n/message.js';
import { options } from '../i18n/messages/options.js';
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
  // Their text is already the catalogue's (main.ts hands yargs its words, a broken --config file's included).
  if (err instanceof Error && err.name === 'YError') return { code: 'USAGE', message: err.message, exitCode: EXIT.USAGE };
  // A library's own message may quote what it was given: scrub it like our own.
  const message = redactSecrets(err instanceof Error ? err.message : String(err));
  return { code: 'INTERNAL', message: say(options.unexpected, { message }), exitCode: EXIT.STOPPED };
}
