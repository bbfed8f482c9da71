/**
 * Opens a sheet writer for the output format. Both writers stream into a
 * temporary file beside `path` and rename it into place on `commit()`, so the
 * output folder is checked (and a clear error raised) before any work starts,
 * and a crash never leaves a half-written sheet at `path`.
 */
import type { SheetWriter, WriteOptions } from '../types.js';
import { createCsvWriter } from './csv.js';

export async function createSheetWriter(path: string, options: WriteOptions): Promise<SheetWriter> {
  switch (options.format) {
    case 'csv':
      return createCsvWriter(path, options);
    case 'xlsx': {
      // Loaded on demand: exceljs costs about a second of start-up that CSV runs need not pay.
      const { createXlsxWriter } = await import('./xlsx.js');
      return createXlsxWriter(path, options);
    }
  }
}
