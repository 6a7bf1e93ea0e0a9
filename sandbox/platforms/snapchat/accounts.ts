import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { TokenGrant, World, WorldAccount } from '../../world/types.js';
import { authenticate, grantedAccount } from './auth.js';
import { requestId, sendApiError } from './errors.js';
import { pixelIdOf } from './pixels.js';
import { adAccountJson, organizationId, organizationJson } from './serialize.js';
import { isoUtc, uuidFrom } from './units.js';

/** Who the token is (`/v1/me`), its organizations and their ad accounts, and each account's pixel. */

const idParams = z.object({ id: z.string().min(1) });
const orgQuery = z.object({ with_ad_accounts: z.enum(['true', 'false']).optional() }).loose();

type Org = [WorldAccount, ...WorldAccount[]];

/** The granted accounts grouped by organization, in grant order. */
function organizationsOf(world: World, grant: TokenGrant): Map<string, Org> {
  const byOrg = new Map<string, Org>();
  for (const id of grant.accountIds) {
    const a = world.account('snapchat', id);
    if (!a) continue;
    const list = byOrg.get(organizationId(a));
    if (list) list.push(a);
    else byOrg.set(organizationId(a), [a]);
  }
  return byOrg;
}

const ok = (key: string, singular: string, items: Record<string, unknown>[]) => ({
  request_status: 'SUCCESS',
  request_id: requestId(),
  [key]: items.map((x) => ({ sub_request_status: 'SUCCESS', [singular]: x })),
});

export async function registerAccounts(app: FastifyInstance, world: World): Promise<void> {
  app.get('/v1/me', async (req, reply) => {
    const grant = authenticate(world, req, reply);
    if (!grant) return reply;
    const person = world.person(grant.personId);
    const firstOrg = organizationsOf(world, grant).keys().next().value ?? null;
    const created = isoUtc(grant.issuedAt);
    return {
      request_status: 'SUCCESS',
      request_id: requestId(),
      me: {
        id: uuidFrom(`member:${grant.personId}`),
        updated_at: created,
        created_at: created,
        email: person?.email ?? null,
        organization_id: firstOrg,
        display_name: person?.name ?? grant.personId,
        member_status: 'ACTIVE',
      },
    };
  });

  app.get('/v1/me/organizations', async (req, reply) => {
    const grant = authenticate(world, req, reply);
    if (!grant) return reply;
    const q = orgQuery.safeParse(req.query);
    if (!q.success) return sendApiError(reply, 'invalid', 'with_ad_accounts must be true or false');
    const withAccounts = q.data.with_ad_accounts === 'true';
    return ok('organizations', 'organization', [...organizationsOf(world, grant).values()].map((accounts) => organizationJson(accounts, withAccounts)));
  });

  app.get('/v1/organizations/:id', async (req, reply) => {
    const grant = authenticate(world, req, reply);
    if (!grant) return reply;
    const org = organizationsOf(world, grant).get(idParams.parse(req.params).id);
    if (!org) return sendApiError(reply, 'not_found', 'Organization can not be found');
    return ok('organizations', 'organization', [organizationJson(org, false)]);
  });

  app.get('/v1/organizations/:id/adaccounts', async (req, reply) => {
    const grant = authenticate(world, req, reply);
    if (!grant) return reply;
    const org = organizationsOf(world, grant).get(idParams.parse(req.params).id);
    if (!org) return sendApiError(reply, 'not_found', 'Organization can not be found');
    return ok('adaccounts', 'adaccount', org.map(adAccountJson));
  });

  app.get('/v1/adaccounts/:id', async (req, reply) => {
    const grant = authenticate(world, req, reply);
    if (!grant) return reply;
    const account = grantedAccount(world, grant, idParams.parse(req.params).id, reply);
    if (!account) return reply;
    return ok('adaccounts', 'adaccount', [adAccountJson(account)]);
  });

  app.get('/v1/adaccounts/:id/pixels', async (req, reply) => {
    const grant = authenticate(world, req, reply);
    if (!grant) return reply;
    const account = grantedAccount(world, grant, idParams.parse(req.params).id, reply);
    if (!account) return reply;
    const created = adAccountJson(account).created_at;
    return ok('pixels', 'pixel', [
      {
        id: pixelIdOf(world, account),
        updated_at: created,
        created_at: created,
        name: world.pixels(account)[0]?.name ?? `${account.name} Pixel`,
        ad_account_id: account.id,
        organization_id: organizationId(account),
        status: 'ACTIVE',
        effective_status: 'ACTIVE',
      },
    ]);
  });
}
