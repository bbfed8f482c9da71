import { describe, expect, it } from 'vitest';
import type { ManifestFile } from '../../../src/pipeline/mail/manifest.js';
import { checkTemplates, defaultTemplates, formatMoney, monthLabel, renderMessage } from '../../../src/pipeline/mail/templates.js';

const file: ManifestFile = {
  value: 'Ana <Gómez> & Co',
  file: 'Ana.xlsx',
  path: '/x/Ana.xlsx',
  rows: 1234,
  states: { PAID: { rows: 1000, amounts: { COP: '1250000' } }, PENDING: { rows: 234, amounts: { COP: '89900.5' } } },
  amounts: { COP: '1339900.5' },
};

describe('formatMoney', () => {
  it.each<[Record<string, string>, 'es' | 'en', string]>([
    [{ COP: '1250000' }, 'es', '$ 1.250.000'],
    [{ COP: '1250000.5' }, 'es', '$ 1.250.000,50'],
    [{ COP: '1250000' }, 'en', '$1,250,000'],
    [{ USD: '5' }, 'es', '$ 5 USD'],
    [{ EUR: '10.25' }, 'en', '10.25 EUR'],
    [{ COP: '100', USD: '5' }, 'es', '$ 100 + $ 5 USD'],
    [{}, 'es', '—'],
  ])('%j in %s → %s', (amounts, lang, expected) => {
    expect(formatMoney(amounts, lang)).toBe(expected);
  });
});

describe('renderMessage', () => {
  it('fills every placeholder, per state too, and builds the table in both parts', () => {
    const m = renderMessage(
      { subject: '{collector}: {rows} filas, pagado {PAID_amount} ({PAID}), pendiente {PENDING_amount}, {ISSUED} emitidas, {month}', body: '{table}' },
      file,
      { collector: file.value, month: 'enero de 2031', lang: 'es' },
    );
    expect(m.subject).toBe('Ana <Gómez> & Co: 1.234 filas, pagado $ 1.250.000 (1.000), pendiente $ 89.900,50, 0 emitidas, enero de 2031');
    expect(m.text.split('\n')).toEqual([
      'Estado    Filas   Monto',
      'PAID      1.000   $ 1.250.000',
      'PENDING     234   $ 89.900,50',
      'Total     1.234   $ 1.339.900,50',
    ]);
    expect(m.html).toContain('<td style="border:1px solid #ccc;padding:4px 8px;text-align:right">$ 1.250.000</td>');
  });

  it('escapes HTML in names and keeps a subject on one line', () => {
    const m = renderMessage(defaultTemplates('es'), { ...file, value: 'x' }, { collector: 'Ana <b>\r\nBcc: x@y.co', month: 'enero', lang: 'es' });
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.html).toContain('Ana &lt;b&gt;');
    expect(m.html).not.toContain('<b>');
  });

  it('English defaults', () => {
    const m = renderMessage(defaultTemplates('en'), file, { collector: 'Ana', month: 'January 2031', lang: 'en' });
    expect(m.subject).toBe('Billing for January 2031: Ana — 1,234 bills, $1,339,900.50');
    expect(m.text).toContain('Hello Ana,');
  });

  it('an unknown placeholder is refused before anything is sent; states of the manifest are allowed', () => {
    expect(() => checkTemplates({ subject: '{colector}', body: '' }, [])).toThrow(/\{colector\}.*not known/);
    expect(() => checkTemplates({ subject: '{PAID} {CUSTOM_amount}', body: '{table}' }, ['CUSTOM'])).not.toThrow();
  });

  it('the default month is the month in the site zone', () => {
    // 03:00 UTC on 1 Feb is still January in Bogotá.
    expect(monthLabel(new Date('2031-02-01T03:00:00Z'), 'America/Bogota', 'es')).toBe('enero de 2031');
    expect(monthLabel(new Date('2031-02-01T03:00:00Z'), 'America/Bogota', 'en')).toBe('January 2031');
  });
});
