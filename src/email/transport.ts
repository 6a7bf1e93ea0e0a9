import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DbOrTx } from '../db/types.js';
import { devMailboxTransport } from './dev-mailbox.js';
import { smtpTransport } from './smtp.js';
import type { EmailTransport } from './types.js';

/** True when mail is kept in the dev mailbox (and /dev/mailbox should be served). */
export const usesDevMailbox = (cfg: Config['email']): boolean => !cfg.smtpUrl && cfg.devMailboxEnabled;

/**
 * SMTP when configured; otherwise the dev mailbox where enabled; otherwise a transport that
 * refuses, so email jobs fail visibly (and retry) instead of pretending to send.
 */
export function createEmailTransport(cfg: Config['email'], db: DbOrTx, log: Logger): EmailTransport {
  if (cfg.smtpUrl) return smtpTransport({ url: cfg.smtpUrl, log });
  if (cfg.devMailboxEnabled) return devMailboxTransport(db);
  return {
    kind: 'smtp',
    send: () => Promise.reject(new Error('No mail server is configured: set SMTP_URL (or DEV_MAILBOX_ENABLED=true outside production)')),
  };
}
