import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { World, WorldAccount, WorldAd, WorldAdSet, WorldCampaign } from '../../world/types.js';
import { authenticate, grantedAccount, grantedEntity } from './auth.js';
import { childPositions } from './entity-index.js';
import { sendApiError } from './errors.js';
import { parseStatsQuery, type Breakdown } from './report-query.js';
import { statsChunks, type StatSubject } from './report-stream.js';

/** `GET /v1/{adaccounts|campaigns|adsquads|ads}/{id}/stats`: DAY and TOTAL, with breakdowns. */

const idParams = z.object({ id: z.string().min(1) });

function* subjects<T>(list: readonly T[], positions: readonly number[] | null, make: (t: T) => StatSubject): Generator<StatSubject> {
  if (positions) for (const i of positions) yield make(list[i]!);
  else for (const t of list) yield make(t);
}

export async function registerReports(app: FastifyInstance, world: World): Promise<void> {
  const campaignSubject = (a: WorldAccount) => (c: WorldCampaign): StatSubject => ({ id: c.id, type: 'CAMPAIGN', day: (d) => world.sumDay(a, 'campaign', c.id, d) });
  const squadSubject = (a: WorldAccount) => (s: WorldAdSet): StatSubject => ({ id: s.id, type: 'AD_SQUAD', day: (d) => world.sumDay(a, 'ad_set', s.id, d) });
  const adSubject = (a: WorldAccount) => (ad: WorldAd): StatSubject => ({ id: ad.id, type: 'AD', day: (d) => world.adDay(a, ad.id, d) });

  /** The rows of a breakdown under a parent (null parent = the whole account). */
  function breakdownOf(a: WorldAccount, by: Breakdown, parent: { key: 'campaignId' | 'adSetId'; id: string } | null): Iterable<StatSubject> {
    const pick = <T extends WorldAdSet | WorldAd>(list: readonly T[]) =>
      parent ? childPositions(list, parent.key, (e) => (parent.key === 'campaignId' ? e.campaignId : (e as WorldAd).adSetId), parent.id) : null;
    if (by === 'campaign') return subjects(world.campaigns(a), null, campaignSubject(a));
    if (by === 'adsquad') return subjects(world.adSets(a), pick(world.adSets(a)), squadSubject(a));
    return subjects(world.ads(a), pick(world.ads(a)), adSubject(a));
  }

  function answer(reply: FastifyReply, query: unknown, account: WorldAccount, subject: StatSubject, allowed: Breakdown[], parent: { key: 'campaignId' | 'adSetId'; id: string } | null) {
    const q = parseStatsQuery(query, account, world, allowed);
    if ('error' in q) return sendApiError(reply, 'invalid', q.error);
    const rows = q.breakdown ? breakdownOf(account, q.breakdown, parent) : null;
    const stream = Readable.from(statsChunks(q, account, subject, rows, world.today(account)), { objectMode: false });
    return reply.type('application/json; charset=utf-8').send(stream);
  }

  app.get('/v1/adaccounts/:id/stats', async (req, reply) => {
    const grant = authenticate(world, req, reply);
    if (!grant) return reply;
    const account = grantedAccount(world, grant, idParams.parse(req.params).id, reply);
    if (!account) return reply;
    const subject: StatSubject = { id: account.id, type: 'AD_ACCOUNT', day: (d) => world.sumDay(account, 'account', null, d) };
    return answer(reply, req.query, account, subject, ['campaign', 'adsquad', 'ad'], null);
  });

  app.get('/v1/campaigns/:id/stats', async (req, reply) => {
    const grant = authenticate(world, req, reply);
    if (!grant) return reply;
    const found = grantedEntity(world, grant, 'campaign', idParams.parse(req.params).id, reply);
    if (!found) return reply;
    const { account, entity } = found;
    return answer(reply, req.query, account, campaignSubject(account)(entity), ['adsquad', 'ad'], { key: 'campaignId', id: entity.id });
  });

  app.get('/v1/adsquads/:id/stats', async (req, reply) => {
    const grant = authenticate(world, req, reply);
    if (!grant) return reply;
    const found = grantedEntity(world, grant, 'ad_set', idParams.parse(req.params).id, reply);
    if (!found) return reply;
    const { account, entity } = found;
    return answer(reply, req.query, account, squadSubject(account)(entity), ['ad'], { key: 'adSetId', id: entity.id });
  });

  app.get('/v1/ads/:id/stats', async (req, reply) => {
    const grant = authenticate(world, req, reply);
    if (!grant) return reply;
    const found = grantedEntity(world, grant, 'ad', idParams.parse(req.params).id, reply);
    if (!found) return reply;
    const { account, entity } = found;
    return answer(reply, req.query, account, adSubject(account)(entity), [], null);
  });
}
