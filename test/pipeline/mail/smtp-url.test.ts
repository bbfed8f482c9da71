import { describe, expect, it } from 'vitest';
import { parseSmtpUrl, redact } from '../../../src/pipeline/mail/smtp-url.js';
import { RunError } from '../../../src/pipeline/run-error.js';

describe('parseSmtpUrl', () => {
  it.each([
    ['smtp://mail.empresa.co', {}, { host: 'mail.empresa.co', port: 587, secure: false, requireTLS: false, user: undefined, password: undefined, display: 'smtp://mail.empresa.co:587' }],
    ['smtps://cartera@mail.empresa.co', { SMTP_PASSWORD: 's3cret' }, { port: 465, secure: true, requireTLS: false, user: 'cartera', password: 's3cret', display: 'smtps://cartera@mail.empresa.co:465' }],
    // A password to another machine over smtp:// requires STARTTLS…
    ['smtp://cartera@mail.empresa.co:2525', { SMTP_PASSWORD: 's3cret' }, { port: 2525, requireTLS: true }],
    // …unless the URL relaxes it, or the server is this machine.
    ['smtp://cartera@mail.empresa.co?starttls=auto', { SMTP_PASSWORD: 's3cret' }, { requireTLS: false }],
    ['smtp://cartera@127.0.0.1:2525', { SMTP_PASSWORD: 's3cret' }, { requireTLS: false, host: '127.0.0.1' }],
    ['smtp://relay.local?starttls=required', {}, { requireTLS: true }],
    // The URL's password wins over the environment; encoded characters are decoded.
    ['smtp://cartera%40empresa.co:p%40ss%3Aw@mail.empresa.co', { SMTP_PASSWORD: 'other' }, { user: 'cartera@empresa.co', password: 'p@ss:w', display: 'smtp://cartera@empresa.co@mail.empresa.co:587' }],
    ['smtp://[::1]:25', {}, { host: '::1', port: 25 }],
  ])('%s', (url, env, expected) => {
    expect(parseSmtpUrl(url, env)).toMatchObject(expected);
  });

  it.each([
    ['http://mail.empresa.co', /starts with "http:"/],
    ['mail.empresa.co', /is not a URL|starts with/],
    ['smtp://:secret@mail.empresa.co', /has a password but no user name/],
    ['smtp://u@mail.empresa.co?starttls=no', /starttls=no/],
    ['smtp://u@mail.empresa.co?pool=true', /unknown setting "pool"/],
  ])('refuses %s, never echoing a password', (url, message) => {
    let thrown: unknown;
    try {
      parseSmtpUrl(url, {});
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(RunError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('secret');
  });
});

describe('redact', () => {
  const settings = { user: 'cartera', password: 'p@ss w0rd' };
  it.each([
    ['Invalid login for p@ss w0rd', 'Invalid login for ***'],
    [`AUTH PLAIN ${Buffer.from('\u0000cartera\u0000p@ss w0rd').toString('base64')}`, 'AUTH PLAIN ***'],
    [`334 ${Buffer.from('p@ss w0rd').toString('base64')}`, '334 ***'],
    ['smtp://cartera:p%40ss%20w0rd@host', 'smtp://cartera:***@host'],
    ['nothing secret', 'nothing secret'],
  ])('%s', (text, expected) => {
    expect(redact(text, settings)).toBe(expected);
  });
  it('leaves text alone when there is no password', () => {
    expect(redact('hello', { user: undefined, password: undefined })).toBe('hello');
  });
});
