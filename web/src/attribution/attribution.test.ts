import { describe, expect, it } from 'vitest';
import { touchFromUrl } from '../../../src/capture/attribution.js';
import { collectInputSchema } from '../../../src/capture/collect.schema.js';
import { subscribeInputSchema } from '../../../src/capture/intake.schema.js';
import { parseCookies, platformCookieWrites, serializeCookie } from './cookies';
import { collectBodies, collectEvent, newScrollThresholds, scrollDepthPercent, MAX_EVENTS_PER_REQUEST } from './events';
import { buildAttributionPayload } from './payload';
import { newVisitorId, VISITOR_ID_PATTERN } from './random';
import { memoryStore } from './storage';
import { TOUCH_STORAGE_KEYS, readTouches, recordTouch } from './touches';
import { withoutSensitiveParams } from './urls';
import { VISITOR_COOKIE, VISITOR_STORAGE_KEY, currentVisitorId, resolveVisitorId } from './visitor';

const fbclid = 'IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk';
const gclid = 'Cj0KCQiA-abc_DEF123';
const nowMs = Date.UTC(2026, 2, 1, 10, 0, 0);
const fixedRandom = () => 0.5;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36';

describe('parseCookies', () => {
  it('reads document.cookie, decoding values and keeping the first of duplicates', () => {
    expect(parseCookies('_fbp=fb.1.1700000000000.123; stratum_vid=abcDEF12345; a=%20x%20; a=second; broken; =x; q="quoted"')).toEqual({
      _fbp: 'fb.1.1700000000000.123',
      stratum_vid: 'abcDEF12345',
      a: ' x ',
      q: 'quoted',
    });
  });

  it('survives an empty string and bad escapes', () => {
    expect(parseCookies('')).toEqual({});
    expect(parseCookies('x=%E0%A4%A')).toEqual({ x: '%E0%A4%A' });
  });
});

describe('serializeCookie', () => {
  it('writes a first-party, site-wide, Lax cookie; Secure on https', () => {
    const c = { name: '_fbp', value: 'fb.1.1772359200000.123', maxAgeSeconds: 7_776_000 };
    expect(serializeCookie(c, false)).toBe('_fbp=fb.1.1772359200000.123; Max-Age=7776000; Path=/; SameSite=Lax');
    expect(serializeCookie(c, true)).toBe('_fbp=fb.1.1772359200000.123; Max-Age=7776000; Path=/; SameSite=Lax; Secure');
  });
});

describe('platformCookieWrites', () => {
  const names = (writes: { name: string }[]) => writes.map((w) => w.name).sort();

  it('creates _fbp (and the opaque ids) for a new visitor with no click id, 90 days', () => {
    const writes = platformCookieWrites({ clickIds: {}, existing: {}, nowMs, random: fixedRandom });
    expect(names(writes)).toEqual(['_fbp', '_scid', '_ttp']);
    const fbp = writes.find((w) => w.name === '_fbp');
    expect(fbp?.value).toMatch(/^fb\.1\.1772359200000\.\d+$/);
    expect(fbp?.maxAgeSeconds).toBe(90 * 24 * 3600);
  });

  it('sets _fbc = fb.1.<ms>.<fbclid> and _gcl_aw = GCL.<s>.<gclid> when click ids arrive', () => {
    const writes = platformCookieWrites({ clickIds: { fbclid, gclid }, existing: {}, nowMs, random: fixedRandom });
    expect(writes.find((w) => w.name === '_fbc')?.value).toBe(`fb.1.${String(nowMs)}.${fbclid}`);
    expect(writes.find((w) => w.name === '_gcl_aw')?.value).toBe(`GCL.${String(nowMs / 1000)}.${gclid}`);
  });

  it('leaves cookies the server (or an earlier visit) already set alone', () => {
    const existing = {
      _fbc: `fb.1.${String(nowMs - 1000)}.${fbclid}`,
      _fbp: 'fb.1.1772359100000.987654321',
      _gcl_aw: `GCL.${String(Math.floor(nowMs / 1000) - 5)}.${gclid}`,
      _ttp: 'abcdefghijklmnopqrstuvwxyz1',
      _scid: '0b7d3c9e-2f5a-4b8c-9d1e-3f4a5b6c7d8e',
    };
    expect(platformCookieWrites({ clickIds: { fbclid, gclid }, existing, nowMs, random: fixedRandom })).toEqual([]);
  });

  it('replaces _fbc only when the fbclid differs from the cookie', () => {
    const existing = { _fbc: `fb.1.${String(nowMs - 1000)}.oldClickId`, _fbp: 'fb.1.1772359100000.1', _ttp: 'x'.repeat(27), _scid: 'y'.repeat(36) };
    const writes = platformCookieWrites({ clickIds: { fbclid }, existing, nowMs, random: fixedRandom });
    expect(writes).toEqual([{ name: '_fbc', value: `fb.1.${String(nowMs)}.${fbclid}`, maxAgeSeconds: 7_776_000 }]);
  });
});

