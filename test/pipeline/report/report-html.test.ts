/**
 * The HTML and the chart without --by (one bar per due month), built in
 * process from the openpyxl fixture; and the row heights of wrapped text.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/current.js';
import { buildAgingReport } from '../../../src/pipeline/report/build.js';
import { agingHtml } from '../../../src/pipeline/report/write-html.js';
import { wrappedHeight } from '../../../src/pipeline/report/write-xlsx.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/cartera-openpyxl.xlsx', import.meta.url));
const sheet = { locale: 'es-CO' as const, currency: 'COP', timeZone: 'America/Bogota' };

afterEach(() => setLang('en'));

describe('the HTML report without --by', () => {
  it('one bar per due month, in calendar order, each as tall as its pending balance', async () => {
    setLang('en');
    const report = await buildAgingReport({ inputs: [{ path: FIXTURE, named: true }], sheet, asOf: '2027-04-16' });
    expect(report.bills).toBe(11);
    expect(report.excluded).toEqual({ INVALID: 1, FAILED: 1, SKIPPED: 1 });
    const html = agingHtml(report);
    const cop = html.slice(0, html.indexOf('Currency: USD'));
    const bars = [...cop.matchAll(/<g class="bar" aria-label="([^"]+)">/g)].map((m) => m[1]);
    expect(bars).toEqual(['January 2027: $110,000', 'February 2027: $150,000', 'March 2027: $250,000', 'April 2027: $1,600,000.50']);
    // No group column: the month is the row's header cell.
    expect(cop).toContain('<th scope="row">Grand total</th>');
    expect(cop).not.toContain('Grouped by: Cobrador');
  });

  it('says so when nothing is pending', async () => {
    setLang('es');
    const report = await buildAgingReport({ inputs: [{ path: FIXTURE, named: true }], sheet, asOf: '2026-01-01' });
    const html = agingHtml({ ...report, blocks: [] });
    expect(html).toContain('No hay saldo pendiente.');
  });
});

describe('wrapped rows in the XLSX', () => {
  it.each([
    ['', 80, 15],
    ['short', 80, 15],
    ['x'.repeat(100), 80, 30],
    ['a\nb\nc', 80, 45],
  ])('%j in %i characters is %i points high', (text, width, height) => {
    expect(wrappedHeight(text, width)).toBe(height);
  });
});
