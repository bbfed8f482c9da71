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
import * as reissue from './commands/reissue.js';
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
import { catalogue } from '../i18n/catalogue.js';
import { currentLang, setLang } from '../i18n/current.js';
import { chooseLang, LANGS } from '../i18n/lang.js';
import { say } from '../i18n/message.js';
import { yargsStrings } from './yargs-locale.js';

const help = catalogue.help;

async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  // The language is chosen before yargs builds any help or message, from the raw arguments.
  setLang(chooseLang(flagValue(argv, 'lang'), process.env, flagValue(argv, 'locale')));
  try {
    const lang = currentLang();
    await yargs(argv)
      // yargs' own words (Options, required, Unknown argument…) in the run's language, all from the catalogue.
      .locale(lang)
      // (@types/yargs types the values as strings; y18n also takes the {one, other} plural forms yargs looks up.)
      .updateLocale(yargsStrings() as Record<string, string>)
      .scriptName('paylinks')
      .usage(say(help.common.usage))
      .command(issue.command, issue.describe(), issue.builder, issue.handler)
      .command(reconcile.command, reconcile.describe(), reconcile.builder, reconcile.handler)
      .command(webhook.command, webhook.describe(), webhook.builder, webhook.handler)
      .command(verifyNotification.command, verifyNotification.describe(), verifyNotification.builder, verifyNotification.handler)
      .command(summary.command, summary.describe(), summary.builder, summary.handler)
      .command(template.command, template.describe(), template.builder, template.handler)
      .command(sandbox.command, sandbox.describe(), sandbox.builder, sandbox.handler)
      .command(mail.command, mail.describe(), mail.builder, mail.handler)
      .command(report.command, report.describe(), report.builder, report.handler)
      .command(reissue.command, reissue.describe(), reissue.builder, reissue.handler)
      // Declared once for every command; main() has already read it (above), this makes yargs accept, check and show it.
      .option('lang', { type: 'string', choices: LANGS, describe: say(help.common.lang), global: true })
      .option('debug', { type: 'boolean', describe: say(help.common.debug), global: true })
      .config('config', say(help.common.config))
      .demandCommand(1, say(help.common.nameACommand, { commands: 'issue, reconcile, webhook, verify-notification, summary, template, mail, sandbox, report, reissue' }))
      .strict()
      .recommendCommands()
      .version(VERSION)
      .help()
      .alias('h', 'help')
      .wrap(Math.min(110, process.stdout.columns || 100))
      .epilogue(say(help.common.exitCodes))
      .fail((message, err) => {
        if (err) throw err;
        process.stderr.write(`paylinks: ${message}\n${say(help.common.runHelp)}\n`);
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
