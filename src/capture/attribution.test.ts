import { describe, expect, it } from 'vitest';
import { hasAttribution, mergeTouches, touchFromUrl, type Touch } from './attribution.js';
import { touchSchema } from './touch.schema.js';

const at = new Date('2026-03-01T10:00:00.000Z');
const fbclid = 'IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk';

describe('touchFromUrl', () => {
  it.each<[string, string, Pick<Touch, 'utm' | 'clickIds'>]>([
    ['plain utm tags', 'https://stratum.sa/?utm_source=facebook&utm_medium=paid&utm_campaign=launch&utm_content=v1&utm_term=ads', { utm: { source: 'facebook', medium: 'paid', campaign: 'launch', content: 'v1', term: 'ads' }, clickIds: {} }],
    ['names in any case', 'https://stratum.sa/?UTM_Source=google&Utm_Campaign=Brand&GCLID=Cj0KCQ', { utm: { source: 'google', campaign: 'Brand' }, clickIds: { gclid: 'Cj0KCQ' } }],
    ["Snapchat's ScCid", 'https://stratum.sa/?ScCid=7b3a7917-a82a-47e8-9728-e1b3b045abb2', { utm: {}, clickIds: { sccid: '7b3a7917-a82a-47e8-9728-e1b3b045abb2' } }],
    ['lower-case sccid', 'https://stratum.sa/?sccid=abc-123', { utm: {}, clickIds: { sccid: 'abc-123' } }],
    ['FBCLID upper-case name, value untouched', `https://stratum.sa/?FBCLID=${fbclid}`, { utm: {}, clickIds: { fbclid } }],
    ['values keep their case', 'https://stratum.sa/?utm_source=FaceBook&ttclid=E.C.P.AbC', { utm: { source: 'FaceBook' }, clickIds: { ttclid: 'E.C.P.AbC' } }],
    ['values are trimmed', 'https://stratum.sa/?utm_source=%20tiktok%20&fbclid=%20abc%20', { utm: { source: 'tiktok' }, clickIds: { fbclid: 'abc' } }],
    ['first occurrence wins', 'https://stratum.sa/?utm_source=a&utm_source=b&gclid=one&GCLID=two', { utm: { source: 'a' }, clickIds: { gclid: 'one' } }],
    ['first occurrence wins across spellings', 'https://stratum.sa/?ScCid=first&sccid=second', { utm: {}, clickIds: { sccid: 'first' } }],
    ['empty values are skipped, not blocking', 'https://stratum.sa/?utm_source=&utm_source=google&fbclid=', { utm: { source: 'google' }, clickIds: {} }],
    ['blank values are skipped', 'https://stratum.sa/?utm_campaign=%20%20&wbraid=%20', { utm: {}, clickIds: {} }],
    ['every click id', 'https://stratum.sa/?fbclid=f&gclid=g&gbraid=gb&wbraid=wb&ttclid=t&ScCid=s', { utm: {}, clickIds: { fbclid: 'f', gclid: 'g', gbraid: 'gb', wbraid: 'wb', ttclid: 't', sccid: 's' } }],
    ['unknown parameters ignored', 'https://stratum.sa/?utm_id=9&utm_source_platform=x&ref=y&msclkid=z', { utm: {}, clickIds: {} }],
    ['+ decodes to a space', 'https://stratum.sa/?utm_campaign=spring+sale', { utm: { campaign: 'spring sale' }, clickIds: {} }],
    ['Arabic campaign names', 'https://stratum.sa/?utm_campaign=%D8%B1%D9%85%D8%B6%D8%A7%D9%86', { utm: { campaign: 'رمضان' }, clickIds: {} }],
    ['parameters after # are not query parameters', 'https://stratum.sa/#utm_source=x&fbclid=y', { utm: {}, clickIds: {} }],
    ['no query string', 'https://stratum.sa/pricing', { utm: {}, clickIds: {} }],
  ])('%s', (_name, url, expected) => {
    const t = touchFromUrl(url, null, at);
    expect({ utm: t.utm, clickIds: t.clickIds }).toEqual(expected);
    expect(touchSchema.safeParse(t).success).toBe(true);
  });

  it('records the landing URL and the time', () => {
    const t = touchFromUrl('https://stratum.sa/signup?utm_source=google', 'https://www.google.com.sa/', at);
    expect(t).toEqual({ utm: { source: 'google' }, clickIds: {}, referrer: 'https://www.google.com.sa/', landingUrl: 'https://stratum.sa/signup?utm_source=google', at: '2026-03-01T10:00:00.000Z' });
  });

  it.each([['not a url'], ['/signup?utm_source=google&fbclid=abc'], [''], ['https://']])('an invalid URL (%j) gives no tags but keeps the referrer', (url) => {
    expect(touchFromUrl(url, 'https://l.facebook.com/', at)).toEqual({ utm: {}, clickIds: {}, referrer: 'https://l.facebook.com/', landingUrl: null, at: at.toISOString() });
  });

  it.each<[string, string | null, string | null]>([
    ['https://www.stratum.sa/a', 'https://stratum.sa/b', null],
    ['https://stratum.sa/a', 'https://www.stratum.sa/pricing', null],
    ['https://app.stratum.sa/a', 'https://blog.stratum.sa/post', null],
    ['https://shop.example.com.sa/', 'https://www.example.com.sa/', null],
    ['https://example.co.uk/', 'https://EXAMPLE.co.uk/x', null],
    ['http://localhost:3000/signup', 'http://localhost:3000/', null],
    ['https://stratum.sa/', 'https://l.facebook.com/', 'https://l.facebook.com/'],
    ['https://stratum.sa/', 'https://stratum.com/', 'https://stratum.com/'],
    ['https://shop.example.com.sa/', 'https://other.com.sa/', 'https://other.com.sa/'],
    ['https://stratum.sa/', '', null],
    ['https://stratum.sa/', '   ', null],
    ['https://stratum.sa/', null, null],
    ['https://stratum.sa/', 'android-app://com.google.android.gm/', 'android-app://com.google.android.gm/'],
  ])('landing %s from referrer %j keeps %j', (landing, referrer, expected) => {
    expect(touchFromUrl(landing, referrer, at).referrer).toBe(expected);
  });

  it('drops a click id too long to store rather than cutting it', () => {
    const ok = 'a'.repeat(500);
    expect(touchFromUrl(`https://stratum.sa/?fbclid=${ok}`, null, at).clickIds.fbclid).toBe(ok);
    expect(touchFromUrl(`https://stratum.sa/?fbclid=${ok}b`, null, at).clickIds).toEqual({});
  });

  it('shortens over-long utm values and URLs to the stored limits', () => {
    const t = touchFromUrl(`https://stratum.sa/?utm_campaign=${'c'.repeat(400)}&pad=${'p'.repeat(3000)}`, `https://x.com/${'r'.repeat(3000)}`, at);
    expect(t.utm.campaign).toBe('c'.repeat(300));
    expect(t.landingUrl).toHaveLength(2048);
    expect(t.referrer).toHaveLength(2048);
    expect(touchSchema.safeParse(t).success).toBe(true);
  });
});

