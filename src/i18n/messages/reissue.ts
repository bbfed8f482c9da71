/** `paylinks reissue`: its help, its row refusals, its phases and its closing report. */
import { msg } from '../message.js';

type Row = { row: number };
type RowLink = { row: number; linkId: number };

export const reissue = {
  // ── help ──────────────────────────────────────────────────────────────
  example: msg({
    es: 'Muestra qué filas sin pagar de enero se volverían a cobrar con vencimiento el 28 de febrero, sin enviar nada',
    en: 'Shows which unpaid rows of January would be billed again, due on 28 February, sending nothing',
  }),
  helpCommand: msg({
    es: 'Vuelve a emitir los enlaces de pago vencidos, desactivados o en mora de las filas sin pagar, con una referencia versionada (FAC-1 → FAC-1-R2)',
    en: 'Re-issue the payment links of unpaid rows whose link expired, was disabled or is overdue, under a versioned reference (FAC-1 → FAC-1-R2)',
  }),
  helpSheet: msg({ es: 'La hoja que escribió `paylinks issue` (o `reconcile`), .csv o .xlsx', en: 'The sheet `paylinks issue` (or `reconcile`) wrote, .csv or .xlsx' }),
  helpDue: msg({ es: 'Nueva fecha de vencimiento, AAAA-MM-DD (validada como en issue: desde hoy hasta --max-due-years)', en: 'The new due date, YYYY-MM-DD (checked as issue checks due dates: from today to --max-due-years ahead)' }),
  helpDryRun: msg({
    es: 'Solo consulta: escribe el plan (qué filas se volverían a emitir, con qué referencia y valor) sin desactivar ni crear nada',
    en: 'Query only: write the plan (which rows would be re-issued, under which reference and amount) without disabling or creating anything',
  }),
  helpAmountColumn: msg({
    es: 'Columna con el valor del nuevo enlace (p. ej. con intereses de mora), leída con las mismas reglas que issue [por defecto: el mismo valor del enlace actual]',
    en: 'Column holding the new link\'s amount (e.g. with a late fee), read by the same rules as issue [default: the current link\'s amount]',
  }),
  helpOut: msg({
    es: 'Escribir la hoja actualizada aquí en lugar de actualizar <sheet>; con --dry-run, el archivo del plan [por defecto: <sheet>-plan-reemision.csv]',
    en: 'Write the updated sheet here instead of updating <sheet> in place; with --dry-run, the plan file [default: <sheet>-reissue-plan.csv]',
  }),
  helpAsOf: msg({ es: 'Tomar esta fecha (AAAA-MM-DD) como hoy para decidir qué está en mora (ensayos)', en: 'Treat this date (YYYY-MM-DD) as today when deciding what is overdue (rehearsals)' }),
  helpResend: msg({
    es: 'Referencias nuevas (separadas por comas, o "all") cuya creación quedó UNCERTAIN y que usted revisó en el panel: se envían de nuevo',
    en: 'New references (comma-separated, or "all") whose create was left UNCERTAIN and that you checked in the panel: sent again',
  }),
  helpMaxDueYears: msg({ es: 'Se rechaza una --due más de estos años adelante', en: 'A --due more than this many years ahead is refused' }),
  helpLocale: msg({ es: 'Formato de números y fechas de la hoja (el mismo que se dio a issue): es-CO o en-US', en: 'Number and date format of the sheet (as given to issue): es-CO or en-US' }),
  helpCurrency: msg({ es: 'Moneda de las filas sin columna de moneda (la misma que se dio a issue)', en: 'Currency of rows without a currency column (as given to issue)' }),
  helpTimezone: msg({ es: 'Zona horaria del sitio: el enlace vence al final de la fecha de vencimiento allí', en: "The site's time zone: the link expires at the end of the due date there" }),
  helpMap: msg({ es: 'Columna de un campo, como se dio a issue: campo=Encabezado (repetible)', en: 'Column for a field, as given to issue: field=Header (repeatable)' }),
  helpConcurrency: msg({ es: 'Solicitudes simultáneas, un techo estricto (1-64)', en: 'Requests in flight at once, a hard ceiling (1-64)' }),
  helpRate: msg({ es: 'Nunca más de estas solicitudes por segundo [por defecto: sin límite; el ritmo se adapta al servicio]', en: 'Never more than this many requests per second [default: none; the pace adapts to the service]' }),
  helpRetries: msg({ es: 'Reintentos de una solicitud que falló donde reintentar es seguro', en: 'Retries of a request that failed where a retry is safe' }),
  helpProbeWindow: msg({ es: 'Máximo de ids de enlace a consultar al buscar creaciones cuya respuesta se perdió', en: 'Most link ids to query when looking for creates whose answers were lost' }),
  helpProbeSettle: msg({
    es: 'Segundos que una creación sin respuesta puede seguir en curso en el servicio antes de buscarla [por defecto: --timeout, mínimo 30]',
    en: 'Seconds a create whose answer was lost may still be running at the service, before it is looked for [default: --timeout, at least 30]',
  }),

  helpReport: msg({ es: 'El informe final en stdout: text (para personas y el correo de cron) o un objeto JSON', en: 'The closing report on stdout: text (for people and cron mail) or one JSON object' }),
  planSuffix: msg({ es: '-plan-reemision', en: '-reissue-plan' }),

  // ── flags refused (nothing sent) ──────────────────────────────────────
  dueMissing: msg({ es: 'Indique la nueva fecha de vencimiento con --due AAAA-MM-DD.', en: 'Give the new due date with --due YYYY-MM-DD.' }),
  dueBad: msg<{ value: string }>({
    es: ({ value }) => `--due debe ser una fecha AAAA-MM-DD (p. ej. 2027-01-31), no "${value}".`,
    en: ({ value }) => `--due must be a date YYYY-MM-DD (e.g. 2027-01-31), not "${value}".`,
  }),
  duePast: msg<{ due: string; today: string }>({
    es: ({ due, today }) => `--due ${due} ya pasó (hoy es ${today} en la zona del sitio): un enlace con esa fecha de vencimiento nacería vencido; indique una fecha desde ${today}.`,
    en: ({ due, today }) => `--due ${due} has passed (today is ${today} on the site's clock): a link due then would be born expired; give a date from ${today} on.`,
  }),
  dueTooFar: msg<{ due: string; today: string; last: string; years: number }>({
    es: ({ due, today, last, years }) => `--due ${due} está demasiado lejos para ser una fecha de vencimiento: se aceptan fechas de ${today} a ${last} (${years} año(s)); corríjala o amplíe el margen con --max-due-years.`,
    en: ({ due, today, last, years }) => `--due ${due} is too far ahead to be a due date: dates from ${today} to ${last} (${years} year(s) ahead) are accepted; correct it, or widen the window with --max-due-years.`,
  }),
  amountColumnMissing: msg<{ column: string; sheet: string; headers: string }>({
    es: ({ column, sheet, headers }) => `--amount-column "${column}": la hoja ${sheet} no tiene esa columna. Columnas encontradas: ${headers}. No se envió nada.`,
    en: ({ column, sheet, headers }) => `--amount-column "${column}": the sheet ${sheet} has no such column. Columns found: ${headers}. Nothing was sent.`,
  }),
  planIsSheet: msg<{ path: string }>({
    es: ({ path }) => `--dry-run --out ${path} reemplazaría la hoja misma con el plan; indique otro archivo (o quite --out).`,
    en: ({ path }) => `--dry-run --out ${path} would replace the sheet itself with the plan; name another file (or leave out --out).`,
  }),
  dryRunNoResend: msg({ es: '--dry-run no envía nada; quite --resend-uncertain (o quite --dry-run).', en: '--dry-run sends nothing; leave out --resend-uncertain (or leave out --dry-run).' }),

  // ── row refusals ─────────────────────────────────────────────────────
  unknownStatus: msg<{ status: string }>({
    es: ({ status }) => `el servicio informa el estado "${status}", que esta versión de paylinks no conoce; no se tocó`,
    en: ({ status }) => `the service reports status "${status}", which this version of paylinks does not know; it was not touched`,
  }),
  noDueDate: msg({
    es: 'el enlace sigue activo y no se sabe su fecha de vencimiento, así que no se puede decir si está en mora; no se tocó',
    en: 'the link is still active and its due date is unknown, so whether it is overdue cannot be told; it was not touched',
  }),
  referenceTooLong: msg<{ row: number; column: string; reference: string; length: number; max: number }>({
    es: ({ row, column, reference, length, max }) =>
      `Fila ${row}, columna "${column}": la nueva referencia ${reference} tiene ${length} caracteres y el servicio acepta máximo ${max}; no se volvió a emitir. Acorte la referencia de la factura o emita el cobro a mano`,
    en: ({ row, column, reference, length, max }) =>
      `Row ${row}, column "${column}": the new reference ${reference} is ${length} characters long and the service accepts at most ${max}; not re-issued. Shorten the bill's reference, or bill it by hand`,
  }),
  referenceInvalid: msg<{ row: number; column: string; reference: string }>({
    es: ({ row, column, reference }) => `Fila ${row}, columna "${column}": la nueva referencia ${reference} lleva caracteres que el servicio no acepta (solo letras, dígitos y guiones); no se volvió a emitir`,
    en: ({ row, column, reference }) => `Row ${row}, column "${column}": the new reference ${reference} holds characters the service does not accept (letters, digits and hyphens only); not re-issued`,
  }),
  amountColumnBad: msg<{ row: number; column: string; reason: string }>({
    es: ({ row, column, reason }) => `Fila ${row}, columna "${column}": ${reason}; no se volvió a emitir`,
    en: ({ row, column, reason }) => `Row ${row}, column "${column}": ${reason}; not re-issued`,
  }),
  amountColumnCurrency: msg<{ row: number; column: string; cellCurrency: string; currency: string }>({
    es: ({ row, column, cellCurrency, currency }) => `Fila ${row}, columna "${column}": el valor está en ${cellCurrency} y el enlace actual en ${currency}; escriba el valor sin moneda o en ${currency}; no se volvió a emitir`,
    en: ({ row, column, cellCurrency, currency }) => `Row ${row}, column "${column}": the amount is in ${cellCurrency} and the current link in ${currency}; write it without a currency, or in ${currency}; not re-issued`,
  }),
  amountNotPositive: msg<{ row: number; column: string }>({
    es: ({ row, column }) => `Fila ${row}, columna "${column}": el valor debe ser mayor que cero; no se volvió a emitir`,
    en: ({ row, column }) => `Row ${row}, column "${column}": the amount must be more than zero; not re-issued`,
  }),
  linkAmountUnreadable: msg<{ row: number; amount: string }>({
    es: ({ row, amount }) => `Fila ${row}: el valor del enlace actual ("${amount}") no es un valor que se pueda cobrar de nuevo; indique el valor con --amount-column`,
    en: ({ row, amount }) => `Row ${row}: the current link's amount ("${amount}") is not an amount that can be billed again; give it with --amount-column`,
  }),
  reissueCountBad: msg<{ row: number; column: string; text: string }>({
    es: ({ row, column, text }) => `Fila ${row}, columna "${column}": "${text}" no es un número entero de reemisiones; corríjalo o déjelo vacío`,
    en: ({ row, column, text }) => `Row ${row}, column "${column}": "${text}" is not a whole number of reissues; correct it or clear it`,
  }),
  badLinkId: msg<{ row: number; text: string }>({
    es: ({ row, text }) => `Fila ${row}, columna "link_id": ${JSON.stringify(text)} no es un id de enlace; corríjalo o bórrelo`,
    en: ({ row, text }) => `Row ${row}, column "link_id": ${JSON.stringify(text)} is not a link id; correct it or clear it`,
  }),
  queryFailed: msg<RowLink & { detail: string }>({
    es: ({ row, linkId, detail }) => `Fila ${row}: no se pudo consultar el enlace ${linkId} (${detail}); no se tocó. Vuelva a ejecutar el mismo comando`,
    en: ({ row, linkId, detail }) => `Row ${row}: link ${linkId} could not be queried (${detail}); it was not touched. Run the same command again`,
  }),
  notQueriedStopped: msg<RowLink>({
    es: ({ row, linkId }) => `Fila ${row}: el enlace ${linkId} no se consultó porque la ejecución se detuvo; vuelva a ejecutar el mismo comando`,
    en: ({ row, linkId }) => `Row ${row}: link ${linkId} was not queried because the run stopped; run the same command again`,
  }),
  unclear: msg<RowLink & { detail: string }>({
    es: ({ row, linkId, detail }) => `Fila ${row}, enlace ${linkId}: ${detail}`,
    en: ({ row, linkId, detail }) => `Row ${row}, link ${linkId}: ${detail}`,
  }),
  paidNow: msg<RowLink>({
    es: ({ row, linkId }) => `Fila ${row}: el enlace ${linkId} tiene un pago aprobado (o notificado) según la consulta; no se tocó`,
    en: ({ row, linkId }) => `Row ${row}: link ${linkId} has an approved (or notified) payment by the fresh query; it was not touched`,
  }),
  eventsUnreadable: msg<RowLink & { path: string; detail: string }>({
    es: ({ row, linkId, path, detail }) => `Fila ${row}: el archivo de eventos del webhook ${path} no se pudo leer (${detail}), así que no se puede descartar un pago del enlace ${linkId}; no se tocó`,
    en: ({ row, linkId, path, detail }) => `Row ${row}: the webhook's events file ${path} could not be read (${detail}), so a payment of link ${linkId} cannot be ruled out; it was not touched`,
  }),
  disableFailed: msg<RowLink & { detail: string }>({
    es: ({ row, linkId, detail }) => `Fila ${row}: no se pudo desactivar el enlace ${linkId} (${detail}); no se volvió a emitir, para que la deuda no tenga dos enlaces activos`,
    en: ({ row, linkId, detail }) => `Row ${row}: link ${linkId} could not be disabled (${detail}); not re-issued, so that the debt never has two live links`,
  }),
  disableNotConfirmed: msg<RowLink & { status: string }>({
    es: ({ row, linkId, status }) => `Fila ${row}: tras desactivarlo, el enlace ${linkId} aparece como ${status}, no desactivado; no se volvió a emitir. Revíselo en el panel de Placetopay`,
    en: ({ row, linkId, status }) => `Row ${row}: after the disable, link ${linkId} shows ${status}, not disabled; not re-issued. Check it in the Placetopay panel`,
  }),
  disableUnchecked: msg<RowLink & { detail: string }>({
    es: ({ row, linkId, detail }) => `Fila ${row}: el enlace ${linkId} se desactivó pero no se pudo confirmar (${detail}); no se volvió a emitir. Vuelva a ejecutar el mismo comando`,
    en: ({ row, linkId, detail }) => `Row ${row}: link ${linkId} was disabled but the disable could not be confirmed (${detail}); not re-issued. Run the same command again`,
  }),
  paidDuringDisable: msg<RowLink>({
    es: ({ row, linkId }) => `Fila ${row}: PAID_AFTER_DISABLE: el enlace ${linkId} recibió un pago aprobado mientras se desactivaba; no se volvió a emitir. Confírmelo en el panel de Placetopay y arregle con el pagador`,
    en: ({ row, linkId }) => `Row ${row}: PAID_AFTER_DISABLE: link ${linkId} received an approved payment while it was being disabled; not re-issued. Confirm it in the Placetopay panel and settle it with the payer`,
  }),
  createNotDone: msg<Row & { reference: string; state: string; detail: string }>({
    es: ({ row, reference, state, detail }) => `Fila ${row}: el nuevo enlace ${reference} quedó ${state}: ${detail}`,
    en: ({ row, reference, state, detail }) => `Row ${row}: the new link ${reference} ended ${state}: ${detail}`,
  }),
  uncertainLeft: msg<Row & { reference: string; detail: string }>({
    es: ({ row, reference, detail }) => `Fila ${row}: la creación del nuevo enlace ${reference} perdió su respuesta y sigue sin resolver (${detail}). El enlace anterior ya está desactivado; la hoja lo sigue mostrando hasta que se resuelva`,
    en: ({ row, reference, detail }) => `Row ${row}: the create of the new link ${reference} lost its answer and is still unsettled (${detail}). The old link is already disabled; the sheet keeps showing it until this is settled`,
  }),
  notSentStopped: msg<Row & { reference: string }>({
    es: ({ row, reference }) => `Fila ${row}: el nuevo enlace ${reference} no se envió porque la ejecución se detuvo; vuelva a ejecutar el mismo comando`,
    en: ({ row, reference }) => `Row ${row}: the new link ${reference} was not sent because the run stopped; run the same command again`,
  }),
  journalOtherBill: msg<Row & { reference: string; linkId: number; amount: string; currency: string; expiresAt: string }>({
    es: ({ row, reference, linkId, amount, currency, expiresAt }) =>
      `Fila ${row}: ${reference} ya se había emitido (enlace ${linkId}, ${amount} ${currency}, vence ${expiresAt}) en una ejecución cuya hoja no se escribió; se conserva ese enlace y no se usaron el valor ni la fecha de esta ejecución`,
    en: ({ row, reference, linkId, amount, currency, expiresAt }) =>
      `Row ${row}: ${reference} was already issued (link ${linkId}, ${amount} ${currency}, due ${expiresAt}) by a run whose sheet was not written; that link is kept, and this run's amount and due date were not used`,
  }),

  expiresAtUnreadable: msg<{ text: string }>({
    es: ({ text }) => `el expires_at ${JSON.stringify(text)} de una fila reemitida no es una fecha`,
    en: ({ text }) => `expires_at ${JSON.stringify(text)} of a reissued row is not a date`,
  }),

  // ── phases ────────────────────────────────────────────────────────────
  phaseResolve: msg<{ n: number }>({
    es: ({ n }) => `Buscando ${n} enlace(s) nuevos cuya respuesta de creación se perdió en una ejecución anterior.`,
    en: ({ n }) => `Looking for ${n} new link(s) whose create answer was lost in an earlier run.`,
  }),
  phaseQuery: msg<{ sheet: string; n: number; dryRun: boolean }>({
    es: ({ sheet, n, dryRun }) => `Consultando ${n} enlace(s) de ${sheet}${dryRun ? ' (ensayo: no se desactiva ni se crea nada)' : ''}.`,
    en: ({ sheet, n, dryRun }) => `Querying ${n} link(s) of ${sheet}${dryRun ? ' (dry run: nothing is disabled or created)' : ''}.`,
  }),
  phaseCreate: msg<{ n: number }>({
    es: ({ n }) => `Creando ${n} enlace(s) nuevos.`,
    en: ({ n }) => `Creating ${n} new link(s).`,
  }),
  phaseWrite: msg<{ path: string }>({ es: ({ path }) => `Escribiendo ${path}.`, en: ({ path }) => `Writing ${path}.` }),
  removedTemps: msg<{ n: number; names: string }>({
    es: ({ n, names }) => `Se eliminaron ${n} archivo(s) temporales que dejó una ejecución interrumpida: ${names}`,
    en: ({ n, names }) => `Removed ${n} temporary file(s) left by a run that was killed: ${names}`,
  }),
  lockNotRemoved: msg<{ path: string; detail: string }>({
    es: ({ path, detail }) => `No se pudo quitar el bloqueo ${path} (${detail}); la próxima ejecución lo retoma.`,
    en: ({ path, detail }) => `Could not remove the lock ${path} (${detail}); the next run takes it over.`,
  }),
  stopInterrupted: msg({
    es: 'Interrumpido: las filas que faltaban quedaron para la próxima ejecución.',
    en: 'Interrupted: the rows not done yet were left for the next run.',
  }),

  sheetChanged: msg<{ sheet: string; writtenTo: string; reason: string }>({
    es: ({ sheet, writtenTo, reason }) =>
      `${sheet} NO se sobrescribió: ${reason}. El resultado de esta reemisión, con los enlaces nuevos, está en ${writtenTo}. ` +
      `Su versión se conservó tal cual: ejecute reissue de nuevo sobre ella (el diario retoma los enlaces ya creados, nada se crea dos veces) y luego borre ${writtenTo}.`,
    en: ({ sheet, writtenTo, reason }) =>
      `${sheet} was NOT overwritten: ${reason}. This reissue's result, with the new links, is in ${writtenTo}. ` +
      `Your version is kept as it is: run reissue on it again (the journal takes back the links already created; nothing is created twice), then delete ${writtenTo}.`,
  }),

  // ── output not written (exit 5) ───────────────────────────────────────
  outputNotWritten: msg<{ links: number; out: string; reason: string; journal: string; copy?: string; sheet: string }>({
    es: ({ links, out, reason, journal, copy, sheet }) =>
      `Existen ${links} enlace(s) nuevos de esta reemisión, pero la hoja "${out}" no se escribió: ${reason}.\n` +
      (copy ? `Están en el diario "${journal}" y en una copia de emergencia, "${copy}".\n` : `Están en el diario "${journal}" (no se pudo escribir copia de emergencia: conserve ese archivo).\n`) +
      `Corrija la causa y ejecute el mismo comando sobre ${sheet}: nada se crea dos veces.`,
    en: ({ links, out, reason, journal, copy, sheet }) =>
      `${links} new link(s) of this reissue exist, but the sheet "${out}" was not written: ${reason}.\n` +
      (copy ? `They are in the journal "${journal}" and in an emergency copy, "${copy}".\n` : `They are in the journal "${journal}" (no emergency copy could be written either: keep that file).\n`) +
      `Fix the cause, then run the same command on ${sheet}: nothing is created twice.`,
  }),

  // ── columns (sheet headers; keys stay previous_link_id, previous_link_url, reissue_count) ──
  planRow: msg({ es: 'fila', en: 'row' }),
  planReference: msg({ es: 'referencia', en: 'reference' }),
  planLinkId: msg({ es: 'id_enlace', en: 'link_id' }),
  planLinkStatus: msg({ es: 'estado_enlace', en: 'link_status' }),
  planDecision: msg({ es: 'decisión', en: 'decision' }),
  planNewReference: msg({ es: 'nueva_referencia', en: 'new_reference' }),
  planAmount: msg({ es: 'valor', en: 'amount' }),
  planCurrency: msg({ es: 'moneda', en: 'currency' }),
  planDue: msg({ es: 'vencimiento', en: 'due_date' }),
  planNote: msg({ es: 'nota', en: 'note' }),

  // ── report ────────────────────────────────────────────────────────────
  decisionReissue: msg({ es: 'reemitir', en: 'reissue' }),
  decisionReissued: msg({ es: 'reemitido', en: 'reissued' }),
  decisionRefused: msg({ es: 'rechazado', en: 'refused' }),
  decisionPaid: msg({ es: 'pagado (no se toca)', en: 'paid (not touched)' }),
  decisionNotDue: msg({ es: 'al día (no se toca)', en: 'not due (not touched)' }),
  decisionUnlinked: msg({ es: 'sin enlace', en: 'no link' }),
  whyExpired: msg({ es: 'vencido', en: 'expired' }),
  whyDisabled: msg({ es: 'desactivado', en: 'disabled' }),
  whyOverdue: msg({ es: 'en mora, desactivado antes', en: 'overdue, disabled first' }),
  reportTitle: msg<{ sheet: string; dryRun: boolean }>({
    es: ({ sheet, dryRun }) => `${dryRun ? 'Plan de reemisión (ensayo)' : 'Reemisión'}: ${sheet}`,
    en: ({ sheet, dryRun }) => `${dryRun ? 'Reissue plan (dry run)' : 'Reissue'}: ${sheet}`,
  }),
  reportCounts: msg<{ rows: number; reissued: number; refused: number; paid: number; notDue: number; unlinked: number; dryRun: boolean }>({
    es: ({ rows, reissued, refused, paid, notDue, unlinked, dryRun }) =>
      `  filas ${rows} · ${dryRun ? 'por reemitir' : 'reemitidas'} ${reissued} · rechazadas ${refused} · pagadas ${paid} · al día ${notDue} · sin enlace ${unlinked}`,
    en: ({ rows, reissued, refused, paid, notDue, unlinked, dryRun }) =>
      `  rows ${rows} · ${dryRun ? 'to reissue' : 'reissued'} ${reissued} · refused ${refused} · paid ${paid} · not due ${notDue} · no link ${unlinked}`,
  }),
  reportRequests: msg<{ disabled: number; created: number }>({
    es: ({ disabled, created }) => `  enlaces desactivados ${disabled} · enlaces creados ${created}`,
    en: ({ disabled, created }) => `  links disabled ${disabled} · links created ${created}`,
  }),
  reportReissuedLine: msg<{ row: number; reference: string; oldLink: number; newReference: string; newLink?: number; amount: string; why: string; due: string }>({
    es: ({ row, reference, oldLink, newReference, newLink, amount, why, due }) =>
      `  fila ${row} ${reference}: enlace ${oldLink} (${why}) → ${newReference}${newLink === undefined ? '' : ` enlace ${newLink}`}, ${amount}, vence ${due}`,
    en: ({ row, reference, oldLink, newReference, newLink, amount, why, due }) =>
      `  row ${row} ${reference}: link ${oldLink} (${why}) → ${newReference}${newLink === undefined ? '' : ` link ${newLink}`}, ${amount}, due ${due}`,
  }),
  reportReissuedHeading: msg<{ n: number; dryRun: boolean }>({
    es: ({ n, dryRun }) => `${dryRun ? 'Se volverían a emitir' : 'Reemitidas'} (${n}):`,
    en: ({ n, dryRun }) => `${dryRun ? 'Would reissue' : 'Reissued'} (${n}):`,
  }),
  reportRefusedHeading: msg<{ n: number }>({ es: ({ n }) => `Requieren revisión (${n}):`, en: ({ n }) => `Need a look (${n}):` }),
  reportMore: msg<{ n: number }>({ es: ({ n }) => `  … y ${n} más`, en: ({ n }) => `  … and ${n} more` }),
  reportNothing: msg({ es: 'Ninguna fila para reemitir.', en: 'No row to reissue.' }),
  reportOutput: msg<{ path: string }>({ es: ({ path }) => `Hoja escrita: ${path}`, en: ({ path }) => `Sheet written: ${path}` }),
  reportPlan: msg<{ path: string }>({ es: ({ path }) => `Plan escrito: ${path} (no se envió nada)`, en: ({ path }) => `Plan written: ${path} (nothing was sent)` }),
  reportStopped: msg<{ message: string }>({ es: ({ message }) => `Detenido: ${message}`, en: ({ message }) => `Stopped: ${message}` }),
} as const;
