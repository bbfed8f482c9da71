/**
 * Every entry of the catalogue exists in both languages, in the same shape,
 * and the Spanish one is not English.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/catalogue.js';
import { englishWords } from './english.js';

interface Leaf {
  path: string;
  es: unknown;
  en: unknown;
}

function leaves(node: unknown, path: string, out: Leaf[] = []): Leaf[] {
  if (node === null || typeof node !== 'object') throw new Error(`${path}: not an entry (${typeof node})`);
  const record = node as Record<string, unknown>;
  if ('es' in record || 'en' in record) {
    out.push({ path, es: record.es, en: record.en });
    return out;
  }
  for (const [key, child] of Object.entries(record)) leaves(child, path ? `${path}.${key}` : key, out);
  return out;
}

/**
 * A stand-in for any parameter object: every field reads as a short value of
 * every common shape (text, number, list), so a rendering can be checked
 * without knowing its parameters. Renderings that still cannot run with it are
 * checked by the Spanish CLI runs instead.
 */
function anyParams(): unknown {
  const value = (): unknown =>
    new Proxy(Object.assign(() => 'x', { toString: () => 'x' }), {
      get(target, key) {
        if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : 'x');
        if (key === 'length') return 2;
        if (key === 'map' || key === 'filter') return () => ['x', 'y'];
        if (key === 'join') return () => 'x, y';
        if (key === 'toLocaleString' || key === 'toFixed' || key === 'toString') return () => '2';
        return Reflect.get(target, key) ?? value();
      },
    });
  return new Proxy({}, { get: (_target, key) => (key === Symbol.toPrimitive ? undefined : value()) });
}

function render(r: unknown): string | undefined {
  if (typeof r === 'string') return r;
  try {
    return (r as (p: unknown) => string)(anyParams());
  } catch {
    return undefined;
  }
}

/** Entries that are the same word in both languages, on purpose. */
const SAME_IN_BOTH = new Set<string>(['labels.total']);

const all = leaves(catalogue, '');

describe('the message catalogue', () => {
  it('has entries', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it.each(all.map((l) => [l.path, l] as const))('%s exists in Spanish and English', (_path, leaf) => {
    for (const lang of ['es', 'en'] as const) {
      const r = leaf[lang];
      expect(typeof r === 'string' || typeof r === 'function', `${leaf.path}.${lang} is missing`).toBe(true);
      if (typeof r === 'string') expect(r.trim(), `${leaf.path}.${lang} is empty`).not.toBe('');
    }
    expect(typeof leaf.es, `${leaf.path}: one language is a function, the other a string`).toBe(typeof leaf.en);
  });

  it.each(all.map((l) => [l.path, l] as const))('%s is not English in Spanish', (_path, leaf) => {
    const es = render(leaf.es);
    const en = render(leaf.en);
    if (es === undefined || en === undefined) return;
    if (!SAME_IN_BOTH.has(leaf.path) && en.length > 3) expect(es, `${leaf.path}: the Spanish is the English`).not.toBe(en);
    expect(englishWords(es).length, `${leaf.path}: English in the Spanish: ${es}`).toBeLessThan(2);
  });
});
