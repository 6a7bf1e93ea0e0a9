// The wizard's option lists and small pure rules, kept free of React and of the zod schemas
// so they are unit-tested on their own (node has the same Intl data as the browsers).

import type { AdPlatform, PrimaryKpi } from '../../api/onboarding';

export interface Option {
  value: string;
  label: string;
}

/** Grouped `<select>` options: the region's first, then the rest by name. */
export interface OptionGroups {
  first: Option[];
  rest: Option[];
}

/** The Gulf Cooperation Council markets, listed first in this order. */
export const GULF_COUNTRIES = ['SA', 'AE', 'KW', 'QA', 'BH', 'OM'] as const;
export const DEFAULT_MARKET = 'SA';

/** The platforms in the order they are offered (the schema's order). */
export const PLATFORMS = ['meta', 'google', 'tiktok', 'snapchat'] as const satisfies readonly AdPlatform[];

function displayNames(language: string, type: 'region' | 'currency'): (code: string) => string {
  try {
    const names = new Intl.DisplayNames([language, 'en'], { type, fallback: 'code' });
    return (code) => names.of(code) ?? code;
  } catch {
    return (code) => code;
  }
}

/**
 * Every country the server accepts, by its name in the UI language: the Gulf first (in
 * {@link GULF_COUNTRIES} order), then the others sorted the way that language sorts.
 */
export function countryOptions(codes: readonly string[], language: string): OptionGroups {
  const nameOf = displayNames(language, 'region');
  const available = new Set(codes);
  const first = GULF_COUNTRIES.filter((c) => available.has(c)).map((c) => ({ value: c, label: nameOf(c) }));
  const gulf = new Set<string>(GULF_COUNTRIES);
  const collator = new Intl.Collator(language);
  const rest = codes
    .filter((c) => !gulf.has(c))
    .map((c) => ({ value: c, label: nameOf(c) }))
    .sort((a, b) => collator.compare(a.label, b.label) || a.value.localeCompare(b.value));
  return { first, rest };
}

/** Offered first: the Gulf and nearby Arab markets' currencies, then the usual reporting ones. */
export const PRIORITY_CURRENCIES = ['SAR', 'AED', 'KWD', 'QAR', 'BHD', 'OMR', 'USD', 'EUR', 'GBP', 'EGP', 'JOD'] as const;

/** The rest of the list: currencies advertisers commonly report in (sorted by name when shown). */
export const OTHER_CURRENCIES = [
  'AUD', 'BRL', 'CAD', 'CHF', 'CNY', 'DKK', 'DZD', 'HKD', 'IDR', 'ILS', 'INR', 'IQD', 'JPY', 'KES',
  'KRW', 'LBP', 'LYD', 'MAD', 'MXN', 'MYR', 'NGN', 'NOK', 'NZD', 'PHP', 'PKR', 'PLN', 'SEK', 'SGD',
  'THB', 'TND', 'TRY', 'TWD', 'UAH', 'VND', 'YER', 'ZAR',
] as const;

/** "SAR · Saudi Riyal": the code first, since that is what reports and invoices show. */
export function currencyOptions(language: string, selected?: string): OptionGroups {
  const nameOf = displayNames(language, 'currency');
  const option = (code: string) => {
    const name = nameOf(code);
    return { value: code, label: name === code ? code : `${code} · ${name}` };
  };
  const listed = new Set<string>([...PRIORITY_CURRENCIES, ...OTHER_CURRENCIES]);
  // A market's own currency (the server's suggestion) is always offered, even if unlisted.
  const others: string[] = [...OTHER_CURRENCIES];
  if (selected && /^[A-Z]{3}$/.test(selected) && !listed.has(selected)) others.push(selected);
  const collator = new Intl.Collator(language);
  const rest = others.map(option).sort((a, b) => collator.compare(a.label, b.label));
  return { first: PRIORITY_CURRENCIES.map(option), rest };
}

/** The browser's time zones; an older browser without the list offers UTC and the suggestion. */
export function supportedTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

