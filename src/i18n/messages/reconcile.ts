/**
 * Everything `paylinks reconcile` says to a person: which files of a folder
 * are sheets (discover), the closing report for one sheet or many, the phase
 * and stop lines of a run, and the guards around a sheet people edit.
 * Codes (PAID, DISABLED, UNCERTAIN…), column keys and flags stay as they are.
 */
import { msg } from '../message.js';

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const discover = {
  ownerFile: msg<{ sheet: string }>({
    es: ({ sheet }) => `archivo de propietario de Excel: "${sheet}" está abierto en Excel; no es una hoja`,
    en: ({ sheet }) => `Excel's owner file: "${sheet}" is open in Excel; not a sheet`,
  }),
  lockFile: msg({ es: 'archivo de bloqueo que paylinks mantiene mientras una ejecución usa una hoja', en: 'a lock file paylinks keeps while a run uses a sheet' }),
  tempFile: msg({ es: 'archivo temporal (una escritura en curso o dejada por una ejecución detenida)', en: 'a temporary file (a write in progress, or left by a stopped run)' }),
  journal: msg({ es: 'diario de `paylinks issue` de una hoja; no es una hoja', en: 'the journal `paylinks issue` keeps for a sheet; not a sheet' }),
  eventsFile: msg({ es: 'archivo de eventos del webhook; no es una hoja', en: "the webhook's events file; not a sheet" }),
  manifest: msg({ es: 'manifiesto de --split-by; no es una hoja', en: 'a --split-by manifest; not a sheet' }),
  reconciledCopy: msg({
    es: 'resultado de una conciliación que no pudo reemplazar su hoja (la hoja cambió mientras tanto): compárelo con la hoja y luego bórrelo',
    en: 'the result of a reconcile that could not replace its sheet (the sheet changed meanwhile): compare it with the sheet, then delete it',
  }),
  emergencyCopy: msg({
    es: 'copia de emergencia de `paylinks issue` (no pudo escribir su salida): ejecute issue de nuevo con el mismo --out',
    en: 'the emergency copy `paylinks issue` keeps when it cannot write its output: run issue again with the same --out',
  }),
  hidden: msg({ es: 'archivo oculto', en: 'a hidden file' }),
  folder: msg({
    es: 'carpeta: no se buscan hojas dentro de las subcarpetas (nómbrela en la línea de comandos para conciliar sus hojas)',
    en: 'a folder: sub-folders are not searched (name it on the command line to reconcile the sheets in it)',
  }),
  notSheetType: msg({ es: 'no es un archivo .csv ni .xlsx', en: 'not a .csv or .xlsx file' }),
  notFound: msg({ es: 'desapareció mientras se leía la carpeta', en: 'it disappeared while the folder was read' }),
  unreadable: msg<{ detail: string }>({
    es: ({ detail }) => `no se pudo leer, y no hay un diario de issue al lado que diga que paylinks la escribió: ${detail}`,
    en: ({ detail }) => `could not be read, and no issue journal beside it says paylinks wrote it: ${detail}`,
  }),
  notIssued: msg<{ missing: string }>({
    es: ({ missing }) => `le falta ${missing}: no es una hoja escrita por \`paylinks issue\` (¿una hoja de entrada?)`,
    en: ({ missing }) => `no ${missing} column: not a sheet \`paylinks issue\` wrote (an input sheet?)`,
  }),
} as const;

export const phases = {
  resolve: msg<{ n: number }>({
    es: ({ n }) => `Se buscaron de nuevo ${n} enlace(s) cuya respuesta de creación se perdió en issue.`,
    en: ({ n }) => `Looked again for ${n} link(s) whose create answers were lost in issue.`,
  }),
  query: msg<{ sheet: string; dryRun: boolean }>({
    es: ({ sheet, dryRun }) => `Revisando los enlaces de ${sheet}${dryRun ? ' (simulación: no se desactiva ni se escribe nada)' : ''}.`,
    en: ({ sheet, dryRun }) => `Checking the links of ${sheet}${dryRun ? ' (dry run: nothing is disabled or written)' : ''}.`,
  }),
  write: msg<{ sheet: string }>({ es: ({ sheet }) => `Escribiendo ${sheet}.`, en: ({ sheet }) => `Writing ${sheet}.` }),
  interrupted: msg({
    es: 'Interrumpida: las filas aún no revisadas quedaron como estaban.',
    en: 'Interrupted: rows not checked yet were left as they were.',
  }),
  serviceFailures: msg<{ n: number }>({
    es: ({ n }) => `El servicio falló ${n} consultas seguidas después de los reintentos; se detuvo. Las filas no revisadas quedaron como estaban: ejecute de nuevo más tarde.`,
    en: ({ n }) => `The service failed ${n} queries in a row after retries; stopped. Rows not checked were left as they were: run again later.`,
  }),
  wouldDisable: msg<{ linkId: string }>({
    es: ({ linkId }) => `desactivaría el enlace ${linkId}: sin pagar y vencido`,
    en: ({ linkId }) => `would disable link ${linkId}: unpaid and overdue`,
  }),
} as const;