describe('visitor id', () => {
  it('makes 22-character base62 ids that fit the server pattern', () => {
    for (let i = 0; i < 20; i++) {
      const id = newVisitorId();
      expect(id).toMatch(/^[A-Za-z0-9]{22}$/);
      expect(id).toMatch(VISITOR_ID_PATTERN);
    }
  });

  it('keeps the server cookie and mirrors it into storage', () => {
    const store = memoryStore({ [VISITOR_STORAGE_KEY]: 'olderLocalId123' });
    const r = resolveVisitorId({ [VISITOR_COOKIE]: 'serverCookieId01' }, store, () => 'neverUsed000');
    expect(r).toEqual({ visitorId: 'serverCookieId01', cookie: null });
    expect(store.getItem(VISITOR_STORAGE_KEY)).toBe('serverCookieId01');
  });

  it('restores the cookie from storage when the browser dropped it', () => {
    const store = memoryStore({ [VISITOR_STORAGE_KEY]: 'localIdABC12345' });
    const r = resolveVisitorId({}, store, () => 'neverUsed000');
    expect(r.visitorId).toBe('localIdABC12345');
    expect(r.cookie).toEqual({ name: VISITOR_COOKIE, value: 'localIdABC12345', maxAgeSeconds: 365 * 24 * 3600 });
  });

  it('creates one when neither is usable', () => {
    const store = memoryStore({ [VISITOR_STORAGE_KEY]: 'bad id!' });
    const r = resolveVisitorId({ [VISITOR_COOKIE]: 'short' }, store, () => 'freshVisitorId0000000A');
    expect(r.visitorId).toBe('freshVisitorId0000000A');
    expect(r.cookie?.value).toBe('freshVisitorId0000000A');
    expect(store.getItem(VISITOR_STORAGE_KEY)).toBe('freshVisitorId0000000A');
    expect(currentVisitorId({}, store)).toBe('freshVisitorId0000000A');
    expect(currentVisitorId({}, memoryStore())).toBeNull();
  });
});

describe('stored touches', () => {
  it('keeps the first visit and the last attributed one across visits', () => {
    const store = memoryStore();
    recordTouch(store, touchFromUrl('https://stratum.sa/?utm_source=google&gclid=first', 'https://www.google.com/', new Date(nowMs)));
    recordTouch(store, touchFromUrl(`https://stratum.sa/?utm_source=facebook&fbclid=${fbclid}`, 'https://l.facebook.com/', new Date(nowMs + 60_000)));
    recordTouch(store, touchFromUrl('https://stratum.sa/pricing', 'https://stratum.sa/', new Date(nowMs + 120_000)));
    const { first, last } = readTouches(store);
    expect(first?.clickIds).toEqual({ gclid: 'first' });
    expect(last?.clickIds).toEqual({ fbclid });
    expect(last?.utm).toEqual({ source: 'facebook' });
  });

  it('ignores stored values that are not valid touches', () => {
    const store = memoryStore({ [TOUCH_STORAGE_KEYS.first]: '{not json', [TOUCH_STORAGE_KEYS.last]: '{"utm":1}' });
    expect(readTouches(store)).toEqual({ first: null, last: null });
  });
});

describe('buildAttributionPayload', () => {
  const landing = `https://stratum.sa/?UTM_Source=facebook&utm_medium=paid&utm_campaign=Ramadan+Launch&FBCLID=${fbclid}&ScCid=snap-1`;

  it('builds the subscribe fields from the last touch, the cookies and the visitor id', () => {
    const store = memoryStore();
    const { last } = recordTouch(store, touchFromUrl(landing, 'https://l.facebook.com/', new Date(nowMs)));
    const payload = buildAttributionPayload({
      last,
      cookies: {
        _fbc: `fb.1.${String(nowMs)}.${fbclid}`,
        _fbp: 'fb.1.1772359200000.1234567890',
        _ttp: 'abcdefghijklmnopqrstuvwxyz1',
        _scid: 'not a valid id!',
      },
      visitorId: 'abcDEF1234567890ghijKL',
      userAgent: UA,
      language: 'ar',
    });
    expect(payload).toEqual({
      language: 'ar',
      utm_source: 'facebook',
      utm_medium: 'paid',
      utm_campaign: 'Ramadan Launch',
      fbclid,
      sccid: 'snap-1',
      fbc: `fb.1.${String(nowMs)}.${fbclid}`,
      fbp: 'fb.1.1772359200000.1234567890',
      ttp: 'abcdefghijklmnopqrstuvwxyz1',
      referrer_url: 'https://l.facebook.com/',
      landing_url: landing,
      visitor_id: 'abcDEF1234567890ghijKL',
      user_agent: UA,
    });
  });

  it('passes the server schema together with the person fields', () => {
    const { last } = recordTouch(memoryStore(), touchFromUrl(landing, null, new Date(nowMs)));
    const payload = buildAttributionPayload({ last, cookies: {}, visitorId: newVisitorId(), userAgent: 'x'.repeat(5000), language: 'en' });
    expect(payload.user_agent).toHaveLength(1000);
    const result = subscribeInputSchema.safeParse({
      ...payload,
      email: 'sara@example.sa',
      full_name: 'Sara Al-Qahtani',
      company_name: 'Example Co',
      password: 'correct horse battery',
      source_page: 'landing',
    });
    expect(result.success).toBe(true);
  });

  it('sends only the language for a direct visitor with nothing stored', () => {
    expect(buildAttributionPayload({ last: null, cookies: {}, visitorId: 'bad id', userAgent: '  ', language: 'en' })).toEqual({ language: 'en' });
  });
});

