import { describe, expect, it } from 'vitest';
import { planSignupConversions, type LeadIdentity } from './conversion-plan.js';

const base: LeadIdentity = {
  email: 'ahmed@midasfurniture.com',
  phoneE164: '+966501234567',
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0',
  landingUrl: 'https://stratum.example/?fbclid=IwAR3test',
  externalId: 'lead_01',
};

describe('planSignupConversions', () => {
  it.each<[string, Partial<LeadIdentity>, string[]]>([
    ['nothing to match by', {}, []],
    ['a Meta click', { fbclid: 'IwAR3test', fbc: 'fb.1.1.IwAR3test', fbp: 'fb.1.1.123' }, ['meta:Lead']],
    ['only the Meta browser id', { fbp: 'fb.1.1.123' }, ['meta:Lead']],
    ['a Google click', { gclid: 'CjwKtest' }, ['google:sign_up']],
    ['an iOS Google click', { gbraid: '0AAAAtest' }, ['google:sign_up']],
    ['a TikTok click', { ttclid: 'E.C.P.test' }, ['tiktok:CompleteRegistration']],
    ['a Snapchat click', { sccid: 'abc123' }, ['snapchat:SIGN_UP']],
    ['all four', { fbclid: 'a', gclid: 'b', ttclid: 'c', sccid: 'd' }, ['meta:Lead', 'google:sign_up', 'tiktok:CompleteRegistration', 'snapchat:SIGN_UP']],
  ])('%s', (_name, ids, expected) => {
    expect(planSignupConversions({ ...base, ...ids }).map((p) => `${p.platform}:${p.eventName}`)).toEqual(expected);
  });

  it('gives each platform only its own identifiers, plus the shared person data', () => {
    const [meta, google] = planSignupConversions({ ...base, fbclid: 'IwAR3test', fbp: 'fb.1.1.123', gclid: 'CjwKtest' });
    expect(meta!.matchData).toEqual({
      email: base.email,
      phone: base.phoneE164,
      external_id: 'lead_01',
      client_ip_address: base.ip,
      client_user_agent: base.userAgent,
      event_source_url: base.landingUrl,
      fbclid: 'IwAR3test',
      fbp: 'fb.1.1.123',
    });
    expect(google!.matchData).not.toHaveProperty('fbclid');
    expect(google!.matchData.gclid).toBe('CjwKtest');
  });

  it.each([
    ['a bare fbclid gets the fbc the pixel would have set, dated at the click', { fbclid: 'IwAR3test', clickAtMs: 1_764_000_000_123 }, 'fb.1.1764000000123.IwAR3test'],
    ["the browser's own fbc wins", { fbclid: 'IwAR3test', fbc: 'fb.1.1700000000000.IwAR3test', clickAtMs: 1_764_000_000_123 }, 'fb.1.1700000000000.IwAR3test'],
    ['no click time, no invented fbc', { fbclid: 'IwAR3test' }, undefined],
  ])('%s', (_name, extra, fbc) => {
    const [meta] = planSignupConversions({ ...base, ...extra });
    expect(meta!.matchData.fbc).toBe(fbc);
  });

  it("adds the phone's country, lower-cased", () => {
    const [meta] = planSignupConversions({ ...base, fbp: 'fb.1.1.123', phoneCountry: 'SA' });
    expect(meta!.matchData.country).toBe('sa');
  });
});
