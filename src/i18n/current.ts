/**
 * The process's one language. The CLI sets it once, before it parses
 * anything; every message is then rendered in it where it is made, deep in
 * io or api included, without threading a language through every call.
 * English until set, so library use and tests read as before.
 */
import type { Lang } from './lang.js';

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
}

export function currentLang(): Lang {
  return current;
}
