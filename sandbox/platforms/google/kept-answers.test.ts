import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World, WorldAccount } from '../../world/index.js';
import { search, sandbox, tokensFor } from './test-support.js';

/**
 * Entity rows, sorted results and total counts are kept between requests until the account
 * changes; these check that a mutation in between is always seen.
 */
let app: FastifyInstance;
let world: World;
let token: string;
let midas: WorldAccount;

beforeAll(async () => {
  ({ app, world } = await sandbox());
  token = (await tokensFor(app, 'ahmed')).access;
  midas = world.accountsOf('google', 'ahmed')[0]!;
});
afterAll(() => app.close());

type Row = Record<string, Record<string, unknown>>;
const rowsOf = async (query: string, extra: Record<string, unknown> = {}): Promise<{ results: Row[]; totalResultsCount?: string }> => {
  const res = await search(app, token, midas.id, query, extra);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { results?: Row[]; totalResultsCount?: string };
  return { results: body.results ?? [], ...(body.totalResultsCount !== undefined ? { totalResultsCount: body.totalResultsCount } : {}) };
};

describe('kept answers', () => {
  it('a status filter sees a pause made after the same query was answered', async () => {
    const q = "SELECT ad_group.id, ad_group.status FROM ad_group WHERE ad_group.status = 'PAUSED'";
    const before = await rowsOf(q, { returnTotalResultsCount: true });
    const active = world.adSets(midas).find((s) => s.status === 'ACTIVE')!;
    world.setStatus(midas, 'ad_set', active.id, 'PAUSED');
    const after = await rowsOf(q, { returnTotalResultsCount: true });
    expect(after.results.map((r) => r.adGroup!.id)).toContain(active.id);
    expect(after.results).toHaveLength(before.results.length + 1);
    expect(after.totalResultsCount).toBe(String(before.results.length + 1));
    world.setStatus(midas, 'ad_set', active.id, 'ACTIVE');
    expect(await rowsOf(q)).toEqual({ results: before.results });
  });

  it('a sorted query sees a budget change made after it was answered', async () => {
    const q = 'SELECT campaign.id, campaign_budget.amount_micros FROM campaign ORDER BY campaign_budget.amount_micros DESC LIMIT 1';
    const top = (await rowsOf(q)).results[0]!;
    const c = world.campaigns(midas).find((x) => x.dailyBudgetMinor !== null && x.id !== top.campaign!.id)!;
    world.setDailyBudget(midas, 'campaign', c.id, Number(top.campaignBudget!.amountMicros) / 10_000 + 100);
    expect((await rowsOf(q)).results[0]!.campaign!.id).toBe(c.id);
  });
});
