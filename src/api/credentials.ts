/**
 * Where the tool finds the service and the site's credentials.
 *
 * Credentials come from a JSON file (--credentials) or the environment
 * (PLACETOPAY_LOGIN, PLACETOPAY_SECRET_KEY), never from a flag: flags end up
 * in shell history and `ps` output. Nothing here ever echoes the secret.
 */
import { readFile, stat } from 'node:fs/promises';
import { rememberSecret } from '../secrets.js';
import { ConfigError } from './config-error.js';
import { BASE_URLS, type Credentials, type Environment } from './types.js';
import { say } from '../i18n/message.js';
import { config as configText } from '../i18n/messages/config.js';

export { ConfigError, isConfigError, type ConfigErrorCode } from './config-error.js';

export const LOGIN_VAR = 'PLACETOPAY_LOGIN';
export const SECRET_VAR = 'PLACETOPAY_SECRET_KEY';

const ENVIRONMENTS = Object.keys(BASE_URLS) as Environment[];

/** The base URL to use: an explicit --base-url wins over --env. No trailing slash. */
export function resolveBaseUrl(opts: { env?: Environment; baseUrl?: string }): string {
  if (opts.baseUrl !== undefined) return validateBaseUrl(opts.baseUrl);
  if (opts.env === undefined) {
    throw new ConfigError('ENV_MISSING', say(configText.envMissing, { envs: ENVIRONMENTS }));
  }
  if (!Object.hasOwn(BASE_URLS, opts.env)) {
    throw new ConfigError('ENV_INVALID', say(configText.envInvalid, { env: String(opts.env), envs: ENVIRONMENTS }));
  }
  return BASE_URLS[opts.env];
}

function validateBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError('BASE_URL_INVALID', say(configText.baseUrlNotUrl, { raw }));
  }
  // A URL with a user name or password would put a secret in logs; do not echo it.
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError('BASE_URL_INVALID', say(configText.baseUrlUserInfo));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('BASE_URL_INVALID', say(configText.baseUrlProtocol, { raw, protocol: url.protocol }));
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError('BASE_URL_INVALID', say(configText.baseUrlQuery, { raw }));
  }
  // Keep a path prefix (e.g. https://dev.placetopay.com/microsites), drop trailing slashes.
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export interface LoadedCredentials {
  credentials: Credentials;
  /** Things the user should fix but that do not stop the run (a file others can read). */
  warnings: string[];
}

/** Reads the credentials file when one is given, else the environment. */
export async function loadCredentials(opts: { file?: string; env: NodeJS.ProcessEnv }): Promise<LoadedCredentials> {
  const loaded = opts.file !== undefined ? await loadFromFile(opts.file) : { credentials: loadFromEnv(opts.env), warnings: [] };
  rememberSecret(loaded.credentials.secretKey);
  return loaded;
}

function loadFromEnv(env: NodeJS.ProcessEnv): Credentials {
  const login = env[LOGIN_VAR]?.trim() ?? '';
  const secretKey = env[SECRET_VAR]?.trim() ?? '';
  if (login !== '' && secretKey !== '') return { login, secretKey };
  const missing = [login === '' ? LOGIN_VAR : undefined, secretKey === '' ? SECRET_VAR : undefined].filter((v): v is string => v !== undefined);
  throw new ConfigError('CREDENTIALS_MISSING', say(configText.credentialsMissing, { missing, login: LOGIN_VAR, secret: SECRET_VAR }));
}

async function loadFromFile(file: string): Promise<LoadedCredentials> {
  const text = await readCredentialsFile(file);
  const credentials = parseCredentialsFile(file, text);
  const warnings: string[] = [];
  const loose = await looseMode(file);
  if (loose !== undefined) {
    warnings.push(say(configText.credentialsLoose, { file, mode: loose }));
  }
  return { credentials, warnings };
}

async function readCredentialsFile(file: string): Promise<string> {
  try {
    // Notepad on Windows writes a byte-order mark; JSON.parse rejects it.
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError('CREDENTIALS_FILE_UNREADABLE', say(configText.credentialsUnreadable, { file, code, login: LOGIN_VAR, secret: SECRET_VAR }));
  }
}

/** Spellings seen in the wild; Placetopay's own SDKs call the secret key `tranKey`. */
const LOGIN_KEYS = ['login'];
const SECRET_KEYS = ['secretKey', 'secret_key', 'secret', 'tranKey', 'trankey', 'tran_key'];

function parseCredentialsFile(file: string, text: string): Credentials {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's own message can quote the file's content (the secret): never pass it on.
    throw new ConfigError('CREDENTIALS_FILE_INVALID', say(configText.credentialsNotJson, { file }));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('CREDENTIALS_FILE_INVALID', say(configText.credentialsNotObject, { file }));
  }
  const record = parsed as Record<string, unknown>;
  const login = firstString(record, LOGIN_KEYS);
  const secretKey = firstString(record, SECRET_KEYS);
  const missing = [login === undefined ? '"login"' : undefined, secretKey === undefined ? '"secretKey"' : undefined];
  if (login === undefined || secretKey === undefined) {
    throw new ConfigError('CREDENTIALS_FILE_INVALID', say(configText.credentialsLack, { file, missing: missing.filter((m): m is string => m !== undefined) }));
  }
  return { login, secretKey };
}

function firstString(record: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** The file's permission bits as octal when group or others may read it; undefined when private. */
async function looseMode(file: string): Promise<string | undefined> {
  // Windows has no POSIX modes: stat reports 0o666 for every writable file.
  if (process.platform === 'win32') return undefined;
  const mode = (await stat(file)).mode & 0o777;
  return (mode & 0o077) === 0 ? undefined : mode.toString(8).padStart(3, '0');
}
