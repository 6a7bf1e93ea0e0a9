import type { SandboxPerson, WorldAccount } from '../../world/types.js';
import type { ScopeGroup } from './scopes.js';

/** Server-rendered pages of TikTok For Business's advertiser authorization, in TikTok's colours. */

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f1f1f2;color:#161823}
header{background:#000;color:#fff;padding:14px 24px;font-weight:700;letter-spacing:.2px}header span{color:#25f4ee}header b{color:#fe2c55}
main{max-width:520px;margin:32px auto;background:#fff;border-radius:12px;box-shadow:0 2px 14px #0002;padding:28px}
h1{font-size:1.25rem;margin:0 0 6px}p.note{color:#555;font-size:.9rem;margin:0 0 18px}h2{font-size:.95rem;margin:20px 0 8px}
ul{list-style:none;padding:0;margin:0}li.scope{padding:8px 0;border-bottom:1px solid #eee;font-size:.9rem}li.scope b{display:block}
label.acct{display:flex;gap:10px;align-items:center;padding:8px;border:1px solid #e3e3e4;border-radius:8px;margin:6px 0;font-size:.9rem}
label.acct small{color:#777;display:block}.actions{display:flex;gap:12px;margin-top:22px}
button{flex:1;padding:11px 14px;border-radius:6px;font-size:.95rem;cursor:pointer;border:1px solid #d0d0d2;background:#fff}
button.primary{background:#fe2c55;border-color:#fe2c55;color:#fff;font-weight:600}.who{font-size:.85rem;color:#555;margin-top:16px}
.who a{color:#fe2c55;margin-right:8px}.empty{color:#a33;font-size:.9rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><header><b>TikTok</b> <span>For Business</span> (sandbox)</header><main>${body}</main></body></html>`;
}

export interface ConsentView {
  action: string;
  appName: string;
  hidden: Record<string, string>;
  person: SandboxPerson;
  accounts: readonly WorldAccount[];
  scopes: readonly ScopeGroup[];
  /** Links to the same page as each other person ("Not you?"). */
  others: ReadonlyArray<{ person: SandboxPerson; href: string }>;
}

export function consentPage(v: ConsentView): string {
  const hidden = Object.entries(v.hidden)
    .map(([k, val]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(val)}">`)
    .join('');
  const scopes = v.scopes.map((s) => `<li class="scope"><b>${escapeHtml(s.name)}</b>${escapeHtml(s.meaning)}</li>`).join('');
  const accounts =
    v.accounts.length === 0
      ? `<p class="empty">${escapeHtml(v.person.name)} has no TikTok ad accounts to authorize.</p>`
      : v.accounts
          .map(
            (a) =>
              `<label class="acct"><input type="checkbox" name="account" value="${escapeHtml(a.id)}" checked data-testid="sandbox-account"><span>${escapeHtml(a.name)}<small>ID ${escapeHtml(a.id)} · ${escapeHtml(a.currency)}</small></span></label>`,
          )
          .join('');
  const others = v.others.map((o) => `<a href="${escapeHtml(o.href)}" data-testid="sandbox-switch-person">${escapeHtml(o.person.name)}</a>`).join('');
  return page(
    `Authorize ${v.appName} – TikTok For Business`,
    `<h1>${escapeHtml(v.appName)} wants to access your TikTok For Business account</h1>
<p class="note">Signed in as ${escapeHtml(v.person.name)} (${escapeHtml(v.person.email)}). This is the Stratum sandbox: nothing here reaches the real TikTok.</p>
<form method="post" action="${escapeHtml(v.action)}">${hidden}
<h2>${escapeHtml(v.appName)} will be able to</h2><ul>${scopes}</ul>
<h2>Ad accounts to authorize</h2>${accounts}
<div class="actions"><button class="primary" type="submit" name="decision" value="allow" data-testid="sandbox-continue">Continue as ${escapeHtml(v.person.name)}</button><button type="submit" name="decision" value="deny" data-testid="sandbox-cancel">Cancel</button></div>
</form>
${others ? `<p class="who">Not you? ${others}</p>` : ''}`,
  );
}

export function errorPage(heading: string, detail: string): string {
  return page(`TikTok For Business: ${heading}`, `<h1>${escapeHtml(heading)}</h1><p class="note">${escapeHtml(detail)}</p>`);
}
