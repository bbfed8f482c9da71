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
import { say } from '../../i18n/message.js';
import { helpCommon as c } from '../../i18n/messages/help-common.js';
import { helpWebhook as h } from '../../i18n/messages/help-webhook.js';

export const command = 'webhook';
/** A function, so the text is read after main.ts has set the run's language. */
export const describe = (): string => say(h.describe);

export function builder(yargs: Argv) {
  return readingOptions(yargs)
    .example('$0 webhook --sheet enero-links.xlsx --port 8788 --path /placetopay', say(h.example))
    .epilogue(say(h.epilogue))
    .option('sheet', { type: 'string', demandOption: true, describe: say(h.sheet) })
    .option('port', { type: 'number', default: 8788, describe: say(c.port) })
    .option('path', { type: 'string', default: '/', describe: say(h.path) })
    .option('host', { type: 'string', default: '127.0.0.1', describe: say(h.host) })
    .option('credentials', { type: 'string', describe: say(c.secretCredentials) })
    .option('sandbox', { type: 'boolean', describe: say(h.sandbox) })
    .option('timezone', { type: 'string', default: 'America/Bogota', describe: say(h.timezone) })
    .option('locale', { type: 'string', default: 'es-CO', describe: say(c.sheetLocale) })
    .option('currency', { type: 'string', default: 'COP', describe: say(c.sheetCurrency) })
    .option('log', { type: 'string', choices: ['text', 'json'] as const, default: 'text' as const, describe: say(h.log) });
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
