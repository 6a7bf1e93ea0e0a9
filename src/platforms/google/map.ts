import { majorToMinor, microsToMinor } from '../../shared/money.js';
import type { AdAccount, DailyMetric, Entity, EntityStatus } from '../types.js';
import type { AdGroupRow, AdRow, CampaignRow, ConversionRow, CustomerClientRow, CustomerRow, DeliveryRow } from './schemas.js';

/** "123-456-7890" or "customers/1234567890" → "1234567890". */
export function customerIdOf(value: string): string {
  const id = value.replace(/^customers\//, '').replace(/-/g, '');
  if (!/^\d+$/.test(id)) throw new RangeError(`not a Google Ads customer id: ${value}`);
  return id;
}

/** The last id of a resource name: `customers/1/adGroups/22` → "22", `…/adGroupAds/22~33` → "33". */
export function idOfResourceName(resourceName: string): string {
  const last = resourceName.split('/').pop() ?? '';
  return last.split('~').pop() ?? last;
}

export function entityStatus(status: string): EntityStatus {
  if (status === 'ENABLED') return 'ACTIVE';
  if (status === 'REMOVED') return 'DELETED';
  // PAUSED, and UNKNOWN/UNSPECIFIED: never report as delivering what we cannot confirm is.
  return 'PAUSED';
}

export function accountStatus(status: string): AdAccount['status'] {
  switch (status) {
    case 'ENABLED':
      return 'active';
    case 'SUSPENDED':
      return 'disabled';
    case 'CANCELED':
    case 'CLOSED':
      return 'closed';
    default:
      return 'pending';
  }
}

type CustomerFields = CustomerRow['customer'] | CustomerClientRow['customerClient'];

/** `customer` and `customer_client` rows print the same fields; a client also names the manager it is reached through. */
function accountOf(c: CustomerFields, managerId: string | null): AdAccount {
  return {
    externalId: customerIdOf(c.id),
    name: c.descriptiveName || c.id,
    currency: c.currencyCode,
    timeZone: c.timeZone,
    status: accountStatus(c.status),
    spendLast30dMinor: null,
    managerId: managerId === null ? null : customerIdOf(managerId),
  };
}

export const mapCustomer = (row: CustomerRow): AdAccount => accountOf(row.customer, null);

export const mapCustomerClient = (row: CustomerClientRow, managerId: string): AdAccount => accountOf(row.customerClient, managerId);

export function mapCampaign(row: CampaignRow, raw: unknown, currency: string): Entity {
  const { campaign, campaignBudget } = row;
  const amount = campaignBudget?.amountMicros;
  return {
    level: 'campaign',
    externalId: campaign.id,
    parentExternalId: null,
    campaignExternalId: campaign.id,
    name: campaign.name,
    status: entityStatus(campaign.status),
    platformStatus: campaign.status,
    // Standard campaign budgets are per day; the amount belongs to a budget resource that
    // may be shared (raw keeps `explicitlyShared`).
    dailyBudgetMinor: amount !== undefined ? microsToMinor(amount, currency) : null,
    lifetimeBudgetMinor: null,
    objective: campaign.advertisingChannelType ?? null,
    raw: asRecord(raw),
  };
}

export function mapAdGroup(row: AdGroupRow, raw: unknown): Entity {
  const g = row.adGroup;
  const campaignId = idOfResourceName(g.campaign);
  return {
    level: 'ad_set',
    externalId: g.id,
    parentExternalId: campaignId,
    campaignExternalId: campaignId,
    name: g.name,
    status: entityStatus(g.status),
    platformStatus: g.status,
    dailyBudgetMinor: null,
    lifetimeBudgetMinor: null,
    objective: null,
    raw: asRecord(raw),
  };
}

export function mapAd(row: AdRow, raw: unknown, campaignId: string): Entity {
  const a = row.adGroupAd;
  return {
    level: 'ad',
    externalId: a.ad.id,
    parentExternalId: idOfResourceName(a.adGroup),
    campaignExternalId: campaignId,
    name: a.ad.name,
    status: entityStatus(a.status),
    platformStatus: a.status,
    dailyBudgetMinor: null,
    lifetimeBudgetMinor: null,
    objective: null,
    raw: asRecord(raw),
  };
}

/** Conversion action categories counted as purchases and as leads (METRICS.md). */
export const purchaseCategories: ReadonlySet<string> = new Set(['PURCHASE']);
// Later funnel stages (QUALIFIED_LEAD, CONVERTED_LEAD) restate leads already counted.
export const leadCategories: ReadonlySet<string> = new Set([
  'SUBMIT_LEAD_FORM',
  'SIGNUP',
  'IMPORTED_LEAD',
  'PHONE_CALL_LEAD',
  'CONTACT',
  'BOOK_APPOINTMENT',
  'REQUEST_QUOTE',
]);

/** One ad's day being assembled from the delivery query and the conversions query. */
export interface GoogleDay {
  adId: string;
  date: string;
  costMicros: string;
  impressions: string;
  clicks: string;
  conversions: Record<string, { conversions: number; conversionsValue: number }>;
}

export function emptyDay(adId: string, date: string): GoogleDay {
  return { adId, date, costMicros: '0', impressions: '0', clicks: '0', conversions: {} };
}

export function addDelivery(day: GoogleDay, row: DeliveryRow): void {
  day.costMicros = String(BigInt(day.costMicros) + BigInt(row.metrics.costMicros));
  day.impressions = String(Number(day.impressions) + Number(row.metrics.impressions));
  day.clicks = String(Number(day.clicks) + Number(row.metrics.clicks));
}

export function addConversions(day: GoogleDay, row: ConversionRow): void {
  const category = row.segments.conversionActionCategory;
  const prev = day.conversions[category] ?? { conversions: 0, conversionsValue: 0 };
  day.conversions[category] = {
    conversions: prev.conversions + row.metrics.conversions,
    conversionsValue: prev.conversionsValue + row.metrics.conversionsValue,
  };
}

// Data-driven attribution yields fractional conversions; keep them, without float dust.
const tidy = (n: number): number => Math.round(n * 1e6) / 1e6;

export function mapDay(day: GoogleDay, currency: string): DailyMetric {
  let purchases = 0;
  let revenue = 0;
  let leads = 0;
  for (const [category, c] of Object.entries(day.conversions)) {
    if (purchaseCategories.has(category)) {
      purchases += c.conversions;
      revenue += c.conversionsValue;
    } else if (leadCategories.has(category)) {
      leads += c.conversions;
    }
  }
  return {
    adExternalId: day.adId,
    date: day.date,
    spendMinor: microsToMinor(day.costMicros, currency),
    impressions: Number(day.impressions),
    clicks: Number(day.clicks),
    purchases: tidy(purchases),
    // conversions_value is a double in the account currency's major units, not micros.
    revenueMinor: majorToMinor(tidy(revenue), currency),
    leads: tidy(leads),
    raw: { costMicros: day.costMicros, impressions: day.impressions, clicks: day.clicks, conversionsByCategory: day.conversions },
  };
}

function asRecord(raw: unknown): Record<string, unknown> {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}
