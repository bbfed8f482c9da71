/**
 * Flag checks (BAD_OPTION, exit 2) and the messages of the CLI's last catch:
 * each names the flag, the value given and what is accepted.
 */
import { msg } from '../message.js';

type Given = { flag: string; value: string };

export const options = {
  wholeNumber: msg<Given & { min: number; max: number }>({
    es: ({ flag, value, min, max }) => `--${flag} debe ser un número entero de ${min} a ${max}, no "${value}".`,
    en: ({ flag, value, min, max }) => `--${flag} must be a whole number from ${min} to ${max}, not "${value}".`,
  }),
  positive: msg<Given>({
    es: ({ flag, value }) => `--${flag} debe ser un número positivo, no "${value}".`,
    en: ({ flag, value }) => `--${flag} must be a positive number, not "${value}".`,
  }),
  locale: msg<{ value: string }>({
    es: ({ value }) => `--locale debe ser es-CO o en-US, no "${value}".`,
    en: ({ value }) => `--locale must be es-CO or en-US, not "${value}".`,
  }),
  timeZone: msg<{ value: string }>({
    es: ({ value }) => `--timezone "${value}" no es una zona horaria que este equipo conozca; use un nombre IANA como America/Bogota.`,
    en: ({ value }) => `--timezone "${value}" is not a time zone this machine knows; use an IANA name such as America/Bogota.`,
  }),
  asOf: msg<{ value: string }>({
    es: ({ value }) => `--as-of debe ser una fecha AAAA-MM-DD, no "${value}".`,
    en: ({ value }) => `--as-of must be a date YYYY-MM-DD, not "${value}".`,
  }),
  currency: msg<{ value: string }>({
    es: ({ value }) => `--currency debe ser un código ISO 4217 como COP o USD, no "${value}".`,
    en: ({ value }) => `--currency must be an ISO 4217 code such as COP or USD, not "${value}".`,
  }),
  delimiter: msg<{ value: string }>({
    es: ({ value }) => `--delimiter debe ser , ; tab o |, no "${value}".`,
    en: ({ value }) => `--delimiter must be , ; tab or |, not "${value}".`,
  }),
  outputFormat: msg<{ flag: string; path: string }>({
    es: ({ flag, path }) => `${flag} ${path}: el formato de salida sale del nombre del archivo; termínelo en .csv o .xlsx.`,
    en: ({ flag, path }) => `${flag} ${path}: the output format comes from the file name; end it in .csv or .xlsx.`,
  }),
  /** How formatOfPath names the sheet itself when no --out was given. */
  theSheet: msg({ es: 'la hoja', en: 'the sheet' }),
  decimal: msg<{ value: string }>({
    es: ({ value }) => `--decimal debe ser "," o ".", no "${value}".`,
    en: ({ value }) => `--decimal must be "," or ".", not "${value}".`,
  }),
  dateOrder: msg<{ value: string }>({
    es: ({ value }) => `--date-order debe ser dmy, mdy o ymd, no "${value}".`,
    en: ({ value }) => `--date-order must be dmy, mdy or ymd, not "${value}".`,
  }),
  amountUnit: msg<{ value: string; units: string }>({
    es: ({ value, units }) => `--amount-unit debe ser ${units}, no "${value}".`,
    en: ({ value, units }) => `--amount-unit must be ${units}, not "${value}".`,
  }),
  notify: msg<{ value: string }>({
    es: ({ value }) => `--notify acepta email, sms y whatsapp, no "${value}".`,
    en: ({ value }) => `--notify takes email, sms and whatsapp, not "${value}".`,
  }),
  httpUrl: msg<Given>({
    es: ({ flag, value }) => `--${flag} debe ser una URL http(s), no "${value}".`,
    en: ({ flag, value }) => `--${flag} must be an http(s) URL, not "${value}".`,
  }),
  splitByEmpty: msg({
    es: '--split-by necesita el encabezado de una columna, p. ej. --split-by Cobrador.',
    en: '--split-by needs the header of a column, e.g. --split-by Cobrador.',
  }),
  share: msg<Given>({
    es: ({ flag, value }) => `--${flag} es una proporción de 0 a 1, no "${value}".`,
    en: ({ flag, value }) => `--${flag} is a share from 0 to 1, not "${value}".`,
  }),
  capSchedule: msg<{ part: string }>({
    es: ({ part }) => `--max-rps-schedule: "${part}" no tiene la forma límite@segundos, p. ej. "40@0,15@20,40@40".`,
    en: ({ part }) => `--max-rps-schedule: "${part}" is not limit@seconds, e.g. "40@0,15@20,40@40".`,
  }),
  templateExists: msg<{ path: string }>({
    es: ({ path }) => `${path} ya existe; elija otro --out, o agregue --force para sobrescribirlo.`,
    en: ({ path }) => `${path} already exists; choose another --out, or add --force to overwrite it.`,
  }),
  templateOutExtension: msg<{ out: string }>({
    es: ({ out }) => `--out ${out}: termine el nombre del archivo en .xlsx o .csv.`,
    en: ({ out }) => `--out ${out}: end the file name in .xlsx or .csv.`,
  }),
  templateFormat: msg<{ value: string }>({
    es: ({ value }) => `--format debe ser xlsx o csv, no "${value}".`,
    en: ({ value }) => `--format must be xlsx or csv, not "${value}".`,
  }),
  templateFormatMismatch: msg<{ format: string; out: string }>({
    es: ({ format, out }) => `--format ${format} no coincide con --out ${out}; dé solo uno de los dos, o haga que coincidan.`,
    en: ({ format, out }) => `--format ${format} does not match --out ${out}; give one of them, or make them agree.`,
  }),
  smtpRequired: msg({
    es: '--smtp es obligatorio para enviar (smtp://usuario@servidor:587 o smtps://usuario@servidor:465), o use --dry-run para escribir archivos .eml.',
    en: '--smtp is required to send (smtp://user@host:587 or smtps://user@host:465), or use --dry-run to write .eml files.',
  }),
  emlDirWithoutDryRun: msg({
    es: '--eml-dir solo va con --dry-run.',
    en: '--eml-dir goes with --dry-run.',
  }),
  fromOneAddress: msg<{ value: string }>({
    es: ({ value }) => `--from "${value}" debe ser una sola dirección de correo, p. ej. "Cartera <cartera@empresa.co>".`,
    en: ({ value }) => `--from "${value}" must be one email address, e.g. "Cartera <cartera@empresa.co>".`,
  }),
  bodyUnreadable: msg<{ path: string }>({
    es: ({ path }) => `--body ${path}: no se puede leer el archivo; dé un archivo de texto UTF-8 con la plantilla del cuerpo.`,
    en: ({ path }) => `--body ${path}: the file cannot be read; give a UTF-8 text file with the body template.`,
  }),

  // Where requests go (connection.ts) and the key that signs notifications (notification-secret.ts).
  sandboxWithAddress: msg({
    es: '--sandbox corre contra un sandbox embebido; quite --env y --base-url, o quite --sandbox.',
    en: '--sandbox runs against an embedded sandbox; leave out --env and --base-url, or leave out --sandbox.',
  }),
  env: msg<{ value: string }>({
    es: ({ value }) => `--env debe ser test o production, no "${value}" (o use --base-url para cualquier otra dirección).`,
    en: ({ value }) => `--env must be test or production, not "${value}" (or use --base-url for any other address).`,
  }),
  noNotificationSecret: msg<{ variable: string }>({
    es: ({ variable }) =>
      `No hay una clave secreta para verificar las firmas de los avisos: defina ${variable}, o pase --credentials <archivo> con un archivo JSON ` +
      '{"login": "...", "secretKey": "..."} (chmod 600), o --sandbox para avisos de un sandbox de paylinks.',
    en: ({ variable }) =>
      `No secret key to check notification signatures with: set ${variable}, or pass --credentials <file> naming a JSON file ` +
      '{"login": "...", "secretKey": "..."} (chmod 600), or --sandbox for notifications from a paylinks sandbox.',
  }),

  // The CLI's last catch (describe-error.ts).
  unexpected: msg<{ message: string }>({
    es: ({ message }) => `error inesperado: ${message} (ejecute con --debug para ver los detalles, y repórtelo)`,
    en: ({ message }) => `unexpected error: ${message} (run with --debug for details, and report it)`,
  }),
} as const;
