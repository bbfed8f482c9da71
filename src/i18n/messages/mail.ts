/**
 * `paylinks mail` (pipeline/mail): the collectors file's problems, who gets
 * what (plan), sending, and the closing report. The run's stops and its
 * progress line are in phases.ts (mail…); the manifest and --smtp in run.ts.
 */
import { msg } from '../message.js';

export const mail = {
  // The default message each collector reads (pipeline/mail/templates.ts); placeholders stay as they are.
  defaultSubject: msg({
    es: 'Cartera de {month}: {collector} — {rows} facturas, {amount}',
    en: 'Billing for {month}: {collector} — {rows} bills, {amount}',
  }),
  defaultBody: msg({
    es: [
      'Hola, {collector}:',
      '',
      'Adjuntamos su archivo de cartera de {month} ({file}): {rows} facturas por {amount}.',
      '',
      '{table}',
      '',
      'Cada fila del archivo tiene la factura, su enlace de pago y su estado.',
      '',
      'Enviado por paylinks.',
    ].join('\n'),
    en: [
      'Hello {collector},',
      '',
      'Attached is your billing file for {month} ({file}): {rows} bills for {amount}.',
      '',
      '{table}',
      '',
      'Each row of the file has the bill, its payment link and its state.',
      '',
      'Sent by paylinks.',
    ].join('\n'),
  }),

  // The collectors file (pipeline/mail/collectors.ts)
  collectorsNoHeader: msg<{ path: string; column: string; found: string }>({
    es: ({ path, column, found }) =>
      `${path}: ningún encabezado tiene una columna de cobrador ("${column}", cobrador o collector) y una columna de dirección ` +
      `(correo o email). Encabezados encontrados: ${found === '' ? 'ninguno' : found}.`,
    en: ({ path, column, found }) =>
      `${path}: no header with a collector column ("${column}", cobrador or collector) and an address column ` +
      `(correo or email). Headers found: ${found === '' ? 'none' : found}.`,
  }),
  stray: msg({
    es: 'está en una columna sin encabezado: ¿una celda con varias direcciones quedó partida por el separador? Ponga la celda entre comillas, o separe las direcciones con , (o póngalas en filas distintas)',
    en: 'is in a column with no header: was a cell with several addresses split by the delimiter? Quote the cell, or separate the addresses with , (or put them on separate rows)',
  }),
  noCollector: msg({ es: 'tiene direcciones pero ningún cobrador', en: 'has addresses but no collector' }),
  group: msg({
    es: 'es un grupo de direcciones; escriba las direcciones separadas por ;',
    en: 'is a group of addresses; list the addresses separated by ;',
  }),
  several: msg({
    es: 'tiene más de una dirección sin separador; sepárelas con ; o ,',
    en: 'holds more than one address without a separator; separate them with ; or ,',
  }),
  notAddress: msg({
    es: 'no es una dirección de correo; escríbala como nombre@dominio.com',
    en: 'is not an email address; write it as name@domain.com',
  }),
  notAddressSpaces: msg({
    es: 'no es una dirección de correo; escríbala como nombre@dominio.com, sin espacios',
    en: 'is not an email address; write it as name@domain.com, without spaces',
  }),

  // Who gets what (pipeline/mail/plan.ts)
  planBlank: msg<{ column: string; rows: number; blank: string }>({
    es: ({ column, rows, blank }) =>
      `${rows} fila(s) no tienen ${column} (archivo "${blank}"); nadie las recibe. Llene la columna ${column} y divida de nuevo.`,
    en: ({ column, rows, blank }) =>
      `${rows} row(s) have no ${column} (file "${blank}"); nobody gets them. Fill in the ${column} column and split again.`,
  }),
  planMissing: msg<{ value: string; path: string; near: string | undefined }>({
    es: ({ value, path, near }) =>
      `"${value}" no está en el archivo de cobradores ${path}` +
      (near === undefined ? '; agregue una fila con el cobrador y una dirección.' : `; tiene "${near}", que está escrito distinto: escríbalo exactamente como en la hoja.`),
    en: ({ value, path, near }) =>
      `"${value}" is not in the collectors file ${path}` +
      (near === undefined ? '; add a row with the collector and an address.' : `; it has "${near}", which is spelled differently: write it exactly as in the sheet.`),
  }),
  planNoAddress: msg<{ value: string; path: string }>({
    es: ({ value, path }) => `"${value}" no tiene ninguna dirección válida en ${path} (vea los problemas de direcciones).`,
    en: ({ value, path }) => `"${value}" has no valid address in ${path} (see the address problems).`,
  }),
  planEmpty: msg<{ file: string }>({
    es: ({ file }) => `${file} está vacío (sin filas): no hay nada que enviar.`,
    en: ({ file }) => `${file} is empty (no rows): nothing to send.`,
  }),
  planFileMissing: msg<{ file: string }>({
    es: ({ file }) => `${file} está en el manifiesto pero no en la carpeta; divida de nuevo.`,
    en: ({ file }) => `${file} is listed in the manifest but is not in the folder; split again.`,
  }),
  planUnreadable: msg<{ file: string; detail: string }>({
    es: ({ file, detail }) => `${file} no se puede leer (${detail}); divida de nuevo.`,
    en: ({ file, detail }) => `${file} cannot be read (${detail}); split again.`,
  }),

  // Sending (pipeline/mail/send.ts, run.ts, ledger.ts)
  sendAuth: msg<{ detail: string }>({
    es: ({ detail }) => `el servidor SMTP rechazó el usuario o la contraseña (${detail}); revise el usuario de --smtp y SMTP_PASSWORD. No se envió nada más.`,
    en: ({ detail }) => `the SMTP server refused the user name or password (${detail}); check --smtp's user and SMTP_PASSWORD. Nothing more was sent.`,
  }),
  sendDown: msg<{ detail: string }>({
    es: ({ detail }) => `no se pudo llegar al servidor SMTP después de los reintentos (${detail}); la ejecución se detuvo. Ejecute el mismo comando más tarde.`,
    en: ({ detail }) => `the SMTP server could not be reached after retries (${detail}); the run stopped. Run the same command again later.`,
  }),
  sendStopped: msg({ es: 'no enviado: la ejecución se detuvo antes de este mensaje', en: 'not sent: the run stopped before this message' }),
  sendLost: msg<{ detail: string }>({
    es: ({ detail }) => `la conexión se perdió mientras se enviaba el mensaje (${detail}); puede que el servidor lo tenga`,
    en: ({ detail }) => `the connection was lost while the message was being sent (${detail}); the server may have it`,
  }),
  stillRefused: msg<{ detail: string; retries: number }>({
    es: ({ detail, retries }) => `${detail} (rechazado aún después de ${retries} reintentos)`,
    en: ({ detail, retries }) => `${detail} (still refused after ${retries} retries)`,
  }),
  journalNoAnswer: msg({ es: 'el diario no pudo registrar la respuesta', en: 'the journal could not record the answer' }),
  noAnswer: msg({
    es: 'la ejecución se detuvo (terminada o caída) después de entregar el mensaje y antes de que el servidor respondiera',
    en: 'the run stopped (killed or crashed) after the message was handed over and before the server answered',
  }),
  alreadySent: msg<{ at: string }>({ es: ({ at }) => `enviado ${at}`, en: ({ at }) => `sent ${at}` }),
  uncertain: msg<{ reason: string; at: string }>({
    es: ({ reason, at }) => `${reason} (${at}); confírmelo con el cobrador, o envíelo de todos modos con --resend-uncertain`,
    en: ({ reason, at }) => `${reason} (${at}); check with the collector, or send it anyway with --resend-uncertain`,
  }),

  // The closing report (pipeline/mail/report.ts)
  reportTitle: msg<{ dryRun: boolean; files: number; manifest: string }>({
    es: ({ dryRun, files, manifest }) => `${dryRun ? 'Simulación (nada enviado)' : 'Correo'}: ${files} archivo(s) en ${manifest}`,
    en: ({ dryRun, files, manifest }) => `${dryRun ? 'Dry run (nothing sent)' : 'Mail'}: ${files} file(s) in ${manifest}`,
  }),
  reportServer: msg<{ server: string }>({ es: ({ server }) => `servidor: ${server}`, en: ({ server }) => `server: ${server}` }),
  reportBadAddress: msg<{ who: string | undefined; row: number; column: string; text: string; reason: string }>({
    es: ({ who, row, column, text, reason }) =>
      `BAD_ADDRESS ${who ?? '(sin cobrador)'}: fila ${row}, columna "${column}": ${text === '' ? '' : `"${text}" `}${reason}`,
    en: ({ who, row, column, text, reason }) =>
      `BAD_ADDRESS ${who ?? '(no collector)'}: row ${row}, column "${column}": ${text === '' ? '' : `"${text}" `}${reason}`,
  }),
  reportNeedsPerson: msg({ es: 'Requiere revisión:', en: 'Needs a person:' }),
  reportUnused: msg<{ values: string }>({
    es: ({ values }) => `En el archivo de cobradores pero sin archivo esta vez: ${values}`,
    en: ({ values }) => `In the collectors file but with no file this time: ${values}`,
  }),
  reportEml: msg<{ folder: string }>({
    es: ({ folder }) => `Mensajes escritos en ${folder} (ábralos con cualquier programa de correo).`,
    en: ({ folder }) => `Messages written to ${folder} (open them in any mail client).`,
  }),
  reportJournal: msg<{ journal: string }>({ es: ({ journal }) => `Diario: ${journal}`, en: ({ journal }) => `Journal: ${journal}` }),
  reportStopped: msg<{ message: string }>({ es: ({ message }) => `Detenido: ${message}`, en: ({ message }) => `Stopped: ${message}` }),
} as const;
