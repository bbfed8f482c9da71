/**
 * The error thrown when the tool cannot be configured to talk to Placetopay:
 * no credentials, an unreadable or invalid credentials file, no environment,
 * a base URL that is not one. The CLI maps `code` to an exit code and prints
 * `message`, which always says exactly what to set, and never holds a secret.
 */
import { PaylinksError } from '../errors.js';

export type ConfigErrorCode =
  /** Neither a credentials file nor PLACETOPAY_LOGIN / PLACETOPAY_SECRET_KEY (or one of them is empty). */
  | 'CREDENTIALS_MISSING'
  /** The credentials file could not be read (missing, a folder, permission denied). */
  | 'CREDENTIALS_FILE_UNREADABLE'
  /** The credentials file is not JSON, or lacks a login or secret key. */
  | 'CREDENTIALS_FILE_INVALID'
  /** --base-url is not an http(s) URL. */
  | 'BASE_URL_INVALID'
  /** Neither --env nor --base-url was given. */
  | 'ENV_MISSING'
  /** --env is not one of the known environments. */
  | 'ENV_INVALID';

export class ConfigError extends PaylinksError<ConfigErrorCode> {
  override readonly name = 'ConfigError';
}

export function isConfigError(err: unknown, code?: ConfigErrorCode): err is ConfigError {
  return err instanceof ConfigError && (code === undefined || err.code === code);
}
