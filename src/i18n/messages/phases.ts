/**
 * Phase lines and warnings a run prints while it works (src/pipeline/issue,
 * uncertain, output, mail; the sandbox warnings of issue and reconcile).
 */
import { msg } from '../message.js';

export const phases = {
  dryRun: msg({ es: 'Simulación: se valida cada fila; no se envía nada.', en: 'Dry run: validating every row; nothing is sent.' }),
  resuming: msg({ es: 'Reanudando: se envían las filas que faltan.', en: 'Resuming: sending the rows not done yet.' }),
  sending: msg<{ input: string; url: string }>({
    es: ({ input, url }) => `Enviando ${input} a ${url}.`,
    en: ({ input, url }) => `Sending ${input} to ${url}.`,
  }),
  writing: msg<{ out: string }>({ es: ({ out }) => `Escribiendo ${out}.`, en: ({ out }) => `Writing ${out}.` }),
  wrote: msg<{ count: number; out: string }>({
    es: ({ count, out }) => `Se ${count === 1 ? 'escribió 1 fila' : `escribieron ${count} filas`} en ${out}.`,
    en: ({ count, out }) => `Wrote ${count} row${count === 1 ? '' : 's'} to ${out}.`,
  }),
  resumingFrom: msg<{ journal: string }>({
    es: ({ journal }) => `Reanudando desde ${journal}: se compara la hoja con él.`,
    en: ({ journal }) => `Resuming from ${journal}: checking the sheet against it.`,
  }),
  lookingFor: msg<{ count: number }>({
    es: ({ count }) => `Buscando ${count === 1 ? '1 enlace cuya respuesta de creación se perdió' : `${count} enlaces cuya respuesta de creación se perdió`}.`,
    en: ({ count }) => `Looking for ${count} link${count === 1 ? '' : 's'} whose create answer was lost.`,
  }),

  // Warnings
  removedTemps: msg<{ count: number; out: string; list: string }>({
    es: ({ count, out, list }) => `Se ${count === 1 ? 'borró 1 archivo temporal' : `borraron ${count} archivos temporales`} que una ejecución interrumpida dejó junto a ${out}: ${list}`,
    en: ({ count, out, list }) => `Removed ${count} temporary file(s) left beside ${out} by a run that was killed: ${list}`,
  }),
  lockNotRemoved: msg<{ path: string; detail: string }>({
    es: ({ path, detail }) => `No se pudo quitar el bloqueo ${path} (${detail}); la próxima ejecución lo retoma.`,
    en: ({ path, detail }) => `Could not remove the lock ${path} (${detail}); the next run takes it over.`,
  }),
  moreRowWarnings: msg<{ count: number }>({
    es: ({ count }) => `No se mostraron ${count} avisos más de filas como los de arriba.`,
    en: ({ count }) => `${count} more row warnings like the ones above were not shown.`,
  }),
  hiddenRows: msg<{ count: number; shown: string }>({
    es: ({ count, shown }) =>
      count === 1
        ? `1 fila está oculta en la hoja (a mano o por un filtro) y no se cobró (fila ${shown}); queda marcada SKIPPED. Muéstrela, o ejecute con --include-hidden para cobrarla.`
        : `${count} filas están ocultas en la hoja (a mano o por un filtro) y no se cobraron (filas ${shown}); quedan marcadas SKIPPED. Muéstrelas, o ejecute con --include-hidden para cobrarlas.`,
    en: ({ count, shown }) =>
      `${count} row${count === 1 ? ' is' : 's are'} hidden in the sheet (by hand or by a filter) and ${count === 1 ? 'was' : 'were'} not billed ` +
      `(row${count === 1 ? '' : 's'} ${shown}); they are marked SKIPPED. Unhide them, or run with --include-hidden to bill them.`,
  }),
  splitNotWritten: msg<{ detail: string }>({
    es: ({ detail }) => `Los archivos por valor (--split-by) no se escribieron: ${detail} La salida completa tiene todas las filas.`,
    en: ({ detail }) => `The per-value files (--split-by) were not written: ${detail} The full output has every row.`,
  }),
  qrNotWritten: msg<{ detail: string }>({
    es: ({ detail }) => `Los códigos QR (--qr) no se escribieron: ${detail} La salida completa tiene todas las filas.`,
    en: ({ detail }) => `The QR codes (--qr) were not written: ${detail} The full output has every row.`,
  }),
  sandboxIssue: msg<{ url: string }>({
    es: ({ url }) => `Se usa el sandbox incorporado en ${url}: no se crea ningún enlace real, y olvida sus enlaces cuando termina este comando.`,
    en: ({ url }) => `Using the embedded sandbox at ${url}: no real link is created, and it forgets its links when this command ends.`,
  }),
  sandboxReconcile: msg<{ url: string }>({
    es: ({ url }) => `Se usa el sandbox incorporado en ${url}: solo conoce los enlaces creados en este comando, así que todos los enlaces quedarán UNKNOWN.`,
    en: ({ url }) => `Using the embedded sandbox at ${url}: it knows no links but those made in this command, so every link will be UNKNOWN.`,
  }),

  // mail (pipeline/mail/run.ts)
  mailNoSmtp: msg({ es: '--smtp es obligatorio para enviar (o use --dry-run).', en: '--smtp is required to send (or use --dry-run).' }),
  mailAuth: msg<{ detail: string }>({
    es: ({ detail }) => `el servidor SMTP rechazó el usuario o la contraseña (${detail}); revise el usuario de --smtp y SMTP_PASSWORD. No se envió nada.`,
    en: ({ detail }) => `the SMTP server refused the user name or password (${detail}); check --smtp's user and SMTP_PASSWORD. Nothing was sent.`,
  }),
  mailDown: msg<{ server: string; detail: string }>({
    es: ({ server, detail }) => `no se pudo usar el servidor SMTP ${server} (${detail}). No se envió nada.`,
    en: ({ server, detail }) => `the SMTP server ${server} could not be used (${detail}). Nothing was sent.`,
  }),
  mailInterrupted: msg({
    es: 'interrumpido: los mensajes que no habían empezado no se enviaron; ejecute de nuevo el mismo comando para enviarlos.',
    en: 'interrupted: messages not yet started were not sent; run the same command again to send them.',
  }),
  mailJournal: msg<{ detail: string }>({
    es: ({ detail }) => `no se pudo escribir el diario de correo (${detail}); la ejecución se detuvo. Los mensajes en curso quedan UNCERTAIN.`,
    en: ({ detail }) => `the mail journal could not be written (${detail}); the run stopped. Messages in flight are UNCERTAIN.`,
  }),
  mailSending: msg<{ count: number; server: string }>({
    es: ({ count, server }) => `Enviando ${count} mensaje(s) por ${server}.`,
    en: ({ count, server }) => `Sending ${count} message(s) through ${server}.`,
  }),
  mailAddress: msg<{ file: string; row: number; column: string; text: string; reason: string }>({
    es: ({ file, row, column, text, reason }) => `${file} fila ${row}, columna "${column}": ${text === '' ? '' : `"${text}" `}${reason}.`,
    en: ({ file, row, column, text, reason }) => `${file} row ${row}, column "${column}": ${text === '' ? '' : `"${text}" `}${reason}.`,
  }),
} as const;
