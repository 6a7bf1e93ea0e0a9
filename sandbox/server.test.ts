import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildSandbox } from './server.js';

/** A JSON error body; each platform's own fields are read off it. */
interface Body {
  error?: Record<string, unknown>;
  [field: string]: unknown;
}

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildSandbox();
});
afterAll(() => app.close());

describe('sandbox server', () => {
  it('is healthy and lists the four platforms, then the services around them', async () => {
    const res = await app.inject('/_sandbox/health');
    const { status, platforms } = res.json();
    expect(status).toBe('ok');
    expect(platforms.slice(0, 4)).toEqual(['meta', 'google', 'tiktok', 'snapchat']);
    expect(platforms).toEqual(expect.arrayContaining(['microsoft', 'apple']));
  });

  it('maps every real host to a base URL under its own prefix', async () => {
    const res = await app.inject({ url: '/_sandbox/platforms', headers: { host: 'localhost:4010' } });
    const hosts = res.json().platforms.flatMap((p: { hosts: Array<{ host: string; baseUrl: string }> }) => p.hosts);
    const byHost = Object.fromEntries(hosts.map((h: { host: string; baseUrl: string }) => [h.host, h.baseUrl]));
    expect(byHost['graph.facebook.com']).toBe('http://localhost:4010/meta/graph');
    expect(byHost['googleads.googleapis.com']).toBe('http://localhost:4010/google/ads');
    expect(byHost['business-api.tiktok.com']).toBe('http://localhost:4010/tiktok/business-api');
    expect(byHost['tr.snapchat.com']).toBe('http://localhost:4010/snapchat/tr');
    expect(new Set(hosts.map((h: { baseUrl: string }) => h.baseUrl)).size).toBe(hosts.length);
  });

  it.each([
    ['/meta/graph/v25.0/unknown', 400, (b: Body) => b.error?.type === 'GraphMethodException' && b.error?.code === 100 && typeof b.error?.fbtrace_id === 'string'],
    ['/google/ads/v23/unknown', 404, (b: Body) => b.error?.status === 'NOT_FOUND' && b.error?.code === 404],
    // TikTok puts errors inside an HTTP 200 envelope.
    ['/tiktok/business-api/open_api/v1.3/unknown/', 200, (b: Body) => b.code === 40002 && typeof b.request_id === 'string'],
    ['/snapchat/adsapi/v1/unknown', 404, (b: Body) => b.request_status === 'ERROR' && typeof b.error_code === 'string'],
  ])('answers an unknown path under %s in that platform\'s own error shape', async (url, status, shapeOk) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(status);
    expect(shapeOk(res.json())).toBe(true);
  });
});
