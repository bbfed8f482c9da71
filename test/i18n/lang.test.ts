import { describe, expect, it } from 'vitest';
import { chooseLang, langFromEnv, langOfTag } from '../../src/i18n/lang.js';
import { both, msg, say, sayIn } from '../../src/i18n/message.js';
import { currentLang, setLang } from '../../src/i18n/current.js';

describe('the language of a run', () => {
  it.each([
    ['es_CO.UTF-8', 'es'],
    ['es-CO', 'es'],
    ['es', 'es'],
    ['ES_co', 'es'],
    ['en_US.UTF-8', 'en'],
    ['en', 'en'],
    ['C', undefined],
    ['C.UTF-8', undefined],
    ['POSIX', undefined],
    ['fr_FR.UTF-8', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('the tag %s is %s', (tag, lang) => {
    expect(langOfTag(tag)).toBe(lang);
  });

  it.each([
    [{ LC_ALL: 'es_CO.UTF-8', LANG: 'en_US.UTF-8' }, 'es'],
    [{ LC_MESSAGES: 'en_US.UTF-8', LANG: 'es_CO.UTF-8' }, 'en'],
    [{ LC_ALL: '', LC_MESSAGES: '', LANG: 'es_CO.UTF-8' }, 'es'],
    // The first variable set decides, even when it names no language we speak (POSIX).
    [{ LC_ALL: 'C', LANG: 'es_CO.UTF-8' }, undefined],
    [{}, undefined],
  ])('the environment %o asks for %s', (env, lang) => {
    expect(langFromEnv(env)).toBe(lang);
  });

  it.each([
    ['en', { LANG: 'es_CO.UTF-8' }, 'es-CO', 'en'],
    ['es', { LANG: 'en_US.UTF-8' }, 'en-US', 'es'],
    [undefined, { LANG: 'en_US.UTF-8' }, 'es-CO', 'en'],
    [undefined, { LANG: 'C.UTF-8' }, 'es-CO', 'es'],
    [undefined, {}, 'en-US', 'en'],
    [undefined, {}, undefined, 'es'],
    ['fr', {}, 'en-US', 'en'],
  ])('flag %s, environment %o, locale %s → %s', (flag, env, locale, lang) => {
    expect(chooseLang(flag, env, locale)).toBe(lang);
  });
});

describe('messages', () => {
  const plain = msg({ es: 'Listo', en: 'Done' });
  const withRow = msg<{ row: number }>({ es: ({ row }) => `Fila ${row}`, en: ({ row }) => `Row ${row}` });

  it('render in the language asked, in the run language, or in both', () => {
    expect(sayIn('es', withRow, { row: 3 })).toBe('Fila 3');
    expect(both(withRow, { row: 4 })).toEqual({ es: 'Fila 4', en: 'Row 4' });
    const before = currentLang();
    try {
      setLang('es');
      expect(say(plain)).toBe('Listo');
      setLang('en');
      expect(say(plain)).toBe('Done');
    } finally {
      setLang(before);
    }
  });
});
