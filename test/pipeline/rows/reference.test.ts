import { describe, expect, it } from 'vitest';
import { deriveReference, validateReference } from '../../../src/pipeline/rows/reference.js';

describe('validateReference', () => {
  it.each(['FAC-001', 'a', '2027', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'])('accepts %s', (ref) => {
    expect(validateReference(ref)).toEqual({ ok: true, reference: ref });
  });

  it('refuses spaces, saying so', () => {
    const r = validateReference('FAC 001');
    expect(r).toMatchObject({ ok: false, code: 'REFERENCE_INVALID' });
    if (!r.ok) expect(r.reason).toMatch(/"FAC 001" contains spaces, which are not accepted; .*letters A–Z, digits and hyphens/);
  });

  it.each([['FAC_001', '_'], ['FACTURA#1', '#'], ['FACTURAÑ1', 'Ñ'], ['FAC/1', '/']])('names the bad character in %s', (ref, bad) => {
    const r = validateReference(ref);
    expect(r).toMatchObject({ ok: false, code: 'REFERENCE_INVALID' });
    if (!r.ok) expect(r.reason).toContain(`contains "${bad}"`);
  });

  it('refuses 33 characters, naming the length', () => {
    const r = validateReference('A'.repeat(33));
    expect(r).toMatchObject({ ok: false, code: 'REFERENCE_TOO_LONG' });
    if (!r.ok) expect(r.reason).toMatch(/is 33 characters long; .*up to 32/);
  });

  it('reports an empty reference as missing', () => {
    expect(validateReference('')).toMatchObject({ ok: false, code: 'REFERENCE_MISSING' });
  });
});

describe('deriveReference', () => {
  const row = { name: 'Ana Pérez', amount: '1250000.5', dueDate: '2027-03-15', email: 'ana@example.com', phone: '+573001234567', description: 'Marzo' };

  it('is PL- and 12 base32 characters, valid as a reference', () => {
    const ref = deriveReference(row, 1);
    expect(ref).toMatch(/^PL-[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(validateReference(ref).ok).toBe(true);
  });

  it('is stable across runs (a pinned value, computed independently) and independent of object identity', () => {
    expect(deriveReference({ ...row }, 1)).toBe(deriveReference(row, 1));
    expect(deriveReference(row, 1)).toMatchInlineSnapshot(`"PL-QNYNPDZ8CYRK"`);
  });

  it('changes with any value of the row', () => {
    const base = deriveReference(row, 1);
    for (const key of Object.keys(row) as Array<keyof typeof row>) {
      expect(deriveReference({ ...row, [key]: `${row[key]}x` }, 1)).not.toBe(base);
    }
  });

  it('keeps field boundaries: moving text between fields changes the hash', () => {
    expect(deriveReference({ name: 'ab', amount: '1' }, 1)).not.toBe(deriveReference({ name: 'a', amount: 'b1' }, 1));
  });

  it('numbers identical rows with -2, -3…', () => {
    const base = deriveReference(row, 1);
    expect(deriveReference(row, 2)).toBe(`${base}-2`);
    expect(deriveReference(row, 3)).toBe(`${base}-3`);
    expect(validateReference(deriveReference(row, 99)).ok).toBe(true);
  });
});

describe('long values in messages', () => {
  it('quotes a huge reference cut short, with its length', () => {
    const r = validateReference('R'.repeat(10_000));
    expect(r).toMatchObject({ ok: false, code: 'REFERENCE_TOO_LONG' });
    if (!r.ok) {
      expect(r.reason.length).toBeLessThan(250);
      expect(r.reason).toContain(`"${'R'.repeat(60)}…" is 10000 characters long`);
    }
  });
});
