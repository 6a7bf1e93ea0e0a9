import type { Touch } from './attribution.js';
import { classifyEmailDomain, type EmailDomainKind } from './email-domain.js';

export const leadScoreRules = ['base', 'email_domain', 'company', 'phone', 'paid_click', 'campaign', 'target_market'] as const;
export type LeadScoreRule = (typeof leadScoreRules)[number];

/**
 * Points per rule. The maxima add up to exactly 100 (20+25+10+10+15+10+10), so an ideal lead
 * scores 100 with no clamping, while a disposable address with nothing else lands at 20−40 → 0.
 */
export const leadScorePoints = {
  base: 20,
  email: { work: 25, free: 0, disposable: -40, unknown: 0 } satisfies Record<EmailDomainKind, number>,
  company: 10,
  phone: 10,
  paidClick: 15,
  campaign: 10,
  targetMarket: 10,
} as const;

/** GCC members: the markets Stratum sells into first. */
export const gccCountries: ReadonlySet<string> = new Set(['SA', 'AE', 'KW', 'QA', 'BH', 'OM']);

export interface LeadScoreInput {
  email: string;
  companyName: string | null;
  phoneE164: string | null;
  phoneCountry: string | null;
  clickIds: Touch['clickIds'];
  utm: Touch['utm'];
  language: 'en' | 'ar';
}

export interface LeadScoreLine {
  rule: LeadScoreRule;
  points: number;
  detail: string;
}

const emailDetail: Record<EmailDomainKind, (domain: string | null) => string> = {
  work: (d) => `${d} is a company domain`,
  free: (d) => `${d} is a free-mail provider`,
  disposable: (d) => `${d} is a disposable-address service`,
  unknown: () => 'the email has no readable domain',
};

/** Every rule is listed, including those worth 0, so the UI can show why a lead scored what it did. */
export function scoreLead(input: LeadScoreInput): { score: number; breakdown: LeadScoreLine[] } {
  const p = leadScorePoints;
  const email = classifyEmailDomain(input.email);
  const company = input.companyName?.trim() ?? '';
  const phone = input.phoneE164 !== null && /^\+[1-9]\d{6,14}$/.test(input.phoneE164);
  const clickKeys = Object.entries(input.clickIds).filter(([, v]) => v?.trim()).map(([k]) => k);
  const campaign = input.utm.campaign?.trim() ?? '';
  const country = input.phoneCountry?.toUpperCase() ?? null;
  const gccPhone = country !== null && gccCountries.has(country);

  const breakdown: LeadScoreLine[] = [
    { rule: 'base', points: p.base, detail: 'every signup starts here' },
    { rule: 'email_domain', points: p.email[email.kind], detail: emailDetail[email.kind](email.domain) },
    company
      ? { rule: 'company', points: p.company, detail: `company given: ${company}` }
      : { rule: 'company', points: 0, detail: 'no company given' },
    phone
      ? { rule: 'phone', points: p.phone, detail: 'valid phone number' }
      : { rule: 'phone', points: 0, detail: 'no valid phone number' },
    clickKeys.length > 0
      ? { rule: 'paid_click', points: p.paidClick, detail: `arrived from a paid click (${clickKeys.join(', ')})` }
      : { rule: 'paid_click', points: 0, detail: 'no ad click id' },
    campaign
      ? { rule: 'campaign', points: p.campaign, detail: `campaign tagged: ${campaign}` }
      : { rule: 'campaign', points: 0, detail: 'no utm_campaign' },
    gccPhone || input.language === 'ar'
      ? { rule: 'target_market', points: p.targetMarket, detail: gccPhone ? `phone in the GCC (${country})` : 'uses the Arabic interface' }
      : { rule: 'target_market', points: 0, detail: 'outside the GCC and not using Arabic' },
  ];
  const total = breakdown.reduce((sum, line) => sum + line.points, 0);
  return { score: Math.min(100, Math.max(0, Math.round(total))), breakdown };
}
