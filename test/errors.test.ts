/**
 * The one error base: every family extends it, keeps a stable code, and
 * serialises only whitelisted fields with no secret in them — including an
 * ApiError made by the real client from a service answer that echoes the
 * request's credentials back.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PlacetopayClient } from '../src/api/client.js';
import { ConfigError } from '../src/api/config-error.js';
import { ApiError } from '../src/api/errors.js';
import { PaylinksError } from '../src/errors.js';
import { FileError } from '../src/io/errors.js';
import { LockError } from '../src/io/lock.js';
import { MappingError } from '../src/pipeline/rows/mapping-error.js';
import { TemplateError } from '../src/pipeline/rows/text-template.js';
import { RunError } from '../src/pipeline/run-error.js';
import { redactSecrets, rememberSecret } from '../src/secrets.js';

const SECRET = 'sEcReT-kEy-0123456789abcdef';
rememberSecret(SECRET);

const holder = { pid: 4242, hostname: 'caja-1', startedAt: '2027-01-15T10:00:00.000Z', command: 'paylinks issue x.csv', token: 't-1' };

/** One of each family, each built with the secret in its cause (which must never be serialised). */
const cases: Array<{ err: PaylinksError; name: string; code: string; fields: Record<string, unknown> }> = [
  {
    err: new ApiError('SERVER_ERROR', 'Placetopay answered 500.', { httpStatus: 500, operation: 'create', cause: new Error(SECRET) }),
    name: 'ApiError',
    code: 'SERVER_ERROR',
    fields: { httpStatus: 500, operation: 'create' },
  },
  { err: new ConfigError('ENV_MISSING', 'Say --env test or --env production.'), name: 'ConfigError', code: 'ENV_MISSING', fields: {} },
  {
    err: new FileError('CSV_MALFORMED', 'cuentas.csv', 'Row 4 has an unclosed quote.', { row: 4, column: 'Valor', cause: new Error(SECRET) }),
    name: 'FileError',
    code: 'CSV_MALFORMED',
    fields: { file: 'cuentas.csv', row: 4, column: 'Valor' },
  },
  { err: new LockError('LOCK_HELD', 'x.csv.lock', 'Another run holds x.csv.', holder), name: 'LockError', code: 'LOCK_HELD', fields: { file: 'x.csv.lock', holder } },
  { err: new MappingError('COLUMN_MISSING', 'x.csv', 'No amount column.'), name: 'MappingError', code: 'COLUMN_MISSING', fields: { file: 'x.csv' } },
  { err: new RunError('NO_ROWS', 'x.csv has no rows.'), name: 'RunError', code: 'NO_ROWS', fields: {} },
  { err: new TemplateError('TEMPLATE_INVALID', 'The template "{x}" uses {x}.'), name: 'TemplateError', code: 'TEMPLATE_INVALID', fields: {} },
];

describe('every error family extends PaylinksError', () => {
  it.each(cases)('$name: stable code, name, and exactly the whitelisted fields in toJSON', ({ err, name, code, fields }) => {
    expect(err).toBeInstanceOf(PaylinksError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(name);
    expect(err.code).toBe(code);
    const json = JSON.parse(JSON.stringify(err)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['code', 'message', 'name', ...Object.keys(fields)].sort());
    expect(json).toMatchObject({ name, code, message: err.message, ...fields });
    expect(JSON.stringify(err)).not.toContain(SECRET);
  });
});

describe('no secret in an error', () => {
  it('an ApiError carrying the secret in its cause, message and service body shows it nowhere', () => {
    const err = new ApiError('VALIDATION', `the service said: bad tranKey for ${SECRET}`, {
      httpStatus: 422,
      serviceMessage: `echo ${SECRET}`,
      fieldErrors: { 'auth.tranKey': [`${SECRET} is not valid`] },
      cause: { body: { auth: { secretKey: SECRET } } },
    });
    for (const text of [err.message, JSON.stringify(err), String(err), err.stack ?? '']) expect(text).not.toContain(SECRET);
    expect(err.message).toContain('[redacted]');
    const json = err.toJSON();
    expect(json).not.toHaveProperty('cause');
    expect(json).not.toHaveProperty('stack');
    expect(json.fieldErrors).toEqual({ 'auth.tranKey': ['[redacted] is not valid'] });
  });

  it('every family scrubs a secret from its message', () => {
    const errors = [
      new ConfigError('CREDENTIALS_FILE_INVALID', `x.json: ${SECRET}`),
      new FileError('FILE_UNREADABLE', 'x.csv', `cannot read ${SECRET}`),
      new LockError('LOCK_HELD', 'x.lock', `held by ${SECRET}`),
      new MappingError('MAP_INVALID', undefined, `--map ${SECRET}`),
      new RunError('BAD_OPTION', `--name ${SECRET}`),
      new TemplateError('TEMPLATE_INVALID', `{${SECRET}}`),
    ];
    for (const err of errors) {
      expect(err.message).not.toContain(SECRET);
      expect(JSON.stringify(err)).not.toContain(SECRET);
    }
  });

  it('short strings are never treated as secrets (they would eat ordinary words)', () => {
    rememberSecret('abc');
    expect(redactSecrets('abc def')).toBe('abc def');
  });

  it('the real client: a service answer echoing the secret key, tranKey and nonce yields an ApiError without them', async () => {
    const secretKey = 'echo-site-secret-9f8e7d6c5b4a';
    let seen: { tranKey: string; nonce: string } | undefined;
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const auth = (JSON.parse(body) as { auth: { tranKey: string; nonce: string } }).auth;
        seen = { tranKey: auth.tranKey, nonce: auth.nonce };
        const echo = `${secretKey} ${auth.tranKey} ${auth.nonce}`;
        res.writeHead(422, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: { status: 'FAILED', reason: 'XN', message: `Rejected: ${echo}` }, errors: { 'auth.tranKey': [`bad ${echo}`] } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = new PlacetopayClient({ baseUrl: `http://127.0.0.1:${port}`, credentials: { login: 'site-login', secretKey }, connections: 1 });
    try {
      const err = await client.get(17).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ApiError);
      expect(seen).toBeDefined();
      const apiError = err as ApiError;
      const texts = [apiError.message, JSON.stringify(apiError), String(apiError)];
      expect(texts.join('\n')).toContain('[redacted]');
      for (const text of texts) {
        for (const secret of [secretKey, seen?.tranKey ?? '', seen?.nonce ?? '']) expect(text).not.toContain(secret);
      }
    } finally {
      await client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
