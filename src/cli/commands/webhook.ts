/**
 * `paylinks webhook --port N --sheet F`: receives Placetopay's PAID / EXPIRED
 * notifications, checks their signatures, records them durably in
 * `<sheet>.events.jsonl` and applies them to the sheet. Runs until Ctrl-C or
 * SIGTERM. Reconcile stays the source of truth; this keeps the sheet current
 * between its runs.
 */
import type { Argv, BuilderArguments } from 'yargs';
import { RunError } from '../../pipeline/run-error.js';
import { currencyOption, intOption, localeOption, timeZoneOption } from '../options.js';
import { readingConfig, readingOptions } from '../reading-options.js';
import { loadNotificationSecret } from '../notification-secret.js';
import { startWebhook, webhookPath } from '../../pipeline/webhook/server.js';

export const command = 'webhook';
export const describe = 'Receive payment notifications (PAID, EXPIRED), verify their signatures and apply them to an issued sheet';

export function builder(yargs: Argv) {
  return readingOptions(yargs)
    .option('sheet', { type: 'string', demandOption: true, describe: 'The sheet `paylinks issue` wrote (.csv or .xlsx); events go to <sheet>.events.jsonl' })
    .option('port', { type: 'number', default: 8788, describe: 'Port to listen on' })
    .option('path', { type: 'string', default: '/', describe: 'The only path notifications are taken on (the path of the links\' --notification-url); other paths get 404, other methods 405' })
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on (0.0.0.0: every interface; usually behind a TLS reverse proxy)' })
    .option('credentials', { type: 'string', describe: 'JSON file {"login", "secretKey"} [default: PLACETOPAY_SECRET_KEY]' })
    .option('sandbox', { type: 'boolean', describe: "Check signatures with the paylinks sandbox's documented key" })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: "The site's time zone (for paid_at)" })
    .option('locale', { type: 'string', default: 'es-CO', describe: 'Number and date format of the sheet (as given to issue)' })
    .option('currency', { type: 'string', default: 'COP', describe: 'Currency of rows without a currency column (as given to issue)' })
    .option('log', { type: 'string', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'One line per request on stderr, as text or JSON' });
}

/** The handler's arguments, inferred from the builder. */
export type WebhookArgs = BuilderArguments<typeof builder>;

export async function handler(args: WebhookArgs): Promise<void> {
  const port = intOption('port', args.port, 0, 65_535);
  const currency = currencyOption(args.currency);
  const log = (level: string, message: string, fields: Record<string, unknown> = {}): void => {
    const line = args.log === 'json' ? JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }) : `${new Date().toISOString()} ${level}: ${message}`;
    process.stderr.write(`${line}\n`);
  };
  let path: string;
  try {
    path = webhookPath(args.path);
  } catch (err) {
    throw new RunError('BAD_OPTION', `--path: ${(err as Error).message}`);
  }
  const { secret, warnings } = await loadNotificationSecret(args);
  for (const warning of warnings) log('warn', warning);
  const handle = await startWebhook({
    port,
    host: args.host,
    path,
    secret,
    sheet: { path: args.sheet, locale: localeOption(args.locale), currency, timeZone: timeZoneOption(args.timezone), reading: readingConfig(args) },
    eventsPath: `${args.sheet}.events.jsonl`,
    lockPath: `${args.sheet}.lock`,
    log,
  });
  log('info', `Listening on ${handle.url} for notifications to ${args.sheet} (Ctrl-C to stop).`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  log('info', 'Stopping: finishing the events being applied.');
  await handle.close();
}
