/**
 * Flags every command that talks to the service shares, declared once so
 * their names, defaults and help read the same everywhere. Both functions keep
 * yargs' inferred types, so each command's handler argument is inferred from
 * its builder (`BuilderArguments<typeof builder>`).
 */
import type { Argv } from 'yargs';
import { LOG_MODES } from '../reporter.js';
import { say } from '../../i18n/message.js';
import { helpCommon as c } from '../../i18n/messages/help-common.js';

export function connectionOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('sandbox', { type: 'boolean', describe: say(c.sandbox) })
    .option('env', { type: 'string', choices: ['test', 'production'] as const, describe: say(c.env) })
    .option('base-url', { type: 'string', describe: say(c.baseUrl) })
    .option('credentials', { type: 'string', describe: say(c.credentials) })
    .option('timeout', { type: 'number', default: 30, describe: say(c.timeout) });
}

export function outputOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('log', { type: 'string', choices: LOG_MODES, default: 'auto' as const, describe: say(c.log) })
    .option('quiet', { alias: 'q', type: 'boolean', describe: say(c.quiet) });
}
