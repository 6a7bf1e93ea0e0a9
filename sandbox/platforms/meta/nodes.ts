import { createHash } from 'node:crypto';
import type { SandboxPerson, World, WorldAccount, WorldAd, WorldAdSet, WorldCampaign, WorldPixel } from '../../world/types.js';
import { accountNode, grantedAccounts, requireRead, type Caller } from './auth.js';
import { graphErrors } from './errors.js';

export type GraphNode =
  | { kind: 'account'; account: WorldAccount }
  | { kind: 'campaign'; account: WorldAccount; entity: WorldCampaign }
  | { kind: 'adset'; account: WorldAccount; entity: WorldAdSet }
  | { kind: 'ad'; account: WorldAccount; entity: WorldAd }
  | { kind: 'pixel'; account: WorldAccount; pixel: WorldPixel }
  | { kind: 'user'; person: SandboxPerson };

/** Graph node type names, as its "nonexisting field … on node type (X)" errors spell them. */
export const NODE_TYPE: Record<GraphNode['kind'], string> = {
  account: 'AdAccount',
  campaign: 'Campaign',
  adset: 'AdSet',
  ad: 'Ad',
  pixel: 'AdsPixel',
  user: 'User',
};

/** Graph ids are numeric strings; a person's id is derived from the world's id so it is stable. */
export function metaUserId(personId: string): string {
  const digits = BigInt('0x' + createHash('sha256').update(`meta-user:${personId}`).digest('hex').slice(0, 13)).toString();
  return ('10' + digits.padStart(15, '0')).slice(0, 17);
}

export function businessId(account: WorldAccount): string {
  if (account.businessId) return account.businessId;
  const name = account.business;
  const digits = BigInt('0x' + createHash('sha256').update(`meta-business:${name}`).digest('hex').slice(0, 13)).toString();
  return ('1' + digits.padStart(15, '0')).slice(0, 16);
}

/** What `/{id}` names, among what this token reaches; anything else is Graph's "does not exist" error. */
export function resolveNode(world: World, caller: Caller, id: string, method: string): GraphNode {
  if (id.startsWith('act_')) return { kind: 'account', account: accountNode(world, caller, id, method) };
  if (id === 'me' || id === metaUserId(caller.grant.personId)) {
    const person = world.person(caller.grant.personId);
    if (person) return { kind: 'user', person };
  }
  if (/^\d+$/.test(id)) {
    for (const account of grantedAccounts(world, caller)) {
      const found = findIn(world, account, id);
      if (found) {
        requireRead(caller);
        return found;
      }
    }
  }
  throw graphErrors.unsupported(method, id);
}

function findIn(world: World, account: WorldAccount, id: string): GraphNode | undefined {
  const c = world.entity(account, 'campaign', id);
  if (c?.level === 'campaign') return { kind: 'campaign', account, entity: c };
  const s = world.entity(account, 'ad_set', id);
  if (s?.level === 'ad_set') return { kind: 'adset', account, entity: s };
  const a = world.entity(account, 'ad', id);
  if (a?.level === 'ad') return { kind: 'ad', account, entity: a };
  const p = world.pixels(account).find((x) => x.id === id);
  if (p) return { kind: 'pixel', account, pixel: p };
  return undefined;
}

/** The account an id names (`act_…`, or an entity or pixel among `candidates`); rate-limit headers name it. */
export function accountOfId(world: World, id: string, candidates: readonly WorldAccount[]): WorldAccount | undefined {
  if (id.startsWith('act_')) return world.account('meta', id.slice(4));
  if (!/^\d+$/.test(id)) return undefined;
  return candidates.find((account) => findIn(world, account, id));
}
