/**
 * `paylinks sandbox`: a local, stateful imitation of the Payment Links API,
 * for rehearsing a billing run or wiring a script without credentials.
 */
import type { Argv, BuilderArguments } from 'yargs';
import { startSandbox } from '../../api/sandbox/server.js';
import type { CapStep, FaultOptions } from '../../api/sandbox/options.js';
import { intOption } from '../options.js';
import { RunError } from '../../pipeline/run-error.js';
import { say } from '../../i18n/message.js';
import { helpSandbox as h } from '../../i18n/messages/help-sandbox.js';
import { options as o } from '../../i18n/messages/options.js';
import { config as configText } from '../../i18n/messages/config.js';

export const command = 'sandbox';
/** A function, so the text is read after main.ts has set the run's language. */
export const describe = (): string => say(h.describe);

export function builder(yargs: Argv) {
  return yargs
    .example('$0 sandbox --rate-429 0.1', say(h.example))
    .option('port', { type: 'number', default: 8787, describe: say(h.port) })
    .option('host', { type: 'string', default: '127.0.0.1', describe: say(h.host) })
    .option('latency', { type: 'number', describe: say(h.latency) })
    .option('jitter', { type: 'number', describe: say(h.jitter) })
    .option('rate-429', { type: 'number', describe: say(h.rate429) })
    .option('rate-5xx', { type: 'number', describe: say(h.rate5xx) })
    .option('drop-before', { type: 'number', describe: say(h.dropBefore) })
    .option('drop-after', { type: 'number', describe: say(h.dropAfter) })
    .option('max-rps', { type: 'number', describe: say(h.maxRps) })
    .option('max-rps-schedule', { type: 'string', describe: say(h.maxRpsSchedule) })
    .option('seed', { type: 'number', describe: say(h.seed) })
    .option('create-spelling', { type: 'string', choices: ['id', 'requestId'] as const, default: 'id' as const, describe: say(h.createSpelling) })
    .option('query-case', { type: 'string', choices: ['camel', 'snake'] as const, default: 'camel' as const, describe: say(h.queryCase) });
}

/** The handler's arguments, inferred from the builder. */
export type SandboxArgs = BuilderArguments<typeof builder>;

function share(flag: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!(value >= 0 && value <= 1)) throw new RunError('BAD_OPTION', say(o.share, { flag, value: String(value) }));
  return value;
}

/** "40@0,15@20,40@40": limit@seconds-after-the-first-request, comma-separated. */
function parseCapSchedule(text: string): CapStep[] {
  return text.split(',').map((part) => {
    const match = /^\s*(\d+)\s*@\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match) throw new RunError('BAD_OPTION', say(o.capSchedule, { part }));
    return { max: Number(match[1]), afterMs: Number(match[2]) * 1000 };
  });
}

export async function handler(args: SandboxArgs): Promise<void> {
  const faults: FaultOptions = {
    latencyMs: args.latency,
    jitterMs: args.jitter,
    rate429: share('rate-429', args.rate429),
    rate5xx: share('rate-5xx', args.rate5xx),
    dropBefore: share('drop-before', args.dropBefore),
    dropAfter: share('drop-after', args.dropAfter),
    maxRequestsPerSecond: args.maxRps,
    capSchedule: args.maxRpsSchedule === undefined ? undefined : parseCapSchedule(args.maxRpsSchedule),
    seed: args.seed,
  };
  const login = process.env.PLACETOPAY_LOGIN;
  const secretKey = process.env.PLACETOPAY_SECRET_KEY;
  const handle = await startSandbox({
    host: args.host,
    port: intOption('port', args.port, 0, 65_535),
    credentials: login && secretKey ? { login, secretKey } : undefined,
    createSpelling: args.createSpelling,
    queryCase: args.queryCase,
    faults,
  });
  const fromEnv = login && secretKey;
  process.stdout.write(
    [
      say(configText.sandboxListening, { url: handle.url }),
      '',
      `  --base-url ${handle.url}`,
      fromEnv
        ? say(configText.sandboxCredentialsFromEnv)
        : `  PLACETOPAY_LOGIN=${handle.credentials.login}\n  PLACETOPAY_SECRET_KEY=${handle.credentials.secretKey}   ${say(configText.sandboxTestKey)}`,
      '',
      say(configText.sandboxControls, { url: handle.url }),
      say(configText.sandboxStop),
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void handle.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
