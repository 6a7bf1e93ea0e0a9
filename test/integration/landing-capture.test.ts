import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { pageEvents, visitors } from '../../src/db/schema/index.js';
import { createTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-web-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
  stack = await createTestStack({ env: { WEB_DIST_DIR: webDir } });
  await stack.app.ready();
});
afterAll(async () => {
  await stack?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

function cookies(setCookie: string | string[] | undefined): Map<string, string> {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return new Map(all.map((c) => [c.split('=')[0]!, c]));
}
const valueOf = (c: string | undefined) => c?.split(';')[0]?.split('=').slice(1).join('=');

describe('the landing page response', () => {
  const seedUrl = '/?utm_source=facebook&utm_medium=cpc&utm_campaign=automation_launch&utm_content=video_ad_v2&fbclid=IwAR3test';

  it('sets the visitor id and the ad platforms\' first-party cookies in their formats, for 90 days', async () => {
    const t0 = Date.now();
    const res = await stack.app.inject({ url: seedUrl, headers: { accept: 'text/html', referer: 'https://l.facebook.com/' } });
    expect(res.statusCode).toBe(200);
    const jar = cookies(res.headers['set-cookie']);
    const fbc = valueOf(jar.get('_fbc'))!;
    expect(fbc).toMatch(/^fb\.1\.\d{13}\.IwAR3test$/);
    expect(Number(fbc.split('.')[2])).toBeGreaterThanOrEqual(t0);
    expect(valueOf(jar.get('_fbp'))).toMatch(/^fb\.1\.\d{13}\.\d+$/);
    expect(jar.get('_fbc')).toMatch(/Max-Age=7776000/);
    expect(jar.get('_fbc')).toMatch(/SameSite=Lax/);
    expect(jar.get('_fbc')).not.toMatch(/HttpOnly/);
    expect(jar.has('_gcl_aw')).toBe(false);
    const vid = valueOf(jar.get('stratum_vid'))!;
    expect(vid).toMatch(/^[A-Za-z0-9]{32}$/);

    // Remembered on the server against the visitor id, click id exactly as given.
    const [v] = await stack.db.db.select().from(visitors).where(and(eq(visitors.workspaceId, 'ws_stratum'), eq(visitors.id, vid)));
    expect(v!.firstTouch).toMatchObject({ utm: { source: 'facebook', campaign: 'automation_launch' }, clickIds: { fbclid: 'IwAR3test' } });
  });

  it('keeps an existing _fbc for the same click, and the visitor keeps the first touch when a Google click comes later', async () => {
    const first = await stack.app.inject({ url: seedUrl, headers: { accept: 'text/html' } });
    const jar = cookies(first.headers['set-cookie']);
    const sent = { _fbc: valueOf(jar.get('_fbc'))!, _fbp: valueOf(jar.get('_fbp'))!, stratum_vid: valueOf(jar.get('stratum_vid'))! };

    const again = await stack.app.inject({ url: seedUrl, headers: { accept: 'text/html' }, cookies: sent });
    expect(valueOf(cookies(again.headers['set-cookie']).get('_fbc'))).toBe(sent._fbc);
    expect(valueOf(cookies(again.headers['set-cookie']).get('_fbp'))).toBe(sent._fbp);

    const google = await stack.app.inject({ url: '/pricing?GCLID=CjwKCAtest_Case', headers: { accept: 'text/html' }, cookies: sent });
    expect(valueOf(cookies(google.headers['set-cookie']).get('_gcl_aw'))).toMatch(/^GCL\.\d{10}\.CjwKCAtest_Case$/);
    const [v] = await stack.db.db.select().from(visitors).where(eq(visitors.id, sent.stratum_vid));
    expect(v!.firstTouch!.clickIds).toEqual({ fbclid: 'IwAR3test' });
    expect(v!.lastTouch!.clickIds).toEqual({ gclid: 'CjwKCAtest_Case' });
  });

  it('does not write a visitor row for a visit without attribution', async () => {
    const res = await stack.app.inject({ url: '/', headers: { accept: 'text/html' } });
    const vid = valueOf(cookies(res.headers['set-cookie']).get('stratum_vid'))!;
    expect(await stack.db.db.select().from(visitors).where(eq(visitors.id, vid))).toEqual([]);
  });
});

describe('POST /api/v1/events/collect', () => {
  const now = () => new Date().toISOString();
  const batch = (ids: string[]) => ({
    visitor_id: 'visitor-abc-123',
    events: ids.map((id, i) => ({ event_id: id, name: i === 0 ? 'PageView' : 'ScrollDepth', value: i === 0 ? undefined : 50, url: 'https://stratum.example/', occurred_at: now() })),
  });

  it('stores a batch and counts a retried beacon once', async () => {
    const first = await stack.app.inject({ method: 'POST', url: '/api/v1/events/collect', payload: batch(['evt-page-0001', 'evt-scroll-0001']) });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ accepted: 2 });
    const again = await stack.app.inject({ method: 'POST', url: '/api/v1/events/collect', payload: batch(['evt-page-0001', 'evt-scroll-0001']) });
    expect(again.json()).toEqual({ accepted: 0 });
    const rows = await stack.db.db.select().from(pageEvents).where(eq(pageEvents.visitorId, 'visitor-abc-123'));
    expect(rows.map((r) => [r.name, r.value]).sort()).toEqual([['PageView', null], ['ScrollDepth', 50]]);
  });

  it('drops events from a wrong clock and scroll depths that are not 25/50/75/100', async () => {
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/events/collect',
      payload: {
        visitor_id: 'visitor-abc-456',
        events: [
          { event_id: 'evt-old-00001', name: 'PageView', occurred_at: '2020-01-01T00:00:00Z' },
          { event_id: 'evt-depth-0001', name: 'ScrollDepth', value: 33, occurred_at: now() },
          { event_id: 'evt-time-00001', name: 'TimeOnPage', value: 42, occurred_at: now() },
        ],
      },
    });
    expect(res.json()).toEqual({ accepted: 1 });
  });

  it.each<[string, unknown]>([
    ['no events', { visitor_id: 'visitor-abc-123', events: [] }],
    ['too many events', batch(Array.from({ length: 51 }, (_, i) => `evt-many-${String(i).padStart(4, '0')}`))],
    ['an unknown event name', { visitor_id: 'visitor-abc-123', events: [{ event_id: 'evt-x-000001', name: 'Purchase', occurred_at: now() }] }],
    ['a bad visitor id', { visitor_id: 'x', events: [{ event_id: 'evt-x-000002', name: 'PageView', occurred_at: now() }] }],
    ['a bad time', { visitor_id: 'visitor-abc-123', events: [{ event_id: 'evt-x-000003', name: 'PageView', occurred_at: 'yesterday' }] }],
  ])('rejects %s with 400', async (_name, payload) => {
    const res = await stack.app.inject({ method: 'POST', url: '/api/v1/events/collect', payload: payload as Record<string, unknown> });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
