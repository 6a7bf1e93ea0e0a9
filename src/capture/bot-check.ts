/** People take longer than this to fill a form; scripts post at once. */
export const MIN_FILL_MS = 2_500;

/**
 * A bot fills the hidden honeypot field, or posts faster than a person can type. A missing
 * start time is not held against anyone (an API client, a browser with scripts off).
 */
export function looksLikeBot(input: { website?: string | undefined; form_started_at?: number | undefined }, nowMs: number): boolean {
  if (input.website && input.website.trim() !== '') return true;
  if (input.form_started_at !== undefined) {
    const elapsed = nowMs - input.form_started_at;
    if (elapsed < MIN_FILL_MS) return true;
  }
  return false;
}
