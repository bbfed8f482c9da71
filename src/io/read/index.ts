/**
 * Opening an input sheet. The format comes from the file's first bytes, not
 * its name: an XLSX renamed `.csv` reads as a workbook, a CSV named `.xlsx`
 * reads as text, and files that are neither get a message saying what to do.
 */
import { FileError } from '../errors.js';
import type { ReadOptions, SheetSource } from '../types.js';
import { openCsv } from './csv.js';
import { htmlAdvice, odsAdvice, spreadsheetMl2003Advice } from './format-advice.js';
import { readHead, sniffFormat } from './sniff.js';
import { say } from '../../i18n/message.js';
import { files } from '../../i18n/messages/files.js';

export async function openSheet(path: string, options: ReadOptions = {}): Promise<SheetSource> {
  const head = await readHead(path);
  switch (sniffFormat(head)) {
    case 'xlsx': {
      // Loaded on demand: a CSV run never pays for the zip and XML parsers.
      const { openXlsx } = await import('./xlsx.js');
      return openXlsx(path, options);
    }
    case 'text':
      return openCsv(path, head, options);
    case 'ods':
      throw new FileError('FILE_IS_ODS', path, odsAdvice(path));
    case 'html':
      throw new FileError('FILE_IS_HTML', path, htmlAdvice(path));
    case 'spreadsheetml2003':
      throw new FileError('FILE_IS_SPREADSHEETML_2003', path, spreadsheetMl2003Advice(path));
    case 'ole2':
      throw new FileError('FILE_ENCRYPTED', path, say(files.encrypted, { path }));
    case 'empty':
      throw new FileError('FILE_EMPTY', path, say(files.empty, { path }));
    case 'binary':
      throw new FileError('FILE_BINARY', path, say(files.binary, { path }));
  }
}
