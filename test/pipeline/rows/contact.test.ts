import { describe, expect, it } from 'vitest';
import { normalizePhone, validateEmail } from '../../../src/pipeline/rows/contact.js';
import type { Locale } from '../../../src/pipeline/types.js';

describe('validateEmail', () => {
  it.each(['ana@example.com', 'ana.perez+factura@empresa.com.co', 'x@sub-domain.example.org', 'josé@correo.co'])('accepts %s', (email) => {
    expect(validateEmail(email)).toEqual({ ok: true, value: email });
  });

  it.each([
    ['ana@', /not an email address/],
    ['ana.example.com', /not an email address/],
    ['ana @example.com', /without spaces/],
    ['ana@example', /not an email address/],
    ['ana@@example.com', /not an email address/],
    ['ana@-example.com', /not an email address/],
    ['a@x.com; b@y.com', /more than one address/],
    [`${'a'.repeat(250)}@x.com`, /256 characters long; an address has at most 254/],
  ])('refuses %s', (email, reason) => {
    const r = validateEmail(email);
    expect(r).toMatchObject({ ok: false, code: 'EMAIL_INVALID' });
    if (!r.ok) {
      expect(r.reason).toMatch(reason);
      expect(r.reason.startsWith(`"${email.slice(0, 60)}`)).toBe(true);
    }
  });
});

describe('normalizePhone', () => {
  it.each<[Locale, string, string]>([
    ['es-CO', '+57 300 123 4567', '+573001234567'],
    ['es-CO', '300-123-4567', '+573001234567'],
    ['es-CO', '3001234567', '+573001234567'],
    ['es-CO', '(300) 123 4567', '+573001234567'],
    ['es-CO', '573001234567', '+573001234567'],
    ['es-CO', '0057 300 123 4567', '+573001234567'],
    ['es-CO', '601 234 5678', '+576012345678'],
    ['es-CO', '+1 212 555 0100', '+12125550100'],
    ['es-CO', '+57\u00a0300\u00a0123\u00a04567', '+573001234567'],
    ['en-US', '(212) 555-0100', '+12125550100'],
    ['en-US', '212.555.0100', '+12125550100'],
    ['en-US', '1 212 555 0100', '+12125550100'],
    ['en-US', '+57 300 123 4567', '+573001234567'],
  ])('%s %s → %s', (locale, text, e164) => {
    expect(normalizePhone(text, locale)).toEqual({ ok: true, value: e164 });
  });

  it.each<[Locale, string]>([
    ['es-CO', '12345'],
    ['es-CO', '2001234567'],
    ['es-CO', '300123456'],
    ['es-CO', '+57 300 abc 4567'],
    ['es-CO', '+0 300 123 4567'],
    ['es-CO', '+1234567890123456'],
    ['en-US', '3001234'],
    ['en-US', '0123456789'],
    ['es-CO', 'ninguno'],
  ])('%s refuses %s', (locale, text) => {
    const r = normalizePhone(text, locale);
    expect(r).toMatchObject({ ok: false, code: 'PHONE_INVALID' });
    if (!r.ok) expect(r.reason).toMatch(new RegExp(`^"${text.replace(/[+()]/g, '\\$&')}" is not a phone number; write \\+ and the country code`));
  });
});
