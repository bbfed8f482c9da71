/**
 * Flags every command that talks to the service shares, declared once so
 * their names, defaults and help read the same everywhere. Both functions keep
 * yargs' inferred types, so each command's handler argument is inferred from
 * its builder (`BuilderArguments<typeof builder>`).
 */
import type { Argv } from 'yargs';
import { LOG_MODES } from '../reporter.js';

export function connectionOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('sandbox', { type: 'boolean', describe: 'Use an embedded local sandbox (no credentials, no network)' })
    .option('env', { type: 'string', choices: ['test', 'production'] as const, describe: 'Placetopay environment (test: sites-test, production: sites)' })
    .option('base-url', { type: 'string', describe: 'Any other service address (a proxy, a sandbox started with `paylinks sandbox`)' })
    .option('credentials', { type: 'string', describe: 'JSON file {"login", "secretKey"} [default: PLACETOPAY_LOGIN and PLACETOPAY_SECRET_KEY]' })
    .option('timeout', { type: 'number', default: 30, describe: 'Seconds to wait for an answer before it counts as lost' });
}

export function outputOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('log', { type: 'string', choices: LOG_MODES, default: 'auto' as const, describe: 'Progress as text, or JSON lines (auto: JSON when stderr is not a terminal)' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'Only warnings and the closing report' });
}
