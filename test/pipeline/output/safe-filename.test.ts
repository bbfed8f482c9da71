import { describe, expect, it } from 'vitest';
import { FileNamer, MAX_STEM_BYTES, safeFileStem, truncateUtf8 } from '../../../src/pipeline/output/safe-filename.js';

describe('safeFileStem', () => {
  it('keeps readable names, accents and emoji', () => {
    expect(safeFileStem('Ana Gómez', '(blank)')).toBe('Ana Gómez');
    expect(safeFileStem('Sucursal 😀 Norte', '(blank)')).toBe('Sucursal 😀 Norte');
    // Decomposed accents (macOS) become the composed form, so both spellings are one file.
    expect(safeFileStem('Go\u0301mez', '(blank)')).toBe('Gómez');
  });

  it('never yields a folder part or a parent reference', () => {
    for (const hostile of ['../x', '..\\x', 'a/b', 'a\\b', '/etc/passwd', 'C:\\Windows', '..', '.', '...', 'x/../../y', 'a:b*c?d"e<f>g|h', 'tab\there', 'nul\u0000byte']) {
      const stem = safeFileStem(hostile, '(blank)');
      expect(stem, hostile).not.toMatch(/[/\\:*?"<>|\u0000-\u001f]/);
      expect(stem.startsWith('.'), hostile).toBe(false);
      expect(stem.length, hostile).toBeGreaterThan(0);
    }
    expect(safeFileStem('../x', '(blank)')).toBe('_x');
    expect(safeFileStem('a/b', '(blank)')).toBe('a_b');
  });

  it('prefixes reserved Windows device names, with or without an extension, in any case', () => {
    for (const name of ['CON', 'con', 'PRN', 'AUX', 'NUL', 'COM1', 'com9', 'LPT1', 'NUL.txt', 'Con.tar.gz', 'COM¹']) {
      expect(safeFileStem(name, '(blank)'), name).toBe(`_${name}`);
    }
    expect(safeFileStem('CONSUELO', '(blank)')).toBe('CONSUELO');
    expect(safeFileStem('COM10', '(blank)')).toBe('COM10');
  });

  it('drops trailing dots and spaces, and names a blank value', () => {
    expect(safeFileStem('Norte. . ', '(blank)')).toBe('Norte');
    expect(safeFileStem('', '(sin valor)')).toBe('(sin valor)');
    expect(safeFileStem('   ', '(sin valor)')).toBe('(sin valor)');
  });

  it('caps the length in UTF-8 bytes without cutting a character', () => {
    const long = 'ñ'.repeat(300);
    const stem = safeFileStem(long, '(blank)');
    expect(Buffer.byteLength(stem, 'utf8')).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(stem).toBe('ñ'.repeat(MAX_STEM_BYTES / 2));
    const emoji = truncateUtf8('😀'.repeat(50), 10);
    expect(emoji).toBe('😀😀'); // 4 bytes each: a third would cross 10
  });
});

describe('FileNamer', () => {
  it('resolves collisions without regard to case, and keeps reserved names free', () => {
    const namer = new FileNamer('.csv');
    namer.reserve('_manifest.csv');
    expect(namer.claim('Ana Gómez')).toBe('Ana Gómez.csv');
    expect(namer.claim('ana gómez')).toBe('ana gómez (2).csv');
    expect(namer.claim('ANA GÓMEZ')).toBe('ANA GÓMEZ (3).csv');
    expect(namer.claim('_manifest')).toBe('_manifest (2).csv');
  });
});
