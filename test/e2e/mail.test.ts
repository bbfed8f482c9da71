/**
 * `paylinks mail` end to end: the built CLI as a child process, a split
 * folder written by a real `issue --split-by` run, and a real SMTP server on
 * 127.0.0.1 (smtp-server) that records what it receives.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collect, runCli, startCli } from '../helpers/cli.js';
import { dueInDays } from '../helpers/sheets.js';
import { startSandbox } from '../../src/api/sandbox/server.js';
import { startRecorder, type Recorder } from '../pipeline/mail/smtp-recorder.js';
import { englishLines } from '../i18n/english.js';

const PASSWORD = 'pa$$ w0rd-NEVER-SHOWN';
const USER = 'cartera';

let template: string;
let dir: string;
let folder: string;
let collectors: string;
let server: Recorder | undefined;

/** The demo sheet (Ana Gómez: 3 rows, Carlos Niño: 3 rows), due in 40 days. */
async function writeSheet(path: string, change = ''): Promise<void> {
  const demo = await readFile('fixtures/demo-billing.csv', 'utf8');
  let text = demo.replace(/\d\d\/\d\d\/2031/g, dueInDays(40));
  if (change) text = text.replace('Servicio de internet enero', change);
  await writeFile(path, text);
}

async function split(into: string, sheet: string, format: 'csv' | 'xlsx' = 'xlsx'): Promise<void> {
  const result = await runCli(['issue', sheet, '--out', join(into, `links.${format}`), '--dry-run', '--split-by', 'Cobrador', '--log', 'json']);
  expect(result.code, result.stderr).toBe(0);
}

beforeAll(async () => {
  template = await realpath(await mkdtemp(join(tmpdir(), 'paylinks-mail-template-')));
  await writeSheet(join(template, 'cartera.csv'));
  await split(join(template, 'enero'), join(template, 'cartera.csv'));
}, 60_000);

beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'paylinks-mail-')));
  await cp(template, dir, { recursive: true });
  folder = join(dir, 'enero', 'links-by-Cobrador');
  collectors = join(dir, 'cobradores.csv');
  await writeFile(collectors, 'Cobrador;Correo\r\nAna Gómez;"ana@example.co, ana.b@example.co"\r\nCarlos Niño;carlos@example.co\r\n');
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const env = { SMTP_PASSWORD: PASSWORD };

function mailArgs(smtpUrl: string, ...extra: string[]): string[] {
  return ['mail', folder, '--collectors', collectors, '--smtp', smtpUrl, '--from', 'Cartera <cartera@empresa.co>', '--rate', '50', '--log', 'json', ...extra];
}

function authedUrl(s: Recorder): string {
  return `smtp://${USER}@127.0.0.1:${s.port}`;
}

