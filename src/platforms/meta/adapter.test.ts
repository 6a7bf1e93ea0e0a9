import { describe, expect, it } from 'vitest';
import { PlatformError } from '../errors.js';
import { collect } from '../testing/contract-support.js';
import { fakeFetch, reply, type Answer, type SeenRequest } from '../testing/fake-fetch.js';
import { fixtureReader } from '../testing/fixtures.js';
import type { AdAccount, AdapterContext, TokenSet } from '../types.js';
import { createMetaAdapter } from './adapter.js';
import { realMetaEndpoints, sandboxMetaEndpoints } from './endpoints.js';

/** A fake Graph: answers by path (and `after` cursor), records every request. */
function fakeGraph(route: (url: URL, n: number) => Answer): { ctx: AdapterContext; seen: SeenRequest[] } {
  const { fetch, seen } = fakeFetch((req, n) => reply(route(req.url, n)));
  return {
    seen,
    ctx: { endpoints: realMetaEndpoints, credentials: { clientId: '111', clientSecret: 'app-secret' }, fetch, attempts: 3, maxBackoffMs: 5, now: () => new Date('2025-01-15T00:00:00Z') },
  };
}

const fixture = fixtureReader(import.meta.url);
const TOKEN = 'EAAB-secret-test-token';
const t: TokenSet = { accessToken: TOKEN, refreshToken: null, expiresAt: null, refreshExpiresAt: null, scopes: [], extra: {} };
const account: AdAccount = { externalId: '1234567890', name: 'Acme US', currency: 'USD', timeZone: 'America/Los_Angeles', status: 'active', spendLast30dMinor: null, managerId: null };
const page = (ids: string[], after?: string, next = after !== undefined) => ({
  body: { data: ids.map((id) => ({ id, name: `c${id}`, status: 'ACTIVE' })), paging: { cursors: { after: after ?? 'END' }, ...(next ? { next: `https://graph.facebook.com/v25.0/x?after=${after}` } : {}) } },
});

describe('Meta pagination', () => {
  it('follows cursors until a page has no next, sending the token as access_token', async () => {
    const { ctx, seen } = fakeGraph((url) => {
      if (!url.pathname.endsWith('/campaigns')) return { body: { data: [] } };
      const after = url.searchParams.get('after');
      return after === null ? page(['1', '2'], 'A') : after === 'A' ? page(['3'], 'B') : page(['4']);
    });
    const list = await collect(createMetaAdapter(ctx).entities(t, account));
    expect(list.map((e) => e.externalId)).toEqual(['1', '2', '3', '4']);
    const campaignCalls = seen.filter((s) => s.url.pathname.endsWith('/act_1234567890/campaigns'));
    expect(campaignCalls.map((s) => s.url.searchParams.get('after'))).toEqual([null, 'A', 'B']);
    expect(campaignCalls[0]?.url.searchParams.get('access_token')).toBe(TOKEN);
    expect(seen.map((s) => s.url.pathname.split('/').pop())).toEqual(['campaigns', 'campaigns', 'campaigns', 'adsets', 'ads']);
  });

  it('takes the cursor from `next` when no cursors are printed, and goes on past an empty page', async () => {
    const { ctx } = fakeGraph((url) => {
      if (!url.pathname.endsWith('/campaigns')) return { body: { data: [] } };
      const after = url.searchParams.get('after');
      if (after === null) return { body: { data: [], paging: { next: 'https://graph.facebook.com/v25.0/act_1/campaigns?limit=2&after=Q1' } } };
      return page(['9']);
    });
    expect((await collect(createMetaAdapter(ctx).entities(t, account))).map((e) => e.externalId)).toEqual(['9']);
  });

  it('stops with an error when a cursor repeats', async () => {
    const { ctx } = fakeGraph(() => page(['1'], 'SAME'));
    await expect(collect(createMetaAdapter(ctx).entities(t, account))).rejects.toMatchObject({ code: 'UNKNOWN' });
  });

  it('retries a page cut short and yields each row once', async () => {
    const { ctx } = fakeGraph((url, n) => {
      if (!url.pathname.endsWith('/campaigns')) return { body: { data: [] } };
      return n === 1 ? '{"data":[{"id":"1","name":"c1","sta' : page(['1']);
    });
    expect((await collect(createMetaAdapter(ctx).entities(t, account))).map((e) => e.externalId)).toEqual(['1']);
  });

  it('gives up on a page that stays malformed, as TRANSIENT without the token', async () => {
    const { ctx } = fakeGraph(() => '{"data":[');
    const err = await collect(createMetaAdapter(ctx).entities(t, account)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ code: 'TRANSIENT' });
    expect(String((err as Error).message)).not.toContain(TOKEN);
  });
});

