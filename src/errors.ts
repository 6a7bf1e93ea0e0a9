import type { output, ZodType } from 'zod';

/**
 * The one error class for anything a caller should see. Domain code throws it; the HTTP
 * layer (and later the MCP server) maps `code` to a status and the JSON envelope.
 */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  EMAIL_NOT_VERIFIED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details: unknown };
}

export function envelope(code: ErrorCode, message: string, details: unknown = null): ErrorEnvelope {
  return { error: { code, message, details } };
}

/** Validates where a route could not declare the schema (it depends on a parameter); same 400 as the edge. */
export function parseOrThrow<S extends ZodType>(schema: S, value: unknown): output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new AppError(
    'VALIDATION_FAILED',
    'Invalid request body',
    r.error.issues.map((i) => ({ in: 'body', path: i.path.map(String).join('.'), message: i.message })),
  );
}
