import { chmod, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadCredentials, resolveBaseUrl } from '../../src/api/credentials.js';
import { BASE_URLS } from '../../src/api/types.js';

const SECRET = 'SnZP3D63n3I9dH9O';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paylinks-credentials-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function credentialsFile(name: string, content: string, mode: number): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content, 'utf8');
  await chmod(file, mode);
  return file;
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  const err: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigError);
  const error = err as ConfigError;
  expect(error.message).not.toContain(SECRET);
  expect(JSON.stringify(error)).not.toContain(SECRET);
  return error;
}

describe('resolveBaseUrl', () => {
  it('maps each environment to its published base URL', () => {
    expect(resolveBaseUrl({ env: 'test' })).toBe(BASE_URLS.test);
    expect(resolveBaseUrl({ env: 'production' })).toBe('https://sites.placetopay.com');
  });

  it('prefers --base-url, keeps its path prefix and drops trailing slashes', () => {
    expect(resolveBaseUrl({ env: 'production', baseUrl: 'http://127.0.0.1:4010/' })).toBe('http://127.0.0.1:4010');
    expect(resolveBaseUrl({ baseUrl: 'https://dev.placetopay.com/microsites//' })).toBe('https://dev.placetopay.com/microsites');
  });

  it('rejects what is not an http(s) URL, with a typed error', () => {
    for (const baseUrl of ['sites-test.placetopay.com', 'ftp://example.com', 'https://x.test/?a=1', 'not a url']) {
      expect(() => resolveBaseUrl({ baseUrl })).toThrow(expect.objectContaining({ code: 'BASE_URL_INVALID' }));
    }
  });

  it('never echoes a password given in the URL', () => {
    try {
      resolveBaseUrl({ baseUrl: `https://user:${SECRET}@example.com` });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).code).toBe('BASE_URL_INVALID');
      expect((err as Error).message).not.toContain(SECRET);
    }
  });

  it('asks for --env or --base-url when neither is given', () => {
    expect(() => resolveBaseUrl({})).toThrow(expect.objectContaining({ code: 'ENV_MISSING' }));
    expect(() => resolveBaseUrl({})).toThrow(/--env test or --env production, or --base-url/);
    expect(() => resolveBaseUrl({ env: 'staging' as 'test' })).toThrow(expect.objectContaining({ code: 'ENV_INVALID' }));
  });
});

describe('loadCredentials from the environment', () => {
  it('reads PLACETOPAY_LOGIN and PLACETOPAY_SECRET_KEY', async () => {
    const loaded = await loadCredentials({ env: { PLACETOPAY_LOGIN: ' site-login ', PLACETOPAY_SECRET_KEY: `${SECRET}\n` } });
    expect(loaded).toEqual({ credentials: { login: 'site-login', secretKey: SECRET }, warnings: [] });
  });

  it('says exactly which variable is missing', async () => {
    const onlyLogin = await configError(loadCredentials({ env: { PLACETOPAY_LOGIN: 'site-login' } }));
    expect(onlyLogin.code).toBe('CREDENTIALS_MISSING');
    expect(onlyLogin.message).toMatch(/PLACETOPAY_SECRET_KEY is not set/);
    const none = await configError(loadCredentials({ env: { PLACETOPAY_SECRET_KEY: SECRET, PLACETOPAY_LOGIN: '  ' } }));
    expect(none.message).toMatch(/PLACETOPAY_LOGIN is not set/);
    const neither = await configError(loadCredentials({ env: {} }));
    expect(neither.message).toMatch(/PLACETOPAY_LOGIN and PLACETOPAY_SECRET_KEY are not set.*--credentials/);
  });
});

describe('loadCredentials from a file', () => {
  it('reads a private (600) file without warnings, ignoring the environment', async () => {
    const file = await credentialsFile('private.json', JSON.stringify({ login: 'file-login', secretKey: SECRET }), 0o600);
    const loaded = await loadCredentials({ file, env: { PLACETOPAY_LOGIN: 'env-login', PLACETOPAY_SECRET_KEY: 'x' } });
    expect(loaded).toEqual({ credentials: { login: 'file-login', secretKey: SECRET }, warnings: [] });
  });

  it.skipIf(process.platform === 'win32')('warns, naming the file and chmod 600, when others can read it (644)', async () => {
    const file = await credentialsFile('shared.json', JSON.stringify({ login: 'file-login', secretKey: SECRET }), 0o644);
    const loaded = await loadCredentials({ file, env: {} });
    expect(loaded.credentials.secretKey).toBe(SECRET);
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]).toContain(file);
    expect(loaded.warnings[0]).toContain('chmod 600');
    expect(loaded.warnings[0]).toContain('644');
    expect(loaded.warnings[0]).not.toContain(SECRET);
  });

  it('accepts secret_key and the SDKs\' tranKey spelling, and a byte-order mark', async () => {
    const snake = await credentialsFile('snake.json', JSON.stringify({ login: 'a', secret_key: SECRET }), 0o600);
    expect((await loadCredentials({ file: snake, env: {} })).credentials).toEqual({ login: 'a', secretKey: SECRET });
    const sdk = await credentialsFile('sdk.json', `\uFEFF${JSON.stringify({ login: 'b', tranKey: SECRET })}`, 0o600);
    expect((await loadCredentials({ file: sdk, env: {} })).credentials).toEqual({ login: 'b', secretKey: SECRET });
  });

  it('rejects a file that is not JSON without quoting its content', async () => {
    const file = await credentialsFile('broken.json', `{"login": "a", "secretKey": "${SECRET}",}`, 0o600);
    const err = await configError(loadCredentials({ file, env: {} }));
    expect(err.code).toBe('CREDENTIALS_FILE_INVALID');
    expect(err.message).toContain(file);
    expect(err.message).toContain('{"login": "...", "secretKey": "..."}');
  });

  it('names the missing key', async () => {
    const file = await credentialsFile('no-secret.json', JSON.stringify({ login: 'a', secretKey: '' }), 0o600);
    const err = await configError(loadCredentials({ file, env: {} }));
    expect(err.code).toBe('CREDENTIALS_FILE_INVALID');
    expect(err.message).toMatch(/lacks "secretKey"/);
    const array = await credentialsFile('array.json', '["a"]', 0o600);
    expect((await configError(loadCredentials({ file: array, env: {} }))).code).toBe('CREDENTIALS_FILE_INVALID');
  });

  it('reports a missing file or a folder as unreadable', async () => {
    const missing = await configError(loadCredentials({ file: join(dir, 'nope.json'), env: {} }));
    expect(missing.code).toBe('CREDENTIALS_FILE_UNREADABLE');
    expect(missing.message).toMatch(/nope\.json: it does not exist/);
    const folder = join(dir, 'a-folder');
    await mkdir(folder);
    expect((await configError(loadCredentials({ file: folder, env: {} }))).code).toBe('CREDENTIALS_FILE_UNREADABLE');
  });
});
