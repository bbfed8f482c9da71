/**
 * The base of every error paylinks throws on purpose. Each family (ApiError,
 * FileError, …) extends it with its own stable codes; the CLI turns the
 * family into an exit code in one table (src/cli/exit-codes.ts) and prints
 * `message`. Nothing here knows about exit codes, so io and api can throw
 * these without importing the CLI.
 *
 * Secrets: `message` is scrubbed of every secret the process holds when the
 * error is made, and `toJSON` writes only the whitelisted fields (never
 * `cause`, never a stack), scrubbed again — so an error logged as JSON, written
 * to a journal or printed can never carry the secret key.
 */
import { redactDeep, redactSecrets } from './secrets.js';

/** Every family of error. The exit-code table has one entry per family, so a new one cannot be forgotten. */
export type ErrorFamily = 'ApiError' | 'ConfigError' | 'FileError' | 'LockError' | 'MappingError' | 'RunError' | 'TemplateError';

export abstract class PaylinksError<Code extends string = string> extends Error {
  abstract override readonly name: ErrorFamily;
  readonly code: Code;

  constructor(code: Code, message: string, options: { cause?: unknown } = {}) {
    super(redactSecrets(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }

  /**
   * The fields beyond name, code and message that are safe to show anywhere
   * (a file name, a row, an HTTP status). A family lists its own; nothing
   * else is ever serialised.
   */
  protected safeFields(): Record<string, unknown> {
    return {};
  }

  toJSON(): Record<string, unknown> {
    return redactDeep({ name: this.name, code: this.code, message: this.message, ...this.safeFields() }) as Record<string, unknown>;
  }
}

export function isPaylinksError(err: unknown): err is PaylinksError {
  return err instanceof PaylinksError;
}
