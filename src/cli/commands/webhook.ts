/**
 * `paylinks webhook --port N --sheet F`: receives Placetopay's PAID / EXPIRED
 * notifications, checks their signatures, records them durably in
 * `<sheet>.events.jsonl` and applies them to the sheet. Runs until Ctrl-C or
 * SIGTERM. Reconcile stays the source of truth; this keeps the sheet current
 * between its runs.
 */
import type { Argv } from 'yargs';
import { RunError } from '../../pipeline/run-error.js';
import { intOption, localeOption, timeZoneOption } from '../options.js';
import { readingConfig, readingOptions, type ReadingArgs } from '../reading-options.js';
import { loadNotificationSecret } from '../notification-secret.js';
import { startWebhook } from '../../pipeline/webhook/server.js';

export const command = 'webhook';
export const describe = 'Receive payment notifications (PAID, EXPIRED), verify their signatures and apply them to an issued sheet';

export function builder(yargs: Argv): Argv {
  return readingOptions(yargs)
    .option('sheet', { type: 'string', demandOption: true, describe: 'The sheet `paylinks issue` wrote (.csv or .xlsx); events go to <sheet>.events.jsonl' })
    .option('port', { type: 'number', default: 8788, describe: 'Port to listen on' })
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on (0.0.0.0: every interface; usually behind a TLS reverse proxy)' })
    .option('credentials', { type: 'string', describe: 'JSON file {"login", "secretKey"} [default: PLACETOPAY_SECRET_KEY]' })
    .option('sandbox', { type: 'boolean', describe: "Check signatures with the paylinks sandbox's documented key" })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: "The site's time zone (for paid_at)" })
    .option('locale', { type: 'string', default: 'es-CO', describe: 'Number and date format of the sheet (as given to issue)' })
    .option('currency', { type: 'string', default: 'COP', describe: 'Currency of rows without a currency column (as given to issue)' })
    .option('log', { type: 'string', choices: ['text', 'json'], default: 'text', describe: 'One line per request on stderr, as text or JSON' });
}

interface WebhookArgs extends ReadingArgs {
  sheet: string;
  port: number;
  host: string;
  credentials?: string;
  sandbox?: boolean;
  timezone: string;
  locale: string;
  currency: string;
  log: 'text' | 'json';
}

export async function handler(args: WebhookArgs): Promise<void> {
  const port = intOption('port', args.port, 0, 65_535);
  const currency = args.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new RunError('BAD_OPTION', `--currency must be an ISO 4217 code such as COP or USD, not "${args.currency}".`);
  const log = (level: string, message: string, fields: Record<string, unknown> = {}): void => {
    const line = args.log === 'json' ? JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }) : `${new Date().toISOString()} ${level}: ${message}`;
    process.stderr.write(`${line}\n`);
  };
  const { secret, warnings } = await loadNotificationSecret(args);
  for (const warning of warnings) log('warn', warning);
  const handle = await startWebhook({
    port,
    host: args.host,
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
