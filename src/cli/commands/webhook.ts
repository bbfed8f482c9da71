/**
 * `paylinks webhook --port N --sheet F`: receives Placetopay's PAID / EXPIRED
 * notifications, checks their signatures, records them durably in
 * `<sheet>.events.jsonl` and applies them to the sheet. Runs until Ctrl-C or
 * SIGTERM. Reconcile stays the source of truth; this keeps the sheet current
 * between its runs. With several `--sheet`s or `--dir <folder>`, each
 * notification goes to the sheet holding its link id (pipeline/webhook/router.ts).
 */
import type { Argv, BuilderArguments } from 'yargs';
import { RunError } from '../../pipeline/run-error.js';
import { currencyOption, intOption, localeOption, positiveOption, timeZoneOption } from '../options.js';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { say } from '../../i18n/message.js';
import { webhook as text } from '../../i18n/messages/webhook.js';
import { readingConfig, readingOptions } from '../reading-options.js';
import { loadNotificationSecret } from '../notification-secret.js';
import { startWebhook, webhookPath } from '../../pipeline/webhook/server.js';
import { helpCommon as c } from '../../i18n/messages/help-common.js';
import { helpWebhook as h } from '../../i18n/messages/help-webhook.js';

export const command = 'webhook';
/** A function, so the text is read after main.ts has set the run's language. */
export const describe = (): string => say(h.describe);

export function builder(yargs: Argv) {
  return readingOptions(yargs)
    .example('$0 webhook --sheet enero-links.xlsx --port 8788 --path /placetopay', say(h.example))
    .epilogue(say(h.epilogue))
    .option('sheet', { type: 'string', array: true, describe: say(text.help.sheet) })
    .option('dir', { type: 'string', describe: say(text.help.dir) })
    .option('rescan', { type: 'number', default: 5, describe: say(text.help.rescan) })
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
  const sheets = (args.sheet ?? []).map(String);
  if (sheets.length > 0 && args.dir !== undefined) throw new RunError('BAD_OPTION', say(text.sheetsAndDir));
  if (sheets.length === 0 && args.dir === undefined) throw new RunError('BAD_OPTION', say(text.noSheetGiven));
  if (args.dir !== undefined && (await stat(args.dir).catch(() => undefined))?.isDirectory() !== true) throw new RunError('BAD_OPTION', say(text.notAFolder, { dir: args.dir }));
  const rescanMs = Math.max(100, Math.round((positiveOption('rescan', args.rescan) ?? 5) * 1000));
  const { secret, warnings } = await loadNotificationSecret(args);
  for (const warning of warnings) log('warn', warning);
  const read = { locale: localeOption(args.locale), currency, timeZone: timeZoneOption(args.timezone), reading: readingConfig(args) };
  const single = sheets.length === 1 && args.dir === undefined;
  const first = sheets[0] as string;
  const handle = await startWebhook({
    port,
    host: args.host,
    path,
    secret,
    log,
    ...(single
      ? { sheet: { path: first, ...read }, eventsPath: `${first}.events.jsonl`, lockPath: `${first}.lock` }
      : { route: { sheets, dir: args.dir, read, rescanMs, unroutedPath: join(args.dir ?? dirname(first), UNROUTED_FILE) } }),
  });
  log('info', say(text.listening, { url: handle.url, sheets: args.dir ?? sheets.join(', ') }));
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  log('info', say(text.stopping));
  await handle.close();
}

/** Where notifications for link ids in no sheet are kept: in --dir, or beside the first --sheet. */
export const UNROUTED_FILE = 'unrouted.events.jsonl';
