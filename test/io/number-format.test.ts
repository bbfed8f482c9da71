import { describe, expect, it } from 'vitest';
import { describeNumberFormat, displayNumber, isDateFormat, roundDecimal } from '../../src/io/read/number-format.js';

describe('describeNumberFormat: the currency a format shows', () => {
  it.each([
    // What Excel, LibreOffice, openpyxl and xlsxwriter write.
    ['[$USD-409] #,##0.00', { currency: 'USD', displayDecimals: 2 }],
    ['[$USD] #,##0.00', { currency: 'USD', displayDecimals: 2 }],
    ['"US$"#,##0.00', { currency: 'USD', displayDecimals: 2 }],
    ['US$#,##0.00', { currency: 'USD', displayDecimals: 2 }],
    ['#,##0.00 €', { currency: 'EUR', displayDecimals: 2 }],
    ['#,##0.00\\ [$€-C0A]', { currency: 'EUR', displayDecimals: 2 }],
    ['[$€-x-euro2] #,##0.00', { currency: 'EUR', displayDecimals: 2 }],
    ['[$COP] #,##0', { currency: 'COP', displayDecimals: 0 }],
    ['[$COP]\\ #,##0', { currency: 'COP', displayDecimals: 0 }],
    ['"COP" #,##0', { currency: 'COP', displayDecimals: 0 }],
    ['[$$-240A] #,##0', { currency: 'COP', displayDecimals: 0 }], // es-CO peso
    ['[$$-409]#,##0.00', { currency: 'USD', displayDecimals: 2 }], // en-US dollar
    ['"$"#,##0', { dollarSign: true, displayDecimals: 0 }],
    ['$ #,##0.00', { dollarSign: true, displayDecimals: 2 }],
    ['\\$#,##0', { dollarSign: true, displayDecimals: 0 }],
    ['_-"$"* #,##0.00_-;\\-"$"* #,##0.00_-;_-"$"* "-"??_-;_-@_-', { dollarSign: true, displayDecimals: 2 }],
    ['#,##0', { displayDecimals: 0 }],
    ['#,##0.000', { displayDecimals: 3 }],
    ['0%', { displayDecimals: 0, scale: 100 }],
    ['"IVA incl." #,##0', { displayDecimals: 0 }], // a word is not a currency
    ['[$-409]#,##0.00', { displayDecimals: 2 }], // a locale alone
  ])('%s', (code, expected) => {
    expect(describeNumberFormat(code)).toEqual({ numFmt: code, ...expected });
  });

  it.each<[string, Record<string, unknown>]>([
    // Latin-American signs: colones, soles, bolivianos/bolívares, quetzales, lempiras, guaraníes, reales, pesos dominicanos.
    ['[$₡-140A] #,##0.00', { currency: 'CRC', displayDecimals: 2 }],
    ['₡#,##0', { currency: 'CRC', displayDecimals: 0 }],
    ['"S/" #,##0.00', { currency: 'PEN', displayDecimals: 2 }],
    ['"S/." #,##0.00', { currency: 'PEN', displayDecimals: 2 }],
    ['[$S/.-280A] #,##0.00', { currency: 'PEN', displayDecimals: 2 }],
    ['[$PEN] #,##0.00', { currency: 'PEN', displayDecimals: 2 }],
    ['"Bs" #,##0.00', { currencyOneOf: ['BOB', 'VES'], displayDecimals: 2 }], // Bolivia or Venezuela
    ['"Bs." #,##0.00', { currencyOneOf: ['BOB', 'VES'], displayDecimals: 2 }],
    ['[$Bs-400A] #,##0.00', { currency: 'BOB', displayDecimals: 2 }], // es-BO settles it
    ['[$Bs.-200A] #,##0.00', { currency: 'VES', displayDecimals: 2 }], // es-VE
    ['"Bs.S" #,##0.00', { currency: 'VES', displayDecimals: 2 }],
    ['"Q"#,##0.00', { currency: 'GTQ', displayDecimals: 2 }],
    ['[$Q-100A] #,##0.00', { currency: 'GTQ', displayDecimals: 2 }],
    ['[$L-480A] #,##0.00', { currency: 'HNL', displayDecimals: 2 }],
    ['"L." #,##0.00', { currency: 'HNL', displayDecimals: 2 }],
    ['[$₲-3C0A] #,##0', { currency: 'PYG', displayDecimals: 0 }],
    ['"Gs." #,##0', { currency: 'PYG', displayDecimals: 0 }],
    ['"R$" #,##0.00', { currency: 'BRL', displayDecimals: 2 }],
    ['[$R$-416] #,##0.00', { currency: 'BRL', displayDecimals: 2 }],
    ['"RD$"#,##0.00', { currency: 'DOP', displayDecimals: 2 }], // not a bare $
    ['"C$"#,##0.00', { currency: 'NIO', displayDecimals: 2 }],
    ['"$U" #,##0', { currency: 'UYU', displayDecimals: 0 }],
    ['"B/." #,##0.00', { currency: 'PAB', displayDecimals: 2 }],
    ['£#,##0.00', { currency: 'GBP', displayDecimals: 2 }],
    ['[$¥-411]#,##0', { currency: 'JPY', displayDecimals: 0 }],
    ['¥#,##0', { currencyOneOf: ['JPY', 'CNY'], displayDecimals: 0 }],
    ['"IVA USD" #,##0', { currency: 'USD', displayDecimals: 0 }], // a code after a word that is not one
    // Currency signs paylinks does not know: reported, never taken for "no currency".
    ['[$₭-454]#,##0', { unknownCurrency: '₭', displayDecimals: 0 }],
    ['[$XYZ] #,##0', { unknownCurrency: 'XYZ', displayDecimals: 0 }],
    ['[$Ar-44D] #,##0', { unknownCurrency: 'Ar', displayDecimals: 0 }],
    ['"฿" #,##0.00', { unknownCurrency: '฿', displayDecimals: 2 }],
    ['"X/." #,##0.00', { unknownCurrency: 'X/.', displayDecimals: 2 }],
    // Near misses: text that is not money.
    ['"unid." #,##0', { displayDecimals: 0 }],
    ['#,##0 "unid."', { displayDecimals: 0 }],
    ['#,##0 "kg"', { displayDecimals: 0 }],
    ['#,##0.0 "L"', { displayDecimals: 1 }], // litres: a letter after the number is not a currency
    ['"Obs." #,##0', { displayDecimals: 0 }], // "Bs." inside a word
    ['"S/N" 0', { displayDecimals: 0 }], // sin número
    ['"Ref. " 0', { displayDecimals: 0 }],
    ['"Cuota "0', { displayDecimals: 0 }],
    ['"Qty" 0', { displayDecimals: 0 }],
  ])('%s', (code, expected) => {
    expect(describeNumberFormat(code)).toEqual({ numFmt: code, ...expected });
  });

  it.each<[string, number | undefined]>([
    // What the format multiplies the number by for display.
    ['#,##0,', 0.001],
    ['#,##0,,', 0.000001],
    ['0.0,,', 0.000001],
    ['#,##0.0,', 0.001],
    ['#,##0, "K"', 0.001],
    ['[$$-240A] #,##0,', 0.001],
    ['0%', 100],
    ['0.00%', 100],
    // Not scaled: grouping commas, a quoted or escaped "%", a scaled negative section only (amounts are positive).
    ['#,##0', undefined],
    ['#,##0.00', undefined],
    ['#,##0 "%"', undefined],
    ['#,##0\\%', undefined],
    ['#,##0;(#,##0,)', undefined],
    ['_-"$"* #,##0_-;\\-"$"* #,##0_-;_-"$"* "-"_-;_-@_-', undefined],
    ['General', undefined],
  ])('%s scales by %s', (code, scale) => {
    expect(describeNumberFormat(code).scale).toBe(scale);
  });

  it('marks date and time formats, and nothing else about them', () => {
    for (const code of ['dd/mm/yyyy', 'd-mmm-yyyy', '[$-240A]d" de "mmmm" de "yyyy', 'yyyy\\-mm\\-dd', 'h:mm AM/PM', '[h]:mm:ss', 'mm:ss']) {
      expect(describeNumberFormat(code)).toEqual({ numFmt: code, isDate: true });
    }
    for (const code of ['General', '0.00', '[$USD-409] #,##0.00', '"US$"#,##0', '@', '[Red]#,##0', '_(* #,##0_)']) expect(isDateFormat(code)).toBe(false);
  });
});

