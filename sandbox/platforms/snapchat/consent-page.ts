import type { SandboxPerson, WorldAccount } from '../../world/types.js';

/** Snap's consent screen and error page, plain server-rendered HTML in Snap's yellow and black. */

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{margin:0;font-family:"Avenir Next",system-ui,sans-serif;background:#fffc00;color:#000;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:16px;box-shadow:0 4px 18px #0003;padding:28px 32px;width:min(460px,92vw)}
.logo{width:44px;height:44px;border-radius:12px;background:#fffc00;border:2px solid #000;display:flex;align-items:center;justify-content:center;font-weight:800;font-size:22px;margin-bottom:12px}
h1{font-size:1.2rem;margin:0 0 8px;line-height:1.35}p{margin:6px 0;font-size:.92rem}.muted{color:#555;font-size:.85rem}
h2{font-size:.95rem;margin:18px 0 6px}ul{margin:0;padding-left:18px}li{margin:4px 0;font-size:.9rem}
.accounts{list-style:none;padding:0}.accounts label{display:flex;gap:8px;align-items:flex-start;padding:6px 0;border-bottom:1px solid #eee}
.accounts small{color:#666;display:block}.actions{display:flex;gap:10px;margin-top:20px}
button{flex:1;padding:11px 14px;border-radius:24px;border:2px solid #000;font-weight:700;font-size:.95rem;cursor:pointer;background:#fff}
button.allow{background:#000;color:#fffc00}.notice{background:#fff4f4;border:1px solid #e88;padding:8px;border-radius:8px;font-size:.85rem}
.others a{margin-right:10px;font-size:.8rem;color:#0a66c2}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main><div class="logo" aria-hidden="true">S</div>${body}</main></body></html>`;
}

const SCOPE_MEANINGS: Record<string, string> = {
  'snapchat-marketing-api': 'See and manage your ad accounts, campaigns, ad squads and ads, change their budgets and status, and read their performance reports.',
  'snapchat-offline-conversions-api': 'Send conversion events (purchases, sign-ups and more) from your website, app or store to Snapchat.',
  'snapchat-profile-api': 'See your public profile information.',
};

export const KNOWN_SCOPES = Object.keys(SCOPE_MEANINGS);

export interface ConsentView {
  action: string;
  /** The authorize parameters to carry through the form unchanged. */
  hidden: Record<string, string>;
  scopes: string[];
  person: SandboxPerson;
  others: Array<{ person: SandboxPerson; href: string }>;
  accounts: readonly WorldAccount[];
  notice?: string;
}

export function consentPage(v: ConsentView): string {
  const hidden = Object.entries(v.hidden)
    .map(([k, val]) => `<input type="hidden" name="${esc(k)}" value="${esc(val)}">`)
    .join('');
  const scopes = v.scopes.map((s) => `<li><strong>${esc(s)}</strong>: ${esc(SCOPE_MEANINGS[s] ?? s)}</li>`).join('');
  const accounts = v.accounts.length
    ? `<ul class="accounts">${v.accounts
        .map(
          (a) =>
            `<li><label><input type="checkbox" name="account" value="${esc(a.id)}" checked data-testid="sandbox-account"><span>${esc(a.name)}<small>${esc(a.id)} · ${esc(a.currency)}</small></span></label></li>`,
        )
        .join('')}</ul>`
    : `<p class="muted">${esc(v.person.name)} has no Snapchat ad accounts.</p>`;
  const others = v.others.map((o) => `<a href="${esc(o.href)}" data-testid="sandbox-switch-person">${esc(o.person.name)}</a>`).join('');
  return page(
    'Snapchat: allow access (sandbox)',
    `<h1>Stratum wants to access your Snapchat Marketing API v1 and Conversions API v3 account</h1>
${v.notice ? `<p class="notice" role="alert">${esc(v.notice)}</p>` : ''}
<p>Signed in as <strong>${esc(v.person.name)}</strong> <span class="muted">(${esc(v.person.email)})</span></p>
${others ? `<p class="others muted">Not you? ${others}</p>` : ''}
<h2>Stratum will be able to</h2><ul>${scopes}</ul>
<form method="post" action="${esc(v.action)}">${hidden}
<h2>Ad accounts to share</h2>${accounts}
<div class="actions"><button class="allow" type="submit" name="decision" value="allow" data-testid="sandbox-allow">Continue as ${esc(v.person.name)}</button><button type="submit" name="decision" value="deny" data-testid="sandbox-deny">Cancel</button></div>
</form>
<p class="muted">This is the Stratum sandbox; nothing here reaches the real Snapchat.</p>`,
  );
}

export function errorPage(heading: string, detail: string): string {
  return page(`Snapchat: ${heading}`, `<h1>${esc(heading)}</h1><p>${esc(detail)}</p>`);
}
