import type { Config } from '../config.js';
import { redactUrl } from '../db/postgres.js';
import { usesDevMailbox } from '../email/transport.js';

/** The first lines a person sees: what runs, and where to point a browser. */
export function startBanner(config: Config, version: string): string[] {
  const db = config.db.kind === 'pglite' ? `embedded database in ${config.db.dataDir}` : `PostgreSQL at ${redactUrl(config.db.url)}`;
  const lines = [`Stratum ${version} — ${config.role === 'all' ? 'all-in-one' : config.role} process, ${db}`];
  if (config.role !== 'worker') {
    lines.push(`  App:         ${config.http.publicUrl}`, `  API docs:    ${config.http.publicUrl}/api/docs`);
    lines.push(
      usesDevMailbox(config.email)
        ? `  Dev mailbox: ${config.http.publicUrl}/dev/mailbox  (email is kept here, not sent)`
        : `  Email:       ${config.email.smtpUrl ? `SMTP at ${redactUrl(config.email.smtpUrl)}` : 'not configured (set SMTP_URL)'}`,
    );
  }
  if (config.sandbox.enabled) lines.push(`  Sandbox:     ${config.sandbox.publicUrl}  (ad platforms imitated locally)`);
  if (config.role !== 'api') lines.push('  Job workers: on');
  return lines;
}
