import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessToken, accountOf, API, bearer, harness, type Harness } from './test-support.js';

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await harness();
  token = accessToken(h.world, 'ahmed', h.world.accountsOf('snapchat', 'ahmed').map((a) => a.id));
});
afterAll(() => h.app.close());

const get = (path: string, t: string | null = token) => h.app.inject({ url: `${API}${path}`, headers: t ? bearer(t) : {} });

describe('Snapchat API authentication', () => {
  it.each([
    ['no Authorization header', null, /Missing access token/],
    ['an unknown token', 'eyJnot-a-token', /Invalid access token/],
  ])('answers %s with 401 in the Marketing API envelope', async (_name, t, message) => {
    const res = await get('/v1/me', t);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ request_status: 'ERROR', request_id: expect.any(String), debug_message: expect.stringMatching(message), display_message: expect.any(String), error_code: 'E3001' });
  });

  it('answers an expired and a revoked token with 401', async () => {
    const expired = accessToken(h.world, 'ahmed', []);
    h.world.tokens.expireNow('snapchat', expired);
    expect((await get('/v1/me', expired)).json().debug_message).toMatch(/expired/);
    const revoked = accessToken(h.world, 'ahmed', []);
    h.world.tokens.revoke('snapchat', revoked);
    const res = await get('/v1/me', revoked);
    expect(res.statusCode).toBe(401);
    expect(res.json().debug_message).toMatch(/revoked/);
  });

  it('refuses a token without the marketing scope with 403', async () => {
    const capiOnly = accessToken(h.world, 'ahmed', [], ['snapchat-offline-conversions-api']);
    expect((await get('/v1/me', capiOnly)).statusCode).toBe(403);
  });
});

describe('Snapchat account discovery', () => {
  it('lists the granted accounts inside their organizations', async () => {
    const res = await get('/v1/me/organizations?with_ad_accounts=true');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.request_status).toBe('SUCCESS');
    const org = body.organizations[0];
    expect(org.sub_request_status).toBe('SUCCESS');
    const accounts = org.organization.ad_accounts;
    const midas = accountOf(h.world, 'ahmed');
    expect(accounts[0]).toMatchObject({ id: midas.id, name: midas.name, currency: midas.currency, timezone: midas.timeZone, status: 'ACTIVE', type: expect.any(String), organization_id: org.organization.id });
    const without = (await get('/v1/me/organizations')).json().organizations[0].organization;
    expect(without.ad_accounts).toBeUndefined();
    const byOrg = (await get(`/v1/organizations/${org.organization.id}/adaccounts`)).json();
    expect(byOrg.adaccounts.map((a: { adaccount: { id: string } }) => a.adaccount.id)).toContain(midas.id);
  });

  it('shows who the token belongs to', async () => {
    const me = (await get('/v1/me')).json().me;
    expect(me).toMatchObject({ email: 'ahmed@midasfurniture.sa', display_name: 'Ahmed Al-Harbi', member_status: 'ACTIVE' });
  });

  it('reads one account, and refuses accounts not granted (403) or unknown (404)', async () => {
    const midas = accountOf(h.world, 'ahmed');
    expect((await get(`/v1/adaccounts/${midas.id}`)).json().adaccounts[0].adaccount.id).toBe(midas.id);
    const linas = accountOf(h.world, 'lina');
    const forbidden = await get(`/v1/adaccounts/${linas.id}`);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().request_status).toBe('ERROR');
    const missing = await get('/v1/adaccounts/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error_code).toBe('E3003');
  });

  it('gives each account one Snap Pixel with a UUID id', async () => {
    const midas = accountOf(h.world, 'ahmed');
    const pixel = (await get(`/v1/adaccounts/${midas.id}/pixels`)).json().pixels[0].pixel;
    expect(pixel.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(pixel.ad_account_id).toBe(midas.id);
  });
});

