import { describe, expect, test } from 'vitest';
import { neutraliseFormula, unneutralise } from '../../src/io/escape.js';

describe('neutraliseFormula', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+cmd|/c calc', "'+cmd|/c calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\n=1', "'\n=1"],
    ['-', "'-"],
    ['+57 300 123 4567', "'+57 300 123 4567"],
    ['-5 COP', "'-5 COP"],
  ])('escapes %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  test.each(['-5', '+5', '-1250000.50', '-1.250.000,50', '+3,5', '-0'])('keeps the plain number %j', (n) => {
    expect(neutraliseFormula(n)).toBe(n);
  });

  test.each(['', 'Juan Pérez', '1=1', 'a-b', 'https://checkout.example/x', "'quoted", '#REF!', ' =1'])(
    'leaves %j alone (safe first character)',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );

  test('a cell that already starts with quote(s) before a dangerous character gets one more, so the escape is reversible', () => {
    expect(neutraliseFormula("'=1+1")).toBe("''=1+1");
    expect(neutraliseFormula("''-5")).toBe("'''-5");
  });
});

describe('unneutralise', () => {
  test('strips only the quote neutraliseFormula added', () => {
    expect(unneutralise("'=1+1")).toBe('=1+1');
    expect(unneutralise("''=1+1")).toBe("'=1+1");
    expect(unneutralise("'quoted")).toBe("'quoted");
    expect(unneutralise("'")).toBe("'");
    expect(unneutralise('-5')).toBe('-5');
  });

  test('round-trips every string', () => {
    const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', '\n', '1', '.', ',', 'a', ' ', 'ñ'];
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const samples: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 6);
      samples.push(Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    }
    for (const text of samples) {
      const escaped = neutraliseFormula(text);
      expect(unneutralise(escaped)).toBe(text);
      // Nothing dangerous survives at the start unless it is a plain number.
      if (/^[=+\-@\t\r\n]/.test(escaped)) expect(escaped).toMatch(/^[+-]?\d+([.,]\d+)*$/);
    }
  });
});
