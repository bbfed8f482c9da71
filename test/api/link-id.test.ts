import { describe, expect, it } from 'vitest';
import { parseLinkId } from '../../src/api/link-id.js';

describe('parseLinkId: decimal digits only, never another id', () => {
  it.each([
    [1010, 1010],
    ['1010', 1010],
    ['1', 1],
    ['999999999999999', 999999999999999],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  ])('accepts %j as %d', (value, id) => {
    expect(parseLinkId(value)).toEqual({ ok: true, id });
  });

  it.each([
    ['0x3F3'], // Number() reads 1011
    ['1010 '], // Number() reads 1010, but a person typed something else too
    [' 1010'],
    ['1e3'], // Number() reads 1000
    ['01010'], // a leading zero: not how the service writes an id
    ['0'],
    ['-5'],
    ['+5'],
    ['10.0'],
    ['1_000'],
    ['１０１０'], // full-width digits
    ['1234567890123456'], // 16 digits: past what a double holds exactly
    [''],
    [0],
    [-3],
    [10.5],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [2 ** 53],
    [null],
    [undefined],
    [true],
    [{ id: 5 }],
  ])('refuses %j with a reason', (value) => {
    const parsed = parseLinkId(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/decimal digits/);
  });
});
