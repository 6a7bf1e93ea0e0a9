import countryToCurrency from 'country-to-currency';
import ct from 'countries-and-timezones';
import type { primaryKpis } from './steps.schema.js';

/** For countries spanning several zones, the one most businesses there report in. */
const mainZone: Record<string, string> = {
  US: 'America/New_York',
  CA: 'America/Toronto',
  AU: 'Australia/Sydney',
  BR: 'America/Sao_Paulo',
  RU: 'Europe/Moscow',
  MX: 'America/Mexico_City',
  ID: 'Asia/Jakarta',
  KZ: 'Asia/Almaty',
};

/** The currency and time zone a market suggests (Saudi Arabia → SAR, Asia/Riyadh). */
export function marketDefaults(country: string | undefined, fallback: { currency: string; timezone: string }): { currency: string; timezone: string } {
  if (!country) return fallback;
  const currency = (countryToCurrency as Record<string, string>)[country] ?? fallback.currency;
  const zones = ct.getCountry(country)?.timezones ?? [];
  const timezone = mainZone[country] ?? zones[0] ?? fallback.timezone;
  return { currency, timezone };
}

/** A sensible starting target per KPI (ROAS as a multiple; the others in major units). */
export const kpiTargetDefaults: Record<(typeof primaryKpis)[number], number> = { ROAS: 3, CPA: 100, CPL: 50, Revenue: 100_000 };

export const automationDefaults = { level: 'assisted', trust_threshold: 70 } as const;
