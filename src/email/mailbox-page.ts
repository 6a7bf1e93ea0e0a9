import type { DevMailboxMessage } from './dev-mailbox.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A plain server-rendered page: it must work before the web app is built and must never
 * run a message's HTML (shown as text, since mail content is untrusted).
 */
export function renderMailboxPage(messages: DevMailboxMessage[]): string {
  const items = messages
    .map(
      (m) => `<article>
  <h2>${escapeHtml(m.subject)}</h2>
  <p class="meta">To <b>${escapeHtml(m.toAddress)}</b> from ${escapeHtml(m.fromAddress)} · <time datetime="${m.createdAt.toISOString()}">${m.createdAt.toISOString()}</time></p>
  <pre>${escapeHtml(m.textBody)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev mailbox · Stratum</title>
<style>body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#1f2933}
article{border:1px solid #d9e2ec;border-radius:8px;padding:1rem;margin-block:1rem}h2{margin:0 0 .25rem;font-size:1.1rem}
.meta{color:#52606d;margin:0 0 .5rem;font-size:.9rem}pre{white-space:pre-wrap;word-break:break-word;margin:0}</style></head>
<body><h1>Dev mailbox</h1>
<p>No mail server is configured, so email Stratum sends is kept here instead. Newest first.</p>
${items || '<p><i>No messages yet.</i></p>'}
</body></html>`;
}
