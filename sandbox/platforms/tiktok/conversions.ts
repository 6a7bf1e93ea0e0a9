import type { FastifyInstance } from 'fastify';
import type { World } from '../../world/types.js';
import { requireAdvertiser, requireToken } from './auth.js';
import { invalid, sendOk } from './errors.js';
import { parseOrThrow } from './params.js';
import { pixelByCode } from './pixels.js';
import { trackBody } from './conversions-schema.js';

/**
 * How old an event may be. TikTok does not publish one number for all sources (reference §4E ⚠️);
 * the sandbox takes 7 days for web and app events, 28 days for offline and CRM events.
 */
const MAX_AGE_DAYS: Record<string, number> = { web: 7, app: 7, offline: 28, crm: 28 };
/** Clocks drift; a few minutes into the future is tolerated. */
const MAX_FUTURE_SECONDS = 5 * 60;

/**
 * `POST /event/track/` (Events API 2.0). A batch is accepted whole or refused whole with
 * 40002, naming the first bad field as `data.<i>.<field>`; each accepted event is recorded as
 * TikTok received it, with the pixel and advertiser it went to.
 */
export async function registerConversions(app: FastifyInstance, world: World, base: string): Promise<void> {
  app.post(`${base}/event/track/`, async (req, reply) => {
    const grant = requireToken(world, req);
    const body = parseOrThrow(trackBody, req.body);
    const pixel = pixelByCode(world, body.event_source_id);
    if (!pixel) throw invalid(`event_source_id: ${body.event_source_id} is not a valid pixel code.`);
    requireAdvertiser(world, grant, pixel.account.id);

    const now = Math.floor(world.now().getTime() / 1000);
    const oldest = now - MAX_AGE_DAYS[body.event_source]! * 86_400;
    body.data.forEach((e, i) => {
      if (e.event_time > 1e11) throw invalid(`data.${i}.event_time: Must be a Unix timestamp in seconds, not milliseconds.`);
      if (e.event_time > now + MAX_FUTURE_SECONDS) throw invalid(`data.${i}.event_time: The event time cannot be in the future.`);
      if (e.event_time < oldest) throw invalid(`data.${i}.event_time: The event time must be within the last ${MAX_AGE_DAYS[body.event_source]} days.`);
    });

    const raw = (req.body as { data: Array<Record<string, unknown>> }).data;
    for (const event of raw) {
      world.received.record('conversions', 'tiktok', {
        ...event,
        event_source: body.event_source,
        event_source_id: body.event_source_id,
        pixel_code: pixel.code,
        pixel_id: pixel.id,
        advertiser_id: pixel.account.id,
        test_event_code: body.test_event_code ?? null,
        partner_name: body.partner_name ?? null,
      });
    }
    return sendOk(reply, {});
  });
}
