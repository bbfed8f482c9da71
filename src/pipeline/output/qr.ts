/**
 * `--qr`: a QR code of each issued link, for a collector to print or show on
 * a phone.
 *
 * - CSV output: a folder `<out-base>-qr/` of PNG files named by reference
 *   (`FV-2031-0001.png`), written one at a time as rows stream by.
 * - XLSX output: a companion workbook `<out-base>-qr.xlsx` (reference, name,
 *   amount, link and the code as an image). exceljs' streaming writer, which
 *   writes the main output, cannot place images, and its in-memory workbook
 *   holds every image until it is saved; so codes go in parts of
 *   QR_PER_WORKBOOK (`<out-base>-qr.xlsx`, `<out-base>-qr-2.xlsx`, …), which
 *   bounds memory whatever the number of links.
 */
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { createAtomicStream, flushAndCommit } from '../../io/atomic.js';
import { words, type Lang } from './labels.js';
import { StagedFolder } from './staged-folder.js';
import { excelMoneyFormat } from './presentation.js';
import { FileNamer, safeFileStem } from './safe-filename.js';

export const QR_PER_WORKBOOK = 2000;
const QR_PIXELS = 150;

export interface QrLink {
  reference: string;
  url: string;
  name?: string;
  amount?: string;
  currency?: string;
}

export interface QrResult {
  /** The folder (CSV) or the first workbook (XLSX). */
  path: string;
  /** Every file written: PNGs, or the workbook parts. */
  files: string[];
  count: number;
}

export interface QrSink {
  add(link: QrLink): Promise<void>;
  commit(): Promise<QrResult>;
  abort(): Promise<void>;
}

/** `out/links.xlsx` → `out/links-qr` (the folder, or the workbook's base name). */
export function qrBase(outPath: string): string {
  return join(dirname(outPath), `${basename(outPath, extname(outPath))}-qr`);
}

export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 2, width: QR_PIXELS, type: 'png' });
}

export async function openQrSink(outPath: string, format: 'csv' | 'xlsx', lang: Lang): Promise<QrSink> {
  return format === 'csv' ? PngFolderSink.open(qrBase(outPath)) : new WorkbookSink(qrBase(outPath), lang);
}

class PngFolderSink implements QrSink {
  private readonly namer = new FileNamer('.png');
  private readonly files: string[] = [];

  private constructor(private readonly folder: StagedFolder) {}

  static async open(path: string): Promise<PngFolderSink> {
    return new PngFolderSink(await StagedFolder.create(path));
  }

  async add(link: QrLink): Promise<void> {
    // References are letters, digits and hyphens already; the namer is the guard for anything else.
    const file = this.namer.claim(safeFileStem(link.reference, 'link'));
    await QRCode.toFile(this.folder.file(file), link.url, { errorCorrectionLevel: 'M', margin: 2, width: QR_PIXELS, type: 'png' });
    this.files.push(join(this.folder.path, file));
  }

  async commit(): Promise<QrResult> {
    await this.folder.commit();
    return { path: this.folder.path, files: this.files, count: this.files.length };
  }

  abort(): Promise<void> {
    return this.folder.abort();
  }
}

class WorkbookSink implements QrSink {
  private batch: QrLink[] = [];
  private readonly files: string[] = [];
  private count = 0;

  constructor(
    private readonly base: string,
    private readonly lang: Lang,
  ) {}

  async add(link: QrLink): Promise<void> {
    this.batch.push(link);
    if (this.batch.length >= QR_PER_WORKBOOK) await this.flush();
  }

  async commit(): Promise<QrResult> {
    if (this.batch.length > 0 || this.files.length === 0) await this.flush();
    await this.removeStaleParts();
    return { path: this.files[0] ?? `${this.base}.xlsx`, files: this.files, count: this.count };
  }

  async abort(): Promise<void> {
    this.batch = [];
  }

  private partPath(part: number): string {
    return part === 1 ? `${this.base}.xlsx` : `${this.base}-${part}.xlsx`;
  }

  /** Writes the batch as the next part, atomically (temporary file, then rename). */
  private async flush(): Promise<void> {
    const links = this.batch;
    this.batch = [];
    const path = this.partPath(this.files.length + 1);
    const w = words(this.lang).qrSheet;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('QR', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      { header: w.reference, width: 18 },
      { header: w.name, width: 30 },
      { header: words(this.lang).amount, width: 18 },
      { header: w.link, width: 50 },
      { header: w.code, width: 22 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const [i, link] of links.entries()) {
      const rowNumber = i + 2;
      const row = sheet.getRow(rowNumber);
      row.values = [link.reference, link.name ?? '', link.amount === undefined ? null : Number(link.amount), { text: link.url, hyperlink: link.url }];
      if (link.amount !== undefined) row.getCell(3).numFmt = excelMoneyFormat(link.currency);
      row.getCell(4).font = { color: { argb: 'FF0563C1' }, underline: true };
      row.alignment = { vertical: 'middle' };
      row.height = QR_PIXELS * 0.75 + 6; // points; an image of N pixels is about 0.75·N points tall
      const image = workbook.addImage({ buffer: (await qrPng(link.url)) as unknown as ExcelJS.Buffer, extension: 'png' });
      sheet.addImage(image, { tl: { col: 4.1, row: rowNumber - 1 + 0.04 }, ext: { width: QR_PIXELS, height: QR_PIXELS }, editAs: 'oneCell' });
    }
    const atomic = await createAtomicStream(path);
    await flushAndCommit(atomic, () => workbook.xlsx.write(atomic.stream));
    this.files.push(path);
    this.count += links.length;
  }

  /** Parts left by an earlier, longer run (`-qr-3.xlsx` when this run needed two). */
  private async removeStaleParts(): Promise<void> {
    const folder = dirname(this.base);
    const prefix = `${basename(this.base)}-`;
    const keep = new Set(this.files.map((f) => basename(f)));
    for (const name of await readdir(folder)) {
      if (name.startsWith(prefix) && /^\d+\.xlsx$/.test(name.slice(prefix.length)) && !keep.has(name)) {
        await rm(join(folder, name), { force: true });
      }
    }
  }
}
