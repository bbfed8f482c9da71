/** Help of `paylinks mail`. */
import { msg } from '../message.js';

export const helpMail = {
  describe: msg({
    es: 'Envía a cada cobrador por correo su propio archivo de --split-by, una sola vez (SMTP, o archivos .eml con --dry-run)',
    en: 'Email each collector their own file from --split-by, exactly once (SMTP, or .eml files with --dry-run)',
  }),
  source: msg({
    es: 'La carpeta que escribió --split-by (p. ej. enero/links-by-Cobrador) o su _manifest.json / _manifest.csv',
    en: 'The folder --split-by wrote (e.g. enero/links-by-Cobrador) or its _manifest.json / _manifest.csv',
  }),
  collectors: msg({
    es: 'CSV o XLSX: una columna de cobrador (la columna de la división, cobrador o collector) y columnas de dirección (correo o email; varias direcciones separadas por ; o ,)',
    en: 'CSV or XLSX: a collector column (the split column, cobrador or collector) and address columns (correo or email; several addresses separated by ; or ,)',
  }),
  smtp: msg({
    es: 'smtp://usuario@servidor:587 (STARTTLS) o smtps://usuario@servidor:465; la contraseña en SMTP_PASSWORD (o en la URL). No hace falta con --dry-run',
    en: 'smtp://user@host:587 (STARTTLS) or smtps://user@host:465; the password in SMTP_PASSWORD (or in the URL). Not needed with --dry-run',
  }),
  from: msg({
    es: 'Dirección del remitente, p. ej. "Cartera <cartera@empresa.co>"',
    en: 'Sender address, e.g. "Cartera <cartera@empresa.co>"',
  }),
  subject: msg({
    es: 'Plantilla del asunto; marcadores {collector} {month} {file} {rows} {amount} y por estado {PAID} {PAID_amount} … [predeterminado: en el idioma de la ejecución, --lang]',
    en: "Subject template; placeholders {collector} {month} {file} {rows} {amount} and per state {PAID} {PAID_amount} … [default: in the run's language, --lang]",
  }),
  body: msg({
    es: 'Un archivo de texto UTF-8 con la plantilla del cuerpo (los mismos marcadores, más {table} para la tabla de resumen) [predeterminado: en el idioma de la ejecución, --lang]',
    en: "A UTF-8 text file with the body template (same placeholders, plus {table} for the summary table) [default: in the run's language, --lang]",
  }),
  month: msg({
    es: 'Texto de {month} [predeterminado: el mes actual en --timezone, p. ej. "noviembre de 2026"]',
    en: 'Text for {month} [default: the current month in --timezone, e.g. "noviembre de 2026"]',
  }),
  timezone: msg({ es: 'La zona horaria del sitio (para el {month} predeterminado)', en: "The site's time zone (for the default {month})" }),
  dryRun: msg({
    es: 'No envía nada: escribe cada mensaje como un archivo .eml (vea --eml-dir)',
    en: 'Send nothing: write each message as an .eml file (see --eml-dir)',
  }),
  emlDir: msg({
    es: 'Carpeta de los archivos .eml de --dry-run [predeterminado: <carpeta de la división>-eml]',
    en: 'Folder for the .eml files of --dry-run [default: <split folder>-eml]',
  }),
  resendUncertain: msg({
    es: 'También envía los mensajes cuyo intento anterior pudo haber llegado (UNCERTAIN): el cobrador puede recibirlo dos veces',
    en: 'Also send messages whose earlier attempt may have been delivered (UNCERTAIN): the collector may get it twice',
  }),
  rate: msg({ es: 'Como máximo esta cantidad de mensajes por segundo', en: 'At most this many messages per second' }),
  connections: msg({ es: 'Conexiones SMTP a la vez (1-10)', en: 'SMTP connections at once (1-10)' }),
  retries: msg({
    es: 'Reintentos de un mensaje que el servidor aplazó (4xx) o no pudo recibir (inalcanzable); nunca de un 5xx',
    en: 'Retries of a message the server deferred (4xx) or could not take (unreachable); never of a 5xx',
  }),
  timeout: msg({ es: 'Segundos de espera por el servidor SMTP en cada paso', en: 'Seconds to wait for the SMTP server at each step' }),
  report: msg({ es: 'El informe final en stdout: text o un objeto JSON', en: 'The closing report on stdout: text or one JSON object' }),
  exampleDryRun: msg({
    es: 'Escribe los mensajes como .eml para revisarlos antes de enviar',
    en: 'Write the messages as .eml files, to look at them before sending',
  }),
  epilogue: msg({
    es:
      'Un diario al lado de la carpeta (<carpeta>.mail-journal) hace que cada archivo vaya una sola vez a cada dirección; un archivo cuyas filas cambiaron se envía de nuevo. ' +
      'El asunto, el cuerpo y la tabla predeterminados van en el idioma de la ejecución (--lang, si no LC_ALL/LC_MESSAGES/LANG). ' +
      'Códigos de salida: 0 todos los archivos entregados (ahora o antes) · 1 algo necesita a una persona (vea el informe) · 2 uso o entrada incorrectos, no se envió nada · ' +
      '3 detenido (autenticación rechazada, servidor caído, diario imposible de escribir) · 4 otro envío tiene el diario · 129 la terminal se cerró · 130 interrumpido',
    en:
      'A journal beside the folder (<folder>.mail-journal) makes each file go once to each address; a file whose rows changed goes again. ' +
      "The default subject, body and table are in the run's language (--lang, else LC_ALL/LC_MESSAGES/LANG). " +
      'Exit codes: 0 every file delivered (now or earlier) · 1 something needs a person (see the report) · 2 bad usage or input, nothing sent · ' +
      '3 stopped (authentication refused, server down, journal unwritable) · 4 another mail run holds the journal · 129 the terminal hung up · 130 interrupted',
  }),
} as const;
