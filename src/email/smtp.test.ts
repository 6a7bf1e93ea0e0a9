import { once } from 'node:events';
import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpTransport, type SmtpTransport } from './smtp.js';
import { emailTemplates } from './templates/index.js';

interface Received {
  mailFrom: string;
  rcptTo: string[];
  data: string;
}

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();
const transports: SmtpTransport[] = [];

afterEach(async () => {
  for (const t of transports.splice(0)) t.close();
  for (const s of sockets) s.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as net.AddressInfo).port;
}

/** Just enough of RFC 5321 for one client: no extensions, so nodemailer sends plainly. */
async function fakeSmtpServer(opts: { advertiseAuth?: boolean } = {}) {
  const received: Received[] = [];
  const port = await listen((socket) => {
    let buffer = '';
    let inData = false;
    let awaitingCredentials = false;
    let current: Received = { mailFrom: '', rcptTo: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 fake.smtp.test ESMTP ready');
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          current.data = buffer.slice(0, end).replace(/^\.\./gm, '.');
          received.push(current);
          current = { mailFrom: '', rcptTo: [], data: '' };
          buffer = buffer.slice(end + 5);
          inData = false;
          reply('250 2.0.0 Ok: queued as FAKE1');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const [verb = '', , initial] = line.split(' ');
        // A careless server that echoes the credentials it refused: the transport must scrub them.
        const refuse = (b64: string) => reply(`535 5.7.8 Bad credentials ${Buffer.from(b64, 'base64').toString('utf8').replace(/\0/g, ' ')}`);
        if (awaitingCredentials) {
          awaitingCredentials = false;
          refuse(line);
          continue;
        }
        switch (verb.toUpperCase()) {
          case 'EHLO':
            reply(opts.advertiseAuth ? '250-fake.smtp.test\r\n250 AUTH PLAIN' : '250 fake.smtp.test');
            break;
          case 'AUTH':
            if (initial) refuse(initial);
            else {
              awaitingCredentials = true;
              reply('334 ');
            }
            break;
          case 'MAIL':
            current.mailFrom = line;
            reply('250 2.1.0 Ok');
            break;
          case 'RCPT':
            current.rcptTo.push(line);
            reply('250 2.1.5 Ok');
            break;
          case 'DATA':
            inData = true;
            reply('354 End data with <CR><LF>.<CR><LF>');
            break;
          case 'QUIT':
            reply('221 2.0.0 Bye');
            socket.end();
            break;
          default:
            reply('250 Ok');
        }
      }
    });
  });
  return { port, received };
}

// Enough MIME to read back what nodemailer wrote: unfolded headers, encoded words, QP and base64 bodies.
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

