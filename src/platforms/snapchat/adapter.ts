import { z } from 'zod';
import { PlatformError } from '../errors.js';
import { checkedRange, deferred } from '../inputs.js';
import { spendContext, withSpendLast30d } from '../spend.js';
import type { AdAccount, AdapterContext, AdPlatform, TokenSet } from '../types.js';
import { listSnapchatAccounts } from './accounts.js';
import type { SnapCaller } from './client.js';
import { snapchatEntities } from './entities.js';
import { setSnapchatDailyBudget, setSnapchatStatus } from './mutations.js';
import { snapchatAuthorizeUrl, snapchatExchangeCode, snapchatRefresh, snapchatScopes } from './oauth.js';
import { snapchatDailyMetrics } from './reports.js';
import { snapchatSpendLast30d } from './spend.js';
import { isIanaTimeZone } from '../../shared/time-zone.js';

const accountSchema = z.object({
  externalId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a Snapchat ad account id is a UUID'),
  currency: z.string().length(3),
  timeZone: z.string().refine(isIanaTimeZone, 'unknown IANA time zone'),
});

function checkAccount(account: AdAccount): AdAccount {
  const parsed = accountSchema.safeParse(account);
  if (!parsed.success) throw new PlatformError('snapchat', 'INVALID', `bad ad account: ${parsed.error.issues[0]?.message ?? 'shape'}`);
  return account;
}

export function createSnapchatAdapter(ctx: AdapterContext): AdPlatform {
  const caller = (token: TokenSet): SnapCaller => ({ ctx, token });
  return {
    id: 'snapchat',
    scopes: snapchatScopes,
    // Snap's Marketing API documents no PKCE for the authorization-code flow.
    supportsPkce: false,
    authorizeUrl: (p) => snapchatAuthorizeUrl(ctx, p),
    exchangeCode: (code, redirectUri) => snapchatExchangeCode(ctx, code, redirectUri),
    refresh: (t) => snapchatRefresh(ctx, t),
    listAdAccounts: async (t) => withSpendLast30d(await listSnapchatAccounts(caller(t)), (a) => snapchatSpendLast30d({ ctx: spendContext(ctx), token: t }, a)),
    entities: (t, account) => deferred(() => snapchatEntities(caller(t), checkAccount(account))),
    dailyMetrics: (t, account, range) => deferred(() => snapchatDailyMetrics(caller(t), checkAccount(account), checkedRange('snapchat', range))),
    pixelQuality: async () => [],
    setDailyBudget: async (t, account, ref, minor) => setSnapchatDailyBudget(caller(t), checkAccount(account), ref, minor),
    setStatus: async (t, account, ref, status) => setSnapchatStatus(caller(t), checkAccount(account), ref, status),
  };
}
