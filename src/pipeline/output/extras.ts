/**
 * What an output carries besides the full sheet: per-value files
 * (`--split-by`) and QR codes (`--qr`). Both are side outputs: if one fails
 * (a disk fills, a column has too many values) the full output, which holds
 * every link, is still written and the failure is reported as a warning,
 * because by then the links exist and their record must not be lost.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { CellValue, SheetFormat, WriteOptions } from '../../io/types.js';
import type { EventSink } from '../events.js';
import type { Lang } from './labels.js';
import type { QrLink, QrResult, QrSink } from './qr.js';
import { safeFileStem } from './safe-filename.js';
import { findSplitColumn, SplitWriter, type SplitResult, type SplitRowInfo } from './split.js';
import type { RunParameters } from './summary-tab.js';
import { say } from '../../i18n/message.js';
import { phases } from '../../i18n/messages/phases.js';

export interface ExtrasResult {
  split?: SplitResult;
  splitError?: string;
  qr?: QrResult;
  qrError?: string;
}

export interface ExtrasOptions {
  output: { path: string; format: SheetFormat };
  inputPath: string;
  header: readonly string[];
  splitBy?: string;
  qr: boolean;
  lang: Lang;
  write: WriteOptions;
  run?: RunParameters;
  emit: EventSink;
}

/** `out/links.xlsx` split by "Cobrador" → `out/links-by-Cobrador/`. */
export function splitFolder(outPath: string, column: string): string {
  return join(dirname(outPath), `${basename(outPath, extname(outPath))}-by-${safeFileStem(column, 'column')}`);
}

export class OutputExtras {
  private result: ExtrasResult = {};

  private constructor(
    private readonly emit: EventSink,
    private split: { writer: SplitWriter; index: number } | undefined,
    private qr: QrSink | undefined,
  ) {}

  static async open(o: ExtrasOptions): Promise<OutputExtras> {
    let split: { writer: SplitWriter; index: number } | undefined;
    if (o.splitBy !== undefined) {
      const index = findSplitColumn(o.header, o.splitBy, o.inputPath);
      const column = o.header[index] ?? o.splitBy;
      const writer = await SplitWriter.open({ folder: splitFolder(o.output.path, column), column, write: o.write, lang: o.lang, run: o.run });
      split = { writer, index };
    }
    // Loaded only with --qr: the QR and workbook libraries cost half a second of start-up.
    const qr = o.qr ? await (await import('./qr.js')).openQrSink(o.output.path, o.output.format, o.lang) : undefined;
    return new OutputExtras(o.emit, split, qr);
  }

  /** One output row: `cells` as written to the full output, `input` the row's input cells. */
  async row(input: readonly CellValue[], cells: CellValue[], info: SplitRowInfo, link: QrLink | undefined): Promise<void> {
    if (this.split) {
      const split = this.split;
      try {
        await split.writer.write(input[split.index] ?? null, cells, info);
      } catch (err) {
        this.split = undefined;
        await split.writer.abort();
        this.fail('splitError', err);
      }
    }
    if (this.qr && link) {
      const qr = this.qr;
      try {
        await qr.add(link);
      } catch (err) {
        this.qr = undefined;
        await qr.abort();
        this.fail('qrError', err);
      }
    }
  }

  async commit(): Promise<ExtrasResult> {
    if (this.split) {
      try {
        this.result.split = await this.split.writer.commit();
      } catch (err) {
        this.fail('splitError', err);
      }
    }
    if (this.qr) {
      try {
        this.result.qr = await this.qr.commit();
      } catch (err) {
        this.fail('qrError', err);
      }
    }
    return this.result;
  }

  async abort(): Promise<void> {
    await this.split?.writer.abort();
    await this.qr?.abort();
  }

  private fail(key: 'splitError' | 'qrError', err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.result[key] = message;
    this.emit({ type: 'warning', message: say(key === 'splitError' ? phases.splitNotWritten : phases.qrNotWritten, { detail: message }) });
  }
}
