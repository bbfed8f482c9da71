/**
 * `paylinks verify-notification`: reads one notification body (JSON) on
 * stdin and says whether its signature is Placetopay's, for merchants wiring
 * their own endpoint. Exit 0 authentic, 1 not authentic (or signed, but its
 * linkId is not strictly a link id, which paylinks webhook refuses), 2
 * unreadable input.
 */
import type { Argv, BuilderArguments } from 'yargs';
import { parseLinkId } from '../../api/link-id.js';
import { verifyNotification } from '../../api/notification.js';
import { EXIT } from '../exit-codes.js';
import { loadNotificationSecret } from '../notification-secret.js';
import { say } from '../../i18n/message.js';
import { verify as v } from '../../i18n/messages/verify.js';
import { helpCommon as c } from '../../i18n/messages/help-common.js';
import { helpVerifyNotification as h } from '../../i18n/messages/help-verify-notification.js';

export const command = 'verify-notification';
/** A function, so the text is read after main.ts has set the run's language. */
export const describe = (): string => say(h.describe);

export function builder(yargs: Argv) {
  return yargs
    .example('$0 verify-notification < aviso.json', say(h.example))
    .epilogue(say(h.epilogue))
    .option('credentials', { type: 'string', describe: say(c.secretCredentials) })
    .option('sandbox', { type: 'boolean', describe: say(h.sandbox) })
    .option('json', { type: 'boolean', describe: say(h.json) });
}

/** The handler's arguments, inferred from the builder. */
export type VerifyArgs = BuilderArguments<typeof builder>;

const MAX_INPUT_BYTES = 1024 * 1024;

export async function handler(args: VerifyArgs): Promise<void> {
  const { secret, warnings } = await loadNotificationSecret(args);
  for (const warning of warnings) process.stderr.write(`${say(v.warning, { warning })}\n`);
  const text = await readStdin();
  let body: unknown;
  try {
    if (text === undefined) throw new Error('too large');
    body = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    const why = text === undefined ? say(v.tooBig, { max: MAX_INPUT_BYTES }) : text.trim() === '' ? say(v.empty) : say(v.notJson);
    process.stderr.write(`${say(v.unreadable, { why })}\n`);
    process.exitCode = EXIT.USAGE;
    return;
  }
  const authentic = verifyNotification(body, secret);
  const n = body as { linkId?: unknown; status?: { status?: unknown; date?: unknown } } | null;
  const linkId = parseLinkId(n?.linkId);
  const about = { linkId: n?.linkId, status: n?.status?.status, date: n?.status?.date };
  const usable = authentic && linkId.ok;
  if (args.json) process.stdout.write(`${JSON.stringify({ authentic, ...about, ...(authentic && !linkId.ok ? { refused: `linkId ${linkId.reason}` } : {}) })}\n`);
  else if (usable) process.stdout.write(`${say(v.authentic, { status: String(about.status), id: linkId.id, date: String(about.date) })}\n`);
  else if (authentic && !linkId.ok) process.stdout.write(`${say(v.refused, { reason: linkId.reason })}\n`);
  else process.stdout.write(`${say(v.notAuthentic)}\n`);
  process.exitCode = usable ? EXIT.OK : EXIT.SOME_ROWS;
}

async function readStdin(): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
