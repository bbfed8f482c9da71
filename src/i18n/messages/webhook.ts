/**
 * What `paylinks webhook` writes in its log (one line per request, per batch
 * applied, per sheet indexed). JSON log lines keep their English field names;
 * their `message` is this text in the run's language.
 */
import { msg } from '../message.js';

/** --help of the flags this feature added or changed. */
const help = {
  sheet: msg({
    es: 'Una hoja escrita por `paylinks issue` (.csv o .xlsx); los eventos van a <sheet>.events.jsonl. Repítala para atender varias hojas: cada notificación va a la hoja que tiene su id de enlace',
    en: 'A sheet `paylinks issue` wrote (.csv or .xlsx); events go to <sheet>.events.jsonl. Repeat it to serve several sheets: each notification goes to the sheet holding its link id',
  }),
  dir: msg({
    es: 'Atender todas las hojas que paylinks escribió en esta carpeta, también las que se agreguen mientras corre; las notificaciones de ids que no están en ninguna hoja se guardan en <dir>/unrouted.events.jsonl',
    en: 'Serve every sheet paylinks wrote in this folder, including sheets added while it runs; notifications for link ids in no sheet are kept in <dir>/unrouted.events.jsonl',
  }),
  rescan: msg({
    es: 'Con varias hojas o --dir: segundos entre revisiones en busca de hojas nuevas o modificadas (también se revisa de inmediato cuando llega un id de enlace desconocido)',
    en: 'With several sheets or --dir: seconds between looks for new or changed sheets (also looked for at once when a notification names an unknown link id)',
  }),
} as const;

