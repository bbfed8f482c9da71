/**
 * Random access to a workbook's zip (yauzl reads the central directory, then
 * any part on demand). Small parts (relationships, workbook.xml, styles,
 * tables) are read whole; sheets are streamed, so a 200,000-row sheet is
 * never in memory, and several sheets' first rows can be looked at without
 * reading the zip from the start again.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { say } from '../../i18n/message.js';
import { files } from '../../i18n/messages/files.js';

/** The most a part read whole may hold once inflated (a styles part with thousands of styles is ~1 MB). */
export const MAX_SMALL_PART_BYTES = 32 * 1024 * 1024;

export class ZipParts {
  readonly #zip: yauzl.ZipFile;
  /** Part names are case-insensitive in OPC: keyed by the lower-case name. */
  readonly #entries: Map<string, yauzl.Entry>;
  readonly #open = new Set<Readable>();

  private constructor(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>) {
    this.#zip = zip;
    this.#entries = entries;
  }

  static async open(path: string): Promise<ZipParts> {
    const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
    const entries = new Map<string, yauzl.Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          entries.set(entry.fileName.toLowerCase(), entry);
          zip.readEntry();
        });
        zip.once('end', resolve);
        zip.once('error', reject);
        zip.readEntry();
      });
    } catch (err) {
      zip.close();
      throw err;
    }
    return new ZipParts(zip, entries);
  }

  has(name: string): boolean {
    return this.#entries.has(name.toLowerCase());
  }

  /** A part as text, or undefined when the zip has no such part. */
  async text(name: string, limit = MAX_SMALL_PART_BYTES): Promise<string | undefined> {
    const entry = this.#entries.get(name.toLowerCase());
    if (entry === undefined) return undefined;
    if (entry.uncompressedSize > limit) throw new Error(say(files.partTooBig, { part: name, size: entry.uncompressedSize, limit }));
    const stream = await this.stream(name);
    const chunks: Buffer[] = [];
    for await (const chunk of stream!) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  /** A part's bytes as a stream (yauzl checks the inflated size against the directory's). */
  async stream(name: string): Promise<Readable | undefined> {
    const entry = this.#entries.get(name.toLowerCase());
    if (entry === undefined) return undefined;
    const stream = await this.#zip.openReadStreamPromise(entry);
    this.#open.add(stream);
    stream.once('close', () => this.#open.delete(stream));
    return stream;
  }

  /** Stops every stream still open and releases the file descriptor. */
  close(): Promise<void> {
    const pending = [...this.#open].map(
      (stream) =>
        new Promise<void>((resolve) => {
          if (stream.closed) return resolve();
          stream.once('close', () => resolve());
          stream.on('error', () => {});
          stream.destroy();
        }),
    );
    return Promise.all(pending).then(() => {
      this.#zip.close();
    });
  }
}
