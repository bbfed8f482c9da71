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
import { reports } from '../../i18n/messages/reports.js';

export const command = 'template';
export const describe = 'Write a blank billing sheet (XLSX or CSV) with the headers paylinks recognises and an example row';

export function builder(yargs: Argv) {
  return yargs
    .option('format', { type: 'string', choices: ['xlsx', 'csv'] as const, describe: 'Sheet format [default: from --out, else xlsx]' })
    .option('locale', { type: 'string', default: 'es-CO', describe: 'Language of the headers and format of numbers and dates: es-CO or en-US' })
    .option('out', { alias: 'o', type: 'string', describe: 'File to write [default: plantilla-cobro.<format> (es-CO) / billing-template.<format> (en-US)]' })
    .option('force', { type: 'boolean', default: false, describe: 'Overwrite the file if it exists' })
    .option('as-of', { type: 'string', describe: "Treat this date (YYYY-MM-DD) as today for the example's due date" })
    .example('$0 template --out facturas-enero.xlsx', 'Spanish headers, a workbook with validation and notes')
    .example('$0 template --locale en-US --format csv', 'English headers, a CSV');
}

/** The handler's arguments, inferred from the builder. */
export type TemplateArgs = BuilderArguments<typeof builder>;

export async function handler(args: TemplateArgs): Promise<void> {
  const locale = localeOption(args.locale);
  const format = templateFormat(args.format, args.out);
  const path = args.out ?? `${locale === 'es-CO' ? 'plantilla-cobro' : 'billing-template'}.${format}`;
  if (existsSync(path) && !args.force) {
    throw new RunError('BAD_OPTION', `${path} already exists; choose another --out, or add --force to overwrite it.`);
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
  if (out !== undefined && fromOut === undefined) throw new RunError('BAD_OPTION', `--out ${out}: end the file name in .xlsx or .csv.`);
  if (format !== undefined && format !== 'xlsx' && format !== 'csv') throw new RunError('BAD_OPTION', `--format must be xlsx or csv, not "${format}".`);
  if (format !== undefined && fromOut !== undefined && format !== fromOut) {
    throw new RunError('BAD_OPTION', `--format ${format} does not match --out ${out}; give one of them, or make them agree.`);
  }
  return (format as 'csv' | 'xlsx' | undefined) ?? fromOut ?? 'xlsx';
}
