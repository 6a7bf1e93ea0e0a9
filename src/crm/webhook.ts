import { httpError, isOk, request, type FetchLike } from './http.js';
import { toWebhookEvent } from './map.js';
import type { CrmAdapter, PushResult } from './types.js';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature.js';

/** A POST of the `lead.created` event to the configured URL, signed with the shared secret. */
export function webhookAdapter(cfg: { url: string; secret: string }, fetchImpl?: FetchLike): CrmAdapter {
  return {
    provider: 'webhook',
    async pushLead(lead, { eventId, now }): Promise<PushResult> {
      const body = JSON.stringify(toWebhookEvent(lead, eventId));
      // Signed at send time: each retry carries a fresh timestamp and the same event id.
      const timestamp = Math.floor(now.getTime() / 1000);
      const res = await request(cfg.url, {
        what: 'Webhook',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Stratum-Webhooks/1',
          [SIGNATURE_HEADER]: signWebhook(cfg.secret, timestamp, body),
          [TIMESTAMP_HEADER]: String(timestamp),
          [EVENT_ID_HEADER]: eventId,
        },
        body,
        ...(fetchImpl ? { fetchImpl } : {}),
      });
      if (!isOk(res.status)) {
        const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
        const location = res.headers.get('location');
        throw httpError('Webhook', res, location && res.status < 400 ? `redirects to ${new URL(location, cfg.url).host} (not followed)` : text, now);
      }
      return { externalId: null, httpStatus: res.status };
    },
  };
}
