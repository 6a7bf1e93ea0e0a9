import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { loadSandboxConfig } from './config.js';
import { buildSandbox, startSandbox } from './server.js';
import { createWorld } from './world/index.js';

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
    // Graph may ask for a token (OAuthException 104) before it looks at the path (GraphMethodException 100); both are its envelope.
    ['/meta/graph/v25.0/unknown', 400, (b: Body) => /^(GraphMethodException|OAuthException)$/.test(String(b.error?.type)) && typeof b.error?.code === 'number' && typeof b.error?.fbtrace_id === 'string'],
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

describe('sandbox world wiring', () => {
  it('creates one world and exposes it to routes and callers', async () => {
    expect(app.world.accounts('meta').length).toBeGreaterThan(0);
    const res = await app.inject('/_sandbox/accounts?platform=snapchat');
    expect(res.statusCode).toBe(200);
    expect(res.json().map((a: { id: string }) => a.id)).toEqual(app.world.accounts('snapchat').map((a) => a.id));
  });

  it('uses the world it is given, and still accepts a bare logger', async () => {
    const world = createWorld({ catalog: 'empty' });
    const own = await buildSandbox({ world });
    expect(own.world).toBe(world);
    expect((await own.inject('/_sandbox/accounts')).json()).toEqual([]);
    await own.close();
    const legacy = await buildSandbox(pino({ level: 'silent' }));
    expect(legacy.world.accounts('google').length).toBeGreaterThan(0);
    await legacy.close();
  });

  it('arms faults from a spec and returns the world from startSandbox', async () => {
    const running = await startSandbox({ host: '127.0.0.1', port: 0, faults: 'google:server_error:1:count=1' });
    try {
      expect(running.world.faults.list()).toEqual([expect.objectContaining({ platform: 'google', kind: 'server_error', count: 1 })]);
      const res = await fetch(`${running.url}/_sandbox/faults?platform=google`);
      expect((await res.json())[0]).toMatchObject({ kind: 'server_error' });
    } finally {
      await running.close();
    }
  });
});

describe('sandbox config', () => {
  it('reads SANDBOX_FAULTS and SANDBOX_SEED', () => {
    expect(loadSandboxConfig({ SANDBOX_FAULTS: 'meta:rate_limit:0.2', SANDBOX_SEED: '7' })).toMatchObject({ SANDBOX_FAULTS: 'meta:rate_limit:0.2', SANDBOX_SEED: 7 });
    expect(loadSandboxConfig({})).toMatchObject({ SANDBOX_SEED: 0 });
    expect(loadSandboxConfig({}).SANDBOX_FAULTS).toBeUndefined();
  });

  it('stops start-up on a bad fault spec, naming the variable', () => {
    expect(() => loadSandboxConfig({ SANDBOX_FAULTS: 'meta:explode' })).toThrow(/SANDBOX_FAULTS: .*kind must be one of/);
    expect(() => loadSandboxConfig({ SANDBOX_SEED: 'x' })).toThrow(/SANDBOX_SEED/);
  });
});
