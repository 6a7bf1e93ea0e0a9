import { describe, expect, it } from 'vitest';
import { toHubspotContact, toWebhookEvent, toZohoLead, zohoLeadSource, type CrmLead } from './map.js';

const base: CrmLead = {
  id: 'lead_01',
  kind: 'signup',
  email: 'ahmed@midasfurniture.com',
  fullName: 'Ahmed Al-Hassan',
  companyName: 'Midas Furniture',
  phoneE164: '+966501234567',
  phoneRaw: null,
  language: 'en',
  sourcePage: 'landing',
  utmSource: 'facebook',
  utmMedium: 'cpc',
  utmCampaign: 'automation_launch',
  utmContent: 'video_ad_v2',
  utmTerm: null,
  fbclid: 'IwAR3test',
  gclid: null,
  gbraid: null,
  wbraid: null,
  ttclid: null,
  sccid: null,
  referrerUrl: 'https://facebook.com',
  landingUrl: 'https://stratum.example/?fbclid=IwAR3test',
  platform: 'meta',
  platformVia: 'click_id',
  score: 85,
  scoreBreakdown: [{ rule: 'base', points: 10, detail: 'every signup starts here' }],
  createdAt: new Date('2026-11-20T09:15:23Z'),
};
const lead = (over: Partial<CrmLead>): CrmLead => ({ ...base, ...over });

describe('HubSpot contact', () => {
  it('is upserted by email, with the standard properties and the attribution ones', () => {
    expect(toHubspotContact(base, { attribution: true })).toEqual({
      idProperty: 'email',
      id: 'ahmed@midasfurniture.com',
      properties: {
        firstname: 'Ahmed',
        lastname: 'Al-Hassan',
        company: 'Midas Furniture',
        phone: '+966501234567',
        stratum_lead_id: 'lead_01',
        stratum_platform: 'meta',
        stratum_score: '85',
        stratum_utm_source: 'facebook',
        stratum_utm_medium: 'cpc',
        stratum_utm_campaign: 'automation_launch',
        stratum_utm_content: 'video_ad_v2',
        stratum_click_id: 'fbclid=IwAR3test',
        stratum_landing_url: 'https://stratum.example/?fbclid=IwAR3test',
      },
    });
  });

  it.each([
    ['without attribution: the standard properties only', base, false, { firstname: 'Ahmed', lastname: 'Al-Hassan', company: 'Midas Furniture', phone: '+966501234567' }],
    ['no phone, no company: left out, not blanked', lead({ phoneE164: null, companyName: null }), false, { firstname: 'Ahmed', lastname: 'Al-Hassan' }],
    ['a phone that could not be normalized: as typed', lead({ phoneE164: null, phoneRaw: '0501 23' }), false, { firstname: 'Ahmed', lastname: 'Al-Hassan', company: 'Midas Furniture', phone: '0501 23' }],
    ['one-word name: a first name', lead({ fullName: 'Madonna' }), false, { firstname: 'Madonna', company: 'Midas Furniture', phone: '+966501234567' }],
    ['no name', lead({ fullName: null }), false, { company: 'Midas Furniture', phone: '+966501234567' }],
    ['Arabic name', lead({ fullName: 'محمد بن سلمان آل سعود' }), false, { firstname: 'محمد', lastname: 'بن سلمان آل سعود', company: 'Midas Furniture', phone: '+966501234567' }],
  ])('%s', (_case, l, attribution, properties) => {
    expect(toHubspotContact(l, { attribution }).properties).toEqual(properties);
  });

  it('joins several click ids', () => {
    expect(toHubspotContact(lead({ gclid: 'Cj0K', fbclid: 'IwAR' }), { attribution: true }).properties.stratum_click_id).toBe('fbclid=IwAR&gclid=Cj0K');
  });
});

describe('Zoho lead', () => {
  it('carries the standard fields and the attribution in Description', () => {
    const z = toZohoLead(base);
    expect(z).toMatchObject({
      First_Name: 'Ahmed',
      Last_Name: 'Al-Hassan',
      Email: 'ahmed@midasfurniture.com',
      Company: 'Midas Furniture',
      Phone: '+966501234567',
      Lead_Source: 'Facebook',
    });
    expect(z.Description).toContain('score 85/100');
    expect(z.Description).toContain('utm_source=facebook, utm_medium=cpc, utm_campaign=automation_launch, utm_content=video_ad_v2');
    expect(z.Description).toContain('Click ids: fbclid=IwAR3test');
  });

  it.each([
    // Last_Name is mandatory in Zoho.
    ['one-word name → Last_Name', lead({ fullName: 'Madonna' }), { Last_Name: 'Madonna', First_Name: undefined }],
    ['no name → the address\'s local part', lead({ fullName: null }), { Last_Name: 'ahmed', First_Name: undefined }],
    ['Arabic compound given name', lead({ fullName: 'عبد الله الشهري' }), { First_Name: 'عبد الله', Last_Name: 'الشهري' }],
    ['missing phone and company are left out', lead({ phoneE164: null, companyName: null }), { Phone: undefined, Company: undefined }],
  ])('%s', (_case, l, fields) => {
    const z = toZohoLead(l);
    for (const [k, v] of Object.entries(fields)) expect(z[k]).toBe(v);
  });

  it.each([
    ['meta', 'Facebook'],
    ['google', 'Advertisement'],
    ['tiktok', 'Advertisement'],
    ['snapchat', 'Advertisement'],
    ['organic', 'Web Research'],
    ['direct', 'Web Research'],
  ])('Lead_Source for %s is %s', (platform, source) => {
    expect(zohoLeadSource(platform)).toBe(source);
  });
});

describe('webhook event', () => {
  it('is the documented lead.created v1 shape, keyed by the push id', () => {
    const e = toWebhookEvent(lead({ phoneE164: null }), 'crm_01');
    expect(e).toMatchObject({ id: 'crm_01', type: 'lead.created', version: 1, created_at: '2026-11-20T09:15:23.000Z' });
    expect(e.data.lead).toMatchObject({
      id: 'lead_01',
      email: 'ahmed@midasfurniture.com',
      first_name: 'Ahmed',
      last_name: 'Al-Hassan',
      phone: null,
      score: 85,
      platform: 'meta',
      utm: { source: 'facebook', medium: 'cpc', campaign: 'automation_launch', content: 'video_ad_v2', term: null },
      click_ids: { fbclid: 'IwAR3test', gclid: null },
    });
    expect(e.data.lead.score_breakdown).toEqual([{ rule: 'base', points: 10, detail: 'every signup starts here' }]);
  });
});
