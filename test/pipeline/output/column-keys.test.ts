/** Finding paylinks' columns by key, English or Spanish header; headers and label columns by language. */
import { describe, expect, it } from 'vitest';
import { columnKeyOf, headerOf, sheetLangOf } from '../../../src/pipeline/output/column-keys.js';
import { ISSUE_COLUMNS, planOutput, toolColumns } from '../../../src/pipeline/output/sheet-plan.js';
import { RECONCILE_COLUMNS } from '../../../src/pipeline/reconcile/columns.js';
import { normalizeHeader, SYNONYMS } from '../../../src/pipeline/rows/headers.js';

describe('columnKeyOf', () => {
  it.each([
    ['link_state', 'link_state'],
    ['Link_State', 'link_state'],
    [' link state ', 'link_state'],
    ['Estado del enlace', 'link_state'],
    ['ESTADO  DEL   ENLACE', 'link_state'],
    ['Estado del enlace (texto)', 'link_state_label'],
    ['Id del enlace', 'link_id'],
    ['Enlace de pago', 'link_url'],
    ['Vencimiento del enlace', 'expires_at'],
    ['Error', 'error'],
    ['Estado del pago', 'payment_state'],
    ['Autorizacion del pago', 'authorization'],
    ['Error de conciliación', 'reconcile_error'],
    ['payment_state', 'payment_state'],
    ['Vence', undefined],
    ['Valor', undefined],
    ['Estado', undefined],
    ['', undefined],
  ])('%j → %s', (header, key) => {
    expect(columnKeyOf(header)).toBe(key);
  });

  it('every key and both headers of every column are found', () => {
    for (const spec of [...ISSUE_COLUMNS, ...RECONCILE_COLUMNS]) {
      for (const lang of ['es', 'en'] as const) {
        const key = columnKeyOf(spec.header);
        expect(key).toBe(spec.header);
        expect(columnKeyOf(headerOf(key as never, lang))).toBe(key);
      }
    }
  });

  it('no Spanish header is a header a billing sheet uses for its own fields (it would be overwritten in place)', () => {
    const billing = new Set(Object.values(SYNONYMS).flat().map(normalizeHeader));
    for (const spec of [...ISSUE_COLUMNS, ...RECONCILE_COLUMNS]) {
      expect(billing.has(normalizeHeader(headerOf(spec.header as never, 'es'))), spec.header).toBe(false);
    }
  });
});

describe('sheetLangOf', () => {
  it.each([
    [['Cliente', 'Valor'], 'es', 'es'],
    [['Cliente', 'Valor'], 'en', 'en'],
    [['Cliente', 'link_state', 'link_id'], 'es', 'en'],
    [['Cliente', 'Estado del enlace'], 'en', 'es'],
    [['Cliente', 'Error', 'Id del enlace'], 'en', 'es'],
    [['Cliente', 'Error'], 'en', 'en'],
  ] as const)('%j with run language %s → %s', (header, fallback, lang) => {
    expect(sheetLangOf(header, fallback)).toBe(lang);
  });
});

describe('toolColumns and planOutput', () => {
  it('English: the keys as headers, no label column', () => {
    expect(toolColumns(ISSUE_COLUMNS, 'en').map((c) => c.header)).toEqual(['link_state', 'link_id', 'link_url', 'expires_at', 'error']);
  });

  it('Spanish: Spanish headers and a label column beside the state', () => {
    expect(toolColumns(ISSUE_COLUMNS, 'es').map((c) => c.header)).toEqual([
      'Estado del enlace', 'Estado del enlace (texto)', 'Id del enlace', 'Enlace de pago', 'Vencimiento del enlace', 'Error',
    ]);
    expect(toolColumns(RECONCILE_COLUMNS, 'es').map((c) => c.key)).toContain('payment_state_label');
  });

  it('a sheet that already has the columns, in the other language, keeps them in place and under their headers', () => {
    const header = ['Cliente', 'Valor', 'link_state', 'link_id', 'link_url', 'expires_at', 'error'];
    const plan = planOutput(header, toolColumns(ISSUE_COLUMNS, 'es'));
    expect(plan.columns.map((c) => c.header)).toEqual([...header, 'Estado del enlace (texto)']);
    expect(plan.indexOf('link_id')).toBe(3);
    const row = plan.row(['Ana', '1.000', 'FAILED', null, null, null, 'x'], { link_state: 'ISSUED', link_id: 7, link_state_label: 'emitido' });
    expect(row).toEqual(['Ana', '1.000', 'ISSUED', 7, null, null, null, 'emitido']);
  });

  it('a Spanish-headed output fed back in keeps its columns, found by their Spanish headers', () => {
    const header = ['Cliente', 'Estado del enlace', 'Estado del enlace (texto)', 'Id del enlace', 'Enlace de pago', 'Vencimiento del enlace', 'Error'];
    const plan = planOutput(header, toolColumns(ISSUE_COLUMNS, 'es'));
    expect(plan.columns.map((c) => c.header)).toEqual(header);
  });
});