/** "GMT+3" (in the UI language) for a zone, now; empty when the zone is unknown. */
export function utcOffsetLabel(zone: string, language: string, at: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat(`${language}-u-nu-latn`, { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/**
 * "Asia/Riyadh (GMT+3)" for each zone, alphabetical. The selected zone is always listed:
 * the server suggests canonical IANA names ("Asia/Kolkata") that some browsers list under
 * an older alias ("Asia/Calcutta").
 */
export function timeZoneOptions(zones: readonly string[], language: string, selected?: string, at: Date = new Date()): Option[] {
  const all = new Set(zones);
  if (selected) all.add(selected);
  return [...all]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((zone) => {
      const offset = utcOffsetLabel(zone, language, at);
      const name = zone.replaceAll('_', ' ');
      return { value: zone, label: offset ? `${name} (${offset})` : name };
    });
}

/** The suggested target per KPI: ROAS as a multiple, the others in the chosen currency's major units. */
export const KPI_TARGET_DEFAULTS: Record<PrimaryKpi, number> = { ROAS: 3, CPA: 100, CPL: 50, Revenue: 100_000 };

/** ROAS is a multiple; the others are amounts of money. */
export function kpiUnit(kpi: PrimaryKpi): 'multiple' | 'money' {
  return kpi === 'ROAS' ? 'multiple' : 'money';
}

/**
 * The target field's text after the KPI changes. The new KPI's suggested target replaces
 * the old one unless the person typed their own, and a typed value is kept only while it
 * still means the same kind of thing: "3" as a ROAS multiple is no CPA amount.
 */
export function targetAfterKpiChange(args: { from: PrimaryKpi; to: PrimaryKpi; text: string; edited: boolean }): { text: string; edited: boolean } {
  const { from, to, text, edited } = args;
  const keep = edited && text.trim() !== '' && kpiUnit(from) === kpiUnit(to);
  return keep ? { text, edited } : { text: String(KPI_TARGET_DEFAULTS[to]), edited: false };
}

/** Whether a saved target is the person's own rather than the KPI's suggestion. */
export function isCustomTarget(kpi: PrimaryKpi, value: number): boolean {
  return value !== KPI_TARGET_DEFAULTS[kpi];
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const EXTENDED_ARABIC_INDIC = '۰۱۲۳۴۵۶۷۸۹';

/**
 * A typed decimal as a number, or `undefined` if it is not one. Accepts Arabic-Indic digits,
 * the Arabic decimal separator (٫) and thousands separators (`,` `٬` and spaces), as Arabic
 * keyboards type them.
 */
export function parseDecimal(text: string): number | undefined {
  let s = '';
  for (const ch of text.trim()) {
    const a = ARABIC_INDIC.indexOf(ch);
    const e = EXTENDED_ARABIC_INDIC.indexOf(ch);
    if (a >= 0) s += String(a);
    else if (e >= 0) s += String(e);
    else if (ch === '٫') s += '.';
    else if (ch === ',' || ch === '٬' || ch === ' ' || ch === '\u00a0' || ch === '\u202f') continue;
    else s += ch;
  }
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** "70%" with Latin digits in both languages, like the rest of the numbers in the app. */
export function formatPercent(value: number, language: string): string {
  return new Intl.NumberFormat(`${language}-u-nu-latn`, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** Snaps a slider value to its 0–100 scale in steps of 5. */
export function snapThreshold(value: number): number {
  if (!Number.isFinite(value)) return 70;
  return Math.min(100, Math.max(0, Math.round(value / 5) * 5));
}

/**
 * Wraps text typed by someone (a name, a workspace) in Unicode directional isolates, so a
 * Latin name in an Arabic sentence (or the reverse) cannot pull the punctuation around it
 * to the wrong side: "أهلًا بك يا Sara!" keeps its "!" at the sentence's end.
 */
export function bidiIsolate(text: string): string {
  return `\u2068${text}\u2069`;
}
