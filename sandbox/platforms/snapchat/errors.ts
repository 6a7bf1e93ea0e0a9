import type { FastifyReply } from 'fastify';
import { hexId } from '../../ids.js';

/**
 * Snapchat's three error dialects: the Marketing API envelope (`request_status: "ERROR"` with
 * `debug_message`, `display_message`, `error_code`), the Conversions API's `status`/`reason`/`param`,
 * and RFC 6749 bodies on the OAuth token endpoint.
 *
 * Only E3003 ("Resource can not be found") is seen in public client code; the other codes are the
 * sandbox's own stable choices so adapters can branch on HTTP status and still log a code.
 */
export type ApiErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'rate_limited' | 'server_error' | 'unavailable' | 'immutable';

const API_ERRORS: Record<ApiErrorKind, { status: number; code: string; display: string }> = {
  invalid: { status: 400, code: 'E1001', display: 'There is a problem with your request. Please check the values and try again.' },
  immutable: { status: 400, code: 'E2023', display: 'This attribute cannot be changed once the entity is created.' },
  unauthorized: { status: 401, code: 'E3001', display: 'We could not verify your access. Please sign in again.' },
  forbidden: { status: 403, code: 'E3002', display: "You don't have permission to access this resource." },
  not_found: { status: 404, code: 'E3003', display: "We're sorry, but the requested resource is not available at this time" },
  rate_limited: { status: 429, code: 'E1008', display: 'Too many requests. Please slow down and try again.' },
  server_error: { status: 500, code: 'E2001', display: 'Something went wrong on our side. Please try again later.' },
  unavailable: { status: 503, code: 'E2002', display: 'The service is temporarily unavailable. Please try again later.' },
};

export const requestId = (): string => hexId(12);

export function apiErrorBody(kind: ApiErrorKind, debugMessage: string): { status: number; body: Record<string, unknown> } {
  const e = API_ERRORS[kind];
  return {
    status: e.status,
    body: { request_status: 'ERROR', request_id: requestId(), debug_message: debugMessage, display_message: e.display, error_code: e.code },
  };
}

export function sendApiError(reply: FastifyReply, kind: ApiErrorKind, debugMessage: string): FastifyReply {
  const { status, body } = apiErrorBody(kind, debugMessage);
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Conversions API errors: `{status, reason, param?}` (status INVALID for request problems). */
export function sendCapiError(reply: FastifyReply, httpStatus: number, reason: string, param?: string): FastifyReply {
  const status = httpStatus === 401 ? 'UNAUTHORIZED' : httpStatus === 403 ? 'FORBIDDEN' : httpStatus === 429 ? 'RATE_LIMITED' : httpStatus >= 500 ? 'INTERNAL_ERROR' : 'INVALID';
  return reply
    .status(httpStatus)
    .type('application/json; charset=utf-8')
    .send({ status, reason, ...(param ? { param } : {}) });
}

export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope' | 'temporarily_unavailable' | 'server_error' | 'rate_limited';

/** RFC 6749 §5.2 token-endpoint errors; invalid_client is 401, server trouble 5xx, the rest 400. */
export function sendOAuthError(reply: FastifyReply, error: OAuthErrorCode, description: string): FastifyReply {
  const status = error === 'invalid_client' ? 401 : error === 'server_error' ? 500 : error === 'temporarily_unavailable' ? 503 : error === 'rate_limited' ? 429 : 400;
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ error, error_description: description });
}
