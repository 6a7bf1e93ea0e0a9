import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { World } from '../../world/types.js';
import { bearerToken, CONVERSIONS_SCOPE, MARKETING_SCOPE, tokenProblem } from './auth.js';
import { eventProblems, MAX_EVENTS, PROBLEMS, type EventProblem } from './capi-events.js';
import { sendCapiError } from './errors.js';
import { accountOfPixel } from './pixels.js';

/**
 * tr.snapchat.com Conversions API v3: `POST /v3/{pixel_id}/events?access_token=…` records events;
 * `POST /v3/{pixel_id}/events/validate` checks them the same way and records nothing. A batch with
 * any invalid event is refused whole (400 `INVALID` naming the first problem), so nothing is half-sent.
 */
const pixelParams = z.object({ pixelId: z.string().min(1) });
const bodySchema = z.object({ data: z.array(z.unknown()) });

export const capiToken = (req: FastifyRequest): string | null => {
  const q = (req.query as Record<string, unknown> | undefined)?.access_token;
  return typeof q === 'string' && q !== '' ? q : bearerToken(req);
};

type Checked = { events: unknown[]; problems: EventProblem[][]; pixelId: string };

/** Auth, pixel and batch checks shared by both endpoints; sends the error and returns null on failure. */
function check(world: World, req: FastifyRequest, reply: FastifyReply): Checked | null {
  const t = tokenProblem(world, capiToken(req));
  if ('reason' in t) {
    void sendCapiError(reply, 401, t.reason, 'access_token');
    return null;
  }
  if (!t.grant.scopes.some((s) => s === MARKETING_SCOPE || s === CONVERSIONS_SCOPE)) {
    void sendCapiError(reply, 403, 'The access token has no Snapchat Marketing or Conversions API scope');
    return null;
  }
  const { pixelId } = pixelParams.parse(req.params);
  const account = accountOfPixel(world, pixelId);
  if (!account) {
    void sendCapiError(reply, 400, `Unknown pixel_id ${pixelId}`, 'pixel_id');
    return null;
  }
  if (!t.grant.accountIds.includes(account.id)) {
    void sendCapiError(reply, 403, 'The access token does not belong to the organization that owns this pixel', 'pixel_id');
    return null;
  }
  const body = bodySchema.safeParse(req.body);
  if (!body.success) {
    void sendCapiError(reply, 400, 'The body must be a JSON object with a "data" array of events', 'data');
    return null;
  }
  const events = body.data.data;
  if (events.length === 0 || events.length > MAX_EVENTS) {
    void sendCapiError(reply, 400, `data must hold 1 to ${MAX_EVENTS} events; got ${events.length}`, 'data');
    return null;
  }
  const nowSec = Math.floor(world.now().getTime() / 1000);
  return { events, problems: events.map((e, i) => eventProblems(e, i, nowSec)), pixelId: pixelId.toLowerCase() };
}

const firstProblem = (problems: EventProblem[][]) => problems.flat()[0];

export async function registerConversions(app: FastifyInstance, world: World): Promise<void> {
  app.post('/v3/:pixelId/events', async (req, reply) => {
    const c = check(world, req, reply);
    if (!c) return reply;
    const bad = firstProblem(c.problems);
    if (bad) return sendCapiError(reply, 400, `${PROBLEMS[bad.kind].label}: ${bad.message}`, bad.param);
    for (const event of c.events) world.received.record('conversions', 'snapchat', { ...(event as Record<string, unknown>), pixel_id: c.pixelId });
    return { status: 'VALID', reason: `${c.events.length} events have been processed successfully.` };
  });

  app.post('/v3/:pixelId/events/validate', async (req, reply) => {
    const c = check(world, req, reply);
    if (!c) return reply;
    const event_logs = c.events.map((e, i) => {
      const ev = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
      const problems = c.problems[i]!;
      return {
        event_index: i,
        event_name: ev.event_name ?? null,
        event_id: ev.event_id ?? null,
        status: problems.length ? 'INVALID' : 'VALID',
        ...(problems.length
          ? { errors: { codes: problems.map((p) => PROBLEMS[p.kind].code), messages: problems.map((p) => `${p.param}: ${p.message}`) } }
          : {}),
      };
    });
    const bad = firstProblem(c.problems);
    const body = {
      status: bad ? 'INVALID' : 'VALID',
      reason: bad ? `${PROBLEMS[bad.kind].label}: ${bad.message}` : 'All events are valid.',
      ...(bad ? { param: bad.param } : {}),
      test_event: true,
      event_logs,
    };
    return reply.status(bad ? 400 : 200).send(body);
  });
}
