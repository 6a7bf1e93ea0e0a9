import type { z } from 'zod';
import { adsError, at, badPayload, invalid } from './errors.js';

/**
 * Reads a JSON request body the way Google's REST front end does: an unknown field or a value of
 * the wrong type is refused before the Ads backend with "Invalid JSON payload received"; a
 * missing required field is the backend's `fieldError: REQUIRED` at that field.
 */
const dotted = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {}, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? ` at '${dotted(issue.path)}'` : '';
    throw badPayload(`Invalid JSON payload received. Unknown name "${issue.keys[0]}"${where}: Cannot find field.`);
  }
  if (issue.input === undefined) {
    throw invalid(adsError('fieldError', 'REQUIRED', 'The required field was not present.', at(...issue.path.map((p) => (typeof p === 'number' ? p : snake(String(p)))))));
  }
  throw badPayload(`Invalid value at '${dotted(issue.path)}', ${JSON.stringify(issue.input)}`);
}

/** int64 fields arrive as JSON strings or numbers. */
export const int64Pattern = /^-?\d{1,19}$/;