describe('paylinks mail', () => {
  it('sends each collector one message with their file attached byte for byte, to every address, and never shows the password', async () => {
    server = await startRecorder({ auth: { user: USER, pass: PASSWORD } });
    // The templates follow the run's language: Spanish from the environment here.
    const result = await runCli(mailArgs(authedUrl(server)), { env: { ...env, LANG: 'es_CO.UTF-8' } });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(server.received).toHaveLength(2);
    expect(server.authAttempts).toBeGreaterThanOrEqual(1);

    const byCollector = new Map(server.received.map((m) => [m.parsed.attachments[0]?.filename, m]));
    const ana = byCollector.get('Ana Gómez.xlsx');
    const carlos = byCollector.get('Carlos Niño.xlsx');
    expect(ana?.to.sort()).toEqual(['ana.b@example.co', 'ana@example.co']);
    expect(carlos?.to).toEqual(['carlos@example.co']);
    for (const [name, message] of [['Ana Gómez.xlsx', ana], ['Carlos Niño.xlsx', carlos]] as const) {
      const attachment = message?.parsed.attachments[0];
      expect(message?.parsed.attachments).toHaveLength(1);
      expect(Buffer.compare(attachment?.content as Buffer, await readFile(join(folder, name)))).toBe(0);
      expect(attachment?.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }
    // Spanish: collector, rows and amount in the subject; a summary table in both parts.
    expect(ana?.parsed.subject).toMatch(/^Cartera de .+: Ana Gómez — 3 facturas, \$ 1\.725\.000,50$/);
    expect(ana?.parsed.text).toContain('Hola, Ana Gómez:');
    expect(ana?.parsed.text).toMatch(/Total\s+3\s+\$ 1\.725\.000,50/);
    expect(String(ana?.parsed.html)).toMatch(/<table[^>]*>.*WOULD_ISSUE.*\$ 1\.725\.000,50/s);
    expect(ana?.from).toBe('cartera@empresa.co');

    // The report names both collectors; no secret anywhere we write.
    expect(result.stdout).toMatch(/Ana Gómez \(Ana Gómez\.xlsx\): SENT ana@example\.co, ana\.b@example\.co/);
    const journal = await readFile(`${folder}.mail-journal`, 'utf8');
    for (const text of [result.stdout, result.stderr, journal]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
      expect(text).not.toContain(encodeURIComponent(PASSWORD));
    }
    for (const m of server.received) expect(m.raw.toString('latin1')).not.toContain(PASSWORD);
    // Each attempt: an intent made durable before the message, then its result.
    const entries = journal.trim().split('\n').map((l) => JSON.parse(l) as { type: string; id: string; accepted?: string[] });
    expect(entries.filter((e) => e.type === 'intent')).toHaveLength(2);
    for (const result of entries.filter((e) => e.type === 'result')) {
      expect(entries.findIndex((e) => e.type === 'intent' && e.id === result.id)).toBeLessThan(entries.indexOf(result));
      expect(result.accepted?.length).toBeGreaterThan(0);
    }
  });

  it('a rerun sends nothing already sent; a file whose rows changed is sent again, only to its collector', async () => {
    server = await startRecorder();
    const url = server.url;
    expect((await runCli(mailArgs(url))).code).toBe(0);
    expect(server.received).toHaveLength(2);

    const again = await runCli(mailArgs(url));
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(server.received).toHaveLength(2);
    expect(again.stdout).toMatch(/ALREADY_SENT 3/);

    // A new split (as after a reconcile) changes Ana's rows; Carlos's workbook is rewritten with the same rows.
    const carlosBefore = await readFile(join(folder, 'Carlos Niño.xlsx'));
    await writeSheet(join(dir, 'cartera.csv'), 'Servicio de internet enero (corregido)');
    await split(join(dir, 'enero'), join(dir, 'cartera.csv'));
    expect(Buffer.compare(carlosBefore, await readFile(join(folder, 'Carlos Niño.xlsx')))).not.toBe(0);
    const third = await runCli(mailArgs(url));
    expect(third.code, third.stdout + third.stderr).toBe(0);
    const resent = server.received.slice(2);
    expect(resent.map((m) => m.parsed.attachments[0]?.filename)).toEqual(['Ana Gómez.xlsx']);
    expect(third.stdout).toMatch(/Carlos Niño \(Carlos Niño\.xlsx\): ALREADY_SENT carlos@example\.co/);
    const anaNow = resent.find((m) => m.parsed.attachments[0]?.filename === 'Ana Gómez.xlsx');
    expect(Buffer.compare(anaNow?.parsed.attachments[0]?.content as Buffer, await readFile(join(folder, 'Ana Gómez.xlsx')))).toBe(0);
  });

  it('a CSV split: unchanged files stay sent after a new split; only the changed one goes again', async () => {
    server = await startRecorder();
    await split(join(dir, 'csv'), join(dir, 'cartera.csv'), 'csv');
    folder = join(dir, 'csv', 'links-by-Cobrador');
    expect((await runCli(mailArgs(server.url))).code).toBe(0);
    expect(server.received).toHaveLength(2);
    for (const m of server.received) {
      const name = m.parsed.attachments[0]?.filename as string;
      expect(Buffer.compare(m.parsed.attachments[0]?.content as Buffer, await readFile(join(folder, name)))).toBe(0);
    }
    await writeSheet(join(dir, 'cartera.csv'), 'Internet enero, valor corregido');
    await split(join(dir, 'csv'), join(dir, 'cartera.csv'), 'csv');
    const again = await runCli(mailArgs(server.url));
    expect(again.code, again.stdout).toBe(0);
    expect(server.received.slice(2).map((m) => m.parsed.attachments[0]?.filename)).toEqual(['Ana Gómez.csv']);
    expect(again.stdout).toMatch(/Carlos Niño \(Carlos Niño\.csv\): ALREADY_SENT carlos@example\.co/);
  });

  it('--lang en: English subject, body and table', async () => {
    server = await startRecorder();
    const result = await runCli(mailArgs(server.url, '--lang', 'en', '--month', 'January 2031'));
    expect(result.code).toBe(0);
    const carlos = server.received.find((m) => m.to.includes('carlos@example.co'));
    expect(carlos?.parsed.subject).toBe('Billing for January 2031: Carlos Niño — 3 bills, $4,929,900');
    expect(carlos?.parsed.text).toMatch(/State\s+Rows\s+Amount/);
  });

  it('an authentication failure stops the run at one attempt: nothing sent, exit 3, no password shown', async () => {
    server = await startRecorder({ auth: { user: USER, pass: PASSWORD } });
    const result = await runCli(mailArgs(authedUrl(server)), { env: { SMTP_PASSWORD: 'wrong-secret-123' } });
    expect(result.code, result.stdout + result.stderr).toBe(3);
    expect(server.authAttempts).toBe(1);
    expect(server.bodies).toBe(0);
    expect(result.stderr).toMatch(/refused the user name or password/);
    expect(result.stdout + result.stderr).not.toContain('wrong-secret-123');
    expect(result.stdout + result.stderr).not.toContain(Buffer.from('\u0000cartera\u0000wrong-secret-123').toString('base64'));
  });

  it('a 451 after the message and a 421 to a recipient are retried, then succeed', async () => {
    server = await startRecorder({
      data: (_to, n) => (n === 1 ? { code: 451, message: '4.3.0 Temporary local problem, try later' } : undefined),
      rcpt: (address, n) => (address === 'carlos@example.co' && n === 1 ? { code: 421, message: '4.7.0 Too busy, try later' } : undefined),
    });
    const result = await runCli(mailArgs(server.url, '--connections', '1'));
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const deliveries = server.received.flatMap((m) => m.to).sort();
    expect(deliveries).toEqual(['ana.b@example.co', 'ana@example.co', 'carlos@example.co']);
    expect(server.bodies).toBeGreaterThanOrEqual(3);
  });

  it('a 550 is not retried: reported FAILED, exit 1, the other addresses served', async () => {
    let refused = 0;
    server = await startRecorder({
      rcpt: (address) => {
        if (address !== 'ana.b@example.co') return undefined;
        refused += 1;
        return { code: 550, message: '5.1.1 No such user' };
      },
    });
    const result = await runCli(mailArgs(server.url));
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(refused).toBe(1);
    expect(server.received.flatMap((m) => m.to).sort()).toEqual(['ana@example.co', 'carlos@example.co']);
    expect(result.stdout).toMatch(/FAILED Ana Gómez <ana\.b@example\.co>: .*550 5\.1\.1 No such user/);
  });

  it('collectors missing from the collectors file, bad addresses and empty files are reported, not sent', async () => {
    server = await startRecorder();
    await writeFile(collectors, 'Nombre;Cobrador;Correo;Correo 2\r\nx;ana gómez;ana@example.co;\r\nx;Pedro;pedro@example.co;\r\n');
    // Carlos's file emptied by hand: nothing to send.
    await writeFile(join(folder, 'Carlos Niño.xlsx'), '');
    const result = await runCli(mailArgs(server.url));
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(server.received).toHaveLength(0);
    expect(result.stdout).toMatch(/NO_COLLECTOR: "Ana Gómez" is not in the collectors file .*it has "ana gómez", which is spelled differently/);
    expect(result.stdout).toMatch(/EMPTY_FILE: Carlos Niño\.xlsx is empty/);
    expect(result.stdout).toMatch(/In the collectors file but with no file this time: ana gómez, Pedro/);

    await writeFile(collectors, 'Collector,Email\r\nAna Gómez,ana@@example\r\nAna Gómez,"Ana B <ana.b@example.co>"\r\n');
    const second = await runCli(mailArgs(server.url));
    expect(second.code, second.stdout).toBe(1);
    expect(second.stdout).toMatch(/BAD_ADDRESS Ana Gómez: row 2, column "Email": "ana@@example" is not an email address/);
    expect(server.received.map((m) => m.to)).toEqual([['ana.b@example.co']]);
  });

  it('--lang es: the collectors file\'s problems, the report and the dry run are all in Spanish', async () => {
    server = await startRecorder();
    // A stray address (a cell split by the delimiter), a row with addresses and no collector,
    // a non-address, a malformed address, and Carlos as the normal case.
    await writeFile(
      collectors,
      'Cobrador;Correo\r\n' +
        'Ana Gómez;ana@@example\r\n' +
        'Ana Gómez;solo un nombre\r\n' +
        ';nadie@example.co\r\n' +
        'Carlos Niño;carlos@example.co;otro@example.co\r\n',
    );
    const result = await runCli(mailArgs(server.url, '--lang', 'es'));
    const all = `${result.stdout}\n${result.stderr}`;
    expect(result.code, all).toBe(1);
    expect(server.received.map((m) => m.to)).toEqual([['carlos@example.co']]);
    expect(englishLines(all), all).toEqual([]);
    expect(result.stdout).toContain('BAD_ADDRESS Ana Gómez: fila 2, columna "Correo": "ana@@example" no es una dirección de correo; escríbala como nombre@dominio.com, sin espacios');
    expect(result.stdout).toContain('"solo un nombre" no es una dirección de correo; escríbala como nombre@dominio.com');
    expect(result.stdout).toContain('BAD_ADDRESS (sin cobrador): fila 4, columna "Cobrador": tiene direcciones pero ningún cobrador');
    expect(result.stdout).toContain('columna "#3": "otro@example.co" está en una columna sin encabezado');
    expect(result.stdout).toContain('NO_ADDRESS: "Ana Gómez" no tiene ninguna dirección válida en');
    expect(result.stdout).toContain('Requiere revisión:');
    expect(result.stdout).toMatch(/^Diario: /m);
    expect(result.stdout).toMatch(/^Correo: 2 archivo\(s\) en /);

    const dry = await runCli(['mail', folder, '--collectors', collectors, '--from', 'cartera@empresa.co', '--dry-run', '--lang', 'es']);
    const dryAll = `${dry.stdout}\n${dry.stderr}`;
    expect(englishLines(dryAll), dryAll).toEqual([]);
    expect(dry.stdout).toMatch(/^Simulación \(nada enviado\): 2 archivo\(s\) en /);
    expect(dry.stdout).toContain('Mensajes escritos en ');
    expect(dry.stdout).toContain('(ábralos con cualquier programa de correo).');
    expect(dry.stdout).toContain('tiene direcciones pero ningún cobrador');
  });

  it('--dry-run writes one .eml per collector that opens as the real message, sends nothing and journals nothing', async () => {
    const result = await runCli(['mail', folder, '--collectors', collectors, '--from', 'cartera@empresa.co', '--dry-run', '--lang', 'es']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const emlDir = join(dir, 'enero', 'links-by-Cobrador-eml');
    expect((await readdir(emlDir)).sort()).toEqual(['Ana Gómez.eml', 'Carlos Niño.eml']);
    const parsed = await simpleParser(await readFile(join(emlDir, 'Ana Gómez.eml')));
    expect(parsed.subject).toMatch(/Ana Gómez — 3 facturas/);
    expect(Buffer.compare(parsed.attachments[0]?.content as Buffer, await readFile(join(folder, 'Ana Gómez.xlsx')))).toBe(0);
    expect(result.stdout).toMatch(/WOULD_SEND 3/);
    expect((await readdir(join(dir, 'enero'))).sort()).toEqual(['links-by-Cobrador', 'links-by-Cobrador-eml', 'links.xlsx']);
  });

  it('bad usage is refused with exit 2 before anything is sent', async () => {
    server = await startRecorder();
    const cases: Array<[string[], RegExp]> = [
      [['mail', folder, '--collectors', collectors, '--from', 'a@empresa.co'], /--smtp is required/],
      [mailArgs('http://127.0.0.1:25'), /--smtp "http:\/\/127\.0\.0\.1:25" starts with "http:"/],
      [mailArgs(server.url, '--subject', 'Cartera {colector}'), /\{colector\}.*not known/],
      [['mail', join(dir, 'nowhere'), '--collectors', collectors, '--smtp', server.url, '--from', 'a@empresa.co'], /no such file or folder/],
      [['mail', folder, '--collectors', collectors, '--smtp', server.url, '--from', 'not an address'], /--from "not an address" must be one email address/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args);
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    await writeFile(collectors, 'Cobrador;Teléfono\r\nAna Gómez;3001234567\r\n');
    const noEmail = await runCli(mailArgs(server.url));
    expect(noEmail.code).toBe(2);
    expect(noEmail.stderr).toMatch(/no header with a collector column .* and an address column/);
    expect(server.bodies).toBe(0);
  });

  it('a server that is down stops the run with exit 3 after its retries', async () => {
    server = await startRecorder();
    const port = server.port;
    await server.close();
    server = undefined;
    const result = await runCli(mailArgs(`smtp://127.0.0.1:${port}`, '--retries', '1'));
    expect(result.code, result.stdout + result.stderr).toBe(3);
    expect(result.stderr).toMatch(/could not be used .*ECONNREFUSED|could not be used/);
    expect(result.stdout).toMatch(/Stopped:/);
  });

  it('another run holding the journal exits 4', async () => {
    server = await startRecorder({ hold: () => true });
    const first = startCli(mailArgs(server.url));
    const done = collect(first);
    await server.waitFor(1);
    const second = await runCli(mailArgs(server.url));
    expect(second.code, second.stderr).toBe(4);
    expect(second.stderr).toMatch(/lock .*links-by-Cobrador\.mail-journal\.lock/);
    first.kill('SIGKILL');
    await done;
  });

  it('kill -9 between the intent and the answer: the rerun never sends twice to one address, reports UNCERTAIN, and --resend-uncertain sends it', async () => {
    // The first message's answer never comes: the process is killed while it waits.
    server = await startRecorder({ hold: (_to, n) => n === 1 });
    const child = startCli(mailArgs(server.url, '--connections', '1', '--rate', '1'));
    const done = collect(child);
    await server.waitFor(1);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const held = server.received[0]?.to ?? [];
    expect(held.length).toBeGreaterThan(0);

    const rerun = await runCli(mailArgs(server.url));
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(1);
    const counts = new Map<string, number>();
    for (const address of server.received.flatMap((m) => m.to)) counts.set(address, (counts.get(address) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1), JSON.stringify([...counts]) + rerun.stdout + rerun.stderr).toBe(true);
    expect([...counts.keys()].sort(), rerun.stdout + rerun.stderr).toEqual(['ana.b@example.co', 'ana@example.co', 'carlos@example.co']);
    for (const address of held) expect(rerun.stdout).toMatch(new RegExp(`UNCERTAIN .*<${address.replace(/\./g, '\\.')}>: .*--resend-uncertain`));

    // A second rerun still sends nothing; --resend-uncertain sends the uncertain one once more, on purpose.
    expect((await runCli(mailArgs(server.url))).code).toBe(1);
    const before = server.received.length;
    const resend = await runCli(mailArgs(server.url, '--resend-uncertain'));
    expect(resend.code, resend.stdout).toBe(0);
    expect(server.received.slice(before).flatMap((m) => m.to).sort()).toEqual([...held].sort());
    expect((await runCli(mailArgs(server.url))).code).toBe(0);
  });

  it('Ctrl-C: the message in flight finishes (here: its answer never comes, so UNCERTAIN), nothing new starts, exit 130; the rerun sends the rest', async () => {
    server = await startRecorder({ hold: (_to, n) => n === 1 });
    const child = startCli(mailArgs(server.url, '--connections', '1', '--timeout', '2'));
    const done = collect(child);
    await server.waitFor(1);
    child.kill('SIGINT');
    const interrupted = await done;
    expect(interrupted.code, interrupted.stdout + interrupted.stderr).toBe(130);
    expect(interrupted.stdout).toMatch(/UNCERTAIN 2|UNCERTAIN 1/);
    expect(interrupted.stdout).toMatch(/NOT_SENT/);
    expect(server.received).toHaveLength(1);

    const rerun = await runCli(mailArgs(server.url));
    expect(rerun.code, rerun.stdout).toBe(1); // the held one stays UNCERTAIN
    const all = server.received.flatMap((m) => m.to).sort();
    expect(all).toEqual(['ana.b@example.co', 'ana@example.co', 'carlos@example.co']);
  });

  describe('TLS', () => {
    /** A self-signed certificate for 127.0.0.1, trusted by the child through NODE_EXTRA_CA_CERTS (as a private CA would be). */
    async function certificate(): Promise<{ key: string; cert: string; certPath: string }> {
      const keyPath = join(dir, 'key.pem');
      const certPath = join(dir, 'cert.pem');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
      return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8'), certPath };
    }

    it('STARTTLS (required) then AUTH: the messages travel encrypted', async () => {
      const tls = await certificate();
      server = await startRecorder({ auth: { user: USER, pass: PASSWORD }, tls });
      const result = await runCli(mailArgs(`${authedUrl(server)}?starttls=required`), { env: { ...env, NODE_EXTRA_CA_CERTS: tls.certPath } });
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(server.received.map((m) => m.secure)).toEqual([true, true]);
    });

    it('smtps:// is TLS from the first byte', async () => {
      const tls = await certificate();
      server = await startRecorder({ auth: { user: USER, pass: PASSWORD }, tls: { ...tls, implicit: true } });
      const result = await runCli(mailArgs(`smtps://${USER}@127.0.0.1:${server.port}`), { env: { ...env, NODE_EXTRA_CA_CERTS: tls.certPath } });
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(server.received.map((m) => m.secure)).toEqual([true, true]);
    });

    it('STARTTLS required by a server that does not offer it: nothing sent, no password sent in clear, exit 3', async () => {
      server = await startRecorder({ auth: { user: USER, pass: PASSWORD } });
      const result = await runCli(mailArgs(`${authedUrl(server)}?starttls=required`, '--retries', '0'), { env });
      expect(result.code, result.stdout + result.stderr).toBe(3);
      expect(server.authAttempts).toBe(0);
      expect(server.bodies).toBe(0);
      expect(result.stderr).toMatch(/STARTTLS/);
    });
  });

  it('the cron line: reconcile --split-by then mail; a payment changes one collector\'s file, and only that one is mailed again', async () => {
    const sandbox = await startSandbox({});
    try {
      const creds = { PLACETOPAY_LOGIN: sandbox.credentials.login, PLACETOPAY_SECRET_KEY: sandbox.credentials.secretKey };
      server = await startRecorder();
      const sheet = join(dir, 'billing-links.csv');
      expect((await runCli(['issue', join(dir, 'cartera.csv'), '--out', sheet, '--base-url', sandbox.url, '--log', 'json'], { env: creds })).code).toBe(0);
      const reconcile = () => runCli(['reconcile', sheet, '--base-url', sandbox.url, '--split-by', 'Cobrador', '--log', 'json'], { env: creds });
      folder = join(dir, 'billing-links-by-Cobrador');
      expect((await reconcile()).code).toBe(0);
      expect((await runCli(mailArgs(server.url))).code).toBe(0);
      expect(server.received).toHaveLength(2);

      // Nothing changed: the next day's run mails nobody.
      expect((await reconcile()).code).toBe(0);
      const quiet = await runCli(mailArgs(server.url));
      expect(quiet.code, quiet.stdout).toBe(0);
      expect(server.received).toHaveLength(2);

      // Ana's first bill is paid: only Ana gets her file again, with the payment in it.
      const anaRows = (await readFile(sheet, 'utf8')).split('\n').filter((l) => l.includes('Ana Gómez'));
      const linkId = /;(\d+);https?:/.exec(anaRows[0] ?? '')?.[1];
      expect(linkId).toBeDefined();
      expect((await fetch(`${sandbox.url}/__sandbox/links/${linkId}/pay`, { method: 'POST' })).ok).toBe(true);
      expect((await reconcile()).code).toBe(0);
      // Spanish templates (the run's language), as a Colombian office's cron would have it.
      expect((await runCli(mailArgs(server.url, '--lang', 'es'))).code).toBe(0);
      expect(server.received.slice(2).map((m) => m.parsed.attachments[0]?.filename)).toEqual(['Ana Gómez.csv']);
      expect(server.received[2]?.parsed.attachments[0]?.content.toString('utf8')).toContain('PAID');
      expect(server.received[2]?.parsed.text).toMatch(/PAID\s+1\s+\$ 1\.250\.000/);
    } finally {
      await sandbox.close();
    }
  });
});
