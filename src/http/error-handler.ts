import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, envelope, errorCodes, type ErrorCode } from '../errors.js';

const codeForStatus: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/**
 * Every error leaves as `{ error: { code, message, details } }`. Bad input is a 4xx with
 * what was wrong; anything unexpected is a bare 500 whose stack goes only to the log.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, err.message);
      const retryAfter = (err.details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
      if (err.code === 'RATE_LIMITED' && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(err.status).send(envelope(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        in: err.validationContext ?? 'body',
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'invalid',
      }));
      return reply
        .status(400)
        .send(envelope('VALIDATION_FAILED', `Invalid request ${err.validationContext ?? 'input'}`, details));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause }, 'response did not match its schema');
      return reply.status(500).send(envelope('INTERNAL', 'Internal server error'));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
        ? 'BAD_REQUEST'
        : (codeForStatus[status] ?? 'BAD_REQUEST');
      const message = status === 413 ? 'Request body is too large' : err.message;
      return reply.status(status).send(envelope(code, message, err.code ? { reason: err.code } : null));
    }
    req.log.error({ err }, 'unhandled error');
    const code: ErrorCode = status === 503 ? 'UNAVAILABLE' : 'INTERNAL';
    return reply.status(errorCodes[code]).send(envelope(code, code === 'INTERNAL' ? 'Internal server error' : err.message));
  });
}