function parseEntity(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

function decodeBody(entity: { headers: Map<string, string>; body: string }): string {
  const encoding = entity.headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(entity.body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = entity.body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return entity.body;
}

function readMessage(raw: string) {
  const root = parseEntity(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(root.headers.get('content-type') ?? '')?.[1];
  const parts = boundary
    ? root.body
        .split(`--${boundary}`)
        .slice(1, -1)
        // The CRLF on either side of a boundary belongs to the boundary, not the part.
        .map((p) => parseEntity(p.replace(/^\r\n/, '').replace(/\r\n$/, '')))
    : [root];
  const part = (type: string) => {
    const found = parts.find((p) => p.headers.get('content-type')?.startsWith(type));
    return found ? decodeBody(found).replace(/\r\n/g, '\n') : undefined;
  };
  return { header: (name: string) => decodeWords(root.headers.get(name.toLowerCase()) ?? ''), text: part('text/plain'), html: part('text/html') };
}

function logSink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

const track = (t: SmtpTransport) => {
  transports.push(t);
  return t;
};
const vars = { firstName: 'Sara', appUrl: 'https://app.stratum.test/app', unsubscribeUrl: 'https://app.stratum.test/unsubscribe?t=tok&c=onboarding' };

describe('smtpTransport', () => {
  it('delivers subject, both parts and the one-click unsubscribe headers', async () => {
    const server = await fakeSmtpServer();
    const { log, lines } = logSink();
    const smtp = track(smtpTransport({ url: `smtp://127.0.0.1:${server.port}?ignoreTLS=true`, log }));
    const email = emailTemplates.welcome(vars, 'en');

    const { id } = await smtp.send({ to: 'sara@shop.test', from: 'Stratum <hello@stratum.test>', replyTo: 'support@stratum.test', ...email });

    expect(id).toMatch(/^<.+@.+>$/);
    expect(server.received).toHaveLength(1);
    const got = server.received[0]!;
    expect(got.mailFrom).toBe('MAIL FROM:<hello@stratum.test>');
    expect(got.rcptTo).toEqual(['RCPT TO:<sara@shop.test>']);
    const msg = readMessage(got.data);
    expect(msg.header('Subject')).toBe(email.subject);
    expect(msg.header('Message-ID')).toBe(id);
    expect(msg.header('Reply-To')).toBe('support@stratum.test');
    expect(msg.header('List-Unsubscribe')).toBe(`<${vars.unsubscribeUrl}>`);
    expect(msg.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(msg.text).toBe(email.text);
    expect(msg.html).toBe(email.html);

    const logged = lines.join('');
    expect(logged).toContain('email sent');
    expect(logged).toContain(id);
    for (const secret of ['sara@shop.test', 'Your email is verified', vars.unsubscribeUrl]) expect(logged).not.toContain(secret);
  });

  it('keeps Arabic subject and body intact', async () => {
    const server = await fakeSmtpServer();
    const smtp = track(smtpTransport({ url: `smtp://127.0.0.1:${server.port}?ignoreTLS=true` }));
    const email = emailTemplates.verification({ firstName: 'نورة', verifyUrl: 'https://app.stratum.test/verify?token=abc', expiresInHours: 24 }, 'ar');

    await smtp.send({ to: 'noura@shop.test', from: 'Stratum <hello@stratum.test>', ...email });

    const msg = readMessage(server.received[0]!.data);
    expect(msg.header('Subject')).toBe('أكّد حسابك في Stratum ✓');
    expect(msg.text).toBe(email.text);
    expect(msg.html).toBe(email.html);
    expect(msg.header('List-Unsubscribe')).toBe('');
  });

  it('verify() succeeds against a live server', async () => {
    const server = await fakeSmtpServer();
    const smtp = track(smtpTransport({ url: `smtp://127.0.0.1:${server.port}?ignoreTLS=true` }));
    await expect(smtp.verify()).resolves.toBeUndefined();
  });

  it('times out when the server never answers, without leaking the password', async () => {
    const port = await listen(() => undefined);
    const { log, lines } = logSink();
    const smtp = track(smtpTransport({ url: `smtp://mailer:hunter2-secret@127.0.0.1:${port}?ignoreTLS=true`, timeoutMs: 200, log }));
    const started = Date.now();

    const err = await smtp.send({ to: 'sara@shop.test', from: 'hello@stratum.test', subject: 'Hi', text: 'body' }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(Error);
    expect((err as { code?: string }).code).toBe('ETIMEDOUT');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(JSON.stringify(err) + String((err as Error).stack)).not.toContain('hunter2');
    const logged = lines.join('');
    expect(logged).toContain('email not sent');
    expect(logged).toContain('smtp://***@127.0.0.1');
    expect(logged).not.toContain('hunter2');
  });

  it('propagates a refused login without the credentials', async () => {
    const server = await fakeSmtpServer({ advertiseAuth: true });
    const smtp = track(smtpTransport({ url: `smtp://mailer:hunter2-secret@127.0.0.1:${server.port}?ignoreTLS=true`, timeoutMs: 2000 }));

    const err = await smtp.verify().catch((e: unknown) => e);

    expect((err as { code?: string }).code).toBe('EAUTH');
    expect((err as { response?: string }).response).toBe('535 5.7.8 Bad credentials  mailer ***');
    expect(JSON.stringify(err) + String((err as Error).stack)).not.toContain('hunter2');
  });

  it('refuses a URL that is not smtp(s) without echoing it', () => {
    expect(() => smtpTransport({ url: 'https://user:hunter2@mail.test' })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => smtpTransport({ url: 'not a url hunter2' })).toThrow('SMTP URL is not a valid URL');
  });

  it('rejects a message with a header that could inject another header', async () => {
    const server = await fakeSmtpServer();
    const smtp = track(smtpTransport({ url: `smtp://127.0.0.1:${server.port}?ignoreTLS=true` }));
    await expect(
      smtp.send({ to: 'sara@shop.test', from: 'hello@stratum.test', subject: 'Hi', text: 'x', headers: { 'X-Test': 'a\r\nBcc: victim@x.test' } }),
    ).rejects.toThrow(/one line/);
    expect(server.received).toHaveLength(0);
  });
});
