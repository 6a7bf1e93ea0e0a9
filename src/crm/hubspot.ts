import { z } from 'zod';
import { CrmError, clip } from './errors.js';
import { httpError, isOk, request, type FetchLike } from './http.js';
import { hubspotAttributionProperties, toHubspotContact, type CrmLead } from './map.js';
import type { CrmAdapter, PushResult } from './types.js';

/**
 * HubSpot's date-versioned CRM API. 2026-03 is the first date-based version (supported for at
 * least 18 months); the numbered /crm/v3 paths stop being supported in September 2027.
 */
export const HUBSPOT_API_VERSION = '2026-03';

const upsertResponse = z.object({
  status: z.string().optional(),
  results: z.array(z.object({ id: z.string(), new: z.boolean().optional() })),
  errors: z.array(z.object({ message: z.string().optional(), category: z.string().optional() })).optional(),
});

const errorBody = z.object({
  message: z.string().optional(),
  category: z.string().optional(),
  errorType: z.string().optional(),
  errors: z.array(z.object({ code: z.string().optional(), message: z.string().optional() })).optional(),
});

const WHAT = 'HubSpot contact upsert';

/** The properties a VALIDATION_ERROR says do not exist (PROPERTY_DOESNT_EXIST). */
function missingProperties(body: unknown): string[] {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success || parsed.data.category !== 'VALIDATION_ERROR') return [];
  const text = [parsed.data.message ?? '', ...(parsed.data.errors ?? []).map((e) => `${e.code ?? ''} ${e.message ?? ''}`)].join(' ');
  if (!text.includes('PROPERTY_DOESNT_EXIST')) return [];
  return hubspotAttributionProperties.filter((p) => text.includes(p));
}

export function hubspotAdapter(cfg: { apiUrl: string; accessToken: string }, fetchImpl?: FetchLike): CrmAdapter {
  // Learned per process: a portal without Stratum's attribution properties gets contacts without them.
  let attribution = true;
  const url = `${cfg.apiUrl}/crm/objects/${HUBSPOT_API_VERSION}/contacts/batch/upsert`;

  const upsert = (lead: CrmLead, withAttribution: boolean) =>
    request(url, {
      what: WHAT,
      method: 'POST',
      headers: { authorization: `Bearer ${cfg.accessToken}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ inputs: [toHubspotContact(lead, { attribution: withAttribution })] }),
      ...(fetchImpl ? { fetchImpl } : {}),
    });

  return {
    provider: 'hubspot',
    async pushLead(lead, { now }): Promise<PushResult> {
      let res = await upsert(lead, attribution);
      let note: string | undefined;
      if (res.status === 400 && attribution) {
        const missing = missingProperties(res.body);
        if (missing.length > 0) {
          attribution = false;
          note = `HubSpot has no ${missing.join(', ')} contact properties: sent without attribution (see docs/crm.md)`;
          res = await upsert(lead, false);
        }
      }
      if (!isOk(res.status)) {
        const body = errorBody.safeParse(res.body);
        const message = body.success ? [body.data.category ?? body.data.errorType, body.data.message].filter(Boolean).join(': ') : String(res.body ?? '');
        throw httpError(WHAT, res, message, now);
      }
      const parsed = upsertResponse.safeParse(res.body);
      if (!parsed.success) throw new CrmError(`${WHAT}: unexpected answer ${clip(JSON.stringify(res.body), 200)}`, { code: 'UNKNOWN', retryable: true, httpStatus: res.status });
      // 207 Multi-Status: the batch (of one) answered with a per-record error.
      const failed = parsed.data.errors?.[0];
      if (parsed.data.results.length === 0 && failed) {
        throw new CrmError(`${WHAT}: ${clip(`${failed.category ?? ''} ${failed.message ?? ''}`)}`, { code: 'INVALID', retryable: false, httpStatus: res.status });
      }
      return { externalId: parsed.data.results[0]?.id ?? null, httpStatus: res.status, ...(note ? { note } : {}) };
    },
  };
}
