/** The API's error envelope: `{ "error": { "code", "message", "details" } }`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly details: unknown,
  ) {
    super(message);
  }
}

function readEnvelope(body: unknown): ApiErrorBody | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, details } = error as Record<string, unknown>;
  if (typeof message !== 'string') return undefined;
  return { code: typeof code === 'string' ? code : 'UNKNOWN', message, details };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Proxies and gateways answer with HTML; the caller reports the status instead.
    return undefined;
  }
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = await readJson(response);
  if (!response.ok) {
    const envelope = readEnvelope(body);
    throw new ApiError(
      envelope?.message ?? `Request failed with status ${String(response.status)}`,
      response.status,
      envelope?.code,
      envelope?.details,
    );
  }
  return body as T;
}

/**
 * GETs a JSON resource from the API. Non-2xx answers throw an {@link ApiError}
 * carrying the envelope's message, so UIs can show it as-is.
 */
export function apiGet<T>(path: string, init: { signal?: AbortSignal } = {}): Promise<T> {
  return send<T>(path, { method: 'GET', headers: { Accept: 'application/json' }, signal: init.signal });
}

function sendJson<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, signal: AbortSignal | undefined): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return send<T>(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
}

/**
 * POSTs JSON (or nothing) to the API; errors as for {@link apiGet}. Without a body no
 * Content-Type is sent: the server refuses an empty body that claims to be JSON.
 */
export function apiPost<T>(path: string, body?: unknown, init: { signal?: AbortSignal } = {}): Promise<T> {
  return sendJson<T>('POST', path, body, init.signal);
}

/** PUTs JSON to the API (a whole resource, e.g. one wizard step); errors as for {@link apiGet}. */
export function apiPut<T>(path: string, body: unknown, init: { signal?: AbortSignal } = {}): Promise<T> {
  return sendJson<T>('PUT', path, body, init.signal);
}

/** DELETEs a resource (no body); errors as for {@link apiGet}. */
export function apiDelete(path: string, init: { signal?: AbortSignal } = {}): Promise<void> {
  return sendJson<void>('DELETE', path, undefined, init.signal);
}
