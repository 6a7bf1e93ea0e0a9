/**
 * Meta ("lowercase only with no punctuation; special characters in UTF-8"), Snapchat ("lower case
 * letters only, remove any punctuation, UTF-8") and TikTok ("lowercase without any punctuation,
 * special characters allowed") all want the name squeezed to its letters. Meta's own Parameter
 * Builder also removes spaces, so "Mary Ann" and "MaryAnn" hash alike. Letters of every script
 * stay as they are: محمد is hashed as محمد, Valéry as valéry. No platform documents Arabic
 * folding (alef forms, tatweel, harakat), so none is done; NFC is applied earlier.
 */
export function normalizeNameCompact(value: string): string | undefined {
  return value.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '') || undefined;
}

/**
 * Google's address names: lowercase of the trimmed value and nothing else. Google's guide and its
 * client-library samples keep inner spaces and punctuation ("anna maria", "o'connor-smith"); the
 * older OfflineUserAddressInfo reference text says otherwise, and Google's answer in
 * googleads/google-ads-php#1167 (July 2026) settled on lowercase(trim) in UTF-8 NFC.
 */
export function normalizeNameForGoogle(value: string): string | undefined {
  return value.trim().toLowerCase() || undefined;
}

const genders: Readonly<Record<string, 'f' | 'm'>> = {
  f: 'f', female: 'f', woman: 'f', 'أنثى': 'f', 'انثى': 'f',
  m: 'm', male: 'm', man: 'm', 'ذكر': 'm',
};

/** `f` or `m`, the only values Meta and Snapchat accept; anything else is left out. */
export function normalizeGender(value: string): 'f' | 'm' | undefined {
  return genders[value.trim().toLowerCase()];
}

const isoDate = /^(\d{4})-?(\d{2})-?(\d{2})$/;

/**
 * YYYYMMDD (Meta's example 2/16/1997 → 19970216) from the YYYY-MM-DD Stratum stores. Impossible
 * dates and years before 1900 (Meta's lower bound) are dropped rather than sent as noise.
 */
export function normalizeDateOfBirth(value: string): string | undefined {
  const match = isoDate.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && y >= 1900 ? `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}` : undefined;
}
