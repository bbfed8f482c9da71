/** Reissue's columns in an issued sheet: found by key, English or Spanish header; a count above zero marks a reissued row. */
import { describe, expect, it } from 'vitest';
import { reissueColumnOf, wasReissued } from '../../../src/pipeline/reconcile/columns.js';

describe('reissueColumnOf', () => {
  it.each([
    ['previous_link_id', 'previous_link_id'],
    [' Previous_Link_URL ', 'previous_link_url'],
    ['reissue_count', 'reissue_count'],
    ['Id del enlace anterior', 'previous_link_id'],
    ['enlace de PAGO anterior', 'previous_link_url'],
    ['Veces reemitido', 'reissue_count'],
    ['link_id', undefined],
    ['Factura', undefined],
  ])('%j → %j', (header, key) => {
    expect(reissueColumnOf(header)).toBe(key);
  });
});

describe('wasReissued', () => {
  it.each([
    [null, false],
    ['', false],
    [0, false],
    ['0', false],
    [1, true],
    [' 2 ', true],
    ['dos', false],
    ['1.5', false],
  ])('%j → %j', (cell, reissued) => {
    expect(wasReissued(cell)).toBe(reissued);
  });
});
