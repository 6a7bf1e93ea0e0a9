import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { World, WorldAccount, WorldAd, WorldAdSet, WorldCampaign } from '../../world/types.js';
import { authenticate, grantedAccount, grantedEntity } from './auth.js';
import { childPositions, subset, whole, type Listing } from './entity-index.js';
import { requestId, sendApiError } from './errors.js';
import { sendEnvelope } from './json-stream.js';
import { nextLink, readPage } from './paging.js';
import { adJson, adSquadJson, campaignJson } from './serialize.js';

/**
 * Campaigns, ad squads and ads: lists under an ad account or a parent (`/v1/{parents}/{id}/{children}`),
 * single entities (`/v1/{plural}/{id}`), in creation order, paged by `limit` + `paging.next_link`.
 */
type Kind = 'campaigns' | 'adsquads' | 'ads';
type Item = WorldCampaign | WorldAdSet | WorldAd;

const SINGULAR: Record<Kind, string> = { campaigns: 'campaign', adsquads: 'adsquad', ads: 'ad' };

const idParams = z.object({ id: z.string().min(1) });
const listQuery = z.object({ read_deleted_entities: z.enum(['true', 'false']).optional() }).loose();

function serializer(world: World, account: WorldAccount, kind: Kind): (item: Item) => Record<string, unknown> {
  if (kind === 'campaigns') return (c) => campaignJson(c as WorldCampaign, account);
  if (kind === 'adsquads') return (s) => adSquadJson(s as WorldAdSet, account, world);
  return (a) => adJson(a as WorldAd);
}

function sendList(world: World, req: FastifyRequest, reply: FastifyReply, account: WorldAccount, kind: Kind, listing: Listing<Item>, scope: string) {
  const q = listQuery.safeParse(req.query);
  if (!q.success) return sendApiError(reply, 'invalid', `read_deleted_entities ${q.error.issues[0]?.message ?? 'is invalid'}`);
  const page = readPage(req.query as Record<string, unknown>, scope);
  if ('error' in page) return sendApiError(reply, 'invalid', page.error);
  const end = page.limit === null ? listing.length : Math.min(listing.length, page.offset + page.limit);
  const head: Record<string, unknown> = { request_status: 'SUCCESS', request_id: requestId() };
  if (page.limit !== null && end < listing.length) head.paging = { next_link: nextLink(req, scope, end, page.limit) };
  const toJson = serializer(world, account, kind);
  const singular = SINGULAR[kind];
  const items = page.limit === null ? iterateAll(listing) : listing.slice(page.offset, end);
  return sendEnvelope(reply, head, kind, mapIter(items, (e) => ({ sub_request_status: 'SUCCESS', [singular]: toJson(e) })));
}

function* iterateAll<T>(listing: Listing<T>, step = 500): Generator<T> {
  for (let i = 0; i < listing.length; i += step) yield* listing.slice(i, i + step);
}

function* mapIter<T, U>(items: Iterable<T>, fn: (t: T) => U): Generator<U> {
  for (const t of items) yield fn(t);
}

export async function registerEntities(app: FastifyInstance, world: World): Promise<void> {
  const kinds: Kind[] = ['campaigns', 'adsquads', 'ads'];
  const listOf = (account: WorldAccount, kind: Kind): readonly Item[] =>
    kind === 'campaigns' ? world.campaigns(account) : kind === 'adsquads' ? world.adSets(account) : world.ads(account);

  for (const kind of kinds) {
    app.get(`/v1/adaccounts/:id/${kind}`, async (req, reply) => {
      const grant = authenticate(world, req, reply);
      if (!grant) return reply;
      const { id } = idParams.parse(req.params);
      const account = grantedAccount(world, grant, id, reply);
      if (!account) return reply;
      return sendList(world, req, reply, account, kind, whole(listOf(account, kind)), `adaccounts/${account.id}/${kind}`);
    });
  }

  const children: Array<{ parent: 'campaigns' | 'adsquads'; kind: 'adsquads' | 'ads' }> = [
    { parent: 'campaigns', kind: 'adsquads' },
    { parent: 'campaigns', kind: 'ads' },
    { parent: 'adsquads', kind: 'ads' },
  ];
  for (const { parent, kind } of children) {
    app.get(`/v1/${parent}/:id/${kind}`, async (req, reply) => {
      const grant = authenticate(world, req, reply);
      if (!grant) return reply;
      const { id } = idParams.parse(req.params);
      const found = grantedEntity(world, grant, parent === 'campaigns' ? 'campaign' : 'ad_set', id, reply);
      if (!found) return reply;
      const { account } = found;
      const list = listOf(account, kind);
      const key = parent === 'campaigns' ? 'campaignId' : 'adSetId';
      const positions = childPositions(list, key, (e) => (key === 'campaignId' ? (e as WorldAdSet | WorldAd).campaignId : (e as WorldAd).adSetId), id);
      return sendList(world, req, reply, account, kind, subset(list, positions), `${parent}/${id}/${kind}`);
    });
  }

  for (const kind of kinds) {
    app.get(`/v1/${kind}/:id`, async (req, reply) => {
      const grant = authenticate(world, req, reply);
      if (!grant) return reply;
      const { id } = idParams.parse(req.params);
      const found = grantedEntity(world, grant, kind === 'campaigns' ? 'campaign' : kind === 'adsquads' ? 'ad_set' : 'ad', id, reply);
      if (!found) return reply;
      const json = serializer(world, found.account, kind)(found.entity);
      return { request_status: 'SUCCESS', request_id: requestId(), [kind]: [{ sub_request_status: 'SUCCESS', [SINGULAR[kind]]: json }] };
    });
  }
}
