/** What `paylinks verify-notification` prints: the verdict on one notification body. */
import { msg } from '../message.js';

export const verify = {
  warning: msg<{ warning: string }>({ es: ({ warning }) => `aviso: ${warning}`, en: ({ warning }) => `warning: ${warning}` }),
  tooBig: msg<{ max: number }>({ es: ({ max }) => `tiene más de ${max} bytes`, en: ({ max }) => `more than ${max} bytes` }),
  empty: msg({ es: 'no llegó nada', en: 'nothing was given' }),
  notJson: msg({ es: 'no es JSON', en: 'it is not JSON' }),
  unreadable: msg<{ why: string }>({
    es: ({ why }) => `paylinks: no se puede leer el aviso en la entrada estándar: ${why}. Pase el cuerpo que envió el servicio, p. ej. paylinks verify-notification < body.json`,
    en: ({ why }) => `paylinks: cannot read the notification on stdin: ${why}. Pipe the body the service POSTed, e.g. paylinks verify-notification < body.json`,
  }),
  authentic: msg<{ status: string; id: number; date: string }>({
    es: ({ status, id, date }) => `auténtico: ${status} del enlace ${id} el ${date}`,
    en: ({ status, id, date }) => `authentic: ${status} for link ${id} at ${date}`,
  }),
  refused: msg<{ reason: string }>({
    es: ({ reason }) => `RECHAZADO: la firma coincide, pero el linkId ${reason}; paylinks webhook lo rechaza en lugar de adivinar a qué enlace se refiere`,
    en: ({ reason }) => `REFUSED: the signature matches, but linkId ${reason}; paylinks webhook refuses it rather than guess which link it means`,
  }),
  notAuthentic: msg({
    es: 'NO es auténtico: la firma no corresponde a esta llave secreta (o el cuerpo no es un aviso); ignórelo',
    en: 'NOT authentic: the signature does not match this secret key (or the body is not a notification); ignore it',
  }),
} as const;
