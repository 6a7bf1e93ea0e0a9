import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxPlatform } from '../platform.js';
import { hexId } from '../ids.js';
import { CrmLog, acceptForms, faultInput } from './faults.js';

/**
 * Zoho CRM, from Zoho's documentation: Zoho Accounts (accounts.zoho.com) issues one-hour access
 * tokens for a self-client's refresh token; the CRM API (www.zohoapis.com) takes them as
 * `Authorization: Zoho-oauthtoken …` and upserts Leads on their duplicate-check field (Email).
 * The sandbox accepts any client id and refresh token in Zoho's `1000.…` form.
 */

interface Lead {
  id: string;
  fields: Record<string, unknown>;
  Created_Time: string;
  Modified_Time: string;
  writes: number;
}

const state = {
  leads: new Map<string, Lead>(),
  /** Access token → expiry (ms). */
  tokens: new Map<string, number>(),
  tokenRefreshes: 0,
  log: new CrmLog(),
};

const OWNER = { name: 'Sandbox Admin', id: '5725767000000411001', email: 'admin@sandbox.zoho' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Zoho's timestamps: ISO 8601 with the org's offset, no milliseconds. */
const zohoTime = (d = new Date()) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
const zohoError = (code: string, message: string, details: Record<string, unknown> = {}) => ({ code, details, message, status: 'error' });

// ------------------------------------------------------------------------------------------
// accounts.zoho.com

const tokenParams = z.object({ grant_type: z.string().optional(), client_id: z.string().optional(), client_secret: z.string().optional(), refresh_token: z.string().optional() });

async function token(req: FastifyRequest, reply: FastifyReply) {
  // Zoho takes the parameters in the query string or as a form body.
  const p = tokenParams.parse({ ...(req.query as object), ...(typeof req.body === 'object' && req.body ? req.body : {}) });
  if (p.grant_type !== 'refresh_token') return reply.status(200).send({ error: 'unsupported_grant_type' });
  if (!p.client_id?.startsWith('1000.') || !p.client_secret) return reply.status(200).send({ error: 'invalid_client' });
  if (!p.refresh_token?.startsWith('1000.')) return reply.status(200).send({ error: 'invalid_code' });
  const accessToken = `1000.${hexId(16)}.${hexId(16)}`;
  state.tokens.set(accessToken, Date.now() + 3600_000);
  state.tokenRefreshes += 1;
  const origin = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  return reply.send({ access_token: accessToken, scope: 'ZohoCRM.modules.leads.ALL', api_domain: `${origin}/crm/zoho/api`, token_type: 'Bearer', expires_in: 3600 });
}

// ------------------------------------------------------------------------------------------
// www.zohoapis.com

function faultBody(status: number) {
  if (status === 429) return zohoError('TOO_MANY_REQUESTS', 'You have exceeded the maximum number of API calls allowed per minute.');
  if (status === 401) return zohoError('INVALID_TOKEN', 'invalid oauth token');
  if (status === 400) return zohoError('INVALID_DATA', 'the input data is invalid');
  if (status === 403) return zohoError('OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL');
  return zohoError('INTERNAL_ERROR', 'Internal Server Error');
}

async function guard(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  // Zoho checks the URL pattern before the token.
  if (!req.routeOptions.url) return undefined;
  const fault = state.log.takeFault();
  if (fault) {
    if (fault.retryAfterSeconds !== null) void reply.header('retry-after', String(fault.retryAfterSeconds));
    return reply.status(fault.status).send(faultBody(fault.status));
  }
  const m = /^Zoho-oauthtoken (\S+)$/.exec(req.headers.authorization ?? '');
  if (!m) return reply.status(401).send(zohoError('AUTHENTICATION_FAILURE', 'Authentication failed'));
  const expiresAt = state.tokens.get(m[1]!);
  if (!expiresAt || expiresAt <= Date.now()) return reply.status(401).send(zohoError('INVALID_TOKEN', 'invalid oauth token'));
  return undefined;
}

const recordsBody = z.object({ data: z.array(z.record(z.string(), z.unknown())).min(1).max(100), duplicate_check_fields: z.array(z.string()).optional() });

type Outcome = { ok: true; body: Record<string, unknown> } | { ok: false; body: Record<string, unknown> };

function check(record: Record<string, unknown>, i: number): Outcome | null {
  if (typeof record.Last_Name !== 'string' || record.Last_Name.trim() === '') {
    return { ok: false, body: zohoError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Last_Name', json_path: `$.data[${i}].Last_Name` }) };
  }
  if (record.Email !== undefined && (typeof record.Email !== 'string' || !EMAIL.test(record.Email))) {
    return { ok: false, body: zohoError('INVALID_DATA', 'invalid data', { expected_data_type: 'email', api_name: 'Email', json_path: `$.data[${i}].Email` }) };
  }
  return null;
}

function save(record: Record<string, unknown>, upsert: boolean, dupFields: string[], i: number): Outcome {
  const invalid = check(record, i);
  if (invalid) return invalid;
  const now = zohoTime();
  const email = typeof record.Email === 'string' ? record.Email.toLowerCase() : null;
  const existing = email && dupFields.includes('Email') ? state.leads.get(email) : undefined;
  const details = (l: Lead) => ({ Modified_Time: l.Modified_Time, Modified_By: OWNER, Created_Time: l.Created_Time, id: l.id, Created_By: OWNER });
  if (existing && !upsert) {
    return { ok: false, body: zohoError('DUPLICATE_DATA', 'duplicate data', { api_name: 'Email', json_path: `$.data[${i}].Email`, duplicate_record: { id: existing.id, Owner: OWNER, module: { api_name: 'Leads' } } }) };
  }
  if (existing) {
    existing.fields = { ...existing.fields, ...record };
    existing.Modified_Time = now;
    existing.writes += 1;
    return { ok: true, body: { code: 'SUCCESS', duplicate_field: 'Email', action: 'update', details: details(existing), message: 'record updated', status: 'success' } };
  }
  const lead: Lead = { id: `5725767000${String(1_000_000 + state.leads.size + 1)}`, fields: { ...record }, Created_Time: now, Modified_Time: now, writes: 1 };
  state.leads.set(email ?? lead.id, lead);
  return { ok: true, body: { code: 'SUCCESS', duplicate_field: null, action: 'insert', details: details(lead), message: 'record added', status: 'success' } };
}

function writeRecords(upsert: boolean) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const parsed = recordsBody.safeParse(req.body);
    if (!parsed.success) return reply.status(400).send(zohoError('INVALID_DATA', 'invalid data', { reason: parsed.error.issues[0]?.message ?? 'bad body' }));
    const dup = parsed.data.duplicate_check_fields ?? ['Email'];
    const outcomes = parsed.data.data.map((r, i) => save(r, upsert, dup, i));
    const okCount = outcomes.filter((o) => o.ok).length;
    const status = okCount === outcomes.length ? (outcomes.some((o) => o.ok && o.body.action === 'insert') ? 201 : 200) : okCount === 0 ? 400 : 207;
    return reply.status(status).send({ data: outcomes.map((o) => o.body) });
  };
}

