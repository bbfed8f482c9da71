#!/usr/bin/env node
/**
 * paylinks: the command line. Parses and dispatches; each command module
 * builds a config and calls one pipeline function. One catch at the top turns
 * typed errors into a message and an exit code, never a stack trace.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import * as issue from './commands/issue.js';
import * as mail from './commands/mail.js';
import * as reconcile from './commands/reconcile.js';
import * as report from './commands/report.js';
import * as sandbox from './commands/sandbox.js';
import * as summary from './commands/summary.js';
import * as template from './commands/template.js';
import * as verifyNotification from './commands/verify-notification.js';
import * as webhook from './commands/webhook.js';
import { describeError } from './describe-error.js';
import { EXIT } from './exit-codes.js';
import { VERSION } from './version.js';
import { redactSecrets } from '../secrets.js';
import { setLang } from '../i18n/current.js';
import { chooseLang } from '../i18n/lang.js';

async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  // The language is chosen before yargs builds any help or message, from the raw arguments.
  setLang(chooseLang(flagValue(argv, 'lang'), process.env, flagValue(argv, 'locale')));
  try {
    await yargs(argv)
      .scriptName('paylinks')
      .usage('$0 <command> [options]\n\nIssue Placetopay payment links in bulk from a billing sheet, and reconcile them later.')
      .command(issue.command, issue.describe, issue.builder, issue.handler)
      .command(reconcile.command, reconcile.describe, reconcile.builder, reconcile.handler)
      .command(webhook.command, webhook.describe, webhook.builder, webhook.handler)
      .command(verifyNotification.command, verifyNotification.describe, verifyNotification.builder, verifyNotification.handler)
      .command(summary.command, summary.describe, summary.builder, summary.handler)
      .command(template.command, template.describe, template.builder, template.handler)
      .command(sandbox.command, sandbox.describe, sandbox.builder, sandbox.handler)
      .command(mail.command, mail.describe, mail.builder, mail.handler)
      .command(report.command, report.describe(), report.builder, report.handler)
      .option('debug', { type: 'boolean', describe: 'Show stack traces of unexpected errors', global: true })
      .config('config', 'A JSON file with defaults for any flag, e.g. {"locale": "es-CO", "map": {"amount": "Saldo"}}')
      .demandCommand(1, 'Name a command: issue, reconcile, webhook, verify-notification, summary, template, mail or sandbox (see --help).')
      .strict()
      .recommendCommands()
      .version(VERSION)
      .help()
      .alias('h', 'help')
      .wrap(Math.min(110, process.stdout.columns || 100))
      .epilogue('Exit codes: 0 all rows done · 1 some rows not done · 2 bad usage, configuration or input (nothing sent) · 3 stopped by an error affecting every row · 4 locked by another run · 5 links created but the output not written (run the same command with the same --out) · 129 the terminal hung up · 130 interrupted')
      .fail((message, err) => {
        if (err) throw err;
        process.stderr.write(`paylinks: ${message}\nRun paylinks --help for usage.\n`);
        process.exit(EXIT.USAGE);
      })
      .parseAsync();
  } catch (err) {
    const described = describeError(err);
    process.stderr.write(`paylinks: ${described.message}\n`);
    // Cron logs and scripts (--log json) get the stable code too, to branch on without parsing prose.
    if (wantsJsonLog(argv)) process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'error', code: described.code, exitCode: described.exitCode, message: described.message })}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${redactSecrets(err.stack)}\n`);
    process.exitCode = described.exitCode;
  }
}

/** The value of `--name value` or `--name=value` in the raw arguments (the last one wins, as in yargs). */
function flagValue(argv: string[], name: string): string | undefined {
  let value: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === `--${name}`) value = argv[i + 1];
    else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
  });
  return value;
}

function wantsJsonLog(argv: string[]): boolean {
  const i = argv.indexOf('--log');
  return argv.includes('--log=json') || (i >= 0 && argv[i + 1] === 'json');
}

await main(hideBin(process.argv));
