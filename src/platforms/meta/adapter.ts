import { z } from 'zod';
import { slices } from '../../shared/dates.js';
import { PlatformError } from '../errors.js';
import { checkedRange } from '../inputs.js';
import type { AdAccount, AdapterContext, AdPlatform, DailyMetric, DateRange, Entity, EntityRef, PixelQuality, TokenSet } from '../types.js';
import { spendContext, withSpendLast30d } from '../spend.js';
import { metaClient } from './client.js';
import { mapMetaAd, mapMetaAdAccount, mapMetaAdSet, mapMetaCampaign, mapMetaInsight, minorToMetaBudget } from './map.js';
import { META_SCOPES, metaAuthorizeUrl, metaExchangeCode, metaRefresh } from './oauth.js';
import { metaSpendLast30d } from './spend.js';
import {
  metaAdAccountSchema,
  metaAdSchema,
  metaAdSetSchema,
  metaCampaignSchema,
  metaDatasetQualitySchema,
  metaInsightSchema,
  metaPixelSchema,
  metaSuccessSchema,
} from './schemas.js';

const ENTITY_PAGE = 500;
const INSIGHTS_PAGE = 500;
/** Long daily ranges at ad level are slow for Graph to assemble synchronously; a month a request keeps each one short. */
const INSIGHTS_SLICE_DAYS = 30;
/** Meta allows an ad set's budget 4 changes an hour; code 17 on a budget write means "wait for the hour", not "retry now". */
const BUDGET_CHANGE_WAIT_MS = 60 * 60 * 1000;

const FIELDS = {
  account: 'id,account_id,name,account_status,currency,timezone_name',
  campaign: 'id,name,status,effective_status,objective,daily_budget,lifetime_budget,updated_time',
  adSet: 'id,name,campaign_id,status,effective_status,daily_budget,lifetime_budget,optimization_goal,updated_time',
  ad: 'id,name,adset_id,campaign_id,status,effective_status,updated_time',
  insights: 'ad_id,adset_id,campaign_id,date_start,date_stop,spend,impressions,inline_link_clicks,actions,action_values',
} as const;

const refSchema = z.object({ accountId: z.string().min(1), level: z.enum(['campaign', 'ad_set']), externalId: z.string().regex(/^\d+$/) });
const minorSchema = z.number().int().positive();

const act = (account: AdAccount): string => `act_${account.externalId.replace(/^act_/, '')}`;

function checkRef(account: AdAccount, ref: EntityRef): EntityRef {
  const r = refSchema.safeParse(ref);
  if (!r.success) throw new PlatformError('meta', 'INVALID', `entity reference: ${r.error.issues[0]?.message ?? 'invalid'}`);
  if (r.data.accountId.replace(/^act_/, '') !== account.externalId.replace(/^act_/, '')) {
    throw new PlatformError('meta', 'INVALID', `entity ${r.data.externalId} is referenced under account ${r.data.accountId}, not ${account.externalId}`);
  }
  return r.data;
}