describe('touchSchema', () => {
  const valid: Touch = { utm: { source: 'google' }, clickIds: { gclid: 'abc' }, referrer: null, landingUrl: 'https://stratum.sa/', at: '2026-03-01T10:00:00.000Z' };

  it.each<[string, unknown]>([
    ['a click id over 500 characters', { ...valid, clickIds: { fbclid: 'x'.repeat(501) } }],
    ['a utm value over 300 characters', { ...valid, utm: { source: 'x'.repeat(301) } }],
    ['a landing URL over 2048 characters', { ...valid, landingUrl: `https://a.sa/${'x'.repeat(2048)}` }],
    ['a referrer over 2048 characters', { ...valid, referrer: `https://a.sa/${'x'.repeat(2048)}` }],
    ['an empty click id', { ...valid, clickIds: { gclid: '' } }],
    ['a blank utm value', { ...valid, utm: { source: '   ' } }],
    ['a date that is not ISO', { ...valid, at: 'yesterday' }],
    ['a missing time', { utm: {}, clickIds: {}, referrer: null, landingUrl: null }],
    ['a number for a click id', { ...valid, clickIds: { gclid: 42 } }],
    ['missing clickIds', { utm: {}, referrer: null, landingUrl: null, at: valid.at }],
  ])('rejects %s', (_name, input) => {
    expect(touchSchema.safeParse(input).success).toBe(false);
  });

  it('accepts the limits exactly and drops unknown keys', () => {
    const input = { ...valid, clickIds: { fbclid: 'x'.repeat(500), msclkid: 'nope' }, utm: { campaign: 'c'.repeat(300), id: '1' }, extra: true };
    expect(touchSchema.parse(input)).toEqual({ ...valid, clickIds: { fbclid: 'x'.repeat(500) }, utm: { campaign: 'c'.repeat(300) } });
  });

  it('trims values and accepts a time with an offset', () => {
    expect(touchSchema.parse({ ...valid, utm: { source: ' google ' }, at: '2026-03-01T13:00:00+03:00' })).toMatchObject({ utm: { source: 'google' } });
  });
});

