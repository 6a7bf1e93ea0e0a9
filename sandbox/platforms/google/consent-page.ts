import type { SandboxPerson, WorldAccount } from '../../world/types.js';
import type { AuthorizeRequest } from './oauth-params.js';
import { SCOPE_MEANINGS } from './scopes.js';
import { dashed } from './units.js';

/**
 * Google's consent screen for the Ads scope. Google does not let people pick ad accounts at
 * consent time (the token reaches every account the Google user can), so the accounts are
 * listed as information only and all are granted.
 */
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:"Google Sans",Roboto,Arial,sans-serif;background:#f0f4f9;color:#202124;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:28px;padding:36px 40px;width:min(560px,92vw)}
.logo{font-size:1.4rem;font-weight:500;letter-spacing:-.5px}.logo b:nth-child(1){color:#4285f4}.logo b:nth-child(2){color:#ea4335}.logo b:nth-child(3){color:#fbbc04}.logo b:nth-child(4){color:#4285f4}.logo b:nth-child(5){color:#34a853}.logo b:nth-child(6){color:#ea4335}
h1{font-size:1.5rem;font-weight:400;margin:16px 0 8px}h2{font-size:1rem;font-weight:500;margin:24px 0 8px}
.who{color:#5f6368;font-size:.9rem}.who a{color:#1a73e8;text-decoration:none;margin-left:6px}
ul{padding-left:20px;margin:0}li{margin:6px 0}.note{color:#5f6368;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #dadce0}th{color:#5f6368;font-weight:500}
.actions{display:flex;justify-content:flex-end;gap:12px;margin-top:28px}
button{font:inherit;padding:10px 24px;border-radius:20px;border:1px solid #dadce0;background:#fff;color:#1a73e8;cursor:pointer}
button.primary{background:#1a73e8;border-color:#1a73e8;color:#fff}`;

export interface ConsentView {
  action: string;
  /** The page's own path, for the "Not you?" links. */
  path: string;
  request: AuthorizeRequest;
  people: readonly SandboxPerson[];
  accounts: readonly WorldAccount[];
  managerName(id: string): string;
}

export function consentPage(v: ConsentView): string {
  const { request, person } = { request: v.request, person: v.request.person };
  const hidden = Object.entries({ ...request.query, sandbox_person: person.id })
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([k, val]) => `<input type="hidden" name="${esc(k)}" value="${esc(val)}">`)
    .join('\n');
  const others = v.people
    .filter((p) => p.id !== person.id)
    .map((p) => `<a href="${esc(`${v.path}?${new URLSearchParams({ ...stringsOf(request.query), sandbox_person: p.id })}`)}" data-testid="sandbox-switch-person">${esc(p.name)}</a>`)
    .join('');
  const scopes = request.scopes.map((s) => `<li><strong>${esc(SCOPE_MEANINGS[s] ?? s)}</strong><br><span class="note">${esc(s)}</span></li>`).join('');
  const rows = v.accounts
    .map(
      (a) =>
        `<tr data-account-id="${esc(a.id)}"><td>${esc(a.name)}</td><td>${esc(dashed(a.id))}</td><td>${esc(a.currency)}</td><td>${a.managerId ? `via ${esc(v.managerName(a.managerId))} (${esc(dashed(a.managerId))})` : 'direct'}</td></tr>`,
    )
    .join('');
  const accounts = rows
    ? `<table><thead><tr><th>Account</th><th>Customer ID</th><th>Currency</th><th>Access</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="note">This Google account has no Google Ads accounts yet.</p>';
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>Sign in - Google Accounts (sandbox)</title><style>${STYLE}</style></head><body><main>
<div class="logo"><b>G</b><b>o</b><b>o</b><b>g</b><b>l</b><b>e</b></div>
<h1>Stratum wants to access your Google Ads API (REST) account</h1>
<p class="who">${esc(person.name)} · ${esc(person.email)}${others ? ` · Not you?${others}` : ''}</p>
<h2>This will allow Stratum to:</h2>
<ul>${scopes}</ul>
<h2>Google Ads accounts</h2>
<p class="note">Google gives Stratum access to every Google Ads account you can reach; accounts cannot be picked here.</p>
${accounts}
<form method="post" action="${esc(v.action)}">
${hidden}
<p class="note">Make sure you trust Stratum. You can remove its access at any time in your Google Account. Nothing here reaches the real Google.</p>
<div class="actions"><button type="submit" name="decision" value="deny" data-testid="sandbox-cancel">Cancel</button><button class="primary" type="submit" name="decision" value="allow" data-testid="sandbox-continue">Continue as ${esc(person.name)}</button></div>
</form></main></body></html>`;
}

export function oauthErrorPage(heading: string, detail: string): string {
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Error - Google Accounts (sandbox)</title><style>${STYLE}</style></head><body><main>
<div class="logo"><b>G</b><b>o</b><b>o</b><b>g</b><b>l</b><b>e</b></div>
<h1>Access blocked: Authorization Error</h1><h2>${esc(heading)}</h2><p class="note">${esc(detail)}</p>
<p class="note">Request details: this is the Stratum sandbox's imitation of Google's error page.</p></main></body></html>`;
}

function stringsOf(o: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'string') out[k] = v;
  return out;
}
