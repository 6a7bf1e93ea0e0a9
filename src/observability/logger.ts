import pino, { type Logger } from 'pino';
import type { Config } from '../config.js';

/** Never let a secret reach the log, whatever a caller passes in. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.secret',
  '*.apiKey',
  '*.clientSecret',
  '*.headers.authorization',
];

export function createLogger(cfg: Config['log'], base: Record<string, unknown> = {}): Logger {
  return pino({
    level: cfg.level,
    base: { pid: process.pid, ...base },
    redact: { paths: redactPaths, censor: '[redacted]' },
    ...(cfg.pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
  });
}
