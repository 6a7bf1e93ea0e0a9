import { describe, expect, it } from 'vitest';
import { classifyEmailDomain } from './email-domain.js';
import { leadScoreRules, scoreLead, type LeadScoreInput, type LeadScoreRule } from './lead-score.js';

const nothing: LeadScoreInput = { email: '', companyName: null, phoneE164: null, phoneCountry: null, clickIds: {}, utm: {}, language: 'en' };
const seed: LeadScoreInput = {
  email: 'ahmed@midasfurniture.com',
  companyName: 'Midas Furniture',
  phoneE164: '+966501234567',
  phoneCountry: 'SA',
  clickIds: { fbclid: 'IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk' },
  utm: { campaign: 'automation_launch' },
  language: 'en',
};

type Points = Record<LeadScoreRule, number>;
const points = (p: Partial<Points>): Points => ({ base: 20, email_domain: 0, company: 0, phone: 0, paid_click: 0, campaign: 0, target_market: 0, ...p });

describe('scoreLead', () => {
  it.each<[string, Partial<LeadScoreInput>, number, Points]>([
    ['the seed lead is ideal', seed, 100, points({ email_domain: 25, company: 10, phone: 10, paid_click: 15, campaign: 10, target_market: 10 })],
    ['a disposable address with nothing else', { email: 'test@mailinator.com' }, 0, points({ email_domain: -40 })],
    ['a disposable address in Arabic still floors at 0', { email: 'x@yopmail.com', language: 'ar' }, 0, points({ email_domain: -40, target_market: 10 })],
    ['a disposable subdomain', { email: 'x@inbox.mailinator.com' }, 0, points({ email_domain: -40 })],
    ['a disposable address with everything else', { ...seed, email: 'ahmed@mailinator.com' }, 35, points({ email_domain: -40, company: 10, phone: 10, paid_click: 15, campaign: 10, target_market: 10 })],
    ['a free-mail address alone', { email: 'ahmed@gmail.com' }, 20, points({})],
    ['hotmail with a Saudi phone and company', { email: 'ahmed@hotmail.com', companyName: 'Midas', phoneE164: '+966501234567', phoneCountry: 'SA' }, 50, points({ company: 10, phone: 10, target_market: 10 })],
    ['a work address alone', { email: 'sara@acme.io' }, 45, points({ email_domain: 25 })],
    ['a work address in Arabic', { email: 'sara@acme.io', language: 'ar' }, 55, points({ email_domain: 25, target_market: 10 })],
    ['gmail from a Google ad campaign, Arabic', { email: 'x@gmail.com', clickIds: { gclid: 'Cj0' }, utm: { campaign: 'brand' }, language: 'ar' }, 55, points({ paid_click: 15, campaign: 10, target_market: 10 })],
    ['a UAE lead', { email: 'omar@emaar.ae', phoneE164: '+971501234567', phoneCountry: 'AE' }, 65, points({ email_domain: 25, phone: 10, target_market: 10 })],
    ['a US lead with everything but the market', { ...seed, phoneE164: '+14155552671', phoneCountry: 'US' }, 90, points({ email_domain: 25, company: 10, phone: 10, paid_click: 15, campaign: 10 })],
    ['an unreadable email', { email: 'not-an-email' }, 20, points({})],
    ['domain case does not matter', { email: 'Ahmed@MidasFurniture.COM' }, 45, points({ email_domain: 25 })],
    ['a blank company is no company', { email: 'sara@acme.io', companyName: '   ' }, 45, points({ email_domain: 25 })],
    ['a malformed phone scores nothing', { email: 'sara@acme.io', phoneE164: '0501234567', phoneCountry: 'SA' }, 55, points({ email_domain: 25, target_market: 10 })],
    ['an empty click id is no click', { email: 'sara@acme.io', clickIds: { fbclid: '' } }, 45, points({ email_domain: 25 })],
    ['a blank campaign is no campaign', { email: 'sara@acme.io', utm: { campaign: '  ', source: 'google' } }, 45, points({ email_domain: 25 })],
    ['lower-case country code', { email: 'sara@acme.io', phoneE164: '+96891234567', phoneCountry: 'om' }, 65, points({ email_domain: 25, phone: 10, target_market: 10 })],
    ['any click id counts as paid', { email: 'x@gmail.com', clickIds: { sccid: 'a' } }, 35, points({ paid_click: 15 })],
  ])('%s → %d', (_name, input, score, expected) => {
    const result = scoreLead({ ...nothing, ...input });
    expect(result.score).toBe(score);
    expect(Object.fromEntries(result.breakdown.map((l) => [l.rule, l.points]))).toEqual(expected);
  });

  it('lists every rule, in order, with an explanation, even when it scored 0', () => {
    const { breakdown } = scoreLead(nothing);
    expect(breakdown.map((l) => l.rule)).toEqual([...leadScoreRules]);
    for (const line of breakdown) expect(line.detail.length).toBeGreaterThan(0);
  });

  it('explains the seed lead in words the UI can show', () => {
    expect(scoreLead(seed).breakdown).toEqual([
      { rule: 'base', points: 20, detail: 'every signup starts here' },
      { rule: 'email_domain', points: 25, detail: 'midasfurniture.com is a company domain' },
      { rule: 'company', points: 10, detail: 'company given: Midas Furniture' },
      { rule: 'phone', points: 10, detail: 'valid phone number' },
      { rule: 'paid_click', points: 15, detail: 'arrived from a paid click (fbclid)' },
      { rule: 'campaign', points: 10, detail: 'campaign tagged: automation_launch' },
      { rule: 'target_market', points: 10, detail: 'phone in the GCC (SA)' },
    ]);
  });

  it('always returns an integer between 0 and 100', () => {
    const emails = ['a@gmail.com', 'a@mailinator.com', 'a@acme.io', 'bad'];
    for (const email of emails) {
      for (const language of ['en', 'ar'] as const) {
        for (const full of [false, true]) {
          const { score } = scoreLead(full ? { ...seed, email, language } : { ...nothing, email, language });
          expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
        }
      }
    }
  });
});

describe('classifyEmailDomain', () => {
  it.each([
    ['ahmed@midasfurniture.com', 'work', 'midasfurniture.com'],
    ['x@gmail.com', 'free', 'gmail.com'],
    ['x@outlook.sa', 'free', 'outlook.sa'],
    ['x@icloud.com', 'free', 'icloud.com'],
    ['x@mailinator.com', 'disposable', 'mailinator.com'],
    ['x@MAILINATOR.COM', 'disposable', 'mailinator.com'],
    ['x@sub.mailinator.com', 'disposable', 'sub.mailinator.com'],
    ['x@acme.com.ar', 'work', 'acme.com.ar'], // "com.ar" is in the free-mail list; its companies are not free mail
    ['x@company.com.sa', 'work', 'company.com.sa'],
    ['"quoted@local"@acme.io', 'work', 'acme.io'],
    ['x@acme.io.', 'work', 'acme.io'],
    ['no-at-sign', 'unknown', null],
    ['@acme.io', 'unknown', null],
    ['x@localhost', 'unknown', null],
    ['x@exa mple.com', 'unknown', null],
  ])('%s is %s', (email, kind, domain) => {
    expect(classifyEmailDomain(email)).toEqual({ kind, domain });
  });
});
