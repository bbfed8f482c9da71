/**
 * Which language a run speaks: `--lang es|en`, else the environment's
 * messages locale (LC_ALL, then LC_MESSAGES, then LANG — the POSIX order: the
 * first one set decides, even when it says "C"), else `--locale` (es-CO → es).
 * Pure: the CLI reads argv and the environment and passes them in.
 */
export const LANGS = ['es', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'es' || value === 'en';
}

/** `es_CO.UTF-8`, `es-CO`, `es` → es; `en_US.UTF-8`, `en` → en; anything else (C, POSIX, fr_FR) → undefined. */
export function langOfTag(tag: string | undefined): Lang | undefined {
  const match = /^([a-zA-Z]{2,3})(?:[_-]|\.|@|$)/.exec(tag?.trim() ?? '');
  const language = match?.[1]?.toLowerCase();
  return isLang(language) ? language : undefined;
}

/** The language the environment asks for, by the POSIX precedence. Empty variables count as unset. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return langOfTag(value);
  }
  return undefined;
}

/** The run's language: the flag, else the environment, else the locale of amounts and dates. */
export function chooseLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, locale: string | undefined): Lang {
  if (isLang(flag)) return flag;
  return langFromEnv(env) ?? (locale === undefined || locale.toLowerCase().startsWith('es') ? 'es' : 'en');
}