describe('page events', () => {
  it('measures scroll depth from the bottom of the viewport', () => {
    expect(scrollDepthPercent({ scrollTop: 0, viewportHeight: 800, scrollHeight: 3200 })).toBe(25);
    expect(scrollDepthPercent({ scrollTop: 1600, viewportHeight: 800, scrollHeight: 3200 })).toBe(75);
    expect(scrollDepthPercent({ scrollTop: 2399.5, viewportHeight: 800, scrollHeight: 3200 })).toBe(100);
    expect(scrollDepthPercent({ scrollTop: 0, viewportHeight: 800, scrollHeight: 0 })).toBe(0);
  });

  it('reports each threshold once', () => {
    expect(newScrollThresholds(60, new Set())).toEqual([25, 50]);
    expect(newScrollThresholds(100, new Set([25, 50]))).toEqual([75, 100]);
    expect(newScrollThresholds(10, new Set())).toEqual([]);
  });

  it('splits events into requests of at most 50', () => {
    const events = Array.from({ length: 120 }, (_, i) => collectEvent('ScrollDepth', `https://stratum.sa/${String(i)}`, new Date(nowMs), 25));
    const bodies = collectBodies('abcDEF1234567890ghijKL', events).map((b) => JSON.parse(b) as { visitor_id: string; events: unknown[] });
    expect(bodies.map((b) => b.events.length)).toEqual([MAX_EVENTS_PER_REQUEST, MAX_EVENTS_PER_REQUEST, 20]);
    expect(bodies[0]?.visitor_id).toBe('abcDEF1234567890ghijKL');
  });

  it('sends bodies the collect endpoint accepts', () => {
    const url = 'https://stratum.sa/?utm_source=google';
    const events = [
      collectEvent('PageView', url, new Date(nowMs)),
      collectEvent('ScrollDepth', url, new Date(nowMs), 50),
      collectEvent('TimeOnPage', url, new Date(nowMs), 42),
    ];
    for (const body of collectBodies(newVisitorId(), events)) {
      expect(collectInputSchema.safeParse(JSON.parse(body)).success).toBe(true);
    }
  });

  it('gives every event its own id and an ISO time', () => {
    const a = collectEvent('PageView', 'https://stratum.sa/', new Date(nowMs));
    const b = collectEvent('TimeOnPage', 'https://stratum.sa/', new Date(nowMs), 12);
    expect(a.event_id).not.toBe(b.event_id);
    expect(a).not.toHaveProperty('value');
    expect(b).toMatchObject({ name: 'TimeOnPage', value: 12, occurred_at: '2026-03-01T10:00:00.000Z' });
  });
});

describe('withoutSensitiveParams', () => {
  it('drops addresses and tokens from URLs, keeping everything else exactly', () => {
    expect(withoutSensitiveParams('https://stratum.sa/verify-email?status=expired&email=sara%40example.sa')).toBe('https://stratum.sa/verify-email?status=expired');
    expect(withoutSensitiveParams('https://stratum.sa/x?Email=a&TOKEN=b&utm_source=google#top')).toBe('https://stratum.sa/x?utm_source=google#top');
    const untouched = `https://stratum.sa/?utm_campaign=spring+sale&fbclid=${fbclid}`;
    expect(withoutSensitiveParams(untouched)).toBe(untouched);
    expect(withoutSensitiveParams('not a url')).toBe('not a url');
  });

  it('applies to collected events', () => {
    expect(collectEvent('PageView', 'https://stratum.sa/signup/success?email=sara%40example.sa', new Date(nowMs)).url).toBe('https://stratum.sa/signup/success');
  });
});