export const zoho: SandboxPlatform = {
  id: 'zoho',
  name: 'Zoho CRM',
  hosts: [
    { host: 'accounts.zoho.com', prefix: '/crm/zoho/accounts', purpose: 'oauth' },
    { host: 'www.zohoapis.com', prefix: '/crm/zoho/api', purpose: 'crm' },
  ],
  async register(app, host) {
    state.log.watch(app);
    if (host.purpose === 'oauth') {
      acceptForms(app);
      app.post('/oauth/v2/token', token);
      return;
    }
    app.addHook('preHandler', guard);
    app.post('/crm/:version/Leads/upsert', writeRecords(true));
    app.post('/crm/:version/Leads', writeRecords(false));
  },
  notFound(_req, reply, host) {
    if (host.purpose === 'oauth') return reply.status(404).send({ error: 'invalid_request' });
    return reply.status(404).send(zohoError('INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one'));
  },
  control: {
    prefix: 'crm/zoho',
    async register(app) {
      app.get('/leads', async () => ({
        leads: [...state.leads.values()],
        requests: state.log.requests,
        tokenRefreshes: state.tokenRefreshes,
      }));
      app.post('/fail', async (req, reply) => {
        const f = faultInput.safeParse(req.body);
        if (!f.success) return reply.status(400).send({ error: 'bad_request', message: f.error.issues[0]?.message });
        state.log.faults.push({ status: f.data.status, count: f.data.count, retryAfterSeconds: f.data.retryAfterSeconds ?? null });
        return { queued: state.log.faults };
      });
      // Every access token issued so far stops working now (Zoho then answers INVALID_TOKEN).
      app.post('/expire-tokens', async () => {
        for (const t of state.tokens.keys()) state.tokens.set(t, 0);
        return { expired: state.tokens.size };
      });
      app.post('/reset', async () => {
        state.leads.clear();
        state.tokens.clear();
        state.tokenRefreshes = 0;
        state.log.reset();
        return { reset: true };
      });
    },
  },
};