export const guard = {
  openInExcel: msg<{ sheet: string; owner: string; waitedS?: number }>({
    es: ({ sheet, owner, waitedS }) =>
      `${sheet} está abierto en Excel (su archivo de propietario ${owner} está al lado)${waitedS === undefined ? '' : ` y seguía abierto después de esperar ${waitedS} s`}; no se envió nada. ` +
      `Cierre el archivo en Excel (guarde antes sus cambios) y ejecute reconcile de nuevo, o agregue --wait para esperar a que se cierre. ` +
      `Si Excel no está abierto, el archivo de propietario quedó de un cierre inesperado: borre ${owner}.`,
    en: ({ sheet, owner, waitedS }) =>
      `${sheet} is open in Excel (its owner file ${owner} is there)${waitedS === undefined ? '' : ` and was still open after waiting ${waitedS} s`}; nothing was sent. ` +
      'Close the file in Excel (save your changes first) and run reconcile again, or add --wait to wait until it is closed. ' +
      `If Excel is not running, the owner file was left by a crash: delete ${owner}.`,
  }),
  openedInExcel: msg({
    es: 'se abrió en Excel mientras reconcile corría (un guardado allí sobrescribiría el resultado, o el resultado sus cambios)',
    en: 'it was opened in Excel while reconcile ran (a save there would overwrite the result, or the result your edits)',
  }),
  moved: msg({ es: 'se movió o se borró mientras reconcile corría', en: 'it was moved or deleted while reconcile ran' }),
  changed: msg({
    es: 'cambió mientras reconcile corría (¿se guardó desde Excel u otro programa?)',
    en: 'it was changed while reconcile ran (saved from Excel or another program?)',
  }),
  notReplaced: msg<{ code: string }>({
    es: ({ code }) => `no se pudo reemplazar (${code}: ¿está abierta en otro programa?)`,
    en: ({ code }) => `it could not be replaced (${code}: is it open in another program?)`,
  }),
  sheetChanged: msg<{ sheet: string; writtenTo: string; name: string; writtenName: string; reason: string }>({
    es: (p) =>
      `${p.sheet} NO se sobrescribió: ${p.reason}. El resultado de esta ejecución está en ${p.writtenTo}. ` +
      `Su versión de ${p.name} se conserva como está: ejecute reconcile de nuevo sobre ella para ponerla al día (los enlaces desactivados en esta ejecución aparecen como DISABLED), ` +
      `y luego borre ${p.writtenName}.`,
    en: (p) =>
      `${p.sheet} was NOT overwritten: ${p.reason}. The result of this run is in ${p.writtenTo}. ` +
      `Your version of ${p.name} is kept as it is: run reconcile on it again to bring it up to date (links disabled by this run show as DISABLED), ` +
      `then delete ${p.writtenName}.`,
  }),
} as const;

