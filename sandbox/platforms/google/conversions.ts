import { randomInt } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { World } from '../../world/types.js';
import { parseBody } from './body.js';
import { conversionActions } from './conversion-actions.js';
import { clickConversion, conversionErrors, type ClickConversion } from './conversion-checks.js';
import { adsError, at, invalid, partialFailureError, requestIdOf, versionOf, type AdsError } from './errors.js';
import { reach } from './auth.js';

/**
 * `POST /v{N}/customers/{cid}:uploadClickConversions`: at most 2,000 click conversions (gclid,
 * gbraid or wbraid, or hashed user identifiers for enhanced conversions for leads), always in
 * partial-failure mode. Each conversion that passes is recorded as received, with the customer
 * and conversion action it went to; the rest come back in `partialFailureError`.
 */
const MAX_CONVERSIONS = 2000;

const uploadBody = z
  .object({
    customerId: z.string().optional(),
    conversions: z.array(clickConversion).optional(),
    partialFailure: z.boolean().optional(),
    validateOnly: z.boolean().optional(),
    debugEnabled: z.boolean().optional(),
    jobId: z.number().int().optional(),
  })
  .strict();

/** Order ids and click+time pairs already accepted, per conversion action (duplicates are refused). */
function seen(world: World, customerId: string) {
  const orders = new Set<string>();
  const clicks = new Set<string>();
  for (const item of world.received.list('conversions', 'google')) {
    if (item.customer_id !== customerId) continue;
    const c = item as unknown as ClickConversion;
    if (c.orderId) orders.add(`${c.conversionAction}|${c.orderId}`);
    const click = c.gclid ?? c.gbraid ?? c.wbraid;
    if (click) clicks.add(`${c.conversionAction}|${click}|${c.conversionDateTime}`);
  }
  return { orders, clicks };
}

function duplicateErrors(world: World, customerId: string, conversions: ClickConversion[], failed: Set<number>): Map<number, AdsError> {
  const out = new Map<number, AdsError>();
  const before = seen(world, customerId);
  const orderCount = new Map<string, number>();
  const clickCount = new Map<string, number>();
  const keys = conversions.map((c) => {
    const click = c.gclid ?? c.gbraid ?? c.wbraid;
    return { order: c.orderId ? `${c.conversionAction}|${c.orderId}` : null, click: click ? `${c.conversionAction}|${click}|${c.conversionDateTime}` : null };
  });
  for (const [i, k] of keys.entries()) {
    if (failed.has(i)) continue;
    if (k.order) orderCount.set(k.order, (orderCount.get(k.order) ?? 0) + 1);
    if (k.click) clickCount.set(k.click, (clickCount.get(k.click) ?? 0) + 1);
  }
  keys.forEach((k, i) => {
    if (failed.has(i)) return;
    const loc = (f: string) => at('conversions', i, f);
    if (k.order && orderCount.get(k.order)! > 1) out.set(i, adsError('conversionUploadError', 'DUPLICATE_ORDER_ID', 'Imported events include multiple conversions with the same order ID and were not processed. Make sure order IDs are unique and try again.', loc('order_id')));
    else if (k.order && before.orders.has(k.order)) out.set(i, adsError('conversionUploadError', 'ORDER_ID_ALREADY_IN_USE', 'The imported event includes an order ID that was previously recorded, so the event was not processed.', loc('order_id')));
    else if (k.click && clickCount.get(k.click)! > 1) out.set(i, adsError('conversionUploadError', 'DUPLICATE_CLICK_CONVERSION_IN_REQUEST', 'Multiple events have the same click and conversion_date_time. Make sure your conversion_date_time is correctly configured and try again.', loc('conversion_date_time')));
    else if (k.click && before.clicks.has(k.click)) out.set(i, adsError('conversionUploadError', 'CLICK_CONVERSION_ALREADY_EXISTS', 'The imported event has the same click and conversion_date_time as an existing conversion. Use a unique conversion_date_time or order ID for each unique event and try again.', loc('conversion_date_time')));
  });
  return out;
}

function result(c: ClickConversion): Record<string, unknown> {
  return {
    ...(c.gclid ? { gclid: c.gclid } : {}),
    ...(c.gbraid ? { gbraid: c.gbraid } : {}),
    ...(c.wbraid ? { wbraid: c.wbraid } : {}),
    conversionAction: c.conversionAction,
    conversionDateTime: c.conversionDateTime,
    ...(c.userIdentifiers?.length ? { userIdentifiers: c.userIdentifiers } : {}),
  };
}

export function uploadClickConversionsHandler(world: World) {
  return async (req: FastifyRequest, reply: FastifyReply, customerId: string) => {
    const customer = reach(req, world, customerId);
    const body = parseBody(uploadBody, req.body);
    if (body.partialFailure !== true) {
      throw invalid(adsError('partialFailureError', 'PARTIAL_FAILURE_MODE_REQUIRED', 'The partial failure field was false in the request. This method requires this field be set to true.', at('partial_failure')));
    }
    const conversions = body.conversions ?? [];
    if (conversions.length === 0) throw invalid(adsError('fieldError', 'REQUIRED', 'The request has no conversions.', at('conversions')));
    if (conversions.length > MAX_CONVERSIONS) {
      throw invalid(adsError('conversionUploadError', 'TOO_MANY_CONVERSIONS_IN_REQUEST', 'Upload fewer than 2001 events in a single request.', at('conversions')));
    }
    if (body.jobId !== undefined && (body.jobId < 1 || body.jobId >= 2 ** 31)) {
      throw invalid(adsError('conversionUploadError', 'INVALID_JOB_ID', 'The provided job id in the request is not within the allowed range. A job ID must be a positive integer in the range [1, 2^31).', at('job_id')));
    }
    const ctx = { customerId, actions: customer.kind === 'client' ? conversionActions(customerId) : [], now: world.now().getTime() };
    const rowErrors = conversions.map((c, i) => conversionErrors(c, i, ctx));
    const failed = new Set(rowErrors.flatMap((e, i) => (e.length > 0 ? [i] : [])));
    for (const [i, e] of duplicateErrors(world, customerId, conversions, failed)) {
      rowErrors[i]!.push(e);
      failed.add(i);
    }
    const jobId = String(body.jobId ?? randomInt(1, 2 ** 31));
    if (!body.validateOnly) {
      conversions.forEach((c, i) => {
        if (!failed.has(i)) world.received.record('conversions', 'google', { ...c, destination: c.conversionAction, customer_id: customerId, job_id: jobId });
      });
    }
    const errors = rowErrors.flat();
    return reply.send({
      ...(errors.length > 0 ? { partialFailureError: partialFailureError(versionOf(req.url), errors, requestIdOf(reply)) } : {}),
      results: conversions.map((c, i) => (failed.has(i) ? {} : result(c))),
      jobId,
    });
  };
}
