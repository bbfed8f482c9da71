/**
 * What one `issue` run is asked to do, built by the CLI from its flags and
 * read by every pass of the run (send, resolve, write). Its own file so the
 * passes depend on it, not on each other.
 */
import type { SheetFormat } from '../../io/types.js';
import type { Lang } from '../output/labels.js';
import type { InputOptions } from '../rows/prepared-rows.js';
import type { RetryOptions } from '../service/retry.js';
import type { RequestOptions } from '../types.js';

export interface IssueConfig {
  input: InputOptions;
  output: { path: string; format: SheetFormat; delimiter?: string };
  journalPath: string;
  lockPath: string;
  request: RequestOptions;
  concurrency: number;
  rate?: number;
  retry: RetryOptions;
  dryRun: boolean;
  probe: { window: number; settleMs: number };
  /** References (or every one, with `true`) the person checked by hand and wants sent again although UNCERTAIN. */
  resendUncertain: boolean | string[];
  /** Shown in the journal's run entry; never credentials. */
  baseUrl: string;
  /** Besides the full output, one file per distinct value of this column (a collector), with a manifest. */
  splitBy?: string;
  /** A QR code of each issued link: PNGs beside a CSV output, a companion workbook beside an XLSX one. */
  qr?: boolean;
  /** Language of the tool's own words in outputs and reports [default: from the locale]. */
  lang?: Lang;
  /** Shown in the Summary sheet of XLSX outputs. */
  toolVersion?: string;
}
