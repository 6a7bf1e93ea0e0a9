import { describe, expect, it } from 'vitest';
import { parseFaultSpec } from './fault-spec.js';
import { createFaults } from './faults.js';
import { createWorld } from './world.js';

const rule = { platform: 'meta' as const, kind: 'rate_limit' as const, probability: 1, count: null, delayMs: 0, pathPrefix: null };

describe('fault draw', () => {
  it('fires a certain rule every time and leaves other platforms alone', () => {
    const f = createFaults([rule], 1);
    expect(f.draw('meta', '/v25.0/me')?.kind).toBe('rate_limit');
    expect(f.draw('meta', '/v25.0/me')?.kind).toBe('rate_limit');
    expect(f.draw('google', '/v23/customers')).toBeNull();
  });

  it('stops after `count` hits and removes the rule', () => {
    const f = createFaults([{ ...rule, count: 2 }], 1);
    expect(f.draw('meta', '/x')).not.toBeNull();
    expect(f.draw('meta', '/x')).not.toBeNull();
    expect(f.draw('meta', '/x')).toBeNull();
    expect(f.list()).toEqual([]);
  });

  it('fires at about its probability, repeatably for one seed', () => {
    const draws = (seed: number) => {
      const f = createFaults([{ ...rule, probability: 0.2 }], seed);
      return Array.from({ length: 2000 }, () => f.draw('meta', '/x') !== null);
    };
    const hits = draws(5).filter(Boolean).length;
    expect(hits).toBeGreaterThan(320);
    expect(hits).toBeLessThan(480);
    expect(draws(5)).toEqual(draws(5));
    expect(draws(6)).not.toEqual(draws(5));
  });

  it('matches on path prefix and takes the first rule that fires', () => {
    const f = createFaults([], 1);
    f.add({ ...rule, kind: 'server_error', probability: 0, pathPrefix: null });
    f.add({ ...rule, kind: 'slow', delayMs: 1500, pathPrefix: '/v25.0/act_' });
    f.add({ ...rule, kind: 'malformed' });
    expect(f.draw('meta', '/v25.0/act_1/insights')).toMatchObject({ kind: 'slow', delayMs: 1500 });
    expect(f.draw('meta', '/v25.0/me')?.kind).toBe('malformed');
  });

  it('lists, clears per platform and validates rules', () => {
    const f = createFaults([rule, { ...rule, platform: 'tiktok' }], 1);
    expect(f.list().map((r) => r.id)).toEqual(['flt_1', 'flt_2']);
    f.clear('meta');
    expect(f.list().map((r) => r.platform)).toEqual(['tiktok']);
    f.clear();
    expect(f.list()).toEqual([]);
    expect(() => f.add({ ...rule, probability: 2 })).toThrow(/probability/);
    expect(() => f.add({ ...rule, count: 0 })).toThrow(/count/);
    expect(() => f.add({ ...rule, pathPrefix: 'v25' })).toThrow(/pathPrefix/);
  });
});

describe('SANDBOX_FAULTS spec', () => {
  it.each([
    ['meta:rate_limit:0.2', [{ platform: 'meta', kind: 'rate_limit', probability: 0.2, count: null, delayMs: 0, pathPrefix: null }]],
    ['google:server_error', [{ platform: 'google', kind: 'server_error', probability: 1, count: null, delayMs: 0, pathPrefix: null }]],
    ['tiktok:slow:1:delay=2000', [{ platform: 'tiktok', kind: 'slow', probability: 1, count: null, delayMs: 2000, pathPrefix: null }]],
    ['snapchat:expired_token:1:count=1', [{ platform: 'snapchat', kind: 'expired_token', probability: 1, count: 1, delayMs: 0, pathPrefix: null }]],
    ['meta:malformed:0.5:path=/v25.0/act_:count=3', [{ platform: 'meta', kind: 'malformed', probability: 0.5, count: 3, delayMs: 0, pathPrefix: '/v25.0/act_' }]],
    [' meta:revoked_token , google:rate_limit:0 ', [expect.objectContaining({ kind: 'revoked_token' }), expect.objectContaining({ platform: 'google', probability: 0 })]],
    ['', []],
  ])('parses %j', (spec, expected) => {
    expect(parseFaultSpec(spec)).toEqual(expected);
  });

  it.each([
    ['bing:rate_limit', /platform must be one of/],
    ['meta:explode', /kind must be one of/],
    ['meta:rate_limit:1.5', /probability must be a number from 0 to 1/],
    ['meta:rate_limit:abc', /probability/],
    ['meta:slow:1:delay=-5', /bad option "delay=-5"/],
    ['meta:slow:1:count=0', /bad option "count=0"/],
    ['meta:slow:1:path=v1', /bad option "path=v1"/],
    ['meta:slow:1:colour=red', /bad option/],
    ['meta:slow:1:2', /unexpected "2"/],
  ])('rejects %j with a clear message', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
    expect(() => parseFaultSpec(spec)).toThrow(/^Invalid SANDBOX_FAULTS/);
  });

  it('arms a world from the spec, and refuses a bad one', () => {
    const w = createWorld({ faults: 'meta:rate_limit:1:count=1,tiktok:slow:1:delay=250' });
    expect(w.faults.list().map((r) => r.kind)).toEqual(['rate_limit', 'slow']);
    expect(w.faults.draw('meta', '/v25.0/me')?.kind).toBe('rate_limit');
    expect(w.faults.draw('meta', '/v25.0/me')).toBeNull();
    expect(() => createWorld({ faults: 'meta:nope' })).toThrow(/SANDBOX_FAULTS/);
  });
});
