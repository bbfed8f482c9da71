/** The pace of a run against the service (issue #12): refusals (429) and what to do about them. */
import { msg } from '../message.js';

export const pace = {
  /** One request refused (429) again and again, longer than a run waits for it. */
  refusedTooLong: msg<{ times: number; seconds: number }>({
    es: ({ times, seconds }) =>
      `El servicio rechazó esta solicitud ${times} ${times === 1 ? 'vez' : 'veces seguidas'} (429) durante ${seconds} s; no se creó ni cambió nada. Ejecute el mismo comando más tarde, o con un --rate más bajo.`,
    en: ({ times, seconds }) =>
      `The service refused this request ${times} ${times === 1 ? 'time' : 'times in a row'} (429) over ${seconds} s; nothing was created or changed. Run the same command again later, or with a lower --rate.`,
  }),
  /** The service asked (Retry-After) for a wait longer than a run waits for one request. */
  askedToWaitTooLong: msg<{ seconds: number }>({
    es: ({ seconds }) =>
      `El servicio rechazó esta solicitud (429) y pidió esperar ${seconds} s antes de volver a enviarla; no se creó ni cambió nada. Ejecute el mismo comando cuando haya pasado ese tiempo.`,
    en: ({ seconds }) =>
      `The service refused this request (429) and asked to wait ${seconds} s before sending it again; nothing was created or changed. Run the same command again once that time has passed.`,
  }),
  /** The circuit breaker opened (pipeline/service/circuit-breaker.ts): the service could not be reached at all. */
  serviceDown: msg<{ attempts: number; last: string }>({
    es: ({ attempts, last }) =>
      `El servicio está caído o no se puede alcanzar: ${attempts} intentos seguidos no pudieron conectarse, sin ninguna respuesta entre ellos ` +
      `(último: ${last}). No se envió nada más. Revise la red, --env / --base-url y el estado del servicio, y luego ejecute el mismo comando de nuevo.`,
    en: ({ attempts, last }) =>
      `The service is down or unreachable: ${attempts} attempts in a row could not connect, with no answer between ` +
      `(last: ${last}). Nothing more was sent. Check the network, --env / --base-url and the service's status, then run the same command again.`,
  }),
  /** A request held back because an earlier one failed authentication (pipeline/service/first-request.ts). */
  notSentAuth: msg<{ detail: string }>({
    es: ({ detail }) => `no enviado: una solicitud anterior falló la autenticación (${detail})`,
    en: ({ detail }) => `not sent: an earlier request failed authentication (${detail})`,
  }),
} as const;
