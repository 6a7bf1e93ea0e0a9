import { z } from 'zod';
import { CrmError, clip } from './errors.js';
import { httpError, isOk, request, type FetchLike, type HttpResult } from './http.js';
import { toZohoLead } from './map.js';
import { failed, sent, type CrmAdapter, type PushOutcome } from './types.js';

/** Zoho CRM REST API v8, the current version; Leads are upserted on the Email duplicate check. */
export const ZOHO_API_VERSION = 'v8';

/** Refresh this long before Zoho's stated expiry (3600 s), so a token never dies mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

const tokenResponse = z.union([
  z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() }),
  z.object({ error: z.string() }),
]);

const WHAT = 'Zoho lead upsert';

const apiError = z.object({ code: z.string().optional(), message: z.string().optional(), status: z.string().optional() });
const upsertResponse = z.object({
  data: z.array(
    z.object({
      code: z.string(),
      status: z.string(),
      message: z.string().optional(),
      action: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});

export interface ZohoSettings {
  accountsUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/**
 * Zoho CRM with a self-client refresh token. The access token lives in this process's memory
 * until shortly before it expires (one refresh at a time); it is never stored or logged.
 */
export function zohoAdapter(cfg: ZohoSettings, opts: { fetchImpl?: FetchLike; clock?: () => Date } = {}): CrmAdapter {
  const clock = opts.clock ?? (() => new Date());
  const fetchOpt = opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {};
  let cached: { token: string; expiresAt: number } | null = null;
  let refreshing: Promise<string> | null = null;

  async function refresh(): Promise<string> {
    const what = 'Zoho token refresh';
    const now = clock();
    // In the body, not the query string: proxies and access logs keep URLs.
    const res = await request(`${cfg.accountsUrl}/oauth/v2/token`, {
      what,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: cfg.clientId, client_secret: cfg.clientSecret, refresh_token: cfg.refreshToken }).toString(),
      ...fetchOpt,
    });
    const parsed = tokenResponse.safeParse(res.body);
    if (isOk(res.status) && parsed.success && 'access_token' in parsed.data) {
      cached = { token: parsed.data.access_token, expiresAt: now.getTime() + parsed.data.expires_in * 1000 - EXPIRY_MARGIN_MS };
      return cached.token;
    }
    // Zoho answers a wrong client or refresh token with HTTP 200 and `{ "error": "invalid_code" }`.
    const code = parsed.success && 'error' in parsed.data ? parsed.data.error : null;
    if (code === 'invalid_code' || code === 'invalid_client' || code === 'unauthorized_client') {
      throw new CrmError(`${what}: ${code} (check ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN and ZOHO_ACCOUNTS_URL's data center)`, {
        code: 'AUTH_EXPIRED',
        retryable: false,
        httpStatus: res.status,
      });
    }
    const body = res.body as { error_description?: unknown; error?: unknown } | null;
    const message = typeof body?.error_description === 'string' ? body.error_description : String(code ?? clip(JSON.stringify(res.body ?? ''), 200));
    // "You have made too many requests continuously" arrives as a 400: wait and try again.
    if (/too many requests/i.test(message)) throw new CrmError(`${what}: ${clip(message)}`, { code: 'RATE_LIMITED', retryable: true, httpStatus: res.status });
    throw isOk(res.status) ? new CrmError(`${what}: ${clip(message)}`, { code: 'UNKNOWN', retryable: true, httpStatus: res.status }) : httpError(what, res, message, now);
  }

  function accessToken(): Promise<string> {
    if (cached && cached.expiresAt > clock().getTime()) return Promise.resolve(cached.token);
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  const upsert = async (records: readonly Record<string, string>[]): Promise<HttpResult> =>
    request(`${cfg.apiUrl}/crm/${ZOHO_API_VERSION}/Leads/upsert`, {
      what: WHAT,
      method: 'POST',
      headers: { authorization: `Zoho-oauthtoken ${await accessToken()}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ data: records, duplicate_check_fields: ['Email'] }),
      ...fetchOpt,
    });

  const isInvalidToken = (res: HttpResult) => res.status === 401 && apiError.safeParse(res.body).data?.code === 'INVALID_TOKEN';

  return {
    provider: 'zoho',
    async pushLeads(items, { now }): Promise<PushOutcome[]> {
      if (items.length === 0) return [];
      const records = items.map(({ lead }) => toZohoLead(lead));
      let res = await upsert(records);
      if (isInvalidToken(res)) {
        // Expired or revoked early: one fresh token, one immediate retry.
        cached = null;
        res = await upsert(records);
      }
      return zohoOutcomes(res, items.length, now);
    },
  };
}

/**
 * Reads a `Leads/upsert` answer for `count` records: Zoho answers one entry per record in its
 * `data` array, in input order (`{ code, status, message, details, action }`), with HTTP 200/201
 * when all succeeded, 207 when some did and 400 when none did. Anything else is an error of the
 * whole call, thrown as a `CrmError`.
 */
export function zohoOutcomes(res: HttpResult, count: number, now: Date): PushOutcome[] {
  const parsed = upsertResponse.safeParse(res.body);
  if (parsed.success && parsed.data.data.length === count && (isOk(res.status) || res.status === 400)) {
    return parsed.data.data.map((row) => {
      if (row.status === 'success') {
        const id = row.details?.id;
        return sent(typeof id === 'string' ? id : null, res.status);
      }
      // A per-record error (MANDATORY_NOT_FOUND, INVALID_DATA, DUPLICATE_DATA…): the data must change.
      const field = row.details && typeof row.details.api_name === 'string' ? ` (${row.details.api_name})` : '';
      return failed(new CrmError(`${WHAT}: ${row.code} ${clip(row.message ?? '')}${field}`, { code: 'INVALID', retryable: false, httpStatus: res.status }));
    });
  }
  const err = apiError.safeParse(res.body);
  const message = err.success ? [err.data.code, err.data.message].filter(Boolean).join(': ') : String(res.body ?? '');
  if (isOk(res.status)) throw new CrmError(`${WHAT}: unexpected answer ${clip(message || JSON.stringify(res.body), 200)}`, { code: 'UNKNOWN', retryable: true, httpStatus: res.status });
  throw httpError(WHAT, res, message, now);
}
