/** Help of `paylinks webhook`: the command, its flags and its examples. */
import { msg } from '../message.js';

export const helpWebhook = {
  describe: msg({
    es: 'Recibe los avisos de pago (PAID, EXPIRED), verifica sus firmas y los aplica a la hoja emitida de cada enlace (--sheet, repetible, o --dir)',
    en: 'Receive payment notifications (PAID, EXPIRED), verify their signatures and apply each to the issued sheet of its link (--sheet, repeatable, or --dir)',
  }),
  path: msg({
    es: 'La única ruta en la que se reciben avisos (la ruta del --notification-url de los enlaces); otras rutas reciben 404, otros métodos 405',
    en: "The only path notifications are taken on (the path of the links' --notification-url); other paths get 404, other methods 405",
  }),
  host: msg({
    es: 'Dirección en la que escucha (0.0.0.0: todas las interfaces; normalmente detrás de un proxy inverso con TLS)',
    en: 'Address to listen on (0.0.0.0: every interface; usually behind a TLS reverse proxy)',
  }),
  sandbox: msg({
    es: 'Verifica las firmas con la clave documentada del sandbox de paylinks',
    en: "Check signatures with the paylinks sandbox's documented key",
  }),
  timezone: msg({ es: 'La zona horaria del sitio (para paid_at)', en: "The site's time zone (for paid_at)" }),
  log: msg({ es: 'Una línea por solicitud en stderr, como texto o JSON', en: 'One line per request on stderr, as text or JSON' }),
  example: msg({
    es: 'Recibe en el puerto 8788, en la ruta /placetopay, los avisos para enero-links.xlsx',
    en: 'Take notifications for enero-links.xlsx on port 8788, path /placetopay',
  }),
  epilogue: msg({
    es: 'Corre hasta Ctrl-C o SIGTERM. reconcile sigue siendo la fuente de la verdad; webhook mantiene la hoja al día entre una conciliación y otra.',
    en: 'Runs until Ctrl-C or SIGTERM. reconcile stays the source of truth; webhook keeps the sheet current between its runs.',
  }),
} as const;
