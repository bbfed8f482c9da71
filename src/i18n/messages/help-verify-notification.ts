/** Help of `paylinks verify-notification`. */
import { msg } from '../message.js';

export const helpVerifyNotification = {
  describe: msg({
    es: 'Lee el cuerpo de un aviso por stdin y dice si es auténtico (salida 0) o no (salida 1)',
    en: 'Read one notification body on stdin and tell whether it is authentic (exit 0) or not (exit 1)',
  }),
  sandbox: msg({
    es: 'Verifica con la clave documentada del sandbox de paylinks',
    en: "Check with the paylinks sandbox's documented key",
  }),
  json: msg({ es: 'Escribe el veredicto como un objeto JSON', en: 'Print the verdict as one JSON object' }),
  example: msg({
    es: 'Verifica un aviso guardado, con la clave de PLACETOPAY_SECRET_KEY',
    en: 'Check a saved notification, with the key in PLACETOPAY_SECRET_KEY',
  }),
  epilogue: msg({
    es: 'Códigos de salida: 0 auténtico · 1 no auténtico (o firmado, pero su linkId no es un id de enlace válido, y paylinks webhook lo rechaza) · 2 la entrada no se puede leer',
    en: 'Exit codes: 0 authentic · 1 not authentic (or signed, but its linkId is not strictly a link id, which paylinks webhook refuses) · 2 unreadable input',
  }),
} as const;
