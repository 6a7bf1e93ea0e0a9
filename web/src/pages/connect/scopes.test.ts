import { describe, expect, it } from 'vitest';
import accountEn from '../../i18n/locales/account/en.json';
import { DOCUMENTED_SCOPES, scopeLines } from './scopes';

describe('scopeLines', () => {
  it.each([
    ['meta', ['ads_management', 'ads_read', 'business_management'], ['ads_management', 'ads_read', 'business_management']],
    ['google', ['https://www.googleapis.com/auth/adwords'], ['adwords']],
    ['tiktok', ['Ad Account Management', 'Ads Management', 'Reporting'], ['tiktok_accounts', 'tiktok_ads', 'tiktok_reporting']],
    ['snapchat', ['snapchat-marketing-api'], ['snapchat_marketing']],
  ] as const)('%s: each scope has its plain-language line', (platform, scopes, keys) => {
    expect(scopeLines(platform, scopes).map((l) => l.key)).toEqual(keys);
  });

  it("shortens Google's URL scope to its name and keeps the full scope for the tooltip", () => {
    expect(scopeLines('google', ['https://www.googleapis.com/auth/adwords'])).toEqual([{ scope: 'https://www.googleapis.com/auth/adwords', short: 'adwords', key: 'adwords' }]);
  });

  it('falls back to the documented scopes when the server has none (platform not configured)', () => {
    expect(scopeLines('meta', []).map((l) => l.scope)).toEqual([...DOCUMENTED_SCOPES.meta]);
  });

  it('shows a scope it has no words for as it is, once', () => {
    expect(scopeLines('meta', ['ads_read', 'leads_retrieval', 'ads_read'])).toEqual([
      { scope: 'ads_read', short: 'ads_read', key: 'ads_read' },
      { scope: 'leads_retrieval', short: 'leads_retrieval', key: null },
    ]);
  });

  it('has a catalogue line for every key it can return', () => {
    const keys = Object.values(DOCUMENTED_SCOPES).flatMap((list) => scopeLines('meta', list).map((l) => l.key));
    for (const key of keys) expect(accountEn.connect.permissions, String(key)).toHaveProperty(String(key));
  });
});