/** Words of the closing report, for one sheet and for many. */
export const report = {
  reconciled: msg<{ sheet: string; queried: number; linked: number; target: string }>({
    es: (p) => `Conciliada ${p.sheet}: ${p.queried} de ${p.linked} enlaces revisados (${p.target}).`,
    en: (p) => `Reconciled ${p.sheet}: ${p.queried} of ${p.linked} links checked (${p.target}).`,
  }),
  dryRunTarget: msg({ es: 'simulación: no se desactivó ni se escribió nada', en: 'dry run: nothing disabled, nothing written' }),
  writtenTo: msg<{ path: string }>({ es: ({ path }) => `escrita en ${path}`, en: ({ path }) => `written to ${path}` }),
  notWritten: msg({ es: '(sin escribir)', en: '(not written)' }),
  splitFiles: msg<{ column: string; n: number; folder: string; manifest: string }>({
    es: (p) => `Un archivo por ${p.column}: ${p.n} ${plural(p.n, 'archivo', 'archivos')} en ${p.folder} (manifiesto: ${p.manifest}).`,
    en: (p) => `One file per ${p.column}: ${p.n} file${plural(p.n, '', 's')} in ${p.folder} (manifest: ${p.manifest}).`,
  }),
  splitError: msg<{ detail: string }>({
    es: ({ detail }) => `Los archivos por valor (--split-by) no se escribieron: ${detail}`,
    en: ({ detail }) => `The per-value files (--split-by) were not written: ${detail}`,
  }),
  stopped: msg<{ message: string }>({ es: ({ message }) => `DETENIDA: ${message}`, en: ({ message }) => `STOPPED: ${message}` }),
  notOverwritten: msg<{ message: string }>({ es: ({ message }) => `NO SOBRESCRITA: ${message}`, en: ({ message }) => `NOT OVERWRITTEN: ${message}` }),
  noChanges: msg({ es: 'Sin cambios desde la última ejecución.', en: 'No changes since the last run.' }),
  changes: msg<{ list: string }>({ es: ({ list }) => `Cambios desde la última ejecución: ${list}`, en: ({ list }) => `Changes since the last run: ${list}` }),
  changePaid: msg<{ n: number }>({ es: ({ n }) => `${n} ${plural(n, 'pagado', 'pagados')}`, en: ({ n }) => `${n} paid` }),
  changePartial: msg<{ n: number }>({ es: ({ n }) => `${n} con pago parcial`, en: ({ n }) => `${n} partly paid` }),
  changeExpired: msg<{ n: number }>({ es: ({ n }) => `${n} ${plural(n, 'vencido', 'vencidos')}`, en: ({ n }) => `${n} expired` }),
  changeDisabled: msg<{ n: number }>({ es: ({ n }) => `${n} ${plural(n, 'desactivado', 'desactivados')}`, en: ({ n }) => `${n} disabled` }),
  changeAdopted: msg<{ n: number }>({ es: ({ n }) => `${n} ${plural(n, 'encontrado', 'encontrados')} (perdidos en issue)`, en: ({ n }) => `${n} found (lost in issue)` }),
  disabledNow: msg({ es: 'DISABLED ahora (vencido)', en: 'DISABLED now (overdue)' }),
  disabledElsewhere: msg({ es: 'DISABLED (por fuera)', en: 'DISABLED (elsewhere)' }),
  changeLine: msg<{ what: string; row: number; reference: string; linkId: number; amount: string; from: string }>({
    es: (p) => `${p.what.padEnd(10)} fila ${p.row} ${p.reference} enlace ${p.linkId} ${p.amount}${p.from === '' ? '' : ` (antes ${p.from})`}`,
    en: (p) => `${p.what.padEnd(10)} row ${p.row} ${p.reference} link ${p.linkId} ${p.amount}${p.from === '' ? '' : ` (was ${p.from})`}`,
  }),
  wouldDisable: msg<{ n: number }>({
    es: ({ n }) => `Se desactivaría(n) ${n} enlace(s) vencido(s) sin pagar:`,
    en: ({ n }) => `Would disable ${n} overdue unpaid link(s):`,
  }),
  rowLine: msg<{ row: number; reference: string; linkId?: number; message: string }>({
    es: (p) => `fila ${p.row} ${p.reference}${p.linkId ? ` enlace ${p.linkId}` : ''}: ${p.message}`,
    en: (p) => `row ${p.row} ${p.reference}${p.linkId ? ` link ${p.linkId}` : ''}: ${p.message}`,
  }),
  needsLook: msg<{ n: number }>({
    es: ({ n }) => `Requiere revisión (${n}; cada fila tiene su motivo en reconcile_error):`,
    en: ({ n }) => `Needs a look (${n}; each row has its reason in reconcile_error):`,
  }),
  more: msg<{ n: number }>({ es: ({ n }) => `… y ${n} más`, en: ({ n }) => `… and ${n} more` }),
  totals: msg({ es: 'Totales:', en: 'Totals:' }),
  received: msg({ es: 'recibido', en: 'received' }),
  disabledByRun: msg<{ n: number }>({ es: ({ n }) => `desactivados en esta ejecución: ${n}`, en: ({ n }) => `disabled by this run: ${n}` }),
  time: msg<{ seconds: string }>({ es: ({ seconds }) => `tiempo: ${seconds} s`, en: ({ seconds }) => `time: ${seconds} s` }),
} as const;

