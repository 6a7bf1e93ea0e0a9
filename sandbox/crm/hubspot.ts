import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxPlatform } from '../platform.js';
import { hexId } from '../ids.js';
import { CrmLog, faultInput } from './faults.js';

/**
 * HubSpot's CRM contacts API (api.hubapi.com), from HubSpot's documentation: contacts are
 * created, or upserted by email, under the date-versioned paths (`/crm/objects/2026-03/…`)
 * and the legacy `/crm/v3/objects/…`. Bearer token auth (private app tokens are `pat-…`).
 */

interface Contact {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** How many writes reached this contact (a repeat updates, it does not duplicate). */
  writes: number;
}

const DEFAULT_PROPERTIES = ['email', 'firstname', 'lastname', 'company', 'phone', 'mobilephone', 'website', 'jobtitle', 'city', 'country', 'message', 'lifecyclestage', 'hs_lead_status', 'hs_language'];
/** The custom properties docs/crm.md asks a portal admin to create; present unless a test removes them. */
const STRATUM_PROPERTIES = ['stratum_lead_id', 'stratum_platform', 'stratum_score', 'stratum_utm_source', 'stratum_utm_medium', 'stratum_utm_campaign', 'stratum_utm_content', 'stratum_utm_term', 'stratum_click_id', 'stratum_landing_url'];

const state = {
  contacts: new Map<string, Contact>(),
  nextId: 100_001,
  customProperties: new Set(STRATUM_PROPERTIES),
  log: new CrmLog(),
};

const correlationId = () => `${hexId(4)}-${hexId(2)}-${hexId(2)}-${hexId(2)}-${hexId(6)}`;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** HubSpot checks an address's domain too; the sandbox refuses the reserved `.invalid` one (RFC 2606). */
const validEmail = (email: string) => EMAIL.test(email) && !/\.invalid$/i.test(email);

function errorBody(status: number): Record<string, unknown> {
  if (status === 429) {
    return { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: correlationId(), policyName: 'TEN_SECONDLY_ROLLING', groupName: 'publicapi:private-app:sandbox' };
  }
  if (status === 400) return validationError([{ name: 'email', error: 'INVALID_EMAIL', message: 'Email address is invalid' }]);
  if (status === 401) return authError();
  if (status === 403) return { status: 'error', message: 'This app hasn\'t been granted all required scopes to make this call.', correlationId: correlationId(), category: 'MISSING_SCOPES' };
  return { status: 'error', message: 'internal error', correlationId: correlationId(), category: status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_ERROR' };
}

const authError = () => ({
  status: 'error',
  message: 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  correlationId: correlationId(),
  category: 'INVALID_AUTHENTICATION',
});

function validationError(errors: { name: string; error: string; message: string }[]) {
  const detail = errors.map((e) => ({ isValid: false, message: e.message, error: e.error, name: e.name, localizedErrorMessage: e.message }));
  return { status: 'error', message: `Property values were not valid: ${JSON.stringify(detail)}`, correlationId: correlationId(), category: 'VALIDATION_ERROR' };
}

/** Faults first (an outage does not care who asks), then the token. */
async function guard(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const fault = state.log.takeFault();
  if (fault) {
    if (fault.retryAfterSeconds !== null) void reply.header('retry-after', String(fault.retryAfterSeconds));
    return reply.status(fault.status).send(errorBody(fault.status));
  }
  const auth = req.headers.authorization ?? '';
  if (!/^Bearer pat-[\w-]+$/.test(auth)) return reply.status(401).send(authError());
  return undefined;
}

const propertiesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const upsertBody = z.object({
  inputs: z.array(z.object({ id: z.string(), idProperty: z.string().optional(), objectWriteTraceId: z.string().min(1).optional(), properties: propertiesSchema.default({}) })).min(1).max(100),
});
const createBody = z.object({ properties: propertiesSchema });

function checkProperties(props: Record<string, unknown>): { name: string; error: string; message: string }[] {
  const problems: { name: string; error: string; message: string }[] = [];
  for (const name of Object.keys(props)) {
    if (!DEFAULT_PROPERTIES.includes(name) && !state.customProperties.has(name)) problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
  }
  const email = props.email;
  if (email !== undefined && email !== null && !validEmail(String(email))) problems.push({ name: 'email', error: 'INVALID_EMAIL', message: `Email address ${String(email)} is invalid` });
  return problems;
}

const stringify = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v === null ? '' : String(v)]));

function write(email: string, props: Record<string, string>, now: string): { contact: Contact; isNew: boolean } {
  const key = email.toLowerCase();
  const existing = state.contacts.get(key);
  if (existing) {
    existing.properties = { ...existing.properties, ...props, email: existing.properties.email ?? email };
    existing.updatedAt = now;
    existing.writes += 1;
    return { contact: existing, isNew: false };
  }
  const contact: Contact = { id: String(state.nextId++), properties: { ...props, email }, createdAt: now, updatedAt: now, writes: 1 };
  state.contacts.set(key, contact);
  return { contact, isNew: true };
}

const view = (c: Contact) => ({ id: c.id, properties: { ...c.properties, hs_object_id: c.id, createdate: c.createdAt, lastmodifieddate: c.updatedAt }, createdAt: c.createdAt, updatedAt: c.updatedAt, archived: false });

