/**
 * Where to go after signing in, as the page asked: only a path on this site, never a URL
 * that leaves it (an open redirect would let a phishing link borrow our sign-in), and
 * never an API or tool path. Null when absent or unacceptable.
 */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value === '' || value.length > 512) return null;
  // `//host` and `/\host` are protocol-relative URLs to browsers; control characters can hide either.
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  let url: URL;
  try {
    url = new URL(value, 'http://stratum.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'http://stratum.invalid') return null;
  const path = url.pathname;
  if (/^\/(api|dev)(\/|$)/.test(path) || path.startsWith('//')) return null;
  return path + url.search + url.hash;
}

/**
 * After the provider: an unfinished onboarding comes first (a new account always starts
 * there), then the page the visitor asked for, then the app.
 */
export function landingAfterSignIn(p: { onboardingComplete: boolean; returnTo: string | null }): string {
  if (!p.onboardingComplete) return '/onboarding';
  return p.returnTo ?? '/app';
}
