import { z } from 'zod';
import { CrmError, clip } from './errors.js';
import { httpError, isOk, request, type FetchLike, type HttpResult } from './http.js';
import { hubspotAttributionProperties, toHubspotContact, type CrmLead, type HubspotUpsertInput } from './map.js';
import { failed, sent, type CrmAdapter, type LeadToPush, type PushOutcome } from './types.js';

/**
 * HubSpot's date-versioned CRM API. 2026-03 is the first date-based version (supported for at
 * least 18 months); the numbered /crm/v3 paths stop being supported in September 2027.
 */
export const HUBSPOT_API_VERSION = '2026-03';

const batchError = z.object({
  status: z.string().optional(),
  category: z.string().optional(),
  message: z.string().optional(),
  /** Which inputs the error is about: `{ objectWriteTraceId: ["…"] }` for a multi-status answer. */
  context: z.record(z.string(), z.array(z.string())).optional(),
  errors: z.array(z.object({ code: z.string().optional(), message: z.string().optional(), in: z.string().optional() })).optional(),
});

const upsertResponse = z.object({
  status: z.string().optional(),
  results: z.array(z.object({ id: z.string(), new: z.boolean().optional(), objectWriteTraceId: z.string().optional(), properties: z.record(z.string(), z.unknown()).optional() })),
  errors: z.array(batchError).optional(),
  numErrors: z.number().optional(),
});

const errorBody = z.object({
  message: z.string().optional(),
  category: z.string().optional(),
  errorType: z.string().optional(),
  errors: z.array(z.object({ code: z.string().optional(), message: z.string().optional() })).optional(),
});

const WHAT = 'HubSpot contact upsert';

/** The properties an error says do not exist (PROPERTY_DOESNT_EXIST), among Stratum's attribution ones. */
function missingProperties(body: unknown): string[] {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success || parsed.data.category !== 'VALIDATION_ERROR') return [];
  const text = [parsed.data.message ?? '', ...(parsed.data.errors ?? []).map((e) => `${e.code ?? ''} ${e.message ?? ''}`)].join(' ');
  if (!text.includes('PROPERTY_DOESNT_EXIST')) return [];
  return hubspotAttributionProperties.filter((p) => text.includes(p));
}

/** One input of the batch: the leads of one email (HubSpot refuses an id twice in one batch). */
export interface HubspotInputGroup {
  /** The input's `objectWriteTraceId`: the first lead's push id. */
  traceId: string;
  /** Lower-cased email, the input's identity. */
  email: string;
  /** Positions in the batch of the leads merged into this input. */
  positions: number[];
}

/** One outcome per input, or the attribution properties the portal lacks (to resend without them). */
export type HubspotInputOutcome = PushOutcome | { status: 'missing-properties'; properties: string[] };

/**
 * Merges the leads of one email into one input, later leads' properties over earlier ones',
 * which is what upserting them one after the other would leave in HubSpot.
 */
export function groupByEmail(items: readonly LeadToPush[]): HubspotInputGroup[] {
  const groups = new Map<string, HubspotInputGroup>();
  items.forEach(({ lead, eventId }, i) => {
    const email = lead.email.toLowerCase();
    const g = groups.get(email);
    if (g) g.positions.push(i);
    else groups.set(email, { traceId: eventId, email, positions: [i] });
  });
  return [...groups.values()];
}

function inputOf(group: HubspotInputGroup, leads: readonly CrmLead[], attribution: boolean): HubspotUpsertInput & { objectWriteTraceId: string } {
  const contacts = group.positions.map((i) => toHubspotContact(leads[i]!, { attribution }));
  const properties = Object.assign({}, ...contacts.map((c) => c.properties)) as Record<string, string>;
  return { idProperty: 'email', id: contacts[0]!.id, properties, objectWriteTraceId: group.traceId };
}

const RETRYABLE_CATEGORIES = /RATE_LIMIT|INTERNAL_ERROR|SERVICE_UNAVAILABLE|TIMEOUT|LOCKED/;

/**
 * Reads a `batch/upsert` answer for `groups` (the inputs sent, in order): 200 with `results` when
 * all were written, 207 Multi-Status with `results` and `errors` when some were not. Results and
 * errors name their input by `objectWriteTraceId` (results also by their email); an input
 * nothing answered for is retried. A non-2xx status is an error of the whole call, thrown.
 */
