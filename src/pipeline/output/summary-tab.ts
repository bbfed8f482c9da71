/**
 * The `Summary` worksheet of an output workbook: rows and amounts per state,
 * then the run's parameters (input file and its SHA-256 fingerprint, the
 * service address, the time, the tool's version). Credentials are never
 * among them: the caller passes only the values listed here.
 */
import { basename } from 'node:path';
import type { CellValue, SheetTable } from '../../io/types.js';
import { stateWithLabel } from '../../i18n/messages/states.js';
import { words, type Lang } from './labels.js';
import type { StateTally } from './state-tally.js';

export const SUMMARY_SHEET = 'Summary';

export interface RunParameters {
  input: string;
  /** SHA-256 of the input file's bytes, hex. */
  inputSha256?: string;
  output?: string;
  /** The service's base URL; empty for a dry run. */
  baseUrl?: string;
  dryRun?: boolean;
  at: Date;
  version?: string;
  splitBy?: string;
}

export { fileSha256 } from '../../io/file-pin.js';

export function summaryTable(tally: StateTally, lang: Lang, run?: RunParameters): SheetTable {
  const w = words(lang);
  const rows: CellValue[][] = [];
  for (const [code, count] of tally.ordered()) {
    // A person reads this tab: in Spanish the code keeps its label beside it, ISSUED (emitido).
    const state = stateWithLabel(code, lang);
    const currencies = Object.entries(count.amounts);
    if (currencies.length === 0) rows.push([state, count.rows, null, null]);
    currencies.forEach(([currency, amount], i) => rows.push([state, i === 0 ? count.rows : null, amount, currency]));
  }
  const totals = Object.entries(tally.toJSON().amounts);
  if (totals.length === 0) rows.push([w.total, tally.rows, null, null]);
  totals.forEach(([currency, amount], i) => rows.push([w.total, i === 0 ? tally.rows : null, amount, currency]));
  if (run !== undefined) {
    rows.push([]);
    rows.push([w.parameter, w.value]);
    for (const [label, value] of parameterRows(run, lang)) rows.push([label, value]);
  }
  return {
    name: SUMMARY_SHEET,
    columns: [
      { header: w.state, kind: 'text', width: 30 },
      // Fixed widths: a parameter's long value (the fingerprint) overflows into the empty cells beside it.
      { header: w.rows, kind: 'text', width: 10 },
      { header: w.amount, kind: 'money', width: 20 },
      { header: w.currency, kind: 'text', width: 10 },
    ],
    rows,
  };
}

function parameterRows(run: RunParameters, lang: Lang): Array<[string, string]> {
  const w = words(lang).run;
  const out: Array<[string, string]> = [[w.input, basename(run.input)]];
  if (run.inputSha256) out.push([w.fingerprint, run.inputSha256]);
  if (run.output) out.push([w.output, basename(run.output)]);
  out.push([w.service, run.dryRun ? w.dryRun : safeUrl(run.baseUrl ?? '')]);
  out.push([w.time, run.at.toISOString()]);
  if (run.version) out.push([w.version, run.version]);
  if (run.splitBy) out.push([w.splitBy, run.splitBy]);
  return out;
}

/** A base URL with any user:password or query removed: only where the links were made. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '';
  }
}
