/**
 * describe-error: every error family → its code, its message and the exit
 * code from the one table; auth failures explain their cause; yargs and
 * unexpected errors.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/api/config-error.js';
import { ApiError } from '../../src/api/errors.js';
import { describeError } from '../../src/cli/describe-error.js';
import { EXIT_OF_ERROR } from '../../src/cli/exit-codes.js';
import { FileError } from '../../src/io/errors.js';
import { LockError } from '../../src/io/lock.js';
import { MappingError } from '../../src/pipeline/rows/mapping-error.js';
import { TemplateError } from '../../src/pipeline/rows/text-template.js';
import { RunError } from '../../src/pipeline/run-error.js';
import { rememberSecret } from '../../src/secrets.js';
import { setLang } from '../../src/i18n/current.js';

const table = [
  { err: new FileError('FILE_NOT_FOUND', 'x.csv', 'x.csv does not exist.'), code: 'FILE_NOT_FOUND', exitCode: 2 },
  { err: new MappingError('HEADER_NOT_FOUND', 'x.csv', 'No header.'), code: 'HEADER_NOT_FOUND', exitCode: 2 },
  { err: new ConfigError('CREDENTIALS_MISSING', 'No credentials.'), code: 'CREDENTIALS_MISSING', exitCode: 2 },
  { err: new RunError('BAD_OPTION', '--rate must be positive.'), code: 'BAD_OPTION', exitCode: 2 },
  { err: new TemplateError('TEMPLATE_INVALID', 'The template uses {x}.'), code: 'TEMPLATE_INVALID', exitCode: 2 },
  { err: new LockError('LOCK_HELD', 'x.csv.lock', 'Another run holds x.csv.'), code: 'LOCK_HELD', exitCode: 4 },
  { err: new ApiError('SERVER_ERROR', 'Placetopay answered 503.', { httpStatus: 503 }), code: 'SERVER_ERROR', exitCode: 3 },
];

describe('describeError', () => {
  it.each(table)('$err.name $code → exit $exitCode, its own message', ({ err, code, exitCode }) => {
    expect(describeError(err)).toEqual({ code, message: err.message, exitCode });
  });

  it('the table covers every family the tests build', () => {
    expect(Object.keys(EXIT_OF_ERROR).sort()).toEqual([...new Set(table.map((t) => t.err.name))].sort());
  });

  it('an authentication failure names its cause and says nothing more was sent', () => {
    const described = describeError(new ApiError('AUTH_FAILED', 'Authentication failed.', { httpStatus: 401, authCode: 102 }));
    expect(described.exitCode).toBe(3);
    expect(described.message).toBe('Authentication failed (code 102: the tranKey does not match (wrong secret key for this login?)). Nothing more was sent.');
    expect(describeError(new ApiError('AUTH_FAILED', 'x', { httpStatus: 401 })).message).toContain('malformed authentication');
  });

  it("yargs' errors are usage (2), their message as yargs wrote it (in the catalogue's words: see test/cli/help.test.ts)", () => {
    const yError = Object.assign(new Error('--config /tmp/p.json: the file is missing or is not valid JSON.'), { name: 'YError' });
    expect(describeError(yError)).toEqual({ code: 'USAGE', message: '--config /tmp/p.json: the file is missing or is not valid JSON.', exitCode: 2 });
  });

  it('an unexpected error is INTERNAL (3), points at --debug, and is scrubbed of secrets', () => {
    rememberSecret('unexpected-secret-123456');
    const described = describeError(new TypeError('cannot read unexpected-secret-123456'));
    expect(described.code).toBe('INTERNAL');
    expect(described.exitCode).toBe(3);
    expect(described.message).toContain('--debug');
    expect(described.message).not.toContain('unexpected-secret-123456');
    expect(describeError('a string').message).toContain('a string');
  });

  it('an unexpected error speaks the run\'s language', () => {
    setLang('es');
    try {
      expect(describeError(new TypeError('x is not a function')).message).toBe(
        'error inesperado: x is not a function (ejecute con --debug para ver los detalles, y repórtelo)',
      );
    } finally {
      setLang('en');
    }
    expect(describeError(new TypeError('x is not a function')).message).toBe('unexpected error: x is not a function (run with --debug for details, and report it)');
  });
});
