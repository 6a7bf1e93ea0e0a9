import type { FastifyRequest } from 'fastify';
import type { SandboxPerson, World, WorldAccount, WorldPixel } from '../../world/types.js';
import { grantedAccounts, type Caller } from './auth.js';
import { checkFields, parseFields, pick, project, type FieldSpec, type Renderer } from './fields.js';
import { businessId, metaUserId } from './nodes.js';
import { limitOf, paramsOf, str } from './params.js';
import { pageBody, readPage } from './paging.js';
import { addDays, daysBetween, metaTime, toMetaBudget, zoneOffsetMinutes } from './units.js';

/** Ad accounts, the person behind the token, and pixels, in Graph's field names and units. */

interface AccountCtx {
  world: World;
  account: WorldAccount;
}

/**
 * Lifetime spend. Days before today never change (mutations act from today on), so they are
 * summed once and remembered. A huge account (ads × days beyond EXACT_AD_DAYS) is summed on every
 * k-th day and scaled by k, so account discovery stays fast; the figure is then an estimate.
 */
const EXACT_AD_DAYS = 400_000;
const spentBeforeToday = new WeakMap<World, Map<string, { through: string; minor: number }>>();

function pastSpend(world: World, account: WorldAccount, from: string, through: string): number {
  const days = daysBetween(from, through) + 1;
  if (days <= 0) return 0;
  const stride = Math.max(1, Math.ceil((world.ads(account).length * days) / EXACT_AD_DAYS));
  let minor = 0;
  for (let i = 0; i < days; i += stride) {
    const span = Math.min(stride, days - i);
    minor += world.sumDay(account, 'account', null, addDays(from, i)).spendMinor * span;
  }
  return minor;
}

function amountSpentMinor(world: World, account: WorldAccount): number {
  const today = world.today(account);
  const yesterday = addDays(today, -1);
  let memo = spentBeforeToday.get(world);
  if (!memo) spentBeforeToday.set(world, (memo = new Map()));
  let hit = memo.get(account.id);
  if (!hit || hit.through > yesterday) hit = { through: addDays(account.startDate, -1), minor: 0 };
  if (hit.through < yesterday) hit = { through: yesterday, minor: hit.minor + pastSpend(world, account, addDays(hit.through, 1), yesterday) };
  memo.set(account.id, hit);
  return hit.minor + world.sumDay(account, 'account', null, today).spendMinor;
}

const accountRenderers: Record<string, Renderer<AccountCtx>> = {
  id: ({ account }) => `act_${account.id}`,
  account_id: ({ account }) => account.id,
  name: ({ account }) => account.name,
  account_status: ({ account }) => (account.status === 'ACTIVE' ? 1 : 2),
  disable_reason: ({ account }) => (account.status === 'ACTIVE' ? 0 : 1),
  currency: ({ account }) => account.currency,
  timezone_name: ({ account }) => account.timeZone,
  timezone_offset_hours_utc: ({ world, account }) => zoneOffsetMinutes(world.now(), account.timeZone) / 60,
  business: ({ account }, sub) => pick({ id: businessId(account), name: account.business }, sub, ['id', 'name']),
  business_name: ({ account }) => account.business,
  amount_spent: ({ world, account }) => toMetaBudget(amountSpentMinor(world, account), account.currency),
  spend_cap: () => '0',
  balance: () => '0',
  min_daily_budget: ({ account }) => Number(toMetaBudget(100, account.currency)) || 1,
  created_time: ({ account }) => metaTime(`${account.startDate}T09:00:00Z`, account.timeZone),
  is_prepay_account: () => false,
};
const ACCOUNT_QUIET = new Set(['funding_source', 'funding_source_details', 'capabilities', 'user_tasks', 'owner', 'tos_accepted', 'user_tos_accepted', 'partner', 'end_advertiser', 'media_agency', 'is_personal', 'age', 'tax_id', 'rf_spec']);
const ACCOUNT_DEFAULT: FieldSpec[] = [
  { name: 'account_id', sub: null },
  { name: 'id', sub: null },
];

