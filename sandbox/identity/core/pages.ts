/** The sandbox's own HTML: a sign-in page per provider, an error page, and the form_post hand-back. */

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0002;padding:32px;width:min(420px,90vw)}
h1{font-size:1.3rem;margin:0 0 4px}p.note{color:#555;margin:0 0 20px;font-size:.9rem}
label{display:block;margin:12px 0 4px;font-size:.9rem}input[type=email],input[type=text]{width:100%;box-sizing:border-box;padding:8px;border:1px solid #bbb;border-radius:6px}
.check{display:flex;gap:8px;align-items:center;margin-top:12px}.check label{margin:0}
.actions{display:flex;gap:12px;margin-top:20px}button{padding:9px 16px;border-radius:6px;border:1px solid #888;background:#fff;cursor:pointer}
button.primary{background:#1a73e8;color:#fff;border-color:#1a73e8}ul{list-style:none;padding:0;margin:8px 0 0}li{margin:6px 0}
ul button{width:100%;text-align:left}h2{font-size:1rem;margin:24px 0 0}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** People the tester can sign in as with one click. */
export const sampleUsers: ReadonlyArray<{ email: string; name: string }> = [
  { email: 'sara@midasfurniture.com', name: 'Sara Al-Qahtani' },
  { email: 'omar@rawabi.sa', name: 'Omar Haddad' },
  { email: 'lena@northwind.example', name: 'Lena Fischer' },
];

export function signInPage(p: {
  provider: string;
  action: string;
  requestId: string;
  clientName: string;
  loginHint: string | null;
  verifiedLabel: string;
}): string {
  const email = p.loginHint ?? sampleUsers[0]!.email;
  const name = sampleUsers.find((u) => u.email === email)?.name ?? '';
  const picks = sampleUsers
    .map((u) => `<li><button type="submit" name="pick" value="${escapeHtml(u.email)}" data-testid="sandbox-pick">${escapeHtml(u.name)} &lt;${escapeHtml(u.email)}&gt;</button></li>`)
    .join('');
  return page(
    `Sign in with ${p.provider} (sandbox)`,
    `<h1>Sign in with ${escapeHtml(p.provider)} (sandbox)</h1>
<p class="note">${escapeHtml(p.clientName)} wants to know your name and email address. Nothing here reaches the real ${escapeHtml(p.provider)}.</p>
<form method="post" action="${escapeHtml(p.action)}">
<input type="hidden" name="request_id" value="${escapeHtml(p.requestId)}">
<label for="email">Email</label><input id="email" name="email" type="email" value="${escapeHtml(email)}" data-testid="sandbox-email">
<label for="name">Name</label><input id="name" name="name" type="text" value="${escapeHtml(name)}" data-testid="sandbox-name">
<div class="check"><input id="verified" name="email_verified" type="checkbox" value="on" checked><label for="verified">${escapeHtml(p.verifiedLabel)}</label></div>
<div class="actions"><button class="primary" type="submit" name="decision" value="allow" data-testid="sandbox-continue">Continue</button><button type="submit" name="decision" value="deny" data-testid="sandbox-cancel">Cancel</button></div>
<h2>Or pick a test user</h2><ul>${picks}</ul>
</form>`,
  );
}

export function errorPage(provider: string, heading: string, detail: string): string {
  return page(`${provider} (sandbox): ${heading}`, `<h1>${escapeHtml(heading)}</h1><p class="note">${escapeHtml(detail)}</p>`);
}

/** response_mode=form_post (OAuth 2.0 Form Post Response Mode): the browser posts the answer to the client. */
export function formPostPage(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return page(
    'Submit This Form',
    `<form method="post" action="${escapeHtml(action)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form><script>document.forms[0].submit()</script>`,
  );
}
