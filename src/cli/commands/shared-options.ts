/**
 * Flags every command that talks to the service shares, declared once so
 * their names, defaults and help read the same everywhere.
 */
import type { Argv } from 'yargs';
import type { LogMode } from '../reporter.js';

/** The parsed values of connectionOptions. */
export interface ConnectionArgs {
  sandbox?: boolean;
  env?: string;
  baseUrl?: string;
  credentials?: string;
  timeout: number;
}

/** The parsed values of outputOptions. */
export interface OutputArgs {
  log: LogMode;
  quiet?: boolean;
}

export function connectionOptions(yargs: Argv): Argv {
  return yargs
    .option('sandbox', { type: 'boolean', describe: 'Use an embedded local sandbox (no credentials, no network)' })
    .option('env', { type: 'string', choices: ['test', 'production'], describe: 'Placetopay environment (test: sites-test, production: sites)' })
    .option('base-url', { type: 'string', describe: 'Any other service address (a proxy, a sandbox started with `paylinks sandbox`)' })
    .option('credentials', { type: 'string', describe: 'JSON file {"login", "secretKey"} [default: PLACETOPAY_LOGIN and PLACETOPAY_SECRET_KEY]' })
    .option('timeout', { type: 'number', default: 30, describe: 'Seconds to wait for an answer before it counts as lost' });
}

export function outputOptions(yargs: Argv): Argv {
  return yargs
    .option('log', { type: 'string', choices: ['auto', 'text', 'json'], default: 'auto', describe: 'Progress as text, or JSON lines (auto: JSON when stderr is not a terminal)' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'Only warnings and the closing report' });
}
