import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { outgoingEmailSchema, type EmailTransport } from './types.js';

export interface SmtpTransportOptions {
  /** smtp://user:pass@host:587 or smtps://…:465; query parameters become nodemailer options (e.g. ?ignoreTLS=true). */
  url: string;
  /** Applies to connecting, the greeting and any idle wait; default 10 s, so a dead server fails a job instead of hanging it. */
  timeoutMs?: number;
  log?: Logger;
}

export type SmtpTransport = EmailTransport & { verify(): Promise<void>; close(): void };

interface SmtpUrl {
  /** For logs and errors: scheme, host and port, credentials masked. */
  display: string;
  secrets: string[];
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function parseSmtpUrl(raw: string): SmtpUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Not rethrown: URL's own error carries the input, password included.
    throw new Error('SMTP URL is not a valid URL');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  const secrets = [url.password, safeDecode(url.password)];
  // Some providers (Postmark, for one) use the API token as the user name as well.
  if (url.username.length >= 8) secrets.push(url.username, safeDecode(url.username));
  const credentials = url.username || url.password ? '***@' : '';
  // Longest first, so a secret that contains another is masked whole.
  const unique = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  return { display: `${url.protocol}//${credentials}${url.host}`, secrets: unique };
}

/** Masks credentials wherever a server reply or library message might echo them, keeping the error's type and code. */
function redacted(err: unknown, secrets: string[]): unknown {
  if (!(err instanceof Error) || secrets.length === 0) return err;
  const scrub = (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join('***'), s);
  const fields = err as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack', 'response', 'command']) {
    const value = fields[key];
    if (typeof value === 'string') fields[key] = scrub(value);
  }
  return err;
}

function openTransporter(url: string, timeout: number, secrets: string[]) {
  try {
    return nodemailer.createTransport({
      url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      dnsTimeout: timeout,
      // Our messages never attach files or URLs; refusing them closes a path to reading the server's disk.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  } catch (err) {
    throw redacted(err, secrets);
  }
}

/** Sends through one SMTP server. Failures reject (the email job retries with backoff) and are never swallowed. */
export function smtpTransport(opts: SmtpTransportOptions): SmtpTransport {
  const { display, secrets } = parseSmtpUrl(opts.url);
  const log = opts.log?.child({ smtp: display });
  const transporter = openTransporter(opts.url, opts.timeoutMs ?? 10_000, secrets);

  return {
    kind: 'smtp',
    async send(message) {
      const m = outgoingEmailSchema.parse(message);
      const started = Date.now();
      try {
        const info = await transporter.sendMail({
          from: m.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          ...(m.html === undefined ? {} : { html: m.html }),
          ...(m.replyTo === undefined ? {} : { replyTo: m.replyTo }),
          ...(m.headers === undefined ? {} : { headers: m.headers }),
        });
        // Recipient and content stay out of the logs: the id is enough to find the message at the provider.
        log?.info({ messageId: info.messageId, ms: Date.now() - started }, 'email sent');
        return { id: info.messageId };
      } catch (err) {
        const e = redacted(err, secrets);
        // `permanent` (a 5xx reply) tells the caller a retry will not help.
        const { code, responseCode, permanent } = (e ?? {}) as { code?: unknown; responseCode?: unknown; permanent?: unknown };
        log?.warn({ code, responseCode, permanent, ms: Date.now() - started }, 'email not sent');
        throw e;
      }
    },
    async verify() {
      try {
        await transporter.verify();
      } catch (err) {
        throw redacted(err, secrets);
      }
    },
    close() {
      transporter.close();
    },
  };
}
