import { CrmError } from './errors.js';
import { httpError, isOk, request, type FetchLike } from './http.js';
import { toWebhookEvent } from './map.js';
import { failed, sent, type CrmAdapter, type PushOutcome } from './types.js';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature.js';

/**
 * A POST of the `lead.created` event to the configured URL, signed with the shared secret: one
 * request per lead (a webhook is one event), in order. After a failure a retry can fix (the
 * receiver is down or busy), the rest of the batch is not sent now but left for the retry.
 */
export function webhookAdapter(cfg: { url: string; secret: string }, fetchImpl?: FetchLike): CrmAdapter {
  const postOne = async (lead: Parameters<typeof toWebhookEvent>[0], eventId: string, now: Date): Promise<PushOutcome> => {
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
      return failed(httpError('Webhook', res, location && res.status < 400 ? `redirects to ${new URL(location, cfg.url).host} (not followed)` : text, now));
    }
    return sent(null, res.status);
  };

  return {
    provider: 'webhook',
    async pushLeads(items, { now }) {
      const out: PushOutcome[] = [];
      let blockedBy: CrmError | null = null;
      for (const { lead, eventId } of items) {
        if (blockedBy) {
          out.push(failed(new CrmError(`not sent: an earlier event of this batch failed (${blockedBy.message})`, { code: blockedBy.code, retryable: true, httpStatus: null, retryAfterSeconds: blockedBy.retryAfterSeconds }), false));
          continue;
        }
        let outcome: PushOutcome;
        try {
          outcome = await postOne(lead, eventId, now);
        } catch (err) {
          if (!(err instanceof CrmError)) throw err;
          outcome = failed(err);
        }
        if (outcome.status === 'failed' && outcome.error.retryable) blockedBy = outcome.error;
        out.push(outcome);
      }
      return out;
    },
  };
}
