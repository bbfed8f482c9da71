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
import { config as configText } from '../../i18n/messages/config.js';

export const command = 'sandbox';
export const describe = 'Start a local Placetopay sandbox (same endpoints and answers; optional injected faults)';

export function builder(yargs: Argv) {
  return yargs
    .option('port', { type: 'number', default: 8787, describe: 'Port to listen on (0: any free port)' })
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on' })
    .option('latency', { type: 'number', describe: 'Milliseconds added to every answer' })
    .option('jitter', { type: 'number', describe: 'Up to this many random milliseconds more' })
    .option('rate-429', { type: 'number', describe: 'Share (0-1) of requests answered 429' })
    .option('rate-5xx', { type: 'number', describe: 'Share (0-1) of requests answered 500/502/503/504' })
    .option('drop-before', { type: 'number', describe: 'Share (0-1) of connections dropped before anything is done' })
    .option('drop-after', { type: 'number', describe: 'Share (0-1) of creates whose answer is lost after the link is created' })
    .option('max-rps', { type: 'number', describe: 'Answer 429 above this many requests per second' })
    .option('max-rps-schedule', { type: 'string', describe: 'A per-second limit that changes during a run, e.g. "40@0,15@20,40@40": 40/s from the first request, 15/s after 20 s, 40/s after 40 s' })
    .option('seed', { type: 'number', describe: 'Seed of the fault generator (same seed, same faults)' })
    .option('create-spelling', { type: 'string', choices: ['id', 'requestId'] as const, default: 'id' as const, describe: 'Create answers with id/url or requestId/processUrl' })
    .option('query-case', { type: 'string', choices: ['camel', 'snake'] as const, default: 'camel' as const, describe: 'Query answers in camelCase or snake_case' });
}

/** The handler's arguments, inferred from the builder. */
export type SandboxArgs = BuilderArguments<typeof builder>;

function share(flag: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!(value >= 0 && value <= 1)) throw new RunError('BAD_OPTION', say(configText.sandboxShare, { flag, value }));
  return value;
}

/** "40@0,15@20,40@40": limit@seconds-after-the-first-request, comma-separated. */
function parseCapSchedule(text: string): CapStep[] {
  return text.split(',').map((part) => {
    const match = /^\s*(\d+)\s*@\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match) throw new RunError('BAD_OPTION', say(configText.sandboxSchedule, { part }));
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
