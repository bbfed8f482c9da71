/**
 * `paylinks report`: list the inputs, build the aging report, write it as
 * XLSX or HTML (by the file name), atomically. The CLI prints and chooses
 * the exit code; this module only decides and writes.
 */
import { extname, resolve } from 'node:path';
import { say } from '../../i18n/message.js';
import { report as words } from '../../i18n/messages/report.js';
import { RunError } from '../run-error.js';
import { buildAgingReport, type AgingOptions, type AgingReport } from './build.js';
import { listInputs } from './inputs.js';
import { writeAgingHtml } from './write-html.js';
import { writeAgingXlsx } from './write-xlsx.js';

export type ReportFormat = 'xlsx' | 'html';

export interface ReportConfig extends Omit<AgingOptions, 'inputs'> {
  /** Sheets and folders, as named on the command line. */
  paths: string[];
  out: string;
}

/** The report's format from its file name: .xlsx or .html (.htm). */
export function reportFormatOf(path: string): ReportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new RunError('BAD_OPTION', say(words.outFormat, { path }));
}

export async function runReport(config: ReportConfig): Promise<AgingReport> {
  const format = reportFormatOf(config.out);
  const { inputs, skipped } = await listInputs(config.paths);
  if (inputs.some((i) => resolve(i.path) === resolve(config.out))) throw new RunError('BAD_OPTION', say(words.outIsInput, { path: config.out }));
  const report = await buildAgingReport({ ...config, inputs, skipped });
  if (report.files.length === 0) throw new RunError('NO_ROWS', say(words.noSheets));
  if (format === 'xlsx') await writeAgingXlsx(report, config.out);
  else await writeAgingHtml(report, config.out);
  return report;
}
