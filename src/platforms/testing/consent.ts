import type { AdPlatform, TokenSet } from '../types.js';

/**
 * Drives a platform's consent screen the way a person would, for tests against the sandbox:
 * open the authorize URL, read the form, tick the chosen accounts, press Continue (or Cancel),
 * and return where the platform redirects the browser. It relies only on the sandbox's
 * documented form fields (`account` checkboxes, `decision` buttons), not on its code.
 */
export interface ConsentChoice {
  /** A sandbox person id (`ahmed`, `lina`, `scale`); the default is the sandbox's. */
  person?: string;
  /** Account ids to leave ticked; undefined keeps the page's defaults. */
  accounts?: string[];
  decision?: 'allow' | 'deny';
}

export interface ConsentPage {
  action: URL;
  hidden: Array<[string, string]>;
  accounts: Array<{ id: string; checked: boolean }>;
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? '') : undefined;
};

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

export function readConsentPage(html: string, pageUrl: URL): ConsentPage {
  const form = /<form\b[^>]*>/i.exec(html)?.[0];
  if (!form) throw new Error(`no consent form at ${pageUrl.pathname}: ${html.slice(0, 300)}`);
  const action = new URL(attr(form, 'action') ?? pageUrl.href, pageUrl);
  const hidden: Array<[string, string]> = [];
  const accounts: Array<{ id: string; checked: boolean }> = [];
  for (const tag of html.match(/<input\b[^>]*>/gi) ?? []) {
    const type = (attr(tag, 'type') ?? 'text').toLowerCase();
    const name = attr(tag, 'name');
    if (!name) continue;
    if (type === 'hidden') hidden.push([name, attr(tag, 'value') ?? '']);
    else if (type === 'checkbox' && name === 'account') accounts.push({ id: attr(tag, 'value') ?? '', checked: /\bchecked\b/i.test(tag) });
  }
  return { action, hidden, accounts };
}

/** Returns the URL the platform redirects to after the decision (the app's callback with code or error). */
export async function consent(authorizeUrl: URL, choice: ConsentChoice = {}): Promise<URL> {
  const url = new URL(authorizeUrl);
  if (choice.person) url.searchParams.set('sandbox_person', choice.person);
  const page = await fetch(url, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${(await page.text()).slice(0, 300)}`);
  const form = readConsentPage(await page.text(), url);
  const body = new URLSearchParams(form.hidden);
  const ticked = choice.accounts ?? form.accounts.filter((a) => a.checked).map((a) => a.id);
  for (const id of ticked) body.append('account', id);
  body.set('decision', choice.decision ?? 'allow');
  const res = await fetch(form.action, { method: 'POST', body, redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status < 300 || res.status >= 400 || !location) throw new Error(`consent decision answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return new URL(location, form.action);
}

/**
 * Consent as `person` on the sandbox's screen (ticking only `accounts` when given), then the
 * code exchanged, as the app's callback does. `codeParam` is where the platform puts the code.
 */
export async function connectAs(adapter: AdPlatform, p: { person: string; redirectUri: string; accounts?: string[]; codeParam?: string }): Promise<TokenSet> {
  const state = `st-${p.person}`;
  const back = await consent(adapter.authorizeUrl({ state, redirectUri: p.redirectUri }), { person: p.person, ...(p.accounts ? { accounts: p.accounts } : {}) });
  if (back.searchParams.get('state') !== state) throw new Error(`the callback carries state ${back.searchParams.get('state')}, not ${state}: ${back.href}`);
  const codeParam = p.codeParam ?? 'code';
  const code = back.searchParams.get(codeParam);
  if (!code) throw new Error(`no ${codeParam} in ${back.href}`);
  return adapter.exchangeCode(code, p.redirectUri);
}