describe('displayNumber: what the cell shows', () => {
  it.each([
    [119399.84, '#,##0', '119,400'],
    [119399.84, '0', '119400'],
    [119399.84, '#,##0.00', '119,399.84'],
    [1250.5, '[$USD-409] #,##0.00', 'USD 1,250.50'],
    [99, '"US$"#,##0.00', 'US$99.00'],
    [1500, '#,##0.00 €', '1,500.00 €'],
    [450000, '[$$-240A] #,##0', '$ 450,000'],
    [1250000, '#,##0,', '1,250'], // thousands by scaling
    [1250000, '0.0,,', '1.3'], // millions
    [0.5, '0%', '50%'],
    [125000.5, '[$₡-140A] #,##0.00', '₡ 125,000.50'],
    [125000.5, '"S/" #,##0.00', 'S/ 125,000.50'],
    [0.125, '0.0%', '12.5%'],
    [-1234.5, '#,##0.00;(#,##0.00)', '(1,234.50)'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [1.005, '0.00', '1.01'], // Excel rounds its 15 digits, not the binary double
    [2.5, '0', '3'],
    [5, '#.##', '5.'],
    [0.5, '#.00', '.50'],
    [1234.5, '_-"$"* #,##0.00_-;\\-"$"* #,##0.00_-;_-"$"* "-"??_-;_-@_-', '$ 1,234.50'],
  ])('%s under %s shows %s', (value, code, shown) => {
    expect(displayNumber(value, code)).toBe(shown);
  });

  it('says nothing for formats it cannot render', () => {
    for (const code of ['General', '[$-409]General', 'dd/mm/yyyy', '0.00E+00', '# ?/?', '000-0000', '@']) expect(displayNumber(1234.5, code)).toBeUndefined();
    expect(describeNumberFormat('[$-409]General')).toEqual({ numFmt: '[$-409]General' });
  });
});

describe('roundDecimal', () => {
  it('rounds half away from zero on decimal digits, shifting by powers of ten', () => {
    expect(roundDecimal(0.004, 0, 2)).toBe('0.00');
    expect(roundDecimal(0.005, 0, 2)).toBe('0.01');
    expect(roundDecimal(1e-20, 0, 2)).toBe('0.00');
    expect(roundDecimal(123456789012345, 0, 0)).toBe('123456789012345');
    expect(roundDecimal(1250000, -3, 0)).toBe('1250');
    expect(roundDecimal(0.125, 2, 1)).toBe('12.5');
    expect(roundDecimal(-1, 0, 0)).toBeUndefined();
  });
});
