/**
 * The one table of state labels. State cells stay stable codes (ISSUED,
 * PAID, …) for filters, formulas and scripts; where a person reads a state —
 * a closing report, the Summary tab, the label column of a Spanish sheet —
 * the label of the run's language sits beside the code.
 *
 * Link states are what `issue` writes in `link_state`; payment states are
 * what `reconcile` writes in `payment_state`.
 */
import { currentLang } from '../current.js';
import type { Lang } from '../lang.js';
import { msg, sayIn, type Message } from '../message.js';

export const linkStates = {
  ISSUED: msg({ es: 'emitido', en: 'issued' }),
  WOULD_ISSUE: msg({ es: 'se emitiría', en: 'would be issued' }),
  INVALID: msg({ es: 'fila con error', en: 'invalid row' }),
  FAILED: msg({ es: 'falló', en: 'failed' }),
  UNCERTAIN: msg({ es: 'por confirmar', en: 'uncertain' }),
  SKIPPED: msg({ es: 'omitida (no es cobro)', en: 'skipped (not a bill)' }),
} as const;

export const paymentStates = {
  PAID: msg({ es: 'pagado', en: 'paid' }),
  PARTIAL: msg({ es: 'pago parcial', en: 'partly paid' }),
  PENDING: msg({ es: 'pendiente', en: 'pending' }),
  EXPIRED: msg({ es: 'vencido', en: 'expired' }),
  DISABLED: msg({ es: 'deshabilitado', en: 'disabled' }),
  UNKNOWN: msg({ es: 'desconocido', en: 'unknown' }),
} as const;

export const states = { link: linkStates, payment: paymentStates } as const;

export type LinkStateCode = keyof typeof linkStates;
export type PaymentStateCode = keyof typeof paymentStates;

const ALL: Readonly<Record<string, Message>> = { ...linkStates, ...paymentStates };

/** The label of a state code in a language; undefined for a code the table does not know. */
export function stateLabel(code: string, lang: Lang = currentLang()): string | undefined {
  const entry = ALL[code];
  return entry === undefined ? undefined : sayIn(lang, entry);
}

/**
 * A state as a person reads it: in Spanish the code with its label beside it,
 * `ISSUED (emitido)`; in English the code alone, which already is the English
 * word. A code the table does not know (a blank, a future state) is shown as it is.
 */
export function stateWithLabel(code: string, lang: Lang = currentLang()): string {
  if (lang === 'en') return code;
  const label = stateLabel(code, lang);
  return label === undefined ? code : `${code} (${label})`;
}
