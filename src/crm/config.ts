import { z } from 'zod';

/**
 * The CRM settings, parsed with the rest of the environment by `src/config.ts`. Leads from
 * Stratum's own landing page go to one CRM: HubSpot, Zoho CRM or a signed webhook.
 */
export const crmEnvShape = {
  CRM_PROVIDER: z.enum(['none', 'hubspot', 'zoho', 'webhook']).optional(),
  HUBSPOT_API_URL: z.url().optional(),
  HUBSPOT_ACCESS_TOKEN: z.string().min(8).optional(),
  ZOHO_ACCOUNTS_URL: z.url().optional(),
  ZOHO_API_URL: z.url().optional(),
  ZOHO_CLIENT_ID: z.string().min(1).optional(),
  ZOHO_CLIENT_SECRET: z.string().min(1).optional(),
  ZOHO_REFRESH_TOKEN: z.string().min(1).optional(),
  CRM_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  CRM_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
};

type CrmEnv = z.output<z.ZodObject<typeof crmEnvShape>>;

export type CrmConfig =
  | { provider: null }
  | { provider: 'hubspot'; apiUrl: string; accessToken: string }
  | { provider: 'zoho'; accountsUrl: string; apiUrl: string; clientId: string; clientSecret: string; refreshToken: string }
  | { provider: 'webhook'; url: string; secret: string };

/**
 * Credentials the sandbox accepts (it imitates HubSpot and Zoho on the sandbox's own port).
 * Used only when the sandbox runs and no real credentials are set.
 */
export const sandboxCrmCredentials = {
  hubspotAccessToken: 'pat-sandbox-00000000-0000-0000-0000-000000000000',
  zohoClientId: '1000.SANDBOXCLIENT',
  zohoClientSecret: 'sandbox-client-secret',
  zohoRefreshToken: '1000.sandbox.refresh-token',
} as const;

const trim = (u: string) => u.replace(/\/+$/, '');

export type CrmConfigResult = { ok: true; crm: CrmConfig } | { ok: false; issues: { variable: string; message: string }[] };

/**
 * `sandboxUrl`: where the sandbox runs beside this process (null when it does not). With it
 * and no credentials, HubSpot (the default) or Zoho point at the sandbox; otherwise the
 * chosen CRM's credentials are required, and a missing one is named.
 */
export function crmConfig(e: CrmEnv, sandboxUrl: string | null): CrmConfigResult {
  const provider = e.CRM_PROVIDER ?? (sandboxUrl ? 'hubspot' : 'none');
  const missing = (...names: (keyof CrmEnv)[]): CrmConfigResult => ({
    ok: false,
    issues: names.filter((n) => !e[n]).map((variable) => ({ variable, message: `required when CRM_PROVIDER=${provider}` })),
  });

  if (provider === 'none') return { ok: true, crm: { provider: null } };

  if (provider === 'hubspot') {
    if (!e.HUBSPOT_ACCESS_TOKEN && sandboxUrl && !e.HUBSPOT_API_URL) {
      return { ok: true, crm: { provider, apiUrl: `${sandboxUrl}/crm/hubspot`, accessToken: sandboxCrmCredentials.hubspotAccessToken } };
    }
    if (!e.HUBSPOT_ACCESS_TOKEN) return missing('HUBSPOT_ACCESS_TOKEN');
    return { ok: true, crm: { provider, apiUrl: trim(e.HUBSPOT_API_URL ?? 'https://api.hubapi.com'), accessToken: e.HUBSPOT_ACCESS_TOKEN } };
  }

  if (provider === 'zoho') {
    const anyCredential = e.ZOHO_CLIENT_ID || e.ZOHO_CLIENT_SECRET || e.ZOHO_REFRESH_TOKEN;
    if (!anyCredential && sandboxUrl && !e.ZOHO_ACCOUNTS_URL && !e.ZOHO_API_URL) {
      return {
        ok: true,
        crm: {
          provider,
          accountsUrl: `${sandboxUrl}/crm/zoho/accounts`,
          apiUrl: `${sandboxUrl}/crm/zoho/api`,
          clientId: sandboxCrmCredentials.zohoClientId,
          clientSecret: sandboxCrmCredentials.zohoClientSecret,
          refreshToken: sandboxCrmCredentials.zohoRefreshToken,
        },
      };
    }
    if (!e.ZOHO_CLIENT_ID || !e.ZOHO_CLIENT_SECRET || !e.ZOHO_REFRESH_TOKEN) return missing('ZOHO_CLIENT_ID', 'ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN');
    return {
      ok: true,
      crm: {
        provider,
        accountsUrl: trim(e.ZOHO_ACCOUNTS_URL ?? 'https://accounts.zoho.com'),
        apiUrl: trim(e.ZOHO_API_URL ?? 'https://www.zohoapis.com'),
        clientId: e.ZOHO_CLIENT_ID,
        clientSecret: e.ZOHO_CLIENT_SECRET,
        refreshToken: e.ZOHO_REFRESH_TOKEN,
      },
    };
  }

  if (!e.CRM_WEBHOOK_URL || !e.CRM_WEBHOOK_SECRET) return missing('CRM_WEBHOOK_URL', 'CRM_WEBHOOK_SECRET');
  return { ok: true, crm: { provider, url: e.CRM_WEBHOOK_URL, secret: e.CRM_WEBHOOK_SECRET } };
}