describe('Meta daily metrics', () => {
  it('asks for ad-level daily rows in slices of at most 30 days', async () => {
    const { ctx, seen } = fakeGraph(() => ({ body: fixture('insights') }));
    const rows = await collect(createMetaAdapter(ctx).dailyMetrics(t, account, { since: '2025-01-01', until: '2025-02-14' }));
    expect(rows).toHaveLength(6);
    const q = seen.map((s) => s.url.searchParams);
    expect(q.map((p) => p.get('time_range'))).toEqual(['{"since":"2025-01-01","until":"2025-01-30"}', '{"since":"2025-01-31","until":"2025-02-14"}']);
    expect(q[0]?.get('level')).toBe('ad');
    expect(q[0]?.get('time_increment')).toBe('1');
    expect(q[0]?.get('fields')).toContain('inline_link_clicks');
    expect(seen[0]?.url.pathname).toBe('/v25.0/act_1234567890/insights');
  });
});

describe('Meta mutations', () => {
  const ok = { body: { success: true } };

  it('posts daily_budget in Meta units as a form with the token', async () => {
    const { ctx, seen } = fakeGraph(() => ok);
    await createMetaAdapter(ctx).setDailyBudget(t, { ...account, currency: 'KWD' }, { accountId: '1234567890', level: 'ad_set', externalId: '120210000000101' }, 12345);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url.pathname).toBe('/v25.0/120210000000101');
    expect(Object.fromEntries(new URLSearchParams(seen[0]?.body))).toEqual({ daily_budget: '1235', access_token: TOKEN });
  });

  it('posts status', async () => {
    const { ctx, seen } = fakeGraph(() => ok);
    await createMetaAdapter(ctx).setStatus(t, account, { accountId: 'act_1234567890', level: 'campaign', externalId: '120210000000001' }, 'PAUSED');
    expect(new URLSearchParams(seen[0]?.body).get('status')).toBe('PAUSED');
  });

  it('surfaces the ad-set budget change limit (code 17) with an hour to wait, without retrying', async () => {
    const { ctx, seen } = fakeGraph(() => ({ status: 400, body: { error: { message: '(#17) User request limit reached', code: 17, error_subcode: 1885172 } } }));
    const err = await createMetaAdapter(ctx)
      .setDailyBudget(t, account, { accountId: '1234567890', level: 'ad_set', externalId: '120210000000101' }, 2500)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMs: 3_600_000 } });
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['a budget of zero', () => ({ ref: { accountId: '1234567890', level: 'campaign' as const, externalId: '1' }, minor: 0 })],
    ['a fractional budget', () => ({ ref: { accountId: '1234567890', level: 'campaign' as const, externalId: '1' }, minor: 10.5 })],
    ['an entity of another account', () => ({ ref: { accountId: '999', level: 'campaign' as const, externalId: '1' }, minor: 100 })],
  ])('refuses %s before calling Meta', async (_name, make) => {
    const { ctx, seen } = fakeGraph(() => ok);
    const { ref, minor } = make();
    await expect(createMetaAdapter(ctx).setDailyBudget(t, account, ref, minor)).rejects.toMatchObject({ code: 'INVALID' });
    expect(seen).toHaveLength(0);
  });
});

