/**
 * What stops an `issue` run, or why a row has no link (src/pipeline/issue):
 * the input changed, the output is the input, the service or the journal
 * failed, and exit 5 — links exist but the output sheet was not written.
 * Row texts here end up in the output's `error` column.
 */
import { msg } from '../message.js';

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const run = {
  noRows: msg<{ path: string }>({
    es: ({ path }) => `${path} tiene encabezados pero ninguna fila debajo; exporte de nuevo la hoja con sus facturas.`,
    en: ({ path }) => `${path} has a header but no rows below it; export the sheet again with its invoices.`,
  }),
  outputIsInput: msg<{ path: string }>({
    es: ({ path }) => `--out ${path} es el mismo archivo de entrada; elija otro archivo de salida para que la entrada quede como estaba.`,
    en: ({ path }) => `--out ${path} is the input file itself; choose another output file so the input stays as it was.`,
  }),
  inputChangedAfterLinks: msg<{ input: string; change: string }>({
    es: ({ input, change }) =>
      `la entrada "${input}" cambió mientras la ejecución trabajaba (${change}), así que la hoja no se escribió a partir de ella; ` +
      'la copia de emergencia lista cada cobro exactamente como se envió. Vuelva a poner el archivo que se emitió',
    en: ({ input, change }) =>
      `the input "${input}" changed while the run was working (${change}), so the sheet was not written from it; ` +
      'the emergency copy lists every bill exactly as it was sent. Put back the file that was issued',
  }),
  inputChangedNoLinks: msg<{ input: string; change: string }>({
    es: ({ input, change }) =>
      `la entrada "${input}" cambió mientras la ejecución trabajaba (${change}); no se creó ningún enlace. Ejecute de nuevo el mismo comando sobre el archivo como está ahora.`,
    en: ({ input, change }) =>
      `the input "${input}" changed while the run was working (${change}); no link was created. Run the same command again on the file as it is now.`,
  }),
  conflicts: msg<{ path: string; count: number; lines: string }>({
    es: ({ path, count, lines }) =>
      `${path} cambió desde que se emitieron estas filas (${count} ${plural(count, 'fila', 'filas')}); no se envió nada:\n${lines}\n` +
      'Restaure la hoja como estaba para terminar esta ejecución, o emita la nueva versión a otro --out (los enlaces ya emitidos siguen vigentes; desactívelos con reconcile si están errados).',
    en: ({ path, count, lines }) =>
      `${path} changed since these rows were issued (${count} row${count === 1 ? '' : 's'}); nothing was sent:\n${lines}\n` +
      'Restore the sheet as it was to finish this run, or issue the new version to a different --out (the links already issued stay valid; disable them with reconcile if they are wrong).',
  }),
  conflictLine: msg<{ row: number; ref: string; link: string; was: string; now: string }>({
    es: ({ row, ref, link, was, now }) =>
      `  fila ${row}, referencia ${ref}: se emitió por ${was} (${link}); la hoja ahora dice ${now} (o tiene otro nombre/descripción)`,
    en: ({ row, ref, link, was, now }) =>
      `  row ${row}, reference ${ref}: issued as ${was} (${link}); the sheet now says ${now} (or another name/description)`,
  }),
  billShown: msg<{ amount: string; currency: string; expiresAt: string }>({
    es: ({ amount, currency, expiresAt }) => `${amount} ${currency} con vencimiento ${expiresAt}`,
    en: ({ amount, currency, expiresAt }) => `${amount} ${currency} expiring ${expiresAt}`,
  }),
  conflictLink: msg<{ id: number }>({ es: ({ id }) => `enlace ${id}`, en: ({ id }) => `link ${id}` }),
  conflictLost: msg({ es: 'una creación cuya respuesta se perdió', en: 'a create whose answer was lost' }),
  rowChanged: msg<{ row: number; ref: string }>({
    es: ({ row, ref }) => `la fila ${row} (referencia ${ref}) ahora dice algo distinto de lo que se envió para ella`,
    en: ({ row, ref }) => `row ${row} (reference ${ref}) now says something else than what was sent for it`,
  }),

  // Exit 5 (issue/output-fault.ts)
  outputNotWritten: msg<{ issued: number; uncertain: number; out: string; reason: string; journal: string; copy?: string }>({
    es: ({ issued, uncertain, out, reason, journal, copy }) =>
      `${issued === 1 ? 'Existe 1 enlace de pago' : `Existen ${issued} enlaces de pago`} de esta ejecución` +
      (uncertain > 0 ? ` (y ${uncertain} ${plural(uncertain, 'creación cuya respuesta se perdió puede haber creado uno', 'creaciones cuya respuesta se perdió pueden haber creado uno')})` : '') +
      `, pero la salida "${out}" no se escribió: ${reason}.\n` +
      (copy
        ? `Quedan registrados en el diario "${journal}" y en una copia de emergencia de la salida, "${copy}".`
        : `Quedan registrados en el diario "${journal}" (tampoco se pudo escribir una copia de emergencia: conserve ese archivo).`) +
      '\n' +
      `Corrija la causa y ejecute el mismo comando con el mismo --out ${out} para escribir la hoja: nada se envía dos veces. ` +
      'NO lo ejecute con otro --out: eso empieza un diario nuevo y crea de nuevo todos los enlaces, cobrándole dos veces a todos.',
    en: ({ issued, uncertain, out, reason, journal, copy }) =>
      `${issued} payment link${issued === 1 ? '' : 's'} exist${issued === 1 ? 's' : ''} for this run` +
      (uncertain > 0 ? ` (and ${uncertain} create${uncertain === 1 ? '' : 's'} whose answer was lost may have made one)` : '') +
      `, but the output "${out}" was not written: ${reason}.\n` +
      (copy
        ? `They are recorded in the journal "${journal}" and in an emergency copy of the output, "${copy}".`
        : `They are recorded in the journal "${journal}" (no emergency copy could be written either: keep that file).`) +
      '\n' +
      `Fix the cause, then run the same command with the same --out ${out} to write the sheet: nothing is sent twice. ` +
      'Do NOT run it with another --out: that starts a new journal and creates every link again, billing everyone twice.',
  }),

  // Why a row has no link (the output's error column; issue/send.ts, issue/write.ts)
  answerLost: msg<{ ref: string }>({
    es: ({ ref }) => `la creación de la referencia ${ref} se envió y su respuesta se perdió; ejecute de nuevo el mismo comando para buscarla`,
    en: ({ ref }) => `the create for reference ${ref} was sent and its answer was lost; run the same command again to look for it`,
  }),
  notSentBecause: msg<{ why: string }>({
    es: ({ why }) => `no se envió: ${why} Ejecute de nuevo el mismo comando para enviarla.`,
    en: ({ why }) => `not sent: ${why} Run the same command again to send it.`,
  }),
  notSent: msg({
    es: 'no se envió; ejecute de nuevo el mismo comando para enviarla',
    en: 'not sent; run the same command again to send it',
  }),
  createdBut: msg<{ warning: string }>({
    es: ({ warning }) => `enlace creado, pero: ${warning}`,
    en: ({ warning }) => `link created, but: ${warning}`,
  }),
  unexpected: msg<{ detail: string }>({
    es: ({ detail }) => `error inesperado: ${detail}`,
    en: ({ detail }) => `unexpected error: ${detail}`,
  }),
  rejectedFields: msg<{ fields: string }>({
    es: ({ fields }) => `el servicio rechazó la solicitud (422): ${fields}`,
    en: ({ fields }) => `the service rejected the request (422): ${fields}`,
  }),

  // Why a run stopped sending (issue/send.ts, issue/run.ts)
  journalFailed: msg<{ detail: string }>({
    es: ({ detail }) => `No se pudo escribir el diario: ${detail}`,
    en: ({ detail }) => `The journal could not be written: ${detail}`,
  }),
  serviceFailed: msg<{ count: number; last: string }>({
    es: ({ count, last }) => `El servicio falló ${count} filas seguidas después de los reintentos (la última: ${last}). No se envió nada más.`,
    en: ({ count, last }) => `The service failed ${count} rows in a row after retries (last: ${last}). Nothing more was sent.`,
  }),
  interrupted: msg({
    es: 'Interrumpido: las filas que faltaban por enviar quedaron para la próxima ejecución.',
    en: 'Interrupted: rows not sent yet were left for the next run.',
  }),

  // Output extras (output/split.ts)
  splitTooMany: msg<{ column: string; max: number }>({
    es: ({ column, max }) =>
      `--split-by "${column}" tiene más de ${max} valores distintos, un archivo por cada uno; ` +
      'divida por una columna con menos valores (un cobrador, una sucursal, una zona), no por una que cambia en cada fila.',
    en: ({ column, max }) =>
      `--split-by "${column}" has more than ${max} different values, one file each; ` +
      'split by a column with fewer values (a collector, a branch, a zone), not one that differs on every row.',
  }),
  // split and mail options (output/split.ts, mail/manifest.ts, mail/smtp-url.ts)
  splitColumnMissing: msg<{ file: string; name: string; columns: string }>({
    es: ({ file, name, columns }) => `${file}: --split-by "${name}" nombra una columna que el archivo no tiene. Columnas encontradas: ${columns}.`,
    en: ({ file, name, columns }) => `${file}: --split-by "${name}" names a column the file does not have. Columns found: ${columns}.`,
  }),
  notAManifest: msg<{ given: string; reason: string; manifest: string }>({
    es: ({ given, reason, manifest }) => `${given}: ${reason}. Indique la carpeta que escribió --split-by (p. ej. \`enero/links-by-Cobrador\`) o su ${manifest}.`,
    en: ({ given, reason, manifest }) => `${given}: ${reason}. Give the folder that --split-by wrote (e.g. enero/links-by-Cobrador) or its ${manifest}.`,
  }),
  manifestNoSuchPath: msg({ es: 'no existe ese archivo ni esa carpeta', en: 'no such file or folder' }),
  manifestNotOne: msg<{ json: string; csv: string }>({
    es: ({ json, csv }) => `es un archivo pero no un manifiesto (${json} o ${csv})`,
    en: ({ json, csv }) => `is a file but not a manifest (${json} or ${csv})`,
  }),
  manifestMissing: msg<{ path: string }>({
    es: ({ path }) => `falta ${path} (¿la carpeta la escribió paylinks issue/reconcile --split-by?)`,
    en: ({ path }) => `${path} is missing (was the folder written by paylinks issue/reconcile --split-by?)`,
  }),
  manifestNotJson: msg<{ path: string }>({
    es: ({ path }) => `${path} no es JSON válido`,
    en: ({ path }) => `${path} is not valid JSON`,
  }),
  manifestBad: msg<{ what: string }>({
    es: ({ what }) => `no es un manifiesto escrito por paylinks (${what})`,
    en: ({ what }) => `is not a manifest paylinks wrote (${what})`,
  }),
  manifestNotObject: msg({ es: 'no es un objeto', en: 'not an object' }),
  manifestNoFiles: msg({ es: 'sin "column" o "files"', en: 'no "column" or "files"' }),
  manifestEntryLacks: msg<{ n: number }>({
    es: ({ n }) => `a la entrada ${n} le falta "value", "file" o "rows"`,
    en: ({ n }) => `entry ${n} lacks value, file or rows`,
  }),
  manifestEntryOutside: msg<{ n: number; file: string }>({
    es: ({ n, file }) => `la entrada ${n} nombra "${file}", fuera de la carpeta`,
    en: ({ n, file }) => `entry ${n} names "${file}", outside the folder`,
  }),
  manifestValueTwice: msg<{ value: string }>({
    es: ({ value }) => `el valor "${value}" aparece dos veces`,
    en: ({ value }) => `the value "${value}" is listed twice`,
  }),
  smtpBad: msg<{ value: string; reason: string }>({
    es: ({ value, reason }) =>
      `--smtp "${value}" ${reason}; escríbalo como smtp://usuario@servidor:587 (STARTTLS) o smtps://usuario@servidor:465 (TLS), con la contraseña en SMTP_PASSWORD.`,
    en: ({ value, reason }) =>
      `--smtp "${value}" ${reason}; write it as smtp://user@host:587 (STARTTLS) or smtps://user@host:465 (TLS), with the password in SMTP_PASSWORD.`,
  }),
  smtpNotUrl: msg({ es: 'no es una URL', en: 'is not a URL' }),
  smtpScheme: msg<{ protocol: string }>({
    es: ({ protocol }) => `empieza por "${protocol}"`,
    en: ({ protocol }) => `starts with "${protocol}"`,
  }),
  smtpNoHost: msg({ es: 'no nombra ningún servidor', en: 'names no host' }),
  smtpPasswordNoUser: msg({
    es: 'tiene contraseña pero no usuario (smtp://usuario@servidor)',
    en: 'has a password but no user name (smtp://user@host)',
  }),
  smtpStarttls: msg<{ value: string }>({
    es: ({ value }) => `pide starttls=${value}; se acepta: starttls=required o starttls=auto`,
    en: ({ value }) => `asks for starttls=${value}; accepted: starttls=required or starttls=auto`,
  }),
  smtpUnknownSetting: msg<{ key: string }>({
    es: ({ key }) => `tiene un ajuste desconocido "${key}" (solo starttls=required|auto)`,
    en: ({ key }) => `has an unknown setting "${key}" (only starttls=required|auto)`,
  }),
  smtpRecipientRefused: msg({ es: 'el servidor no aceptó este destinatario', en: 'the server did not accept this recipient' }),
} as const;
