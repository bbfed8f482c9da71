/** Help of `paylinks reconcile`: the command, its flags, its examples and exit codes. */
import { msg } from '../message.js';

export const helpReconcile = {
  describe: msg({
    es: 'Pone al día las hojas escritas por `issue` (o todas las de una carpeta): quién pagó, qué enlaces vencieron; si se pide, deshabilita los enlaces vencidos',
    en: 'Bring the sheets written by `issue` (or every one in a folder) up to date: who paid, which links expired; optionally disable overdue links',
  }),
  disableOverdue: msg({
    es: 'Deshabilita los enlaces ACTIVE sin pagar cuya fecha de vencimiento (más --grace-days) ya pasó. Nunca un enlace pagado',
    en: 'Disable ACTIVE, unpaid links whose due date (plus --grace-days) has passed. Never a paid link',
  }),
  graceDays: msg({
    es: 'Días después de la fecha de vencimiento antes de deshabilitar un enlace sin pagar',
    en: 'Days after the due date before an unpaid link is disabled',
  }),
  asOf: msg({
    es: 'Toma esta fecha (AAAA-MM-DD) como hoy para la regla de vencidos (ensayos)',
    en: 'Treat this date (YYYY-MM-DD) as today for the overdue rule (rehearsals)',
  }),
  dryRun: msg({
    es: 'Consulta e informa, incluido lo que se deshabilitaría; no deshabilita nada ni escribe ningún archivo',
    en: 'Query and report, including what would be disabled; disable nothing and write no file',
  }),
  wait: msg({
    es: 'Si otra ejecución tiene la hoja, o está abierta en Excel (archivo dueño ~$ a su lado), la espera (si se da un número, como máximo esos segundos) en vez de salir con código 4 (o 2)',
    en: 'If another run holds the sheet, or it is open in Excel (~$ owner file beside it), wait for it (optionally at most this many seconds) instead of exiting with code 4 (or 2)',
  }),
  report: msg({
    es: 'El informe final en stdout: text (para personas y el correo de cron) o un objeto JSON',
    en: 'The closing report on stdout: text (for people and cron mail) or one JSON object',
  }),
  retries: msg({
    es: 'Reintentos de una consulta o deshabilitación que falló por una causa pasajera',
    en: 'Retries of a query or disable that failed for a passing reason',
  }),
  probeSettle: msg({
    es: 'Segundos que una creación de issue cuya respuesta se perdió puede seguir en curso en el servicio antes de buscarla [predeterminado: --timeout, mínimo 30]',
    en: 'Seconds a create whose answer was lost in issue may still be running at the service, before it is looked for [default: --timeout, at least 30]',
  }),
  splitBy: msg({
    es: 'Además escribe un archivo por cada valor distinto de esta columna (p. ej. Cobrador) con su propio resumen, y un manifiesto',
    en: 'Also write one file per distinct value of this column (e.g. Cobrador) with its own summary, and a manifest',
  }),
  exampleDaily: msg({
    es: 'Actualiza la hoja con los pagos y deshabilita los enlaces vencidos hace más de 5 días',
    en: 'Update the sheet with payments, and disable links overdue by more than 5 days',
  }),
  epilogue: msg({
    es:
      'Códigos de salida: 0 todos los enlaces revisados · 1 algunos enlaces no se pudieron revisar (o deshabilitar), hay filas que necesitan a una persona, ' +
      'o la hoja cambió mientras reconcile corría (el resultado queda a su lado) · 2 no pudo correr, no se envió nada (también: la hoja está abierta en Excel) · ' +
      '3 detenido (autenticación, servicio caído) · 4 otra ejecución tiene el bloqueo de la hoja · 129 la terminal se cerró · 130 interrumpido',
    en:
      'Exit codes: 0 every link checked · 1 some links could not be checked (or disabled), rows need a person, ' +
      'or the sheet changed while reconcile ran (the result is written beside it) · 2 could not run, nothing sent (also: the sheet is open in Excel) · ' +
      '3 stopped (authentication, service down) · 4 another run holds the sheet\'s lock · 129 the terminal hung up · 130 interrupted',
  }),
} as const;
