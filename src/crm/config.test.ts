import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

const issuesOf = (env: Record<string, string>, role: 'all' | 'api' | 'worker' = 'all'): string[] => {
  try {
    loadConfig(env, role);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => i.variable);
    throw e;
  }
  return [];
};

describe('CRM configuration', () => {
  it('defaults to HubSpot in the sandbox when the sandbox runs, else none', () => {
    expect(loadConfig({}, 'all').crm).toEqual({ provider: 'hubspot', apiUrl: 'http://localhost:4010/crm/hubspot', accessToken: expect.stringMatching(/^pat-sandbox-/) });
    expect(loadConfig({}, 'worker').crm).toEqual({ provider: null });
    expect(loadConfig({ SANDBOX_ENABLED: 'false' }).crm).toEqual({ provider: null });
  });

  it('points Zoho at the sandbox when it runs and no Zoho credentials are set', () => {
    expect(loadConfig({ CRM_PROVIDER: 'zoho', SANDBOX_PORT: '4999' }).crm).toMatchObject({
      provider: 'zoho',
      accountsUrl: 'http://localhost:4999/crm/zoho/accounts',
      apiUrl: 'http://localhost:4999/crm/zoho/api',
    });
  });

  it('uses the real hosts once credentials are set, in the chosen data center', () => {
    expect(loadConfig({ CRM_PROVIDER: 'hubspot', HUBSPOT_ACCESS_TOKEN: 'pat-na1-123456' }).crm).toEqual({ provider: 'hubspot', apiUrl: 'https://api.hubapi.com', accessToken: 'pat-na1-123456' });
    const zoho = { CRM_PROVIDER: 'zoho', ZOHO_CLIENT_ID: '1000.X', ZOHO_CLIENT_SECRET: 's', ZOHO_REFRESH_TOKEN: '1000.r' };
    expect(loadConfig(zoho, 'worker').crm).toMatchObject({ accountsUrl: 'https://accounts.zoho.com', apiUrl: 'https://www.zohoapis.com' });
    expect(loadConfig({ ...zoho, ZOHO_ACCOUNTS_URL: 'https://accounts.zoho.sa/', ZOHO_API_URL: 'https://www.zohoapis.sa' }, 'worker').crm).toMatchObject({
      accountsUrl: 'https://accounts.zoho.sa',
      apiUrl: 'https://www.zohoapis.sa',
    });
  });

  it.each([
    [{ CRM_PROVIDER: 'hubspot' }, ['HUBSPOT_ACCESS_TOKEN']],
    [{ CRM_PROVIDER: 'zoho', ZOHO_CLIENT_ID: '1000.X' }, ['ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN']],
    [{ CRM_PROVIDER: 'webhook' }, ['CRM_WEBHOOK_URL', 'CRM_WEBHOOK_SECRET']],
    [{ CRM_PROVIDER: 'webhook', CRM_WEBHOOK_URL: 'https://hooks.example.com/x', CRM_WEBHOOK_SECRET: 'short' }, ['CRM_WEBHOOK_SECRET']],
    [{ CRM_PROVIDER: 'webhook', CRM_WEBHOOK_URL: 'ftp://hooks.example.com/x', CRM_WEBHOOK_SECRET: 'long-enough-secret-1' }, ['CRM_WEBHOOK_URL']],
    [{ CRM_PROVIDER: 'salesforce' }, ['CRM_PROVIDER']],
  ])('names what is missing or wrong off the sandbox: %j', (env, variables) => {
    expect(issuesOf(env, 'worker')).toEqual(variables);
  });

  it('never puts a credential in the error message', () => {
    try {
      loadConfig({ CRM_PROVIDER: 'webhook', CRM_WEBHOOK_URL: 'https://hooks.example.com/x', CRM_WEBHOOK_SECRET: 'tiny-secret' }, 'worker');
    } catch (e) {
      expect((e as Error).message).not.toContain('tiny-secret');
    }
  });
});