describe('hasAttribution', () => {
  it.each<[Pick<Touch, 'utm' | 'clickIds'>, boolean]>([
    [{ utm: {}, clickIds: {} }, false],
    [{ utm: { source: 'google' }, clickIds: {} }, true],
    [{ utm: { medium: 'email' }, clickIds: {} }, true],
    [{ utm: {}, clickIds: { sccid: 'x' } }, true],
    [{ utm: { source: '' }, clickIds: { gclid: ' ' } }, false],
  ])('%j → %s', (t, expected) => {
    expect(hasAttribution(t)).toBe(expected);
  });
});

describe('mergeTouches', () => {
  const touch = (label: string, iso: string, attributed: boolean): Touch => ({
    utm: attributed ? { campaign: label } : {},
    clickIds: {},
    referrer: null,
    landingUrl: `https://stratum.sa/${label}`,
    at: iso,
  });
  const ad1 = touch('ad1', '2026-03-01T00:00:00Z', true);
  const ad2 = touch('ad2', '2026-03-02T00:00:00Z', true);
  const ad3 = touch('ad3', '2026-03-03T00:00:00Z', true);
  const direct0 = touch('direct0', '2026-02-28T00:00:00Z', false);
  const direct1 = touch('direct1', '2026-03-01T00:00:00Z', false);
  const direct2 = touch('direct2', '2026-03-02T00:00:00Z', false);
  const direct4 = touch('direct4', '2026-03-04T00:00:00Z', false);

  it.each<[string, { first: Touch | null; last: Touch | null }, Touch, Touch, Touch]>([
    ['first visit, from an ad', { first: null, last: null }, ad1, ad1, ad1],
    ['first visit, direct', { first: null, last: null }, direct1, direct1, direct1],
    ['a later direct visit keeps the attributed last touch', { first: ad1, last: ad1 }, direct4, ad1, ad1],
    ['a later ad click becomes the last touch', { first: ad1, last: ad1 }, ad3, ad1, ad3],
    ['with no attribution anywhere, last is the latest visit', { first: direct1, last: direct1 }, direct4, direct1, direct4],
    ['an ad click replaces an unattributed last touch', { first: direct1, last: direct2 }, ad3, direct1, ad3],
    ['an older ad click still beats newer direct visits for last', { first: direct1, last: direct4 }, ad2, direct1, ad2],
    ['an out-of-order earlier visit becomes the first touch', { first: ad2, last: ad3 }, direct0, direct0, ad3],
    ['an out-of-order ad click between first and last changes neither', { first: ad1, last: ad3 }, ad2, ad1, ad3],
    ['an out-of-order older ad click becomes first but not last', { first: ad2, last: ad3 }, ad1, ad1, ad3],
    ['a missing first touch is rebuilt from the last one', { first: null, last: ad2 }, direct4, ad2, ad2],
    ['a second device landing before the first one', { first: ad2, last: ad2 }, touch('phone', '2026-03-01T12:00:00Z', true), touch('phone', '2026-03-01T12:00:00Z', true), ad2],
  ])('%s', (_name, current, incoming, first, last) => {
    expect(mergeTouches(current, incoming)).toEqual({ first, last });
  });

  it('on equal timestamps keeps the current first touch and takes the incoming last touch', () => {
    const again = touch('again', ad1.at, true);
    expect(mergeTouches({ first: ad1, last: ad1 }, again)).toEqual({ first: ad1, last: again });
  });

  it('treats the same instant in different offsets as equal', () => {
    const sameInstant = touch('riyadh', '2026-03-01T03:00:00+03:00', true);
    expect(mergeTouches({ first: ad1, last: ad1 }, sameInstant).first).toBe(ad1);
  });

  it('never lets an unreadable timestamp win', () => {
    const broken = touch('broken', 'not a date', true);
    expect(mergeTouches({ first: ad1, last: ad2 }, broken)).toEqual({ first: ad1, last: ad2 });
    expect(mergeTouches({ first: null, last: null }, broken)).toEqual({ first: broken, last: broken });
  });
});