/** The report of several sheets (a folder, or several names). */
export const many = {
  head: msg<{ done: number; total: number; queried: number; linked: number; target: string }>({
    es: (p) => `Conciliadas ${p.done} de ${p.total} ${plural(p.total, 'hoja', 'hojas')}: ${p.queried} de ${p.linked} enlaces revisados (${p.target}).`,
    en: (p) => `Reconciled ${p.done} of ${p.total} sheet${plural(p.total, '', 's')}: ${p.queried} of ${p.linked} links checked (${p.target}).`,
  }),
  inPlace: msg({ es: 'cada hoja actualizada en su lugar', en: 'each sheet updated in place' }),
  skippedNote: msg<{ n: number }>({
    es: ({ n }) => `${n} ${plural(n, 'archivo omitido', 'archivos omitidos')} de la carpeta: ver al final.`,
    en: ({ n }) => `${n} file${plural(n, '', 's')} of the folder skipped: listed at the end.`,
  }),
  notReconciled: msg<{ sheet: string; exit: number; why: string }>({
    es: (p) => `${p.sheet}: NO CONCILIADA (código de salida ${p.exit}): ${p.why}`,
    en: (p) => `${p.sheet}: NOT RECONCILED (exit ${p.exit}): ${p.why}`,
  }),
  locked: msg<{ pid?: number; host?: string; since?: string }>({
    es: (p) =>
      `otra ejecución la está usando${p.pid === undefined ? '' : ` (proceso ${p.pid} en ${p.host ?? '?'}, desde ${p.since ?? '?'})`}; la próxima ejecución la concilia (o use --wait)`,
    en: (p) => `another run holds it${p.pid === undefined ? '' : ` (process ${p.pid} on ${p.host ?? '?'}, since ${p.since ?? '?'})`}; the next run reconciles it (or use --wait)`,
  }),
  notReached: msg<{ why: string }>({
    es: ({ why }) => `no se alcanzó: la ejecución se detuvo antes de esta hoja (${why})`,
    en: ({ why }) => `not reached: the run stopped before this sheet (${why})`,
  }),
  perSheet: msg({ es: 'Por hoja:', en: 'Per sheet:' }),
  perSheetDone: msg<{ sheet: string; exit: number; queried: number; linked: number; changes: string; result: string }>({
    es: (p) => `${p.sheet}: código ${p.exit}; ${p.queried} de ${p.linked} enlaces revisados; ${p.changes}; ${p.result}`,
    en: (p) => `${p.sheet}: exit ${p.exit}; ${p.queried} of ${p.linked} links checked; ${p.changes}; ${p.result}`,
  }),
  perSheetFailed: msg<{ sheet: string; exit: number }>({
    es: (p) => `${p.sheet}: código ${p.exit}; no conciliada (ver arriba)`,
    en: (p) => `${p.sheet}: exit ${p.exit}; not reconciled (see above)`,
  }),
  problemsIn: msg<{ n: number }>({ es: ({ n }) => `${n} por revisar`, en: ({ n }) => `${n} to look at` }),
  noChangesShort: msg({ es: 'sin cambios', en: 'no changes' }),
  skippedHead: msg({ es: 'Omitidos (no son hojas escritas por paylinks):', en: 'Skipped (not sheets paylinks wrote):' }),
  noSheets: msg<{ paths: string; skipped: string }>({
    es: ({ paths, skipped }) => `No hay hojas escritas por paylinks en ${paths}; no se envió nada.${skipped === '' ? '' : ` Archivos vistos: ${skipped}.`} Se aceptan archivos .csv o .xlsx con las columnas link_state, link_id y link_url.`,
    en: ({ paths, skipped }) => `No sheet written by paylinks in ${paths}; nothing was sent.${skipped === '' ? '' : ` Files seen: ${skipped}.`} Accepted: .csv or .xlsx files with the link_state, link_id and link_url columns.`,
  }),
  outWithMany: msg({
    es: '--out nombra un solo archivo: con varias hojas o una carpeta, cada hoja se actualiza en su lugar. Quite --out, o concilie una sola hoja.',
    en: '--out names one file: with several sheets or a folder, each sheet is updated in place. Leave out --out, or reconcile one sheet.',
  }),
} as const;