describe('Snapchat entities', () => {
  it('shows campaigns with micro-currency budgets and Snap field names', async () => {
    const midas = accountOf(h.world, 'ahmed');
    const res = (await get(`/v1/adaccounts/${midas.id}/campaigns`)).json();
    const worldCampaigns = h.world.campaigns(midas);
    expect(res.campaigns).toHaveLength(worldCampaigns.length);
    expect(res.paging).toBeUndefined();
    const withBudget = worldCampaigns.find((c) => c.dailyBudgetMinor !== null);
    if (withBudget) {
      const shown = res.campaigns.find((c: { campaign: { id: string } }) => c.campaign.id === withBudget.id).campaign;
      // SAR has two decimals: one halala is 10,000 micro.
      expect(shown.daily_budget_micro).toBe(withBudget.dailyBudgetMinor! * 10_000);
    }
    expect(res.campaigns[0].campaign).toMatchObject({ ad_account_id: midas.id, status: expect.stringMatching(/^(ACTIVE|PAUSED)$/), start_time: expect.any(String), objective: expect.any(String) });
  });

  it('pages through the 10,000 ads of the large account in creation order', async () => {
    const scale = accountOf(h.world, 'scale');
    const t = accessToken(h.world, 'scale', [scale.id]);
    const ids: string[] = [];
    let url: string | null = `${API}/v1/adaccounts/${scale.id}/ads?limit=1000`;
    let pages = 0;
    while (url) {
      const res: { statusCode: number; json(): { ads: Array<{ ad: { id: string } }>; paging?: { next_link?: string } } } = await h.app.inject({ url, headers: { ...bearer(t), host: 'localhost:4010' } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      ids.push(...body.ads.map((a) => a.ad.id));
      const next: string | undefined = body.paging?.next_link;
      if (next) {
        expect(next.startsWith(`http://localhost:4010${API}/v1/adaccounts/${scale.id}/ads?`)).toBe(true);
        expect(new URL(next).searchParams.get('limit')).toBe('1000');
      }
      url = next ? next.replace('http://localhost:4010', '') : null;
      pages++;
    }
    expect(pages).toBe(10);
    expect(ids).toEqual(h.world.ads(scale).map((a) => a.id));
  });

  it('lists the ad squads of one campaign and the ads of one ad squad', async () => {
    const scale = accountOf(h.world, 'scale');
    const t = accessToken(h.world, 'scale', [scale.id]);
    const campaign = h.world.campaigns(scale)[3]!;
    const squads = (await get(`/v1/campaigns/${campaign.id}/adsquads?limit=50`, t)).json().adsquads;
    expect(squads.map((s: { adsquad: { id: string } }) => s.adsquad.id)).toEqual(h.world.adSets(scale).filter((s) => s.campaignId === campaign.id).map((s) => s.id));
    const squad = squads[0].adsquad;
    expect(squad.campaign_id).toBe(campaign.id);
    const ads = (await get(`/v1/adsquads/${squad.id}/ads`, t)).json().ads;
    expect(ads.every((a: { ad: { ad_squad_id: string } }) => a.ad.ad_squad_id === squad.id)).toBe(true);
    const one = (await get(`/v1/ads/${ads[0].ad.id}`, t)).json();
    expect(one.ads[0]).toMatchObject({ sub_request_status: 'SUCCESS', ad: { id: ads[0].ad.id } });
  });

  it.each([
    ['a limit below 50', '?limit=10'],
    ['a limit above 1000', '?limit=5000'],
    ['a tampered cursor', '?limit=50&cursor=eyJzIjoiYSIsIm8iOjAsImwiOjUwfQ.AAAAAAAAAAAAAAAA'],
  ])('refuses %s with 400', async (_name, query) => {
    const midas = accountOf(h.world, 'ahmed');
    const res = await get(`/v1/adaccounts/${midas.id}/ads${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ request_status: 'ERROR', error_code: 'E1001' });
  });

  it('refuses a cursor taken from another list', async () => {
    const scale = accountOf(h.world, 'scale');
    const t = accessToken(h.world, 'scale', [scale.id]);
    const first = (await get(`/v1/adaccounts/${scale.id}/ads?limit=50`, t)).json();
    const cursor = new URL(first.paging.next_link).searchParams.get('cursor')!;
    const res = await get(`/v1/adaccounts/${scale.id}/campaigns?limit=50&cursor=${encodeURIComponent(cursor)}`, t);
    expect(res.statusCode).toBe(400);
  });

  it('answers an unknown entity with 404 and an entity of an ungranted account with 403', async () => {
    expect((await get('/v1/campaigns/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const linaCampaign = h.world.campaigns(accountOf(h.world, 'lina'))[0]!;
    expect((await get(`/v1/campaigns/${linaCampaign.id}`)).statusCode).toBe(403);
  });
});
