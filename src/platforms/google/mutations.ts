import { z } from 'zod';
import { minorToMicros } from '../../shared/money.js';
import { PlatformError } from '../errors.js';
import type { AdAccount, EntityRef } from '../types.js';
import { mutate, search, type GoogleCaller } from './client.js';
import { campaignBudgetQuery, campaignsSharingBudgetQuery } from './gaql.js';
import { budgetLookupRowSchema, idRowSchema } from './schemas.js';

export const entityRefSchema = z.object({
  accountId: z.string(),
  level: z.enum(['campaign', 'ad_set']),
  externalId: z.string().regex(/^\d+$/, 'a Google Ads id is digits only'),
});
const budgetResourceName = /^customers\/\d+\/campaignBudgets\/\d+$/;

function invalid(message: string): PlatformError {
  return new PlatformError('google', 'INVALID', message);
}

function parseRef(ref: EntityRef): z.output<typeof entityRefSchema> {
  const parsed = entityRefSchema.safeParse(ref);
  if (!parsed.success) throw invalid(`bad entity reference: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Sets a campaign's daily budget. Google keeps budgets on their own resource, possibly shared
 * by several campaigns; changing a shared one would move the others too, so that is refused.
 */
export async function setGoogleDailyBudget(caller: GoogleCaller, account: AdAccount, ref: EntityRef, minor: number): Promise<void> {
  const r = parseRef(ref);
  if (!Number.isSafeInteger(minor) || minor <= 0) throw invalid(`daily budget must be a positive integer of minor units, got ${minor}`);
  if (r.level === 'ad_set') throw invalid('Google Ads ad groups have no budget; change the budget of their campaign');
  const cid = account.externalId;
  let budget: string | undefined;
  let shared = false;
  let found = false;
  for await (const { row } of search(caller, cid, campaignBudgetQuery(r.externalId), budgetLookupRowSchema, `read budget of campaign ${r.externalId}`)) {
    found = true;
    budget = row.campaign.campaignBudget;
    shared = row.campaignBudget?.explicitlyShared ?? false;
  }
  if (!found) throw new PlatformError('google', 'NOT_FOUND', `campaign ${r.externalId} not found in customer ${cid}`);
  if (!budget || !budgetResourceName.test(budget)) throw invalid(`campaign ${r.externalId} has no campaign budget to change`);
  if (shared) {
    let users = 0;
    for await (const _ of search(caller, cid, campaignsSharingBudgetQuery(budget), idRowSchema, `list campaigns sharing ${budget}`)) users += 1;
    if (users > 1) throw invalid(`campaign ${r.externalId} uses a budget shared by ${users} campaigns; change it in Google Ads`);
  }
  await mutate(
    caller,
    cid,
    'campaignBudgets',
    [{ update: { resourceName: budget, amountMicros: minorToMicros(minor, account.currency).toString() }, updateMask: 'amount_micros' }],
    `set daily budget of campaign ${r.externalId}`,
  );
}

export async function setGoogleStatus(caller: GoogleCaller, account: AdAccount, ref: EntityRef, status: 'ACTIVE' | 'PAUSED'): Promise<void> {
  const r = parseRef(ref);
  const cid = account.externalId;
  const [service, collection] = r.level === 'campaign' ? ['campaigns', 'campaigns'] : ['adGroups', 'adGroups'];
  await mutate(
    caller,
    cid,
    service,
    [{ update: { resourceName: `customers/${cid}/${collection}/${r.externalId}`, status: status === 'ACTIVE' ? 'ENABLED' : 'PAUSED' }, updateMask: 'status' }],
    `set status of ${r.level} ${r.externalId}`,
  );
}
