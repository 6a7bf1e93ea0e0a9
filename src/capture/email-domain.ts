import { disposableEmailBlocklistSet } from 'disposable-email-domains-js';
import freeMail from 'email-providers/all.json' with { type: 'json' };

export type EmailDomainKind = 'work' | 'free' | 'disposable' | 'unknown';

const freeMailDomains: ReadonlySet<string> = new Set(freeMail.map((d) => d.toLowerCase()));
// Built once: the package's isDisposableEmailDomain() rebuilds this ~5,000-entry set on every
// call, which cost ~3 ms per lead and capped intake throughput (see docs/benchmarks.md).
const disposableDomains: ReadonlySet<string> = new Set([...disposableEmailBlocklistSet()].map((d) => d.toLowerCase()));

/** Lower-cased domain after the last "@", or null when there is none to read. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}

/**
 * Disposable is checked first because some throwaway services also appear in the free-mail
 * list. Parent domains are checked for disposables only (throwaway services hand out whole
 * subdomains); the free-mail list contains registry suffixes such as "com.ar", so matching
 * parents there would call every Argentine company a free-mail address.
 */
export function classifyEmailDomain(email: string): { kind: EmailDomainKind; domain: string | null } {
  const domain = emailDomain(email);
  if (domain === null) return { kind: 'unknown', domain };
  if (parentDomains(domain).some((d) => disposableDomains.has(d))) return { kind: 'disposable', domain };
  if (freeMailDomains.has(domain)) return { kind: 'free', domain };
  return { kind: 'work', domain };
}

/** a.b.example.com → [a.b.example.com, b.example.com, example.com]; never a bare TLD. */
function parentDomains(domain: string): string[] {
  const labels = domain.split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}
