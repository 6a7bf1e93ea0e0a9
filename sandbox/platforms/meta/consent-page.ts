import type { SandboxPerson, WorldAccount } from '../../world/types.js';

/** The HTML of the sandbox's Facebook Login dialog: consent, account choice, and its error page. */

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What each permission lets the app do, in the words a person reads on the dialog. */
export const SCOPE_MEANINGS: Record<string, string> = {
  ads_management: 'Create, change, pause and read the ads, budgets and reports of the ad accounts you choose',
  ads_read: 'Read the performance reports of the ad accounts you choose',
  business_management: 'Read and manage the business portfolios (Business Manager) these ad accounts belong to',
  public_profile: 'Your name and profile picture',
  email: 'Your email address',
  pages_show_list: 'See the list of Pages you manage',
  pages_read_engagement: 'Read content posted on your Pages',
  leads_retrieval: 'Read the leads your lead ads collect',
  pages_manage_ads: 'Manage ads connected to your Pages',
  read_insights: 'Read insights of your Pages',
  catalog_management: 'Manage your product catalogues',
};

const STYLE = `body{font-family:Helvetica,Arial,sans-serif;background:#f0f2f5;margin:0;color:#1c1e21}
header{background:#1877f2;color:#fff;padding:12px 24px;font-weight:bold;font-size:1.4rem;letter-spacing:-.5px}
main{background:#fff;border-radius:8px;box-shadow:0 2px 4px #0000001a,0 8px 16px #0000001a;padding:24px;margin:32px auto;width:min(520px,92vw)}
h1{font-size:1.25rem;margin:0 0 8px}p.note{color:#606770;font-size:.9rem;margin:0 0 16px}
h2{font-size:1rem;margin:20px 0 8px}ul{padding-left:20px;margin:0}li{margin:6px 0;font-size:.92rem}
.accounts{list-style:none;padding:0}.accounts li{display:flex;gap:10px;align-items:center;border:1px solid #dddfe2;border-radius:6px;padding:8px 10px}
.accounts small{color:#606770;display:block}.actions{display:flex;gap:12px;margin-top:24px}
button{font-size:1rem;padding:10px 18px;border-radius:6px;border:none;cursor:pointer;font-weight:bold}
button.primary{background:#1877f2;color:#fff;flex:1}button.secondary{background:#e4e6eb;color:#050505}
.switch{font-size:.85rem;color:#606770;margin-top:16px}.switch a{color:#1877f2;margin-right:8px}
.sandbox{font-size:.8rem;color:#8a8d91;margin-top:16px}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><header>facebook</header><main>${body}</main></body></html>`;
}

export interface ConsentView {
  action: string;
  /** The authorize parameters, echoed as hidden inputs so the POST carries them back. */
  hidden: Record<string, string>;
  person: SandboxPerson;
  others: Array<{ person: SandboxPerson; href: string }>;
  scopes: string[];
  accounts: readonly WorldAccount[];
}

export function consentPage(v: ConsentView): string {
  const hidden = Object.entries(v.hidden)
    .map(([k, val]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(val)}">`)
    .join('');
  const scopes = v.scopes.map((s) => `<li><strong>${escapeHtml(s)}</strong>: ${escapeHtml(SCOPE_MEANINGS[s] ?? s)}</li>`).join('');
  const accounts = v.accounts.length
    ? `<ul class="accounts">${v.accounts
        .map(
          (a) =>
            `<li><input type="checkbox" id="acc-${escapeHtml(a.id)}" name="account" value="${escapeHtml(a.id)}" checked data-testid="sandbox-account"><label for="acc-${escapeHtml(a.id)}">${escapeHtml(a.name)}<small>act_${escapeHtml(a.id)} · ${escapeHtml(a.currency)} · ${escapeHtml(a.business)}</small></label></li>`,
        )
        .join('')}</ul>`
    : '<p class="note">You have no ad accounts.</p>';
  const others = v.others.map((o) => `<a href="${escapeHtml(o.href)}" data-testid="sandbox-switch-person">${escapeHtml(o.person.name)}</a>`).join('');
  return page(
    'Log in with Facebook',
    `<h1>Stratum wants to access your Meta (Facebook/Instagram Marketing API) account</h1>
<p class="note">Logged in as <strong data-testid="sandbox-person">${escapeHtml(v.person.name)}</strong> (${escapeHtml(v.person.email)})</p>
<form method="post" action="${escapeHtml(v.action)}">${hidden}
<h2>Stratum will be able to</h2><ul>${scopes}</ul>
<h2>Ad accounts Stratum can use</h2>${accounts}
<div class="actions"><button class="primary" type="submit" name="decision" value="allow" data-testid="sandbox-allow">Continue as ${escapeHtml(v.person.name)}</button><button class="secondary" type="submit" name="decision" value="deny" data-testid="sandbox-deny">Cancel</button></div>
</form>
${others ? `<p class="switch">Not you? ${others}</p>` : ''}
<p class="sandbox">Stratum sandbox: nothing here reaches the real Facebook.</p>`,
  );
}

export function errorPage(heading: string, detail: string): string {
  return page(`Error: ${heading}`, `<h1>${escapeHtml(heading)}</h1><p class="note">${escapeHtml(detail)}</p>`);
}
