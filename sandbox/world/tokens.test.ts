import { describe, expect, it } from 'vitest';
import { createReceived } from './received.js';
import { movableClock } from './test-clock.js';
import { createWorld } from './world.js';

const base = { personId: 'ahmed', clientId: 'app-1', scopes: ['ads_read'], accountIds: ['1'], redirectUri: 'http://localhost/cb', codeChallenge: null, codeChallengeMethod: null, parent: null };

describe('tokens', () => {
  it('issues platform-shaped opaque tokens and checks them by kind', () => {
    const w = createWorld({ catalog: 'empty' });
    const meta = w.tokens.issue({ ...base, platform: 'meta', kind: 'access', ttlSeconds: 3600 });
    const google = w.tokens.issue({ ...base, platform: 'google', kind: 'refresh', ttlSeconds: null });
    expect(meta.token).toMatch(/^EAAB/);
    expect(google.token).toMatch(/^1\/\/0/);
    expect(w.tokens.check('meta', meta.token, 'access')).toEqual({ ok: true, grant: meta });
    expect(w.tokens.check('meta', meta.token, 'refresh')).toEqual({ ok: false, reason: 'unknown' });
    expect(w.tokens.check('google', meta.token, 'access')).toEqual({ ok: false, reason: 'unknown' });
    expect(w.tokens.issue({ ...base, platform: 'tiktok', kind: 'access', ttlSeconds: null, token: 'fixed' }).token).toBe('fixed');
  });

  it('expires tokens with the clock or on demand', () => {
    const clock = movableClock();
    const w = createWorld({ catalog: 'empty', now: clock.now });
    const t = w.tokens.issue({ ...base, platform: 'snapchat', kind: 'access', ttlSeconds: 1800 });
    expect(t.expiresAt?.getTime()).toBe(clock.now().getTime() + 1_800_000);
    clock.set(new Date(clock.now().getTime() + 1_800_000).toISOString());
    expect(w.tokens.check('snapchat', t.token, 'access')).toEqual({ ok: false, reason: 'expired' });
    const u = w.tokens.issue({ ...base, platform: 'snapchat', kind: 'access', ttlSeconds: null });
    expect(w.tokens.expireNow('snapchat', u.token)).toBe(true);
    expect(w.tokens.check('snapchat', u.token, 'access')).toMatchObject({ reason: 'expired' });
    expect(w.tokens.expireNow('snapchat', 'nope')).toBe(false);
  });

  it('lets a code be used once', () => {
    const w = createWorld({ catalog: 'empty' });
    const code = w.tokens.issue({ ...base, platform: 'tiktok', kind: 'code', ttlSeconds: 600 });
    expect(w.tokens.consumeCode('tiktok', code.token)).toMatchObject({ ok: true });
    expect(w.tokens.consumeCode('tiktok', code.token)).toEqual({ ok: false, reason: 'used' });
    expect(w.tokens.consumeCode('tiktok', 'other')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('revokes one token, or a whole family down from it', () => {
    const w = createWorld({ catalog: 'empty' });
    const code = w.tokens.issue({ ...base, platform: 'google', kind: 'code', ttlSeconds: 600 });
    const refresh = w.tokens.issue({ ...base, platform: 'google', kind: 'refresh', ttlSeconds: null, parent: code.token });
    const access1 = w.tokens.issue({ ...base, platform: 'google', kind: 'access', ttlSeconds: 3600, parent: refresh.token });
    const access2 = w.tokens.issue({ ...base, platform: 'google', kind: 'access', ttlSeconds: 3600, parent: refresh.token });
    const unrelated = w.tokens.issue({ ...base, platform: 'google', kind: 'access', ttlSeconds: 3600 });
    expect(w.tokens.revoke('google', access1.token)).toBe(true);
    expect(w.tokens.check('google', access1.token, 'access')).toEqual({ ok: false, reason: 'revoked' });
    expect(w.tokens.revokeFamily('google', code.token)).toBe(3);
    for (const t of [refresh, access2]) expect(w.tokens.check('google', t.token, t.kind)).toMatchObject({ reason: 'revoked' });
    expect(w.tokens.check('google', unrelated.token, 'access')).toMatchObject({ ok: true });
    expect(w.tokens.revokeFamily('google', 'nope')).toBe(0);
    expect(w.tokens.revoke('meta', refresh.token)).toBe(false);
  });
});

describe('received', () => {
  it('keeps items per kind and platform, newest last, stamped', () => {
    const w = createWorld({ catalog: 'empty' });
    w.received.record('conversions', 'meta', { event_name: 'Purchase' });
    w.received.record('conversions', 'tiktok', { event: 'CompletePayment' });
    w.received.record('mutations', 'meta', { id: '1', status: 'PAUSED' });
    w.received.record('conversions', 'meta', { event_name: 'Lead' });
    expect(w.received.list('conversions', 'meta').map((i) => i.event_name)).toEqual(['Purchase', 'Lead']);
    expect(w.received.list('conversions').map((i) => i.platform)).toEqual(['meta', 'tiktok', 'meta']);
    expect(w.received.list('mutations')[0]).toMatchObject({ platform: 'meta', id: '1', received_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    w.received.clear('conversions', 'meta');
    expect(w.received.list('conversions').map((i) => i.platform)).toEqual(['tiktok']);
    w.received.clear('conversions');
    expect(w.received.list('conversions')).toEqual([]);
    expect(w.received.list('mutations')).toHaveLength(1);
  });

  it('caps each list, dropping the oldest', () => {
    const r = createReceived(() => new Date(), 100);
    for (let i = 0; i < 250; i++) r.record('conversions', 'snapchat', { i });
    const items = r.list('conversions', 'snapchat');
    expect(items.length).toBeLessThanOrEqual(100);
    expect(items.at(-1)?.i).toBe(249);
    expect(items.map((x) => x.i)).toEqual([...items.map((x) => x.i)].sort((a, b) => Number(a) - Number(b)));
  });
});
