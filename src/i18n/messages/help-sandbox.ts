/** Help of `paylinks sandbox`. */
import { msg } from '../message.js';

export const helpSandbox = {
  describe: msg({
    es: 'Inicia un sandbox local de Placetopay (las mismas rutas y respuestas; fallas inyectadas opcionales)',
    en: 'Start a local Placetopay sandbox (same endpoints and answers; optional injected faults)',
  }),
  port: msg({ es: 'Puerto en el que escucha (0: cualquier puerto libre)', en: 'Port to listen on (0: any free port)' }),
  host: msg({ es: 'Dirección en la que escucha', en: 'Address to listen on' }),
  latency: msg({ es: 'Milisegundos que se suman a cada respuesta', en: 'Milliseconds added to every answer' }),
  jitter: msg({ es: 'Hasta esta cantidad de milisegundos más, al azar', en: 'Up to this many random milliseconds more' }),
  rate429: msg({ es: 'Proporción (0-1) de solicitudes respondidas con 429', en: 'Share (0-1) of requests answered 429' }),
  rate5xx: msg({ es: 'Proporción (0-1) de solicitudes respondidas con 500/502/503/504', en: 'Share (0-1) of requests answered 500/502/503/504' }),
  dropBefore: msg({
    es: 'Proporción (0-1) de conexiones cortadas antes de hacer nada',
    en: 'Share (0-1) of connections dropped before anything is done',
  }),
  dropAfter: msg({
    es: 'Proporción (0-1) de creaciones cuya respuesta se pierde después de crear el enlace',
    en: 'Share (0-1) of creates whose answer is lost after the link is created',
  }),
  maxRps: msg({ es: 'Responde 429 por encima de esta cantidad de solicitudes por segundo', en: 'Answer 429 above this many requests per second' }),
  maxRpsSchedule: msg({
    es: 'Un límite por segundo que cambia durante la ejecución, p. ej. "40@0,15@20,40@40": 40/s desde la primera solicitud, 15/s después de 20 s, 40/s después de 40 s',
    en: 'A per-second limit that changes during a run, e.g. "40@0,15@20,40@40": 40/s from the first request, 15/s after 20 s, 40/s after 40 s',
  }),
  seed: msg({ es: 'Semilla del generador de fallas (misma semilla, mismas fallas)', en: 'Seed of the fault generator (same seed, same faults)' }),
  createSpelling: msg({ es: 'Las creaciones responden con id/url o con requestId/processUrl', en: 'Create answers with id/url or requestId/processUrl' }),
  queryCase: msg({ es: 'Las consultas responden en camelCase o en snake_case', en: 'Query answers in camelCase or snake_case' }),
  example: msg({
    es: 'Un sandbox que rechaza con 429 el 10 % de las solicitudes; luego: paylinks issue facturas.csv --base-url http://127.0.0.1:8787',
    en: 'A sandbox that refuses 10% of requests with 429; then: paylinks issue facturas.csv --base-url http://127.0.0.1:8787',
  }),
} as const;
