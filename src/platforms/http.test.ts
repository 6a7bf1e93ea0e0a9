import { describe, expect, it } from 'vitest';
import { PlatformError, type PlatformErrorCode } from './errors.js';
import { platformCall, retryAfterMs, type PlatformRequest, type RawResponse } from './http.js';
import type { AdapterContext } from './types.js';

/** One scripted answer per call: a status + body, or a thrown error (network failure). */
type Step = { status: number; body?: string; headers?: Record<string, string> } | { throws: Error } | { hang: true };

function fakeFetch(steps: Step[]): { fetch: typeof fetch; calls: () => number } {
  let n = 0;
  const f = (async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const step = steps[Math.min(n, steps.length - 1)];
    n += 1;
    if (!step) throw new Error('no step scripted');
    if ('throws' in step) throw step.throws;
    if ('hang' in step) {
      // Resolves only when platformCall's timeout aborts the request, as a stalled server would.
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
      });
    }
    return new Response(step.body ?? '', { status: step.status, headers: step.headers });
  }) as typeof fetch;
  return { fetch: f, calls: () => n };
}

const ctxWith = (f: typeof fetch, over: Partial<AdapterContext> = {}): AdapterContext => ({
  endpoints: { api: 'https://api.example.test', authorize: 'https://www.example.test/auth', token: 'https://api.example.test' },
  credentials: { clientId: 'app', clientSecret: 'secret' },
  fetch: f,
  attempts: 4,
  maxBackoffMs: 5,
  timeoutMs: 1_000,
  ...over,
});

const SECRET = 'EAAB-very-secret-token';
const request = (idempotent: boolean): PlatformRequest => ({
  method: idempotent ? 'GET' : 'POST',
  url: new URL(`https://api.example.test/v1/things?access_token=${SECRET}&limit=10`),
  what: 'list things',
  idempotent,
});

