import { accountIdFor, businessIdFor } from './native-ids.js';
import { hashOf, Rng } from './rng.js';
import type { AccountSize, AdPlatformId, SandboxPerson, WorldAccount, WorldManager } from './types.js';

/** The people on the sandbox's consent screens: an owner, an agency, and a load-test owner. */
export const defaultPeople: readonly SandboxPerson[] = [
  { id: 'ahmed', name: 'Ahmed Al-Harbi', email: 'ahmed@midasfurniture.sa' },
  { id: 'lina', name: 'Lina Haddad', email: 'lina@gulfgrowth.agency' },
  { id: 'scale', name: 'Scale Test Owner', email: 'scale@stratum.test' },
];

interface AccountSpec {
  key: string;
  platforms: readonly AdPlatformId[];
  name: string;
  business: string;
  currency: string;
  timeZone: string;
  owner: string;
  /** Fixed, so history does not move when the sandbox restarts on another day. */
  startDate: string;
  size?: AccountSize;
  viaManager?: boolean;
}

const ALL: readonly AdPlatformId[] = ['meta', 'google', 'tiktok', 'snapchat'];
export const LARGE_SIZE: AccountSize = { campaigns: 200, adSetsPerCampaign: 10, adsPerAdSet: 5 };

const specs: readonly AccountSpec[] = [
  { key: 'midas-furniture', platforms: ALL, name: 'Midas Furniture', business: 'Midas Furniture', currency: 'SAR', timeZone: 'Asia/Riyadh', owner: 'ahmed', startDate: '2024-03-10' },
  { key: 'midas-decor', platforms: ['meta', 'snapchat'], name: 'Midas Home Decor', business: 'Midas Furniture', currency: 'SAR', timeZone: 'Asia/Riyadh', owner: 'ahmed', startDate: '2025-01-20' },
  { key: 'ahmed-personal', platforms: ['meta'], name: 'Personal Account', business: 'Ahmed Al-Harbi', currency: 'USD', timeZone: 'Asia/Riyadh', owner: 'ahmed', startDate: '2025-05-01', size: { campaigns: 3, adSetsPerCampaign: 2, adsPerAdSet: 2 } },
  { key: 'oud-amber', platforms: ALL, name: 'Oud & Amber Perfumes', business: 'Oud & Amber Perfumes', currency: 'SAR', timeZone: 'Asia/Riyadh', owner: 'lina', startDate: '2024-08-01', viaManager: true },
  { key: 'desert-bloom', platforms: ['meta', 'snapchat'], name: 'Desert Bloom Flowers', business: 'Desert Bloom Flowers', currency: 'AED', timeZone: 'Asia/Dubai', owner: 'lina', startDate: '2024-11-05' },
  { key: 'zahra-abayas', platforms: ['meta', 'tiktok'], name: 'Zahra Abayas', business: 'Zahra Abayas', currency: 'USD', timeZone: 'Asia/Dubai', owner: 'lina', startDate: '2025-02-14' },
  { key: 'bayt-al-bunn', platforms: ['google', 'snapchat'], name: 'Bayt Al Bunn Coffee', business: 'Bayt Al Bunn Coffee', currency: 'KWD', timeZone: 'Asia/Kuwait', owner: 'lina', startDate: '2024-12-01', viaManager: true },
  { key: 'gulf-smile', platforms: ['google'], name: 'Gulf Smile Dental', business: 'Gulf Smile Dental', currency: 'USD', timeZone: 'America/New_York', owner: 'lina', startDate: '2025-03-03', viaManager: true },
  { key: 'scale-store', platforms: ALL, name: 'Scale Test Store', business: 'Scale Test Store', currency: 'SAR', timeZone: 'Asia/Riyadh', owner: 'scale', startDate: '2025-06-01', size: LARGE_SIZE },
];

/** A normal account's size: 3–12 campaigns, 2–4 ad sets each, 2–4 ads each, fixed by its seed. */
export function sizeFromSeed(seed: number): AccountSize {
  const rng = new Rng(hashOf(seed, 'size'));
  return { campaigns: rng.int(3, 12), adSetsPerCampaign: rng.int(2, 4), adsPerAdSet: rng.int(2, 4) };
}

export function defaultManagers(globalSeed: number): WorldManager[] {
  return [
    {
      platform: 'google',
      id: new Rng(hashOf(globalSeed, 'manager', 'gulf-growth')).digits(10),
      name: 'Gulf Growth Agency MCC',
      currency: 'SAR',
      timeZone: 'Asia/Riyadh',
      ownerIds: ['lina'],
    },
  ];
}

export function defaultAccounts(globalSeed: number, managers: readonly WorldManager[]): WorldAccount[] {
  const accounts: WorldAccount[] = [];
  for (const spec of specs) {
    for (const platform of spec.platforms) {
      const seed = hashOf(globalSeed, 'account', platform, spec.key);
      const ids = new Rng(hashOf(seed, 'ids'));
      const manager = platform === 'google' && spec.viaManager ? managers.find((m) => m.ownerIds.includes(spec.owner)) : undefined;
      const businessId = businessIdFor(platform, new Rng(hashOf(globalSeed, 'business', platform, spec.business)));
      accounts.push({
        platform,
        id: accountIdFor(platform, ids),
        name: spec.name,
        currency: spec.currency,
        timeZone: spec.timeZone,
        business: spec.business,
        ...(businessId ? { businessId } : {}),
        ownerIds: [spec.owner],
        managerId: manager?.id ?? null,
        status: 'ACTIVE',
        size: spec.size ?? sizeFromSeed(seed),
        seed,
        startDate: spec.startDate,
      });
    }
  }
  return accounts;
}
