import { describe, expect, it } from 'vitest';
import { classifyFailure, smtpFields, type FailureKind, type SmtpErrorFields } from '../../../src/pipeline/mail/classify.js';

describe('classifyFailure', () => {
  const cases: Array<[string, SmtpErrorFields, FailureKind]> = [
    ['535 bad credentials', { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }, 'AUTH'],
    ['EAUTH without a code', { code: 'EAUTH', command: 'API' }, 'AUTH'],
    ['no credentials', { code: 'ENOAUTH' }, 'AUTH'],
    ['530 authentication required at MAIL', { code: 'EENVELOPE', responseCode: 530, command: 'MAIL FROM' }, 'AUTH'],
    ['421 busy at greeting', { code: 'ECONNECTION', responseCode: 421, command: 'CONN' }, 'TEMPORARY'],
    ['451 after the body', { code: 'EMESSAGE', responseCode: 451, command: 'DATA' }, 'TEMPORARY'],
    ['452 mailbox full', { code: 'EENVELOPE', responseCode: 452, command: 'RCPT TO' }, 'TEMPORARY'],
    ['550 no such user', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' }, 'PERMANENT'],
    ['554 rejected body', { code: 'EMESSAGE', responseCode: 554, command: 'DATA' }, 'PERMANENT'],
    ['connection refused', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' }, 'NOT_SENT'],
    ['no such host', { code: 'EDNS', originalCode: 'ENOTFOUND' }, 'NOT_SENT'],
    ['TLS refused', { code: 'ETLS' }, 'NOT_SENT'],
    ['connect timeout', { code: 'ETIMEDOUT', timeoutType: 'CONNECT_TIMEOUT' }, 'NOT_SENT'],
    ['greeting timeout', { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }, 'NOT_SENT'],
    ['socket timeout mid-session', { code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT', command: 'CONN' }, 'OUTCOME_UNKNOWN'],
    ['connection closed mid-message', { code: 'ECONNECTION', command: 'CONN' }, 'OUTCOME_UNKNOWN'],
    ['reset mid-message', { code: 'ESOCKET', originalCode: 'ECONNRESET', command: 'CONN' }, 'OUTCOME_UNKNOWN'],
    ['something else', {}, 'OUTCOME_UNKNOWN'],
  ];
  it.each(cases)('%s → %s', (_name, fields, kind) => {
    expect(classifyFailure(fields)).toBe(kind);
  });

  it('reads the fields nodemailer sets on an Error, and nothing from a non-object', () => {
    const err = Object.assign(new Error('x'), { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', originalCode: 7 });
    expect(smtpFields(err)).toEqual({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', originalCode: undefined, timeoutType: undefined });
    expect(smtpFields('boom')).toEqual({});
  });
});
