// Host-name helpers shared by attribution (same-site referrers) and platform detection.
// No public-suffix list is bundled, so `siteOf` approximates the registrable domain; the
// approximation only has to be good enough to tell "our own site" from "somebody else".

/** Lower-cased host of an absolute URL, or null when the string is not one. */
export function hostOf(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

/** `www.` and `m.` are presentation prefixes: `m.facebook.com` is still facebook.com. */
export function stripPresentationPrefix(host: string): string {
  return host.replace(/^(?:www\d*|m)\./, '');
}

// Second-level labels that country registries sell under (example.com.sa, example.co.uk).
const countrySecondLevels = new Set(['com', 'co', 'net', 'org', 'gov', 'edu', 'ac', 'sch', 'med', 'ltd', 'plc']);
const ipv4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Approximate registrable domain ("site"): app.example.com.sa → example.com.sa. */
export function siteOf(host: string): string {
  if (ipv4.test(host) || host.includes(':')) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const tld = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  const keep = tld.length === 2 && countrySecondLevels.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** True when `host` is `domain` itself or one of its subdomains. */
export function isHostOrSubdomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
