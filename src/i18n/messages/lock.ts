/** The lock that keeps two runs off one journal (src/io/lock.ts). */
import { msg } from '../message.js';

export const lock = {
  holderUnreadable: msg({
    es: 'otra ejecución (el archivo de bloqueo se está escribiendo o está dañado)',
    en: 'another run (the lock file is being written or is damaged)',
  }),
  holder: msg<{ pid: number; host: string; startedAt: string; command: string }>({
    es: ({ pid, host, startedAt, command }) => `el proceso ${pid} en ${host}, iniciado ${startedAt}${command ? ` (${command})` : ''}`,
    en: ({ pid, host, startedAt, command }) => `process ${pid} on ${host}, started ${startedAt}${command ? ` (${command})` : ''}`,
  }),
  held: msg<{ path: string; who: string; waited: boolean }>({
    es: ({ path, who, waited }) =>
      `Otra ejecución está trabajando en esto: el bloqueo "${path}" lo tiene ${who}. ` +
      `${waited ? 'Se dejó de esperar a que terminara.' : 'Espere a que termine, o ejecute de nuevo con la opción de esperar.'} ` +
      `Si está seguro de que esa ejecución ya no está corriendo, borre "${path}".`,
    en: ({ path, who, waited }) =>
      `Another run is working on this: the lock "${path}" is held by ${who}. ` +
      `${waited ? 'Gave up waiting for it to finish.' : 'Wait for it to finish, or run again with the option to wait.'} ` +
      `If you are sure that run is no longer running, delete "${path}".`,
  }),
} as const;