export function hubspotOutcomes(res: HttpResult, groups: readonly HubspotInputGroup[], now: Date): Map<string, HubspotInputOutcome> {
  if (!isOk(res.status)) {
    const body = errorBody.safeParse(res.body);
    const message = body.success ? [body.data.category ?? body.data.errorType, body.data.message].filter(Boolean).join(': ') : String(res.body ?? '');
    throw httpError(WHAT, res, message, now);
  }
  const parsed = upsertResponse.safeParse(res.body);
  if (!parsed.success) throw new CrmError(`${WHAT}: unexpected answer ${clip(JSON.stringify(res.body), 200)}`, { code: 'UNKNOWN', retryable: true, httpStatus: res.status });
  const byTrace = new Map(groups.map((g) => [g.traceId, g]));
  const byEmail = new Map(groups.map((g) => [g.email, g]));
  const out = new Map<string, HubspotInputOutcome>();

  const { results, errors = [] } = parsed.data;
  results.forEach((r, i) => {
    const email = typeof r.properties?.email === 'string' ? r.properties.email.toLowerCase() : null;
    const g =
      (r.objectWriteTraceId ? byTrace.get(r.objectWriteTraceId) : undefined) ??
      (email ? byEmail.get(email) : undefined) ??
      // A complete answer without names: HubSpot keeps the input order.
      (errors.length === 0 && results.length === groups.length ? groups[i] : undefined);
    if (g) out.set(g.traceId, sent(r.id, res.status));
  });

  for (const e of errors) {
    const traces = e.context?.objectWriteTraceId ?? [];
    const detail = [e.category, e.message, ...(e.errors ?? []).map((d) => d.code)].filter(Boolean).join(': ');
    const missing = missingProperties({ category: e.category, message: e.message, errors: e.errors });
    const retryable = RETRYABLE_CATEGORIES.test(e.category ?? '');
    const targets = traces.length > 0 ? traces.filter((t) => byTrace.has(t)) : groups.filter((g) => !out.has(g.traceId)).map((g) => g.traceId);
    for (const t of targets) {
      if (out.get(t)?.status === 'sent') continue;
      out.set(
        t,
        missing.length > 0
          ? { status: 'missing-properties', properties: missing }
          : failed(new CrmError(`${WHAT}: ${clip(detail || 'error')}`, { code: retryable ? 'TRANSIENT' : 'INVALID', retryable, httpStatus: res.status })),
      );
    }
  }

  for (const g of groups) {
    if (!out.has(g.traceId)) out.set(g.traceId, failed(new CrmError(`${WHAT}: HubSpot answered nothing for this contact`, { code: 'UNKNOWN', retryable: true, httpStatus: res.status })));
  }
  return out;
}

export function hubspotAdapter(cfg: { apiUrl: string; accessToken: string }, fetchImpl?: FetchLike): CrmAdapter {
  // Learned per process: a portal without Stratum's attribution properties gets contacts without them.
  let attribution = true;
  const url = `${cfg.apiUrl}/crm/objects/${HUBSPOT_API_VERSION}/contacts/batch/upsert`;

  const upsert = (groups: readonly HubspotInputGroup[], leads: readonly CrmLead[], withAttribution: boolean) =>
    request(url, {
      what: WHAT,
      method: 'POST',
      headers: { authorization: `Bearer ${cfg.accessToken}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ inputs: groups.map((g) => inputOf(g, leads, withAttribution)) }),
      ...(fetchImpl ? { fetchImpl } : {}),
    });

  const noteFor = (missing: string[]) => `HubSpot has no ${missing.join(', ')} contact properties: sent without attribution (see docs/crm.md)`;

  return {
    provider: 'hubspot',
    async pushLeads(items, { now }): Promise<PushOutcome[]> {
      if (items.length === 0) return [];
      const leads = items.map((i) => i.lead);
      const groups = groupByEmail(items);
      let note: string | undefined;

      let res = await upsert(groups, leads, attribution);
      if (res.status === 400 && attribution) {
        const missing = missingProperties(res.body);
        if (missing.length > 0) {
          attribution = false;
          note = noteFor(missing);
          res = await upsert(groups, leads, false);
        }
      }
      const outcomes = hubspotOutcomes(res, groups, now);

      // A multi-status answer may refuse single inputs for the missing properties: those once more without.
      const lacking = groups.filter((g) => outcomes.get(g.traceId)?.status === 'missing-properties');
      if (lacking.length > 0) {
        const missing = [...new Set(lacking.flatMap((g) => { const o = outcomes.get(g.traceId); return o?.status === 'missing-properties' ? o.properties : []; }))];
        attribution = false;
        note = noteFor(missing);
        let again: Map<string, HubspotInputOutcome>;
        try {
          again = hubspotOutcomes(await upsert(lacking, leads, false), lacking, now);
        } catch (err) {
          if (!(err instanceof CrmError)) throw err;
          again = new Map(lacking.map((g) => [g.traceId, failed(err)]));
        }
        for (const [t, o] of again) outcomes.set(t, o);
      }

      const out: PushOutcome[] = new Array<PushOutcome>(items.length);
      for (const g of groups) {
        let o = outcomes.get(g.traceId)!;
        if (o.status === 'missing-properties') o = failed(new CrmError(`${WHAT}: PROPERTY_DOESNT_EXIST ${o.properties.join(', ')}`, { code: 'INVALID', retryable: false, httpStatus: 400 }));
        if (o.status === 'sent' && note) o = { ...o, note };
        for (const i of g.positions) out[i] = o;
      }
      return out;
    },
  };
}
