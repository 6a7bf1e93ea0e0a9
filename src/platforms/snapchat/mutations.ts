import { z } from 'zod';
import { minorToMicros } from '../../shared/money.js';
import { PlatformError } from '../errors.js';
import type { AdAccount, EntityRef } from '../types.js';
import { getOne, putOne, type SnapCaller } from './client.js';
import { adSquadSchema, campaignSchema } from './schemas.js';

const entityRefSchema = z.object({
  accountId: z.string(),
  level: z.enum(['campaign', 'ad_set']),
  externalId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a Snapchat id is a UUID'),
});

// Computed by Snapchat; sending them back in a full replace is at best ignored.
const readOnly = ['created_at', 'updated_at', 'delivery_status'];

function parseRef(ref: EntityRef): z.output<typeof entityRefSchema> {
  const parsed = entityRefSchema.safeParse(ref);
  if (!parsed.success) throw new PlatformError('snapchat', 'INVALID', `bad entity reference: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

/**
 * Updates are full replacements (PUT of the whole object), so the entity is read, changed in
 * one field and written back as read.
 */
async function update(caller: SnapCaller, account: AdAccount, ref: EntityRef, change: Record<string, unknown>, what: string): Promise<void> {
  const r = parseRef(ref);
  const id = encodeURIComponent(r.externalId);
  if (r.level === 'campaign') {
    const { entity, raw } = await getOne(caller, `campaigns/${id}`, 'campaigns', 'campaign', campaignSchema, `read campaign ${r.externalId}`);
    if (entity.ad_account_id && entity.ad_account_id !== account.externalId) {
      throw new PlatformError('snapchat', 'NOT_FOUND', `campaign ${r.externalId} is not in ad account ${account.externalId}`);
    }
    const body = { ...withoutReadOnly(raw), ...change };
    await putOne(caller, `adaccounts/${encodeURIComponent(account.externalId)}/campaigns`, 'campaigns', 'campaign', body, campaignSchema, what);
    return;
  }
  const { entity, raw } = await getOne(caller, `adsquads/${id}`, 'adsquads', 'adsquad', adSquadSchema, `read ad squad ${r.externalId}`);
  const body = { ...withoutReadOnly(raw), ...change };
  await putOne(caller, `campaigns/${encodeURIComponent(entity.campaign_id)}/adsquads`, 'adsquads', 'adsquad', body, adSquadSchema, what);
}

function withoutReadOnly(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !readOnly.includes(k)));
}

export async function setSnapchatDailyBudget(caller: SnapCaller, account: AdAccount, ref: EntityRef, minor: number): Promise<void> {
  if (!Number.isSafeInteger(minor) || minor <= 0) throw new PlatformError('snapchat', 'INVALID', `daily budget must be a positive integer of minor units, got ${minor}`);
  const micro = Number(minorToMicros(minor, account.currency));
  await update(caller, account, ref, { daily_budget_micro: micro }, `set daily budget of ${ref.level} ${ref.externalId}`);
}

export async function setSnapchatStatus(caller: SnapCaller, account: AdAccount, ref: EntityRef, status: 'ACTIVE' | 'PAUSED'): Promise<void> {
  await update(caller, account, ref, { status }, `set status of ${ref.level} ${ref.externalId}`);
}
