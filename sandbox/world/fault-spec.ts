import type { AdPlatformId, FaultKind, FaultRule } from './types.js';

export const AD_PLATFORMS: readonly AdPlatformId[] = ['meta', 'google', 'tiktok', 'snapchat'];
export const FAULT_KINDS: readonly FaultKind[] = ['rate_limit', 'server_error', 'slow', 'expired_token', 'revoked_token', 'malformed'];

const isPlatform = (s: string): s is AdPlatformId => (AD_PLATFORMS as readonly string[]).includes(s);
const isKind = (s: string): s is FaultKind => (FAULT_KINDS as readonly string[]).includes(s);

/**
 * Parses `SANDBOX_FAULTS`: comma-separated `platform:kind[:probability][:key=value…]` with keys
 * `count`, `delay` (ms) and `path` (prefix), e.g.
 * `meta:rate_limit:0.2,tiktok:slow:1:delay=2000,snapchat:expired_token:1:count=1`.
 * Throws one message listing every bad part, so a typo stops start-up instead of being ignored.
 */
export function parseFaultSpec(spec: string): Omit<FaultRule, 'id'>[] {
  const rules: Omit<FaultRule, 'id'>[] = [];
  const problems: string[] = [];
  for (const raw of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [platform = '', kind = '', ...rest] = raw.split(':');
    const rule: Omit<FaultRule, 'id'> = { platform: 'meta', kind: 'server_error', probability: 1, count: null, delayMs: kind === 'slow' ? 2000 : 0, pathPrefix: null };
    const bad = (why: string) => problems.push(`"${raw}": ${why}`);
    if (!isPlatform(platform)) { bad(`platform must be one of ${AD_PLATFORMS.join(', ')}`); continue; }
    if (!isKind(kind)) { bad(`kind must be one of ${FAULT_KINDS.join(', ')}`); continue; }
    rule.platform = platform;
    rule.kind = kind;
    let ok = true;
    rest.forEach((part, i) => {
      const eq = part.indexOf('=');
      if (eq < 0 && i === 0) {
        const p = Number(part);
        if (part === '' || !Number.isFinite(p) || p < 0 || p > 1) { bad(`probability must be a number from 0 to 1, got "${part}"`); ok = false; }
        else rule.probability = p;
        return;
      }
      const key = part.slice(0, eq);
      const value = part.slice(eq + 1);
      const n = Number(value);
      if (key === 'count' && Number.isInteger(n) && n >= 1) rule.count = n;
      else if (key === 'delay' && Number.isInteger(n) && n >= 0 && n <= 600_000) rule.delayMs = n;
      else if (key === 'path' && value.startsWith('/')) rule.pathPrefix = value;
      else { bad(eq < 0 ? `unexpected "${part}" (probability comes first; options are count=, delay=, path=)` : `bad option "${part}" (count=<n ≥ 1>, delay=<ms>, path=</prefix>)`); ok = false; }
    });
    if (ok) rules.push(rule);
  }
  if (problems.length) throw new Error(`Invalid SANDBOX_FAULTS: ${problems.join('; ')}`);
  return rules;
}
