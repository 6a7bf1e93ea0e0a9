import { z } from 'zod';
import { PlatformError } from '../errors.js';
import type { AdAccount, AdapterContext, AdPlatform, DateRange, TokenSet } from '../types.js';
import { listGoogleAccounts } from './accounts.js';
import type { GoogleCaller } from './client.js';
import { dateRangeSchema } from './dates.js';
import { googleEntities } from './entities.js';
import { customerIdOf } from './map.js';
import { setGoogleDailyBudget, setGoogleStatus } from './mutations.js';
import { googleAuthorizeUrl, googleExchangeCode, googleRefresh, googleScopes } from './oauth.js';
import { googleDailyMetrics } from './reports.js';

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

function checkRange(range: DateRange): DateRange {
  const parsed = dateRangeSchema.safeParse(range);
  if (!parsed.success) throw new PlatformError('google', 'INVALID', `bad date range ${range.since}..${range.until}: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Validation errors surface when the stream is read, like every other error of the stream. */
async function* deferred<T>(start: () => AsyncIterable<T>): AsyncGenerator<T> {
  yield* start();
}

export function createGoogleAdapter(ctx: AdapterContext): AdPlatform {
  return {
    id: 'google',
    scopes: googleScopes,
    supportsPkce: true,
    authorizeUrl: (p) => googleAuthorizeUrl(ctx, p),
    exchangeCode: (code, redirectUri, codeVerifier) => googleExchangeCode(ctx, code, redirectUri, codeVerifier),
    refresh: (t) => googleRefresh(ctx, t),
    listAdAccounts: async (t) => listGoogleAccounts(ctx, t),
    entities: (t, account) => deferred(() => googleEntities(callerFor(ctx, t, account), account)),
    dailyMetrics: (t, account, range) => deferred(() => googleDailyMetrics(callerFor(ctx, t, account), account, checkRange(range))),
    pixelQuality: async () => [],
    setDailyBudget: async (t, account, ref, minor) => setGoogleDailyBudget(callerFor(ctx, t, account), account, ref, minor),
    setStatus: async (t, account, ref, status) => setGoogleStatus(callerFor(ctx, t, account), account, ref, status),
  };
}