export function renderAccount(world: World, account: WorldAccount, fields: FieldSpec[] | null): Record<string, unknown> {
  return project({ world, account }, fields ?? ACCOUNT_DEFAULT, accountRenderers, 'AdAccount', ACCOUNT_QUIET);
}

const userRenderers: Record<string, Renderer<SandboxPerson>> = {
  id: (p) => metaUserId(p.id),
  name: (p) => p.name,
  first_name: (p) => p.name.split(' ')[0],
  last_name: (p) => p.name.split(' ').slice(1).join(' ') || undefined,
  email: (p) => p.email,
};

export function renderUser(person: SandboxPerson, fields: FieldSpec[] | null): Record<string, unknown> {
  return project(person, fields ?? [{ name: 'name', sub: null }, { name: 'id', sub: null }], userRenderers, 'User', new Set(['picture', 'locale']));
}

interface PixelCtx {
  account: WorldAccount;
  pixel: WorldPixel;
}

const pixelRenderers: Record<string, Renderer<PixelCtx>> = {
  id: ({ pixel }) => pixel.id,
  name: ({ pixel }) => pixel.name,
  is_unavailable: () => false,
  creation_time: ({ account }) => metaTime(`${account.startDate}T09:00:00Z`, account.timeZone),
  owner_ad_account: ({ account }, sub) => pick({ account_id: account.id, id: `act_${account.id}`, name: account.name }, sub, ['account_id', 'id']),
  first_party_cookie_status: () => 'FIRST_PARTY_COOKIE_ENABLED',
  data_use_setting: () => 'ADVERTISING_AND_ANALYTICS',
};

export function renderPixel(account: WorldAccount, pixel: WorldPixel, fields: FieldSpec[] | null): Record<string, unknown> {
  return project({ account, pixel }, fields ?? [{ name: 'id', sub: null }], pixelRenderers, 'AdsPixel', new Set(['code', 'last_fired_time', 'owner_business']));
}

/** `GET /me/adaccounts`: the accounts granted to this token, cursor-paged. */
export function listAdAccounts(world: World, caller: Caller, req: FastifyRequest): Record<string, unknown> {
  const p = paramsOf(req);
  const fields = parseFields(str(p, 'fields'));
  if (fields) checkFields(fields, new Set(Object.keys(accountRenderers)), 'AdAccount', ACCOUNT_QUIET);
  const accounts = grantedAccounts(world, caller);
  const scope = `adaccounts:${caller.grant.personId}`;
  const page = readPage({ size: accounts.length, at: (i) => accounts[i] }, p, scope, limitOf(p, 25, 500));
  return pageBody(req, page, scope, page.items.map((a) => renderAccount(world, a, fields)));
}

export function listPixels(world: World, account: WorldAccount, req: FastifyRequest): Record<string, unknown> {
  const p = paramsOf(req);
  const fields = parseFields(str(p, 'fields'));
  if (fields) checkFields(fields, new Set(Object.keys(pixelRenderers)), 'AdsPixel', new Set(['code', 'last_fired_time', 'owner_business']));
  const pixels = world.pixels(account);
  const scope = `adspixels:${account.id}`;
  const page = readPage({ size: pixels.length, at: (i) => pixels[i] }, p, scope, limitOf(p, 25, 500));
  return pageBody(req, page, scope, page.items.map((px) => renderPixel(account, px, fields)));
}

/** `GET /me/businesses`: the business portfolios behind the granted accounts. */
export function listBusinesses(world: World, caller: Caller): Record<string, unknown> {
  const byId = new Map(grantedAccounts(world, caller).map((a) => [businessId(a), a.business]));
  return { data: [...byId].map(([id, name]) => ({ id, name })) };
}

export function listPermissions(caller: Caller): Record<string, unknown> {
  return { data: caller.grant.scopes.map((permission) => ({ permission, status: 'granted' })) };
}