/** A platform that says what went wrong by status code, the way every adapter's interpret does. */
const byStatus = (res: RawResponse): unknown => {
  if (res.status === 200) return res.body;
  const code: PlatformErrorCode =
    res.status === 429 ? 'RATE_LIMITED' : res.status >= 500 ? 'TRANSIENT' : res.status === 401 ? 'AUTH_EXPIRED' : 'INVALID';
  const wait = retryAfterMs(res.headers);
  return new PlatformError('meta', code, `list things: HTTP ${res.status}`, { httpStatus: res.status, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
};

const ok = { status: 200, body: '{"ok":true}' };

async function outcome(p: Promise<unknown>): Promise<{ value?: unknown; error?: PlatformError }> {
  try {
    return { value: await p };
  } catch (e) {
    if (e instanceof PlatformError) return { error: e };
    throw e;
  }
}

describe('platformCall retries', () => {
  it.each([
    // [case, steps, idempotent, expected calls, expected error code or null for success]
    ['429 then ok, read', [{ status: 429 }, ok], true, 2, null],
    ['429 then ok, write (the request was refused, so sending again is safe)', [{ status: 429 }, ok], false, 2, null],
    ['503 then ok, read', [{ status: 503 }, ok], true, 2, null],
    ['503 on a write is not sent again', [{ status: 503 }, ok], false, 1, 'TRANSIENT'],
    ['network failure then ok, read', [{ throws: new TypeError('fetch failed') }, ok], true, 2, null],
    ['network failure on a write is not sent again', [{ throws: new TypeError('fetch failed') }, ok], false, 1, 'TRANSIENT'],
    ['400 is not retried', [{ status: 400 }, ok], true, 1, 'INVALID'],
    ['401 is not retried', [{ status: 401 }, ok], true, 1, 'AUTH_EXPIRED'],
    ['always 500 gives up after `attempts`', [{ status: 500 }], true, 4, 'TRANSIENT'],
    ['always 429 gives up after `attempts`', [{ status: 429 }], true, 4, 'RATE_LIMITED'],
  ] as Array<[string, Step[], boolean, number, PlatformErrorCode | null]>)('%s', async (_name, steps, idempotent, calls, code) => {
    const f = fakeFetch(steps);
    const r = await outcome(platformCall('meta', ctxWith(f.fetch), request(idempotent), byStatus));
    expect(f.calls()).toBe(calls);
    if (code === null) expect(r.value).toEqual({ ok: true });
    else expect(r.error?.code).toBe(code);
  });

  it('uses the configured number of attempts', async () => {
    const f = fakeFetch([{ status: 502 }]);
    await outcome(platformCall('meta', ctxWith(f.fetch, { attempts: 2 }), request(true), byStatus));
    expect(f.calls()).toBe(2);
  });

  it('passes the parsed JSON body, the text and the headers to interpret', async () => {
    const f = fakeFetch([{ status: 200, body: '{"a":[1,2]}', headers: { 'x-thing': 'yes' } }]);
    const seen = await platformCall('meta', ctxWith(f.fetch), request(true), (res) => res);
    expect(seen.body).toEqual({ a: [1, 2] });
    expect(seen.text).toBe('{"a":[1,2]}');
    expect(seen.headers.get('x-thing')).toBe('yes');
  });

  it('hands a body that is not JSON to interpret as text, and an empty one as null', async () => {
    const f = fakeFetch([{ status: 200, body: '{"data":[{"id":"1"' }, { status: 200 }]);
    const truncated = await platformCall('meta', ctxWith(f.fetch), request(true), (res) => res.body);
    const empty = await platformCall('meta', ctxWith(f.fetch), request(true), (res) => res.body);
    expect(truncated).toBe('{"data":[{"id":"1"');
    expect(empty).toBeNull();
  });
});

describe('platformCall waiting', () => {
  it('waits at least the Retry-After the platform asked for', async () => {
    const f = fakeFetch([{ status: 429 }, ok]);
    let first = true;
    const started = Date.now();
    const v = await platformCall('meta', ctxWith(f.fetch, { maxBackoffMs: 1_000 }), request(true), (res) => {
      if (first) {
        first = false;
        return new PlatformError('meta', 'RATE_LIMITED', 'slow down', { retryAfterMs: 150 });
      }
      return res.body;
    });
    expect(v).toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('surfaces a wait longer than maxBackoffMs instead of sleeping it', async () => {
    const f = fakeFetch([{ status: 429, headers: { 'retry-after': '3600' } }, ok]);
    const started = Date.now();
    const r = await outcome(platformCall('meta', ctxWith(f.fetch, { maxBackoffMs: 1_000 }), request(true), byStatus));
    expect(f.calls()).toBe(1);
    expect(r.error?.code).toBe('RATE_LIMITED');
    expect(r.error?.details.retryAfterMs).toBe(3_600_000);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('turns a timeout into TRANSIENT and retries a read', async () => {
    const f = fakeFetch([{ hang: true }, ok]);
    const v = await platformCall('meta', ctxWith(f.fetch, { timeoutMs: 30 }), request(true), byStatus);
    expect(v).toEqual({ ok: true });
    expect(f.calls()).toBe(2);
  });

  it('does not resend a write that timed out', async () => {
    const f = fakeFetch([{ hang: true }, ok]);
    const r = await outcome(platformCall('meta', ctxWith(f.fetch, { timeoutMs: 30 }), request(false), byStatus));
    expect(f.calls()).toBe(1);
    expect(r.error?.code).toBe('TRANSIENT');
    expect(r.error?.message).toContain('within 30 ms');
  });
});

describe('platformCall never leaks the query string', () => {
  it.each([
    ['timeout', [{ hang: true }] as Step[]],
    ['network failure', [{ throws: new TypeError(`fetch failed for https://api.example.test/v1/things?access_token=${SECRET}`) }] as Step[]],
  ])('%s', async (_name, steps) => {
    const f = fakeFetch(steps);
    const r = await outcome(platformCall('meta', ctxWith(f.fetch, { timeoutMs: 20, attempts: 1 }), request(true), byStatus));
    expect(r.error).toBeInstanceOf(PlatformError);
    const shown = `${r.error?.message} ${JSON.stringify(r.error?.details)} ${r.error?.stack ?? ''}`;
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain('access_token');
    expect(r.error?.message).toContain('api.example.test');
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Wed, 25 Nov 2026 12:00:30 GMT', 30_000],
    ['Wed, 25 Nov 2026 11:59:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('Retry-After %s → %s ms', (value, expected) => {
    const h = new Headers(value === null ? {} : { 'retry-after': value });
    expect(retryAfterMs(h, now)).toBe(expected);
  });
});