export const hubspot: SandboxPlatform = {
  id: 'hubspot',
  name: 'HubSpot',
  hosts: [{ host: 'api.hubapi.com', prefix: '/crm/hubspot', purpose: 'crm' }],
  async register(app) {
    state.log.watch(app);
    app.addHook('preHandler', guard);

    const upsert = async (req: FastifyRequest, reply: FastifyReply) => {
      const parsed = upsertBody.safeParse(req.body);
      if (!parsed.success) return reply.status(400).send({ status: 'error', message: `Invalid input JSON: ${parsed.error.issues[0]?.message ?? 'bad body'}`, correlationId: correlationId(), category: 'VALIDATION_ERROR' });
      const requestedAt = new Date().toISOString();
      const { inputs } = parsed.data;
      // An id twice in one batch is refused as a whole, like HubSpot does.
      const seen = new Set<string>();
      const dupes = new Set<string>();
      for (const i of inputs) (seen.has(i.id.toLowerCase()) ? dupes : seen).add(i.id.toLowerCase());
      if (dupes.size > 0) return reply.status(400).send({ status: 'error', message: `Duplicate IDs found in batch input: [${[...dupes].join(', ')}]. IDs must be unique`, correlationId: correlationId(), category: 'VALIDATION_ERROR' });
      // Problems of the request (unknown properties, a wrong idProperty) refuse the whole batch.
      const requestProblems = inputs.flatMap((i) => {
        if (i.idProperty !== 'email') return [{ name: i.idProperty ?? 'hs_object_id', error: 'INVALID_ID_PROPERTY', message: 'Sandbox upserts contacts by email only' }];
        return checkProperties(i.properties).filter((p) => p.error !== 'INVALID_EMAIL');
      });
      if (requestProblems.length > 0) return reply.status(400).send(validationError(requestProblems));
      // Problems of one input's values: with an objectWriteTraceId on every input (multi-status), only
      // that input fails and the others are written (207); without, the whole batch is refused.
      const inputProblems = inputs.map((i) => checkProperties({ ...i.properties, email: i.id }));
      const multiStatus = inputs.every((i) => i.objectWriteTraceId);
      if (!multiStatus && inputProblems.some((p) => p.length > 0)) return reply.status(400).send(validationError(inputProblems.flat()));
      const now = new Date().toISOString();
      const results: Record<string, unknown>[] = [];
      const errors: Record<string, unknown>[] = [];
      inputs.forEach((i, n) => {
        const problems = inputProblems[n]!;
        if (problems.length > 0) {
          const { message, category } = validationError(problems);
          errors.push({ status: 'error', category, message, context: { objectWriteTraceId: [i.objectWriteTraceId!] }, errors: problems.map((p) => ({ message: p.message, code: p.error, in: p.name })) });
          return;
        }
        const { contact, isNew } = write(i.id, stringify(i.properties), now);
        results.push({ ...view(contact), new: isNew, ...(i.objectWriteTraceId ? { objectWriteTraceId: i.objectWriteTraceId } : {}) });
      });
      const body = { status: 'COMPLETE', results, requestedAt, startedAt: requestedAt, completedAt: new Date().toISOString() };
      if (errors.length > 0) return reply.status(207).send({ ...body, numErrors: errors.length, errors });
      return reply.status(200).send(body);
    };

    const create = async (req: FastifyRequest, reply: FastifyReply) => {
      const parsed = createBody.safeParse(req.body);
      if (!parsed.success) return reply.status(400).send({ status: 'error', message: 'Invalid input JSON', correlationId: correlationId(), category: 'VALIDATION_ERROR' });
      const problems = checkProperties(parsed.data.properties);
      if (problems.length > 0) return reply.status(400).send(validationError(problems));
      const email = parsed.data.properties.email ? String(parsed.data.properties.email) : `no-email-${state.nextId}@sandbox.invalid`;
      const existing = state.contacts.get(email.toLowerCase());
      if (existing) return reply.status(409).send({ status: 'error', message: `Contact already exists. Existing ID: ${existing.id}`, correlationId: correlationId(), category: 'CONFLICT' });
      const { contact } = write(email, stringify(parsed.data.properties), new Date().toISOString());
      return reply.status(201).send(view(contact));
    };

    app.post('/crm/objects/:version/contacts/batch/upsert', upsert);
    app.post('/crm/v3/objects/contacts/batch/upsert', upsert);
    app.post('/crm/objects/:version/contacts', create);
    app.post('/crm/v3/objects/contacts', create);
  },
  notFound(req, reply) {
    return reply.status(404).send({ status: 'error', message: `Unable to route ${req.method} request: ${req.url.split('?')[0]}`, correlationId: correlationId(), category: 'OBJECT_NOT_FOUND' });
  },
  control: {
    prefix: 'crm/hubspot',
    async register(app) {
      app.get('/contacts', async () => ({ contacts: [...state.contacts.values()], requests: state.log.requests }));
      app.post('/fail', async (req, reply) => {
        const f = faultInput.safeParse(req.body);
        if (!f.success) return reply.status(400).send({ error: 'bad_request', message: f.error.issues[0]?.message });
        state.log.faults.push({ status: f.data.status, count: f.data.count, retryAfterSeconds: f.data.retryAfterSeconds ?? null });
        return { queued: state.log.faults };
      });
      app.post('/reset', async (req) => {
        const opts = z.object({ customProperties: z.boolean().default(true) }).parse(req.body ?? {});
        state.contacts.clear();
        state.log.reset();
        state.customProperties = new Set(opts.customProperties ? STRATUM_PROPERTIES : []);
        return { reset: true };
      });
    },
  },
};
