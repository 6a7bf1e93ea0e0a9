import type { FastifyInstance } from 'fastify';
import { dateOf, dayOf } from '../../world/dates.js';
import type { Objective, World, WorldAccount, WorldAd, WorldAdSet, WorldCampaign } from '../../world/types.js';
import { requireAdvertiser, requireToken } from './auth.js';
import { invalid, sendOk } from './errors.js';
import { pageInfo, positionsBy } from './paging.js';
import { flatQuery } from './params.js';
import { ZERO, addDay, metricValues } from './report-metrics.js';
import { ID_DIMENSION, readReportQuery, type IdFilterKey, type ReportQuery } from './report-params.js';
import { reportPage, type Grid } from './report-scan.js';

type Entity = WorldCampaign | WorldAdSet | WorldAd;

const OBJECTIVE_TYPE: Record<Objective, string> = { SALES: 'WEB_CONVERSIONS', LEADS: 'LEAD_GENERATION', TRAFFIC: 'TRAFFIC', AWARENESS: 'REACH' };

/**
 * Changes whenever anything a report shows could have changed: a mutation (the world's
 * revision), the account's date, or — when the report reaches today, whose numbers grow with
 * the clock — the minute. O(1), so a page never rescans the account to find out.
 */
function fingerprint(world: World, account: WorldAccount, lastDay: number): string {
  const today = world.today(account);
  const live = lastDay >= dayOf(today) ? `|${Math.floor(world.now().getTime() / 60_000)}` : '';
  return `${today}|${world.revision(account)}${live}`;
}

/** The entities a report's rows are about, after its id filters. */
function unitsOf(world: World, account: WorldAccount, q: ReportQuery): { all: readonly Entity[]; positions: number[] | null } {
  if (!q.byId || q.level === 'AUCTION_ADVERTISER') return { all: [], positions: null };
  const all: readonly Entity[] = q.level === 'AUCTION_AD' ? world.ads(account) : q.level === 'AUCTION_ADGROUP' ? world.adSets(account) : world.campaigns(account);
  const keyOf: Partial<Record<IdFilterKey, (e: Entity) => string>> =
    q.level === 'AUCTION_AD'
      ? { ad_ids: (e) => e.id, adgroup_ids: (e) => (e as WorldAd).adSetId, campaign_ids: (e) => (e as WorldAd).campaignId }
      : q.level === 'AUCTION_ADGROUP'
        ? { adgroup_ids: (e) => e.id, campaign_ids: (e) => (e as WorldAdSet).campaignId }
        : { campaign_ids: (e) => e.id };
  let positions: number[] | null = null;
  for (const [key, ids] of Object.entries(q.filters) as Array<[IdFilterKey, string[]]>) {
    const of = keyOf[key];
    if (!of) throw invalid(`filtering: ${key} cannot filter data_level ${q.level}.`);
    const index = positionsBy(all, `report:${key}`, of);
    const hits = [...new Set(ids)].flatMap((id) => index.get(id) ?? []).sort((x, y) => x - y);
    const keep = new Set(hits);
    positions = positions === null ? hits : positions.filter((p) => keep.has(p));
  }
  return { all, positions };
}

function attributes(world: World, account: WorldAccount, e: Entity | undefined): (name: string) => string {
  return (name) => {
    if (name === 'advertiser_name') return account.name;
    if (!e) return '';
    const campaign = (e.level === 'campaign' ? e : world.entity(account, 'campaign', e.campaignId)) as WorldCampaign | undefined;
    const group = e.level === 'ad' ? (world.entity(account, 'ad_set', e.adSetId) as WorldAdSet | undefined) : e.level === 'ad_set' ? e : undefined;
    const values: Record<string, string | undefined> = {
      campaign_name: campaign?.name,
      objective_type: campaign ? OBJECTIVE_TYPE[campaign.objective] : undefined,
      campaign_id: campaign?.id,
      adgroup_name: group?.name,
      adgroup_id: group?.id,
      ad_name: e.level === 'ad' ? e.name : undefined,
      ad_text: e.level === 'ad' ? e.name : undefined,
    };
    return values[name] ?? '';
  };
}

/** `GET /report/integrated/get/`: daily (or range-total) BASIC auction reports, rows computed page by page from the world. */
export async function registerReports(app: FastifyInstance, world: World, base: string): Promise<void> {
  app.get(`${base}/report/integrated/get/`, async (req, reply) => {
    const grant = requireToken(world, req);
    const q = readReportQuery(flatQuery(req.query));
    const account = requireAdvertiser(world, grant, q.advertiserId);

    const from = Math.max(dayOf(q.range?.start ?? account.startDate), dayOf(account.startDate));
    const to = Math.min(dayOf(q.range?.end ?? world.today(account)), dayOf(world.today(account)));
    const dates: string[] = [];
    for (let d = from; d <= to; d++) dates.push(dateOf(d));

    const { all, positions } = unitsOf(world, account, q);
    const entityAt = (u: number): Entity | undefined => all[positions ? positions[u]! : u];
    const perEntity = q.byId && q.level !== 'AUCTION_ADVERTISER';
    const oneDay = (u: number, date: string) => {
      if (!perEntity) return world.sumDay(account, 'account', null, date);
      const e = entityAt(u)!;
      return e.level === 'ad' ? world.adDay(account, e.id, date) : world.sumDay(account, e.level, e.id, date);
    };
    const grid: Grid = {
      units: perEntity ? (positions ? positions.length : all.length) : 1,
      days: q.byDay ? dates.length : 1,
      numbers: q.byDay ? (u, d) => oneDay(u, dates[d]!) : (u) => dates.reduce((sum, date) => addDay(sum, oneDay(u, date)), ZERO),
    };
    const key = JSON.stringify([account.id, q.level, q.byDay, q.byId, q.range, q.filters]);
    const { cells, total } = reportPage(grid, key, fingerprint(world, account, to), q.page, q.pageSize);

    const idDim = ID_DIMENSION[q.level];
    const list = cells.map((c) => {
      const e = perEntity ? entityAt(c.unit) : undefined;
      const dimensions: Record<string, string> = {};
      if (q.byId) dimensions[idDim] = e ? e.id : account.id;
      if (q.byDay) dimensions.stat_time_day = `${dates[c.day]} 00:00:00`;
      return { dimensions, metrics: metricValues(q.metrics, { n: c.n, currency: account.currency, attr: attributes(world, account, e) }) };
    });
    return sendOk(reply, { list, page_info: pageInfo(q.page, q.pageSize, total) });
  });
}
