import { randomBytes } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WorldError } from '../../world/types.js';

/**
 * TikTok API for Business answers every call with HTTP 200 and an envelope
 * `{code, message, request_id, data}`; `code` 0 is success, anything else an error
 * (reference §4F). The codes below are the ones TikTok documents for the situations we imitate.
 */
export const Code = {
  OK: 0,
  NO_PERMISSION: 40001,
  INVALID_PARAMS: 40002,
  RATE_LIMITED: 40100,
  INVALID_APP: 40101,
  TOKEN_EXPIRED: 40102,
  TOKEN_EMPTY: 40104,
  TOKEN_INVALID: 40105,
  AUTH_CODE_INVALID: 40110,
  SYSTEM_ERROR: 50000,
} as const;

export type TikTokCode = (typeof Code)[keyof typeof Code];

/** Thrown inside a handler; the scope's error handler renders it as TikTok's envelope. */
export class TikTokError extends Error {
  constructor(
    readonly code: TikTokCode,
    message: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string): TikTokError => new TikTokError(Code.INVALID_PARAMS, message);

/** TikTok request ids start with the UTC time (`YYYYMMDDHHmmss`) and end in random hex. */
export function requestId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
  return stamp + randomBytes(9).toString('hex').toUpperCase();
}

export function envelope(code: number, message: string, data: unknown = {}) {
  return { code, message, request_id: requestId(), data };
}

export function sendOk(reply: FastifyReply, data: unknown) {
  const body = envelope(Code.OK, 'OK', data);
  return reply.status(200).header('x-tt-logid', body.request_id).send(body);
}

export function sendError(reply: FastifyReply, code: number, message: string, data: unknown = {}) {
  const body = envelope(code, message, data);
  return reply.status(200).header('x-tt-logid', body.request_id).send(body);
}

/** Everything that goes wrong in a route becomes TikTok's HTTP 200 error envelope. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof TikTokError) return sendError(reply, err.code, err.message);
    if (err instanceof WorldError) return sendError(reply, Code.INVALID_PARAMS, err.message);
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status < 500) return sendError(reply, Code.INVALID_PARAMS, `Invalid request: ${err.message}`);
    req.log.error({ err }, 'tiktok sandbox handler failed');
    return sendError(reply, Code.SYSTEM_ERROR, 'System error. Please try again later.');
  });
}
