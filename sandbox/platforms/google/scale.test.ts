import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World, WorldAccount } from '../../world/index.js';
import { dayDate, dayNumber, minorToMicros } from './units.js';
import { post, sandbox, tokensFor } from './test-support.js';

let app: FastifyInstance;
let world: World;
let token: string;
let scale: WorldAccount;

beforeAll(async () => {
  ({ app, world } = await sandbox());
  token = (await tokensFor(app, 'scale')).access;
  scale = world.accountsOf('google', 'scale')[0]!;
});
afterAll(() => app.close());

it('streams 10,000 ads × 30 days in 10,000-row chunks that agree with the world', async () => {
  const res = await post(app, `customers/${scale.id}/googleAds:searchStream`, {
    token,
    body: { query: 'SELECT ad_group_ad.ad.id, segments.date, metrics.cost_micros, metrics.clicks FROM ad_group_ad WHERE segments.date DURING LAST_30_DAYS' },
  });
  expect(res.statusCode).toBe(200);
  const chunks = res.json() as Array<{ results: Array<{ segments: { date: string }; metrics: { costMicros: string; clicks: string } }>; fieldMask: string; requestId: string }>;
  expect(chunks.length).toBeGreaterThan(10);
  for (const c of chunks.slice(0, -1)) expect(c.results).toHaveLength(10_000);
  expect(chunks[0]!.fieldMask).toBe('adGroupAd.ad.id,segments.date,metrics.costMicros,metrics.clicks');
  expect(chunks[0]!.requestId).toBe(res.headers['request-id']);
  // Checking three of the thirty days keeps the test quick; the stream itself covered all thirty.
  const today = dayNumber(world.today(scale));
  for (const date of [dayDate(today - 30), dayDate(today - 15), dayDate(today - 1)]) {
    const rows = chunks.flatMap((c) => c.results).filter((r) => r.segments.date === date);
    const truth = world.sumDay(scale, 'account', null, date);
    expect(rows.reduce((n, r) => n + BigInt(r.metrics.costMicros), 0n)).toBe(BigInt(minorToMicros(truth.spendMinor, scale.currency)));
    expect(rows.reduce((n, r) => n + Number(r.metrics.clicks), 0)).toBe(truth.clicks);
  }
}, 20_000);
