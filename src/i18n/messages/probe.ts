/**
 * Creates whose answers were lost: what the probe found, and why a link was
 * or was not adopted (src/pipeline/uncertain). These texts go in the
 * output's `error` column of UNCERTAIN rows.
 */
import { msg } from '../message.js';

export const probe = {
  notReported: msg({ es: 'no informado', en: 'not reported' }),
  difference: msg<{ field: string; link: string; sent: string }>({
    es: ({ field, link, sent }) => `${field} ${link} (enviado ${sent})`,
    en: ({ field, link, sent }) => `${field} ${link} (sent ${sent})`,
  }),
  andMore: msg<{ count: number }>({ es: ({ count }) => `; y ${count} más`, en: ({ count }) => `; and ${count} more` }),
  resendIssue: msg<{ ref: string }>({
    es: ({ ref }) => `ejecute de nuevo el mismo comando con --resend-uncertain ${ref}`,
    en: ({ ref }) => `run the same command again with --resend-uncertain ${ref}`,
  }),
  resendReconcile: msg<{ ref: string }>({
    es: ({ ref }) => `ejecute de nuevo \`paylinks issue\` sobre la misma entrada con --out apuntando a esta hoja y --resend-uncertain ${ref}`,
    en: ({ ref }) => `run \`paylinks issue\` again on the same input with --out pointing at this sheet and --resend-uncertain ${ref}`,
  }),
  mismatch: msg<{ ref: string; shown: string; resend: string }>({
    es: ({ ref, shown, resend }) =>
      `existe un enlace con la referencia ${ref}, pero no es el que envió esta fila (${shown}), así que no se adoptó. ` +
      `Revise la referencia ${ref} en el panel de Placetopay: si uno de sus enlaces es este cobro, copie su id y su URL en link_id y link_url; si ninguno lo es, ${resend}`,
    en: ({ ref, shown, resend }) =>
      `a link with reference ${ref} exists but it is not the one this row sent (${shown}), so it was not adopted. ` +
      `Check reference ${ref} in the Placetopay panel: if one of its links is this bill, copy its id and URL into link_id and link_url; if none is, ${resend}`,
  }),
  absent: msg<{ ref: string }>({
    es: ({ ref }) => `nunca se creó un enlace para la referencia ${ref}; ejecute de nuevo \`paylinks issue\` sobre la misma entrada con --out apuntando a esta hoja para crearlo`,
    en: ({ ref }) => `no link was ever created for reference ${ref}; run \`paylinks issue\` again on the same input with --out pointing at this sheet to create it`,
  }),
  unresolvedReconcile: msg<{ ref: string; why: string }>({
    es: ({ ref, why }) =>
      `la creación de la referencia ${ref} perdió su respuesta y no se pudo encontrar ni descartar un enlace${why}; búsquelo en el panel de Placetopay y, si existe un enlace, copie su id en link_id`,
    en: ({ ref, why }) =>
      `the create for reference ${ref} lost its answer and no link could be found or ruled out${why}; look it up in the Placetopay panel and, if a link exists, copy its id into link_id`,
  }),
  unresolvedIssue: msg<{ ref: string; why: string }>({
    es: ({ ref, why }) =>
      `la creación se envió pero su respuesta se perdió, y no se pudo encontrar ni descartar un enlace con la referencia ${ref}${why}. ` +
      `Busque la referencia ${ref} en el panel de Placetopay: si existe un enlace, copie su id y su URL en link_id y link_url; ` +
      `si no existe, ejecute de nuevo el mismo comando con --resend-uncertain ${ref}`,
    en: ({ ref, why }) =>
      `the create was sent but its answer was lost, and no link with reference ${ref} could be found or ruled out${why}. ` +
      `Look up reference ${ref} in the Placetopay panel: if a link exists, copy its id and URL into link_id and link_url; ` +
      `if none exists, run the same command again with --resend-uncertain ${ref}`,
  }),
  sentTwiceLost: msg({
    es: 'la creación se envió dos veces y las dos respuestas se perdieron; el servicio no tiene ningún enlace con esta referencia, así que la próxima ejecución la enviará de nuevo',
    en: 'the create was sent twice and both answers were lost; the service holds no link for this reference, so the next run will send it again',
  }),
  otherLinks: msg<{ ids: string; ref: string }>({
    es: ({ ids, ref }) => `los enlaces ${ids} llevan la referencia ${ref} pero son distintos de lo que se envió`,
    en: ({ ids, ref }) => `links ${ids} carry reference ${ref} but differ from what was sent`,
  }),
  // Why the probe could not prove a create absent (uncertain/probe.ts)
  noteQueryFailed: msg({ es: 'algunos ids no se pudieron consultar', en: 'some ids could not be queried' }),
  noteEndNotReached: msg({
    es: 'no se alcanzó el final de los ids existentes dentro de la ventana de búsqueda',
    en: 'the end of the existing ids could not be reached within the probe window',
  }),
  noteWindow: msg({
    es: 'los ids que pudo haber recibido son más de los que permite la ventana de búsqueda (--probe-window)',
    en: 'the ids it could have received are more than the probe window (--probe-window) allows',
  }),
  noteNoLowerBound: msg({
    es: 'la creación se envió antes de que se registrara cualquier respuesta de esta salida, así que se desconoce su id más bajo posible',
    en: 'the create was sent before any answer of this output was recorded, so its lowest possible id is unknown',
  }),
} as const;
