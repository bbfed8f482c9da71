/**
 * `paylinks template`: writes a blank billing sheet to fill in (see
 * pipeline/template/write-template.ts). It never overwrites a file without --force:
 * the file at that path may be a sheet someone already filled in.
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import type { Argv, BuilderArguments } from 'yargs';
import { RunError } from '../../pipeline/run-error.js';
import { asOfOption, localeOption } from '../options.js';
import { say } from '../../i18n/message.js';
import { helpTemplate as h } from '../../i18n/messages/help-template.js';
import { options as o } from '../../i18n/messages/options.js';
import { reports } from '../../i18n/messages/reports.js';

export const command = 'template';
/** A function, so the text is read after main.ts has set the run's language. */
export const describe = (): string => say(h.describe);

export function builder(yargs: Argv) {
  return yargs
    .option('format', { type: 'string', choices: ['xlsx', 'csv'] as const, describe: say(h.format) })
    .option('locale', { type: 'string', default: 'es-CO', describe: say(h.locale) })
    .option('out', { alias: 'o', type: 'string', describe: say(h.out) })
    .option('force', { type: 'boolean', default: false, describe: say(h.force) })
    .option('as-of', { type: 'string', describe: say(h.asOf) })
    .example('$0 template --out facturas-enero.xlsx', say(h.exampleXlsx))
    .example('$0 template --locale en-US --format csv', say(h.exampleCsv));
}

/** The handler's arguments, inferred from the builder. */
export type TemplateArgs = BuilderArguments<typeof builder>;

export async function handler(args: TemplateArgs): Promise<void> {
  const locale = localeOption(args.locale);
  const format = templateFormat(args.format, args.out);
  const path = args.out ?? `${locale === 'es-CO' ? 'plantilla-cobro' : 'billing-template'}.${format}`;
  if (existsSync(path) && !args.force) {
    throw new RunError('BAD_OPTION', say(o.templateExists, { path }));
  }
  // Loaded on use: the workbook library is only needed by this command.
  const { writeTemplate } = await import('../../pipeline/template/write-template.js');
  await writeTemplate({ path, format, locale, today: args.asOf === undefined ? undefined : asOfOption(args.asOf) });
  // The command to try names --locale en-US when the sheet is in that format (es-CO is the default).
  const command = `paylinks issue ${path} --dry-run${locale === 'es-CO' ? '' : ' --locale en-US'}`;
  process.stdout.write(`${say(reports.templateWritten, { path, command })}\n`);
}

function templateFormat(format: string | undefined, out: string | undefined): 'csv' | 'xlsx' {
  const ext = out === undefined ? undefined : extname(out).toLowerCase();
  const fromOut = ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : undefined;
  if (out !== undefined && fromOut === undefined) throw new RunError('BAD_OPTION', say(o.templateOutExtension, { out }));
  if (format !== undefined && format !== 'xlsx' && format !== 'csv') throw new RunError('BAD_OPTION', say(o.templateFormat, { value: format }));
  if (format !== undefined && fromOut !== undefined && format !== fromOut) {
    throw new RunError('BAD_OPTION', say(o.templateFormatMismatch, { format, out: String(out) }));
  }
  return (format as 'csv' | 'xlsx' | undefined) ?? fromOut ?? 'xlsx';
}
