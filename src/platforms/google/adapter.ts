import { z } from 'zod';
import { PlatformError } from '../errors.js';
import { checkedRange, deferred } from '../inputs.js';
import { spendContext, withSpendLast30d } from '../spend.js';
import type { AdAccount, AdapterContext, AdPlatform, TokenSet } from '../types.js';
import { listGoogleAccounts } from './accounts.js';
import type { GoogleCaller } from './client.js';
import { googleEntities } from './entities.js';
import { customerIdOf } from './map.js';
import { setGoogleDailyBudget, setGoogleStatus } from './mutations.js';
import { googleAuthorizeUrl, googleExchangeCode, googleRefresh, googleScopes } from './oauth.js';
import { googleDailyMetrics } from './reports.js';
import { googleSpendLast30d } from './spend.js';

const accountSchema = z.object({
  externalId: z.string().regex(/^\d{1,12}$/, 'a Google Ads customer id is digits only'),
  currency: z.string().length(3),
  managerId: z
    .string()
    .regex(/^[\d-]+$/)
    .nullable(),
});

/** The account as the caller passed it, checked: its ids end up in URLs, headers and GAQL. */
function callerFor(ctx: AdapterContext, token: TokenSet, account: AdAccount): GoogleCaller {
  const parsed = accountSchema.safeParse(account);
  if (!parsed.success) throw new PlatformError('google', 'INVALID', `bad ad account: ${parsed.error.issues[0]?.message ?? 'shape'}`);
  return { ctx, token, loginCustomerId: parsed.data.managerId ? customerIdOf(parsed.data.managerId) : null };
}

export function createGoogleAdapter(ctx: AdapterContext): AdPlatform {
  return {
    id: 'google',
    scopes: googleScopes,
    supportsPkce: true,
    authorizeUrl: (p) => googleAuthorizeUrl(ctx, p),
    exchangeCode: (code, redirectUri, codeVerifier) => googleExchangeCode(ctx, code, redirectUri, codeVerifier),
    refresh: (t) => googleRefresh(ctx, t),
    listAdAccounts: async (t) => withSpendLast30d(await listGoogleAccounts(ctx, t), (a) => googleSpendLast30d(spendContext(ctx), t, a)),
    entities: (t, account) => deferred(() => googleEntities(callerFor(ctx, t, account), account)),
    dailyMetrics: (t, account, range) => deferred(() => googleDailyMetrics(callerFor(ctx, t, account), account, checkedRange('google', range))),
    pixelQuality: async () => [],
    setDailyBudget: async (t, account, ref, minor) => setGoogleDailyBudget(callerFor(ctx, t, account), account, ref, minor),
    setStatus: async (t, account, ref, status) => setGoogleStatus(callerFor(ctx, t, account), account, ref, status),
  };
}
