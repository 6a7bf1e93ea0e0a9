const NAMED_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (whole, ref: string) => {
    const lower = ref.toLowerCase();
    if (!lower.startsWith('#')) return NAMED_ENTITIES[lower] ?? whole;
    const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// Prose punctuation that ends a sentence after a URL ("…at https://x.example/a." or Arabic "،").
const TRAILING = /[.,;:!?'"»،؛؟]+$/u;

/** Drops trailing punctuation and any closing bracket that has no opening one inside the URL. */
function trimProse(url: string): string {
  let u = url.replace(TRAILING, '');
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    while (u.endsWith(close) && u.split(open).length < u.split(close).length) u = u.slice(0, -1).replace(TRAILING, '');
  }
  return u;
}

function isHttpUrl(candidate: string): boolean {
  try {
    const { protocol } = new URL(candidate);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Every absolute http(s) link in a message, first from the HTML's hrefs, then from the plain
 * text, each once and in order, so a person or a test can follow "verify" without parsing HTML.
 */
export function extractLinks(html: string, text: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
    found.push(decodeAttribute((m[1] ?? m[2] ?? m[3] ?? '').trim()));
  }
  for (const m of text.matchAll(/\bhttps?:\/\/[^\s<>"'`]+/gi)) found.push(trimProse(m[0]));
  return [...new Set(found.filter(isHttpUrl))];
}