export function createMetaAdapter(ctx: AdapterContext): AdPlatform {
  const graph = metaClient(ctx);
  const spendGraph = metaClient(spendContext(ctx));

  async function listAdAccounts(t: TokenSet): Promise<AdAccount[]> {
    const out: AdAccount[] = [];
    for await (const a of graph.pages('me/adaccounts', { fields: FIELDS.account, limit: 100 }, t.accessToken, 'list ad accounts', metaAdAccountSchema)) {
      out.push(mapMetaAdAccount(a));
    }
    return withSpendLast30d(out, (a) => metaSpendLast30d(spendGraph, t.accessToken, a));
  }

  async function* entities(t: TokenSet, account: AdAccount): AsyncGenerator<Entity> {
    const base = act(account);
    const c = account.currency;
    const tok = t.accessToken;
    for await (const x of graph.pages(`${base}/campaigns`, { fields: FIELDS.campaign, limit: ENTITY_PAGE }, tok, 'list campaigns', metaCampaignSchema)) {
      yield mapMetaCampaign(x, c);
    }
    for await (const x of graph.pages(`${base}/adsets`, { fields: FIELDS.adSet, limit: ENTITY_PAGE }, tok, 'list ad sets', metaAdSetSchema)) {
      yield mapMetaAdSet(x, c);
    }
    for await (const x of graph.pages(`${base}/ads`, { fields: FIELDS.ad, limit: ENTITY_PAGE }, tok, 'list ads', metaAdSchema)) {
      yield mapMetaAd(x);
    }
  }

  async function* dailyMetrics(t: TokenSet, account: AdAccount, range: DateRange): AsyncGenerator<DailyMetric> {
    for (const slice of slices(checkedRange('meta', range), INSIGHTS_SLICE_DAYS)) {
      const params = {
        level: 'ad',
        time_increment: 1,
        time_range: JSON.stringify(slice),
        fields: FIELDS.insights,
        limit: INSIGHTS_PAGE,
      };
      const what = `read ad insights ${slice.since}..${slice.until}`;
      for await (const row of graph.pages(`${act(account)}/insights`, params, t.accessToken, what, metaInsightSchema)) {
        yield mapMetaInsight(row, account.currency);
      }
    }
  }

  async function pixelQuality(t: TokenSet, account: AdAccount): Promise<PixelQuality[]> {
    const out: PixelQuality[] = [];
    for await (const pixel of graph.pages(`${act(account)}/adspixels`, { fields: 'id,name' }, t.accessToken, 'list pixels', metaPixelSchema)) {
      const q = await graph.get(
        'dataset_quality',
        { dataset_id: pixel.id, fields: 'web{event_name,event_match_quality{composite_score}}' },
        t.accessToken,
        `read event match quality of pixel ${pixel.id}`,
        metaDatasetQualitySchema,
      );
      out.push({
        pixelId: pixel.id,
        name: pixel.name,
        events: q.web.map((e) => ({ eventName: e.event_name, matchQuality: e.event_match_quality?.composite_score ?? null })),
      });
    }
    return out;
  }

  async function update(t: TokenSet, id: string, form: Record<string, string>, what: string, adjust?: (e: PlatformError) => PlatformError): Promise<void> {
    const r = await graph.post(id, form, t.accessToken, what, metaSuccessSchema, adjust ? { adjustError: adjust } : {});
    if (!r.success) throw new PlatformError('meta', 'UNKNOWN', `${what}: Meta answered success=false`);
  }

  return {
    id: 'meta',
    scopes: META_SCOPES,
    supportsPkce: false,
    authorizeUrl: (p) => metaAuthorizeUrl(ctx, p),
    exchangeCode: (code, redirectUri) => metaExchangeCode(ctx, code, redirectUri),
    refresh: (t) => metaRefresh(ctx, t),
    listAdAccounts,
    entities,
    dailyMetrics,
    pixelQuality,

    async setDailyBudget(t, account, ref, minor) {
      const r = checkRef(account, ref);
      const m = minorSchema.safeParse(minor);
      if (!m.success) throw new PlatformError('meta', 'INVALID', `daily budget must be a positive integer of minor units, got ${String(minor)}`);
      const what = `set the daily budget of ${r.level === 'campaign' ? 'campaign' : 'ad set'} ${r.externalId}`;
      await update(t, r.externalId, { daily_budget: minorToMetaBudget(m.data, account.currency) }, what, (e) =>
        e.code === 'RATE_LIMITED' && e.details.platformCode === 17 && e.details.retryAfterMs === undefined
          ? new PlatformError('meta', 'RATE_LIMITED', e.message, { ...e.details, retryAfterMs: BUDGET_CHANGE_WAIT_MS })
          : e,
      );
    },

    async setStatus(t, account, ref, status) {
      const r = checkRef(account, ref);
      const s = z.enum(['ACTIVE', 'PAUSED']).safeParse(status);
      if (!s.success) throw new PlatformError('meta', 'INVALID', `status must be ACTIVE or PAUSED, got ${String(status)}`);
      await update(t, r.externalId, { status: s.data }, `set the status of ${r.level === 'campaign' ? 'campaign' : 'ad set'} ${r.externalId} to ${s.data}`);
    },
  };
}