export const webhook = {
  help,
  listening: msg<{ url: string; sheets: string }>({
    es: ({ url, sheets }) => `Escuchando en ${url} las notificaciones para ${sheets} (Ctrl-C para detener).`,
    en: ({ url, sheets }) => `Listening on ${url} for notifications to ${sheets} (Ctrl-C to stop).`,
  }),
  stopping: msg({ es: 'Deteniendo: terminando de aplicar los eventos en curso.', en: 'Stopping: finishing the events being applied.' }),
  replaying: msg<{ n: number; path: string }>({
    es: ({ n, path }) => `Reaplicando ${n} evento(s) de ${path} a la hoja.`,
    en: ({ n, path }) => `Replaying ${n} event(s) from ${path} onto the sheet.`,
  }),
  notFound: msg<{ method: string; path: string; from: string; only: string }>({
    es: (p) => `${p.method} ${p.path} desde ${p.from}: 404 (las notificaciones se reciben solo en ${p.only})`,
    en: (p) => `${p.method} ${p.path} from ${p.from}: 404 (notifications are taken on ${p.only} only)`,
  }),
  clientAborted: msg<{ from: string }>({
    es: ({ from }) => `${from} cerró la conexión antes de completar su solicitud; no se registró nada`,
    en: ({ from }) => `${from} closed the connection before its request was complete; nothing recorded`,
  }),
  aClient: msg({ es: 'un cliente', en: 'a client' }),
  internalError: msg<{ detail: string }>({ es: ({ detail }) => `error interno: ${detail}`, en: ({ detail }) => `internal error: ${detail}` }),
  tooLarge: msg<{ from: string; max: number }>({
    es: ({ from, max }) => `se rechazó una notificación desde ${from}: el cuerpo supera ${max} bytes`,
    en: ({ from, max }) => `rejected a notification from ${from}: body larger than ${max} bytes`,
  }),
  badSignature: msg<{ from: string; linkId: string; status: string }>({
    es: (p) => `se rechazó una notificación desde ${p.from}: la firma no coincide (linkId ${p.linkId}, estado ${p.status})`,
    en: (p) => `rejected a notification from ${p.from}: signature does not verify (linkId ${p.linkId}, status ${p.status})`,
  }),
  notJson: msg<{ from: string }>({
    es: ({ from }) => `se rechazó una notificación desde ${from}: el cuerpo no es JSON`,
    en: ({ from }) => `rejected a notification from ${from}: the body is not JSON`,
  }),
  badLinkId: msg<{ from: string; reason: string }>({
    es: ({ from, reason }) => `se rechazó una notificación firmada desde ${from}: linkId ${reason}`,
    en: ({ from, reason }) => `refused a signed notification from ${from}: linkId ${reason}`,
  }),
  notRecorded: msg<{ linkId: number; detail: string }>({
    es: ({ linkId, detail }) => `no se pudo registrar una notificación del enlace ${linkId}: ${detail}`,
    en: ({ linkId, detail }) => `could not record a notification for link ${linkId}: ${detail}`,
  }),
  accepted: msg<{ status: string; linkId: number }>({
    es: ({ status, linkId }) => `aceptado ${status} del enlace ${linkId}`,
    en: ({ status, linkId }) => `accepted ${status} for link ${linkId}`,
  }),
  acceptedFor: msg<{ status: string; linkId: number; sheet: string }>({
    es: (p) => `aceptado ${p.status} del enlace ${p.linkId} para ${p.sheet}`,
    en: (p) => `accepted ${p.status} for link ${p.linkId} for ${p.sheet}`,
  }),
  unrouted: msg<{ status: string; linkId: number; path: string }>({
    es: (p) => `${p.status} del enlace ${p.linkId}: ese enlace no está en ninguna hoja; se guardó en ${p.path} y se aplicará cuando aparezca su hoja`,
    en: (p) => `${p.status} for link ${p.linkId}: that link is in no sheet; kept in ${p.path}, to be applied when its sheet appears`,
  }),
  routedLater: msg<{ n: number; sheet: string }>({
    es: ({ n, sheet }) => `${n} evento(s) guardados sin hoja pertenecen a ${sheet}: se registraron y se aplican ahora`,
    en: ({ n, sheet }) => `${n} kept event(s) without a sheet belong to ${sheet}: recorded there and applied now`,
  }),
  applied: msg<{ n: number; sheet: string; changed: number; unmatched: string }>({
    es: (p) => `aplicados ${p.n} evento(s) a ${p.sheet}: ${p.changed} fila(s) cambiaron${p.unmatched === '' ? '' : `; enlace(s) que no están en la hoja: ${p.unmatched}`}`,
    en: (p) => `applied ${p.n} event(s) to ${p.sheet}: ${p.changed} row(s) changed${p.unmatched === '' ? '' : `; link(s) not in the sheet: ${p.unmatched}`}`,
  }),
  applyFailed: msg<{ n: number; sheet: string; detail: string; seconds: number }>({
    es: (p) => `no se pudieron aplicar ${p.n} evento(s) a ${p.sheet} (${p.detail}); se reintenta en ${p.seconds} s`,
    en: (p) => `could not apply ${p.n} event(s) to ${p.sheet} (${p.detail}); retrying in ${p.seconds} s`,
  }),
  indexed: msg<{ sheet: string; n: number }>({
    es: ({ sheet, n }) => `hoja ${sheet}: ${n} enlace(s) en el índice`,
    en: ({ sheet, n }) => `sheet ${sheet}: ${n} link(s) indexed`,
  }),
  indexFailed: msg<{ sheet: string; detail: string }>({
    es: ({ sheet, detail }) => `no se pudo leer ${sheet} para el índice (se intenta de nuevo en la próxima revisión): ${detail}`,
    en: ({ sheet, detail }) => `could not read ${sheet} for the index (tried again at the next look): ${detail}`,
  }),
  sheetGone: msg<{ sheet: string }>({
    es: ({ sheet }) => `${sheet} ya no está: sus enlaces salen del índice (sus eventos siguen en su archivo de eventos)`,
    en: ({ sheet }) => `${sheet} is gone: its links leave the index (its events stay in its events file)`,
  }),
  duplicateLink: msg<{ linkId: number; first: string; second: string }>({
    es: (p) => `el enlace ${p.linkId} está en ${p.first} y en ${p.second}: sus notificaciones van a ${p.first}`,
    en: (p) => `link ${p.linkId} is in both ${p.first} and ${p.second}: its notifications go to ${p.first}`,
  }),
  sheetsAndDir: msg({
    es: 'Use --sheet (una o varias veces) o --dir, no ambos a la vez.',
    en: 'Give --sheet (once or more) or --dir, not both.',
  }),
  noSheetGiven: msg({
    es: 'Indique la hoja con --sheet (puede repetirse) o la carpeta con --dir.',
    en: 'Name the sheet with --sheet (repeatable) or the folder with --dir.',
  }),
  notAFolder: msg<{ dir: string }>({
    es: ({ dir }) => `--dir ${dir} no es una carpeta.`,
    en: ({ dir }) => `--dir ${dir} is not a folder.`,
  }),
  plainPath: msg<{ path: string }>({
    es: ({ path }) => `la ruta del webhook "${path}" debe ser una ruta simple como /placetopay (sin ?, # ni espacios)`,
    en: ({ path }) => `the webhook path "${path}" must be a plain path such as /placetopay (no ?, # or spaces)`,
  }),
} as const;
