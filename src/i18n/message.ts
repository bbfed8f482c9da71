/**
 * A message is one entry with both languages side by side, so a message
 * without its translation is a type error and the catalogue test can walk
 * every entry. Entries take their parameters as one object.
 */
import { currentLang } from './current.js';
import type { Lang } from './lang.js';

export type Render<P> = string | ((p: P) => string);

export interface Message<P = void> {
  readonly es: Render<P>;
  readonly en: Render<P>;
}

/** Both renderings of one message, for what must keep both (a mail, a sheet label with its translation). */
export interface Text {
  readonly es: string;
  readonly en: string;
}

type Args<P> = [P] extends [void] ? [] : [P];

/** Declares an entry; only for type inference (`msg<{ row: number }>({ es: …, en: … })`). */
export function msg<P = void>(message: Message<P>): Message<P> {
  return message;
}

/** The message in one language. */
export function sayIn<P>(lang: Lang, message: Message<P>, ...args: Args<P>): string {
  const render = message[lang];
  return typeof render === 'string' ? render : render(args[0] as P);
}

/** The message in the run's language. */
export function say<P>(message: Message<P>, ...args: Args<P>): string {
  return sayIn(currentLang(), message, ...args);
}

/** The message in both languages. */
export function both<P>(message: Message<P>, ...args: Args<P>): Text {
  return { es: sayIn('es', message, ...args), en: sayIn('en', message, ...args) };
}
