// Account pages carry the person's address in the URL (/verify-email?email=…,
// /signup/success?email=…). Such URLs must not reach analytics or, as a lead's landing URL,
// the ad platforms' conversion APIs.
const SENSITIVE_PARAMS = new Set(['email', 'token', 'password']);

/** The URL without query parameters that may carry personal data or secrets; otherwise unchanged. */
export function withoutSensitiveParams(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  const names = [...new Set(url.searchParams.keys())].filter((name) => SENSITIVE_PARAMS.has(name.toLowerCase()));
  if (names.length === 0) return href;
  for (const name of names) url.searchParams.delete(name);
  return url.href;
}
