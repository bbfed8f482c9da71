/**
 * The live progress line on a terminal, and the lines the reporter writes
 * between phases: warnings and the service pushing back.
 */
import { msg } from '../message.js';

export const progress = {
  /** Rows done when the total is not known yet. */
  rowsDone: msg<{ done: string }>({ es: ({ done }) => `${done} filas`, en: ({ done }) => `${done} rows` }),
  rate: msg<{ rate: string }>({ es: ({ rate }) => `${rate} filas/s`, en: ({ rate }) => `${rate} rows/s` }),
  /** Time left, from the recent rate: `duration` is already written out ("2 min 10 s"). */
  eta: msg<{ duration: string }>({ es: ({ duration }) => `≈ ${duration} restantes`, en: ({ duration }) => `≈ ${duration} left` }),
  /** On the progress line once the service has pushed back: how often, and the pace the run keeps now. */
  pushback: msg<{ count: number; pace: string }>({
    es: ({ count, pace }) => `el servicio frena: 429 × ${count}${pace ? `, ritmo ${pace}` : ''}`,
    en: ({ count, pace }) => `service pushing back: 429 × ${count}${pace ? `, pace ${pace}` : ''}`,
  }),
  /** The same, as a line of its own when there is no live progress line (a log, --quiet off). */
  pushbackLine: msg<{ count: number; pace: string }>({
    es: ({ count, pace }) => `El servicio pide ir más despacio (429, ${count} vez/veces): se baja el ritmo${pace ? ` a ${pace}` : ''}.`,
    en: ({ count, pace }) => `The service is pushing back (429, ${count} time(s)): slowing down${pace ? ` to ${pace}` : ''}.`,
  }),
  warning: msg<{ message: string }>({ es: ({ message }) => `aviso: ${message}`, en: ({ message }) => `warning: ${message}` }),
} as const;