/** What a row's reconcile_error says (also in the report's "needs a look"). */
export const rows = {
  uncertainNoJournal: msg<{ journal: string }>({
    es: ({ journal }) => `no hay un diario de issue ${journal} al lado de la hoja para buscarlo`,
    en: ({ journal }) => `there is no issue journal ${journal} beside the sheet to look it up with`,
  }),
  uncertainNotInJournal: msg<{ journal: string; reference: string }>({
    es: (p) => `el diario de issue ${p.journal} no tiene una creación perdida para la referencia ${p.reference}`,
    en: (p) => `the issue journal ${p.journal} has no lost create for reference ${p.reference}`,
  }),
  uncertain: msg<{ reference: string; why: string }>({
    es: (p) =>
      `UNCERTAIN desde issue: puede existir un enlace de pago para la referencia ${p.reference}, pero ${p.why}; ejecute \`paylinks issue\` de nuevo con la misma entrada y --out apuntando a esta hoja, o busque la referencia en el panel de Placetopay`,
    en: (p) =>
      `UNCERTAIN from issue: a link may exist for reference ${p.reference} but ${p.why}; run \`paylinks issue\` again on the same input with --out pointing at this sheet, or look the reference up in the Placetopay panel`,
  }),
} as const;

/** --help of the flags this feature added or changed. */
export const help = {
  sheets: msg({
    es: 'Hojas escritas por `paylinks issue` (.csv o .xlsx), o carpetas: todas las hojas que paylinks escribió en ellas (un solo informe; cada hoja se bloquea y se escribe por separado; el código de salida es el peor)',
    en: 'Sheets `paylinks issue` wrote (.csv or .xlsx), or folders: every sheet paylinks wrote in them (one report, each sheet locked and written on its own, exit code the worst)',
  }),
  out: msg({
    es: 'Escribir la hoja conciliada aquí en lugar de actualizarla en su lugar (solo con una hoja)',
    en: 'Write the reconciled sheet here instead of updating it in place (one sheet only)',
  }),
} as const;