describe('Meta OAuth', () => {
  it('builds the dialog URL', () => {
    const { ctx } = fakeGraph(() => ({ body: {} }));
    const url = createMetaAdapter(ctx).authorizeUrl({ state: 's1', redirectUri: 'https://app.example/cb' });
    expect(url.origin + url.pathname).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: '111', redirect_uri: 'https://app.example/cb', state: 's1', scope: 'ads_management,ads_read,business_management', response_type: 'code' });
  });

  it('exchanges the code, then the short-lived token for a long-lived one', async () => {
    const tokens = fixture('tokens') as { short: unknown; long: unknown };
    const { ctx, seen } = fakeGraph((url) => ({ body: url.searchParams.get('grant_type') === 'fb_exchange_token' ? tokens.long : tokens.short }));
    const set = await createMetaAdapter(ctx).exchangeCode('CODE1', 'https://app.example/cb');
    expect(set).toMatchObject({ accessToken: 'EAAB-long-lived-example', refreshToken: null, expiresAt: new Date(Date.parse('2025-01-15T00:00:00Z') + 5_183_944_000) });
    expect(Object.fromEntries(seen[0]?.url.searchParams ?? [])).toEqual({ client_id: '111', redirect_uri: 'https://app.example/cb', client_secret: 'app-secret', code: 'CODE1' });
    expect(Object.fromEntries(seen[1]?.url.searchParams ?? [])).toEqual({ grant_type: 'fb_exchange_token', client_id: '111', client_secret: 'app-secret', fb_exchange_token: 'EAAB-short-lived-example' });
  });

  it('refresh keeps a live token and refuses an expired one', async () => {
    const { ctx } = fakeGraph(() => ({ body: {} }));
    const meta = createMetaAdapter(ctx);
    const live = { ...t, expiresAt: new Date('2025-02-01T00:00:00Z') };
    expect(await meta.refresh(live)).toBe(live);
    await expect(meta.refresh({ ...t, expiresAt: new Date('2025-01-01T00:00:00Z') })).rejects.toMatchObject({ code: 'AUTH_EXPIRED' });
  });
});

describe('Meta pixel quality', () => {
  it('reads EMQ per pixel and event', async () => {
    const f = fixture('pixels') as { pixels: unknown; datasetQuality: unknown };
    const { ctx, seen } = fakeGraph((url) => ({ body: url.pathname.endsWith('/adspixels') ? f.pixels : f.datasetQuality }));
    expect(await createMetaAdapter(ctx).pixelQuality(t, account)).toEqual([
      { pixelId: '998877665544', name: 'Acme Pixel', events: [{ eventName: 'Lead', matchQuality: 7.8 }, { eventName: 'Purchase', matchQuality: 6.1 }, { eventName: 'ViewContent', matchQuality: null }] },
    ]);
    expect(seen[1]?.url.searchParams.get('dataset_id')).toBe('998877665544');
  });
});

describe('Meta endpoints', () => {
  it('moves each real host under its sandbox prefix', () => {
    expect(sandboxMetaEndpoints('http://localhost:4010/')).toEqual({
      api: 'http://localhost:4010/meta/graph/v25.0',
      authorize: 'http://localhost:4010/meta/www/v25.0/dialog/oauth',
      token: 'http://localhost:4010/meta/graph/v25.0',
    });
  });
});

describe('Meta input checks', () => {
  it.each([
    [{ state: '', redirectUri: 'https://app.example/cb' }],
    [{ state: 's', redirectUri: 'not a url' }],
    [{ state: 's', redirectUri: 'javascript:alert(1)' }],
  ])('refuses to build an authorize URL from %o', (input) => {
    const { ctx } = fakeGraph(() => ({ body: {} }));
    expect(() => createMetaAdapter(ctx).authorizeUrl(input)).toThrow(PlatformError);
  });
});
