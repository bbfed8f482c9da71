/** The raw XML of one part of a written XLSX, for checks exceljs's reader does not surface. */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';

export async function readZipEntry(path: string, entry: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const file = zip.file(entry);
  if (file === null) throw new Error(`${path} has no ${entry}`);
  return file.async('string');
}