/** What reconcile writes in a row's reconcile_error, and the stop after an authentication failure. */
export const problems = {
  linkIdNot: msg<{ shown: string; accepted: string }>({
    es: ({ shown, accepted }) => `el link_id ${shown} no es ${accepted}; corríjalo o bórrelo`,
    en: ({ shown, accepted }) => `link_id ${shown} is not ${accepted}; correct it or clear it`,
  }),
  notDisabled: msg<{ id: number; reason: string }>({
    es: ({ id, reason }) => `el enlace ${id} no se deshabilitó: ${reason}`,
    en: ({ id, reason }) => `link ${id} was not disabled: ${reason}`,
  }),
  checkBeforeDisableFailed: msg<{ id: number; reason: string }>({
    es: ({ id, reason }) => `el enlace ${id} no se deshabilitó: falló la consulta justo antes de deshabilitarlo (${reason})`,
    en: ({ id, reason }) => `link ${id} was not disabled: the check right before disabling failed (${reason})`,
  }),
  stoppedBeforeDisable: msg<{ id: number }>({
    es: ({ id }) => `el enlace ${id} debía deshabilitarse, pero la ejecución se detuvo antes`,
    en: ({ id }) => `link ${id} was due to be disabled but the run stopped first`,
  }),
  webhookPaidUnconfirmed: msg<{ id: number; date: string }>({
    es: ({ id, date }) =>
      `el webhook aceptó un aviso PAID firmado del enlace ${id}${date === '' ? '' : ` (${date})`}, pero el servicio aún no muestra un pago aprobado; se registró PAID y no se deshabilitó; revíselo`,
    en: ({ id, date }) =>
      `the webhook accepted a signed PAID notification for link ${id}${date === '' ? '' : ` (${date})`}, but the service shows no approved payment yet; recorded PAID and not disabled; check it`,
  }),
  eventsUnreadable: msg<{ path: string; reason: string }>({
    es: ({ path, reason }) => `no se pudo leer el archivo de eventos del webhook ${path} (${reason}), así que no se puede descartar un aviso PAID`,
    en: ({ path, reason }) => `the webhook's events file ${path} could not be read (${reason}), so a PAID notification cannot be ruled out`,
  }),
  paidAfterDisable: msg<{ flag: string; id: number; reference: string; amount?: string; at?: string }>({
    es: ({ flag, id, reference, amount, at }) =>
      `${flag}: el enlace ${id} (referencia ${reference}) se deshabilitó por vencido y aun así se aprobó ${amount === undefined ? 'un pago' : `un pago de ${amount}`}${at === undefined ? '' : ` (${at})`}: ` +
      'el pagador pagó un enlace deshabilitado; confírmelo en el panel de Placetopay y arréglelo con el pagador (esta nota queda hasta que usted la borre)',
    en: ({ flag, id, reference, amount, at }) =>
      `${flag}: link ${id} (reference ${reference}) was disabled as overdue and ${amount === undefined ? 'a payment' : `a payment of ${amount}`} was approved${at === undefined ? '' : ` (${at})`} anyway: ` +
      'the payer paid a disabled link; confirm it in the Placetopay panel and settle it with the payer (this note stays until you clear it)',
  }),
  queryLink: msg<{ id: number }>({ es: ({ id }) => `consultar el enlace ${id}`, en: ({ id }) => `query link ${id}` }),
  disableLink: msg<{ id: number }>({ es: ({ id }) => `deshabilitar el enlace ${id}`, en: ({ id }) => `disable link ${id}` }),
  noSuchLink: msg<{ what: string }>({
    es: ({ what }) => `no se pudo ${what}: el servicio no tiene un enlace con ese id (¿--env o --base-url son los mismos con que se emitió la hoja?)`,
    en: ({ what }) => `could not ${what}: the service has no link with that id (is --env or --base-url the one the sheet was issued on?)`,
  }),
  otherSite: msg<{ what: string }>({
    es: ({ what }) => `no se pudo ${what}: el enlace pertenece a otro sitio (revise las credenciales)`,
    en: ({ what }) => `could not ${what}: the link belongs to another site (check the credentials)`,
  }),
  couldNot: msg<{ what: string; afterRetries: boolean; detail: string }>({
    es: ({ what, afterRetries, detail }) => `no se pudo ${what}${afterRetries ? ' (tras los reintentos)' : ''}: ${detail}`,
    en: ({ what, afterRetries, detail }) => `could not ${what}${afterRetries ? ' (after retries)' : ''}: ${detail}`,
  }),
  authFailed: msg<{ code?: number; detail: string }>({
    es: ({ code, detail }) => `Falló la autenticación (${code === undefined ? 'autenticación mal formada' : `código ${code}`}): ${detail} No se consultó ni deshabilitó nada más.`,
    en: ({ code, detail }) => `Authentication failed (${code === undefined ? 'malformed authentication' : `code ${code}`}): ${detail} Nothing more was queried or disabled.`,
  }),
  unknownStatus: msg<{ status: string }>({
    es: ({ status }) => `el servicio informa el estado "${status}", que esta versión de paylinks no conoce`,
    en: ({ status }) => `the service reports status "${status}", which this version of paylinks does not know`,
  }),
  overdueUnknown: msg<{ id: number; reason: string }>({
    es: ({ id, reason }) => `no se puede saber si el enlace ${id} está vencido, así que no se deshabilitó: ${reason}`,
    en: ({ id, reason }) => `cannot tell whether link ${id} is overdue, so it was not disabled: ${reason}`,
  }),
  sheetSaysPaid: msg<{ state: string; id: number }>({
    es: ({ state, id }) => `la hoja dice ${state}, pero el servicio no muestra un pago aprobado del enlace ${id}; revíselo (el enlace se dejó como estaba)`,
    en: ({ state, id }) => `the sheet says ${state}, but the service shows no approved payment for link ${id}; check it (the link was left as it is)`,
  }),
} as const;

export const reconcile = { discover, phases, guard, report, many, rows, problems, help } as const;
