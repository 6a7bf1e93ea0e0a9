import { buttonFallback, companyLine, footerReason, greeting, signOff, type EmailLang } from './common.js';
import { checkedUrl, escapeHtml as esc } from './escape.js';

export type { EmailLang } from './common.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

export type EmailTemplate<Vars> = (vars: Vars, lang: EmailLang) => RenderedEmail;

/** Content is described once, so the HTML and the plain-text part can never disagree on links. */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'callout'; text: string }
  | { kind: 'list'; ordered?: boolean; items: Array<{ title?: string; text: string }> }
  | { kind: 'button'; label: string; url: string; fallback?: boolean }
  | { kind: 'link'; lead: string; url: string };

export interface EmailContent {
  lang: EmailLang;
  subject: string;
  /** The preview line inboxes show after the subject. */
  preheader: string;
  firstName: string;
  blocks: Block[];
  /** Present only on marketing email: adds the footer link and the RFC 8058 one-click headers. */
  unsubscribeUrl?: string;
}

const COLORS = { page: '#f4f6f8', card: '#ffffff', ink: '#1f2933', muted: '#52606d', brand: '#1f5fbf', rule: '#d9e2ec', callout: '#eef4fc' };
const FONTS: Record<EmailLang, string> = {
  en: "-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif",
  // Tahoma ships with Windows and Outlook and renders Arabic cleanly; the rest fall back well.
  ar: "Tahoma,'Segoe UI','Geeza Pro','Noto Sans Arabic',Arial,sans-serif",
};

function htmlBlock(block: Block, lang: EmailLang): string {
  const align = lang === 'ar' ? 'right' : 'left';
  const font = FONTS[lang];
  const p = `margin:0 0 16px;font-family:${font};font-size:16px;line-height:1.6;color:${COLORS.ink};text-align:${align};`;
  const small = `margin:0 0 16px;font-family:${font};font-size:14px;line-height:1.5;color:${COLORS.muted};text-align:${align};`;
  const urlLink = (url: string) =>
    `<a href="${esc(url)}" target="_blank" dir="ltr" style="color:${COLORS.brand};text-decoration:underline;word-break:break-all;">${esc(url)}</a>`;
  switch (block.kind) {
    case 'p':
      return `<p style="${p}">${esc(block.text)}</p>`;
    case 'note':
      return `<p style="${small}">${esc(block.text)}</p>`;
    case 'callout':
      return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;"><tr><td style="padding:12px 16px;background-color:${COLORS.callout};border-radius:6px;font-family:${font};font-size:14px;line-height:1.5;color:${COLORS.ink};text-align:${align};">${esc(block.text)}</td></tr></table>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const pad = lang === 'ar' ? 'padding:0 24px 0 0;' : 'padding:0 0 0 24px;';
      const items = block.items
        .map((i) => `<li style="margin:0 0 8px;">${i.title ? `<strong>${esc(i.title)}</strong> ` : ''}${esc(i.text)}</li>`)
        .join('');
      return `<${tag} style="margin:0 0 16px;${pad}font-family:${font};font-size:16px;line-height:1.6;color:${COLORS.ink};text-align:${align};">${items}</${tag}>`;
    }
    case 'button': {
      // Bulletproof: the colour sits on the cell and the padding on a bordered link, so
      // Outlook (which ignores padding on <a>) still shows a full-size, clickable button.
      const button = `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;"><tr><td align="center" bgcolor="${COLORS.brand}" style="border-radius:6px;background-color:${COLORS.brand};"><a href="${esc(block.url)}" target="_blank" style="display:inline-block;padding:12px 28px;border:1px solid ${COLORS.brand};border-radius:6px;font-family:${font};font-size:16px;font-weight:bold;line-height:1.25;color:#ffffff;text-decoration:none;">${esc(block.label)}</a></td></tr></table>`;
      return block.fallback ? `${button}<p style="${small}">${esc(buttonFallback[lang])}<br>${urlLink(block.url)}</p>` : button;
    }
    case 'link':
      return `<p style="${p}">${esc(block.lead)}<br>${urlLink(block.url)}</p>`;
  }
}

function textBlock(block: Block): string {
  switch (block.kind) {
    case 'p':
    case 'note':
    case 'callout':
      return block.text;
    case 'list':
      return block.items.map((i, n) => `${block.ordered ? `${n + 1}.` : '•'} ${i.title ? `${i.title} ` : ''}${i.text}`).join('\n');
    case 'button':
      // The URL gets a line of its own: plain-text clients linkify it, and Arabic text beside it can't reorder it.
      return `${block.label}:\n${block.url}`;
    case 'link':
      return `${block.lead}\n${block.url}`;
  }
}

function checkedBlock(block: Block): Block {
  return block.kind === 'button' || block.kind === 'link' ? { ...block, url: checkedUrl(block.url) } : block;
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const { lang, subject, preheader } = content;
  const unsubscribeUrl = content.unsubscribeUrl === undefined ? undefined : checkedUrl(content.unsubscribeUrl);
  const blocks: Block[] = [
    { kind: 'p', text: greeting(content.firstName, lang) },
    ...content.blocks.map(checkedBlock),
    { kind: 'p', text: signOff[lang] },
  ];
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const align = lang === 'ar' ? 'right' : 'left';
  const font = FONTS[lang];
  const reason = footerReason[lang];
  const footerStyle = `margin:0 0 8px;font-family:${font};font-size:12px;line-height:1.5;color:${COLORS.muted};text-align:${align};`;
  const footer = [
    `<p style="${footerStyle}">${esc(companyLine[lang])}</p>`,
    `<p style="${footerStyle}">${esc(unsubscribeUrl ? reason.marketing : reason.transactional)}</p>`,
    unsubscribeUrl
      ? `<p style="${footerStyle}"><a href="${esc(unsubscribeUrl)}" target="_blank" style="color:${COLORS.muted};text-decoration:underline;">${esc(reason.unsubscribe)}</a></p>`
      : '',
  ].join('');

  const html = `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${esc(subject)}</title>
</head>
<body dir="${dir}" style="margin:0;padding:0;background-color:${COLORS.page};">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;color:${COLORS.page};opacity:0;">${esc(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="background-color:${COLORS.page};">
<tr><td align="center" style="padding:24px 12px;">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="max-width:600px;width:100%;background-color:${COLORS.card};border:1px solid ${COLORS.rule};border-radius:8px;">
<tr><td dir="ltr" style="padding:24px 32px 8px;font-family:${FONTS.en};font-size:22px;font-weight:bold;color:${COLORS.brand};text-align:${align};">Stratum</td></tr>
<tr><td style="padding:16px 32px 16px;text-align:${align};">
${blocks.map((b) => htmlBlock(b, lang)).join('\n')}
</td></tr>
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="max-width:600px;width:100%;">
<tr><td style="padding:16px 32px;text-align:${align};">${footer}</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;

  const footerText = [companyLine[lang], unsubscribeUrl ? reason.marketing : reason.transactional];
  if (unsubscribeUrl) footerText.push(`${reason.unsubscribe}:`, unsubscribeUrl);
  const text = `${blocks.map(textBlock).join('\n\n')}\n\n--\n${footerText.join('\n')}\n`;

  const rendered: RenderedEmail = { subject, html, text };
  if (unsubscribeUrl) {
    rendered.headers = { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  }
  return rendered;
}
