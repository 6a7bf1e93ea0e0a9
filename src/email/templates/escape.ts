const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe for text and for double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * Every link in an email comes from our own code, but a `javascript:` URL or one carrying
 * whitespace or angle brackets would be an injection (in an href, or in the List-Unsubscribe
 * header's `<…>`), so refuse it loudly instead of sending it.
 */
export function checkedUrl(value: string): string {
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new Error('email link is not an absolute URL');
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`email link must be http(s), not ${protocol}`);
  if (/[\s<>"'`\\]/.test(value)) throw new Error('email link contains characters that must be percent-encoded');
  return value;
}
