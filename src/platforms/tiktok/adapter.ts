import { z } from 'zod';
import { slices } from '../../shared/dates.js';
import { PlatformError } from '../errors.js';
import { checkedRange } from '../inputs.js';
import { spendContext, withSpendLast30d } from '../spend.js';
import type { AdAccount, AdapterContext, AdPlatform, DailyMetric, DateRange, Entity, EntityRef, TokenSet } from '../types.js';
import { tiktokClient } from './client.js';
import { mapTiktokAd, mapTiktokAdGroup, mapTiktokAdvertiser, mapTiktokCampaign, mapTiktokReportRow, minorToTiktokBudget, TIKTOK_REPORT_METRICS } from './map.js';
import { TIKTOK_SCOPES, tiktokAuthorizeUrl, tiktokExchangeCode, tiktokRefresh } from './oauth.js';
import { tiktokSpendLast30d } from './spend.js';
import { tiktokAdGroupSchema, tiktokAdSchema, tiktokAdvertiserGetSchema, tiktokAdvertiserInfoSchema, tiktokCampaignSchema, tiktokReportRowSchema } from './schemas.js';

const PAGE_SIZE = 1000;
/** With `stat_time_day`, TikTok rejects report ranges longer than 30 days. */
const REPORT_SLICE_DAYS = 30;
/** advertiser/info takes at most 100 ids a call. */
const INFO_BATCH = 100;

const refSchema = z.object({ accountId: z.string().regex(/^\d+$/), level: z.enum(['campaign', 'ad_set']), externalId: z.string().regex(/^\d+$/) });
const minorSchema = z.number().int().positive();

function checkRef(account: AdAccount, ref: EntityRef): EntityRef {
  const r = refSchema.safeParse(ref);
  if (!r.success) throw new PlatformError('tiktok', 'INVALID', `entity reference: ${r.error.issues[0]?.message ?? 'invalid'}`);
  if (r.data.accountId !== account.externalId) {
    throw new PlatformError('tiktok', 'INVALID', `entity ${r.data.externalId} is referenced under advertiser ${r.data.accountId}, not ${account.externalId}`);
  }
  return r.data;
}

const anyData = z.unknown();

export function createTiktokAdapter(ctx: AdapterContext): AdPlatform {
  const api = tiktokClient(ctx);
  const spendApi = tiktokClient(spendContext(ctx));

  async function listAdAccounts(t: TokenSet): Promise<AdAccount[]> {
    const granted = await api.get(
      'oauth2/advertiser/get/',
      { app_id: ctx.credentials.clientId, secret: ctx.credentials.clientSecret },
      t.accessToken,
      'list authorized advertisers',
      tiktokAdvertiserGetSchema,
    );
    const names = new Map(granted.list.map((a) => [a.advertiser_id, a.advertiser_name]));
    const ids = [...names.keys()];
    const out: AdAccount[] = [];
    for (let i = 0; i < ids.length; i += INFO_BATCH) {
      const info = await api.get(
        'advertiser/info/',
        { advertiser_ids: ids.slice(i, i + INFO_BATCH) },
        t.accessToken,
        'read advertiser details',
        z.looseObject({ list: z.array(tiktokAdvertiserInfoSchema) }),
      );
      for (const a of info.list) out.push(mapTiktokAdvertiser(a, names.get(a.advertiser_id)));
    }
    return withSpendLast30d(out, (a) => tiktokSpendLast30d(spendApi, t, a, ctx.now?.() ?? new Date()));
  }

  async function* entities(t: TokenSet, account: AdAccount): AsyncGenerator<Entity> {
    const params = { advertiser_id: account.externalId };
    const c = account.currency;
    for await (const x of api.pages('campaign/get/', params, t.accessToken, 'list campaigns', tiktokCampaignSchema, PAGE_SIZE)) yield mapTiktokCampaign(x, c);
    for await (const x of api.pages('adgroup/get/', params, t.accessToken, 'list ad groups', tiktokAdGroupSchema, PAGE_SIZE)) yield mapTiktokAdGroup(x, c);
    for await (const x of api.pages('ad/get/', params, t.accessToken, 'list ads', tiktokAdSchema, PAGE_SIZE)) yield mapTiktokAd(x);
  }

  async function* dailyMetrics(t: TokenSet, account: AdAccount, range: DateRange): AsyncGenerator<DailyMetric> {
    for (const slice of slices(checkedRange('tiktok', range), REPORT_SLICE_DAYS)) {
      const params = {
        advertiser_id: account.externalId,
        report_type: 'BASIC',
        service_type: 'AUCTION',
        data_level: 'AUCTION_AD',
        dimensions: ['ad_id', 'stat_time_day'],
        metrics: TIKTOK_REPORT_METRICS,
        start_date: slice.since,
        end_date: slice.until,
      };
      const what = `read the ad report ${slice.since}..${slice.until}`;
      for await (const row of api.pages('report/integrated/get/', params, t.accessToken, what, tiktokReportRowSchema, PAGE_SIZE)) {
        yield mapTiktokReportRow(row, account.currency);
      }
    }
  }

  return {
    id: 'tiktok',
    scopes: TIKTOK_SCOPES,
    supportsPkce: false,
    authorizeUrl: (p) => tiktokAuthorizeUrl(ctx, p),
    exchangeCode: (code) => tiktokExchangeCode(ctx, code),
    refresh: (t) => tiktokRefresh(ctx, t),
    listAdAccounts,
    entities,
    dailyMetrics,
    // Event Match Quality is Meta's; TikTok has no counterpart in its API.
    pixelQuality: async () => [],

    async setDailyBudget(t, account, ref, minor) {
      const r = checkRef(account, ref);
      const m = minorSchema.safeParse(minor);
      if (!m.success) throw new PlatformError('tiktok', 'INVALID', `daily budget must be a positive integer of minor units, got ${String(minor)}`);
      const budget = minorToTiktokBudget(m.data, account.currency);
      if (r.level === 'campaign') {
        await api.post('campaign/update/', { advertiser_id: account.externalId, campaign_id: r.externalId, budget }, t.accessToken, `set the budget of campaign ${r.externalId}`, anyData);
      } else {
        await api.post('adgroup/update/', { advertiser_id: account.externalId, adgroup_id: r.externalId, budget }, t.accessToken, `set the budget of ad group ${r.externalId}`, anyData);
      }
    },

    async setStatus(t, account, ref, status) {
      const r = checkRef(account, ref);
      const s = z.enum(['ACTIVE', 'PAUSED']).safeParse(status);
      if (!s.success) throw new PlatformError('tiktok', 'INVALID', `status must be ACTIVE or PAUSED, got ${String(status)}`);
      const operation_status = s.data === 'ACTIVE' ? 'ENABLE' : 'DISABLE';
      const what = `set the status of ${r.level === 'campaign' ? 'campaign' : 'ad group'} ${r.externalId} to ${operation_status}`;
      if (r.level === 'campaign') {
        await api.post('campaign/status/update/', { advertiser_id: account.externalId, campaign_ids: [r.externalId], operation_status }, t.accessToken, what, anyData);
      } else {
        await api.post('adgroup/status/update/', { advertiser_id: account.externalId, adgroup_ids: [r.externalId], operation_status }, t.accessToken, what, anyData);
      }
    },
  };
}
