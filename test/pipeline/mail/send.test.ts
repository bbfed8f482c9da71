/**
 * deliver() through a real nodemailer pool to real servers on 127.0.0.1:
 * partial answers, deferrals, refusals and a connection dropped mid-message.
 */
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openJournal, readJournal } from '../../../src/io/journal.js';
import { replayLedger, ledgerKey, type MailJournalEntry } from '../../../src/pipeline/mail/ledger.js';
import type { Job } from '../../../src/pipeline/mail/plan.js';
import { deliver, type SendContext } from '../../../src/pipeline/mail/send.js';
import { parseSmtpUrl } from '../../../src/pipeline/mail/smtp-url.js';
import { openPool, type SmtpPool } from '../../../src/pipeline/mail/transport.js';
import { Throttle } from '../../../src/pipeline/service/throttle.js';
import { startRecorder, type Recorder } from './smtp-recorder.js';

let recorder: Recorder | undefined;
let raw: Server | undefined;
let pool: SmtpPool | undefined;
afterEach(async () => {
  pool?.close();
  await recorder?.close();
  raw?.close();
  recorder = undefined;
  raw = undefined;
});

const job = (addresses: string[]): Job => ({
  entry: { value: 'Ana', file: 'Ana.csv', path: '/x/Ana.csv', rows: 1, states: {}, amounts: {} },
  sha256: 'f'.repeat(64),
  send: addresses,
  already: [],
  uncertain: [],
});

async function context(url: string) {
  const journalPath = join(await mkdtemp(join(tmpdir(), 'paylinks-send-')), 'j.mail-journal');
  const journal = await openJournal<MailJournalEntry>(journalPath);
  pool = openPool(parseSmtpUrl(url, {}), { connections: 1, timeoutSeconds: 5 });
  const stops: string[] = [];
  const ctx: SendContext = {
    transport: pool,
    journal,
    throttle: new Throttle({ concurrency: 1 }),
    retry: { retries: 3, minDelayMs: 20, maxDelayMs: 50 },
    redact: (t) => t,
    stopped: () => stops.length > 0,
    stop: (reason) => void stops.push(reason),
    signal: new AbortController().signal,
  };
  return { ctx, stops, journalPath, journal };
}

const message = (to: string[]) => ({ from: 'c@empresa.co', to, subject: 's', text: 'hola' });

describe('deliver', () => {
  it('a recipient deferred (451) is retried alone; the one accepted is never sent again', async () => {
    recorder = await startRecorder({ rcpt: (address, n) => (address === 'b@x.co' && n <= 2 ? { code: 451, message: '4.2.0 later' } : undefined) });
    const { ctx, journalPath, journal } = await context(recorder.url);
    const outcomes = await deliver(job(['a@x.co', 'b@x.co']), message, ctx);
    await journal.close();
    expect(outcomes).toEqual([{ address: 'a@x.co', state: 'SENT' }, { address: 'b@x.co', state: 'SENT' }]);
    expect(recorder.received.map((m) => m.to)).toEqual([['a@x.co'], ['b@x.co']]);
    const ledger = replayLedger(await readJournal<MailJournalEntry>(journalPath));
    expect(ledger.get(ledgerKey('Ana', 'f'.repeat(64), 'b@x.co'))?.state).toBe('SENT');
  });

  it('a 550 is final at once; a 4xx that never clears ends FAILED after the retries', async () => {
    let tries = 0;
    recorder = await startRecorder({
      rcpt: (address) => {
        if (address === 'gone@x.co') return { code: 550, message: '5.1.1 unknown' };
        tries += 1;
        return { code: 452, message: '4.2.2 full' };
      },
    });
    const { ctx, stops } = await context(recorder.url);
    const outcomes = await deliver(job(['gone@x.co', 'full@x.co']), message, ctx);
    expect(outcomes.map((o) => [o.address, o.state])).toEqual([['gone@x.co', 'FAILED'], ['full@x.co', 'FAILED']]);
    expect(outcomes[1]?.detail).toMatch(/452 4\.2\.2 full \(still refused after 3 retries\)/);
    expect(tries).toBe(4);
    expect(stops).toEqual([]);
  });

  it('a connection dropped after the message was sent is UNCERTAIN and never retried', async () => {
    let bodies = 0;
    raw = createServer((socket: Socket) => {
      let inData = false;
      socket.write('220 drop.test ESMTP\r\n');
      socket.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString('latin1').split('\r\n')) {
          if (inData) {
            if (line === '.') {
              bodies += 1;
              socket.destroy(); // the answer to the message never comes
              return;
            }
            continue;
          }
          if (/^(EHLO|HELO)/i.test(line)) socket.write('250 drop.test\r\n');
          else if (/^(MAIL|RCPT)/i.test(line)) socket.write('250 OK\r\n');
          else if (/^DATA/i.test(line)) {
            inData = true;
            socket.write('354 go\r\n');
          } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        }
      });
    });
    raw.listen(0, '127.0.0.1');
    await once(raw, 'listening');
    const { ctx, journalPath, journal } = await context(`smtp://127.0.0.1:${(raw.address() as AddressInfo).port}`);
    const outcomes = await deliver(job(['a@x.co']), message, ctx);
    await journal.close();
    expect(outcomes).toEqual([{ address: 'a@x.co', state: 'UNCERTAIN', detail: expect.stringMatching(/connection was lost .* the server may have it/) }]);
    expect(bodies).toBe(1);
    expect(replayLedger(await readJournal<MailJournalEntry>(journalPath)).get(ledgerKey('Ana', 'f'.repeat(64), 'a@x.co'))?.state).toBe('UNCERTAIN');
  });

  it('an unreachable server is retried, then stops the run', async () => {
    recorder = await startRecorder();
    const url = recorder.url;
    await recorder.close();
    recorder = undefined;
    const { ctx, stops } = await context(url);
    const outcomes = await deliver(job(['a@x.co']), message, ctx);
    expect(outcomes.map((o) => o.state)).toEqual(['NOT_SENT']);
    expect(stops).toEqual(['SERVER_DOWN']);
  });

  it('a message waiting for its turn when the run stops never starts: no intent, no connection', async () => {
    recorder = await startRecorder();
    const { ctx, stops, journal, journalPath } = await context(recorder.url);
    let release = (): void => undefined;
    const busy = ctx.throttle.run(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = deliver(job(['a@x.co']), message, ctx);
    await new Promise((r) => setTimeout(r, 50));
    ctx.stop('AUTH', 'refused');
    release();
    await busy;
    expect(await waiting).toEqual([{ address: 'a@x.co', state: 'NOT_SENT', detail: expect.stringMatching(/run stopped/) }]);
    await journal.close();
    expect(stops).toEqual(['AUTH']);
    expect(await readJournal(journalPath)).toEqual([]);
    expect(recorder.bodies).toBe(0);
  });
});
