import { sql } from 'drizzle-orm';
import type { Db } from '../../db/types.js';
import { insertRowsAsJson } from '../../db/json-insert.js';
import { adDailyMetrics, adEntities, pixelQuality, type AdAccountRow } from '../../db/schema/index.js';
import type { DailyMetric, Entity, PixelQuality } from '../../platforms/types.js';

/**
 * Upserts keyed by (workspace, platform, entity, date): a repeated, overlapping or resumed sync
 * overwrites what it read before and never adds a second row. One statement per batch, the
 * rows as one JSON parameter (db/json-insert.ts).
 */
export async function upsertEntities(db: Db, account: AdAccountRow, entities: readonly Entity[], now: Date): Promise<void> {
  await insertRowsAsJson(
    db,
    adEntities,
    entities.map((e) => ({
      workspaceId: account.workspaceId,
      platform: account.platform,
      level: e.level,
      externalId: e.externalId,
      adAccountId: account.id,
      parentExternalId: e.parentExternalId,
      campaignExternalId: e.campaignExternalId,
      name: e.name,
      status: e.status,
      platformStatus: e.platformStatus,
      dailyBudgetMinor: e.dailyBudgetMinor,
      lifetimeBudgetMinor: e.lifetimeBudgetMinor,
      objective: e.objective,
      raw: e.raw,
      syncedAt: now,
    })),
    sql` on conflict (workspace_id, platform, level, external_id) do update set
      ad_account_id = excluded.ad_account_id, parent_external_id = excluded.parent_external_id,
      campaign_external_id = excluded.campaign_external_id, name = excluded.name, status = excluded.status,
      platform_status = excluded.platform_status, daily_budget_minor = excluded.daily_budget_minor,
      lifetime_budget_minor = excluded.lifetime_budget_minor, objective = excluded.objective,
      raw = excluded.raw, synced_at = excluded.synced_at`,
  );
}

export async function upsertMetrics(db: Db, account: AdAccountRow, rows: readonly DailyMetric[], now: Date): Promise<void> {
  await insertRowsAsJson(
    db,
    adDailyMetrics,
    rows.map((m) => ({
      workspaceId: account.workspaceId,
      platform: account.platform,
      adExternalId: m.adExternalId,
      date: m.date,
      adAccountId: account.id,
      currency: account.currency,
      spendMinor: m.spendMinor,
      impressions: m.impressions,
      clicks: m.clicks,
      purchases: m.purchases,
      revenueMinor: m.revenueMinor,
      leads: m.leads,
      raw: m.raw,
      syncedAt: now,
    })),
    sql` on conflict (workspace_id, platform, ad_external_id, date) do update set
      ad_account_id = excluded.ad_account_id, currency = excluded.currency, spend_minor = excluded.spend_minor,
      impressions = excluded.impressions, clicks = excluded.clicks, purchases = excluded.purchases,
      revenue_minor = excluded.revenue_minor, leads = excluded.leads, raw = excluded.raw, synced_at = excluded.synced_at`,
  );
}

/** The account's pixels' Event Match Quality, one row per pixel and event. */
export async function upsertPixelQuality(db: Db, account: AdAccountRow, pixels: readonly PixelQuality[], now: Date): Promise<void> {
  await insertRowsAsJson(
    db,
    pixelQuality,
    pixels.flatMap((p) =>
      p.events.map((e) => ({
        workspaceId: account.workspaceId,
        platform: account.platform,
        pixelId: p.pixelId,
        eventName: e.eventName,
        adAccountId: account.id,
        pixelName: p.name,
        matchQuality: e.matchQuality,
        syncedAt: now,
      })),
    ),
    sql` on conflict (workspace_id, platform, pixel_id, event_name) do update set
      ad_account_id = excluded.ad_account_id, pixel_name = excluded.pixel_name,
      match_quality = excluded.match_quality, synced_at = excluded.synced_at`,
  );
}
