/**
 * `--dry-run`: each message that would be sent, written as an `.eml` file
 * (RFC 822, opens in any mail client) instead of being sent. Built by
 * nodemailer's MailComposer, the same code that builds what the SMTP
 * transport sends. The folder is built aside and swapped in, so it never
 * mixes two dry runs.
 */
import { writeFile } from 'node:fs/promises';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SendMailOptions } from 'nodemailer';
import { FileNamer, safeFileStem } from '../output/safe-filename.js';
import { StagedFolder } from '../output/staged-folder.js';

export class EmlFolder {
  private readonly namer = new FileNamer('.eml');

  private constructor(private readonly staged: StagedFolder) {}

  static async open(path: string): Promise<EmlFolder> {
    return new EmlFolder(await StagedFolder.create(path));
  }

  get path(): string {
    return this.staged.path;
  }

  /** Writes one message; returns its final path (valid after commit). */
  async write(collector: string, blank: string, message: SendMailOptions): Promise<string> {
    const name = this.namer.claim(safeFileStem(collector, blank));
    const bytes = await new MailComposer(message).compile().build();
    await writeFile(this.staged.file(name), bytes);
    return `${this.staged.path}/${name}`;
  }

  commit(): Promise<void> {
    return this.staged.commit();
  }

  abort(): Promise<void> {
    return this.staged.abort();
  }
}
