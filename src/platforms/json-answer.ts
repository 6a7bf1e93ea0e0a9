import type { z } from 'zod';
import { PlatformError } from './errors.js';
import type { RawResponse } from './http.js';
import type { PlatformId } from './types.js';

/** The first problem zod found, as `path: message`, for error messages. */
export function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'shape';
}

/** A well-formed answer of a shape we do not know: another try would read the same. */
export function shapeError(platform: PlatformId, what: string, error: z.ZodError, httpStatus?: number): PlatformError {
  return new PlatformError(platform, 'INVALID', `${what}: unexpected answer (${issueText(error)})`, httpStatus ? { httpStatus } : {});
}

/**
 * For platforms that answer errors with an HTTP error status (Google, Snapchat): reads a 2xx
 * JSON body with `schema` and hands every other status to the platform's translator
 * `onError`. A cut-off or non-JSON 2xx body comes from a broken connection or proxy and is
 * TRANSIENT, since another try usually reads it whole. `errorInside` lets a platform say that a
 * 2xx body is an error all the same (Snapchat's `request_status: "ERROR"`).
 */
export function interpretJson<S extends z.ZodType>(
  platform: PlatformId,
  schema: S,
  what: string,
  onError: (res: RawResponse, what: string) => PlatformError,
  errorInside: (body: unknown) => boolean = () => false,
): (res: RawResponse) => z.output<S> | PlatformError {
  return (res) => {
    if (res.status < 200 || res.status >= 300) return onError(res, what);
    if (res.body === null || typeof res.body === 'string') {
      return new PlatformError(platform, 'TRANSIENT', `${what}: unreadable answer (${res.text.length} bytes)`, { httpStatus: res.status });
    }
    if (errorInside(res.body)) return onError(res, what);
    const parsed = schema.safeParse(res.body);
    return parsed.success ? parsed.data : shapeError(platform, what, parsed.error, res.status);
  };
}
