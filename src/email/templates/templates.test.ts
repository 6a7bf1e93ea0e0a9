import { describe, expect, it } from 'vitest';
import { extractLinks } from '../links.js';
import { emailCategory, emailTemplates, renderEmailTemplate, type EmailLang, type EmailTemplateName, type EmailTemplateVars } from './index.js';

const vars: { [N in EmailTemplateName]: EmailTemplateVars<N> } = {
  verification: { firstName: 'Sara', verifyUrl: 'https://app.stratum.test/verify?token=abc123&lang=en', expiresInHours: 24 },
  alreadyRegistered: { firstName: 'Sara', loginUrl: 'https://app.stratum.test/login', resetUrl: 'https://app.stratum.test/forgot-password' },
  welcome: { firstName: 'Sara', appUrl: 'https://app.stratum.test/app', unsubscribeUrl: 'https://app.stratum.test/unsubscribe?t=u1&c=onboarding' },
  gettingStarted: { firstName: 'Sara', connectUrl: 'https://app.stratum.test/app/connect', unsubscribeUrl: 'https://app.stratum.test/unsubscribe?t=u2' },
  needHelpConnecting: { firstName: 'Sara', connectUrl: 'https://app.stratum.test/app/connect?from=email', unsubscribeUrl: 'https://app.stratum.test/unsubscribe?t=u3' },
  caseStudy: { firstName: 'Sara', appUrl: 'https://app.stratum.test/app?from=case-study', unsubscribeUrl: 'https://app.stratum.test/unsubscribe?t=u4' },
  passwordReset: { firstName: 'Sara', resetUrl: 'https://app.stratum.test/reset-password?token=r3s3t', expiresInMinutes: 60 },
  reconnectNeeded: { firstName: 'Sara', platformName: 'Meta', connectUrl: 'https://app.stratum.test/connect?reconnect=meta', reason: 'Error validating access token: Session has expired' },
};

const names = Object.keys(emailTemplates) as EmailTemplateName[];
const langs: EmailLang[] = ['en', 'ar'];
const cases = names.flatMap((name) => langs.map((lang) => [name, lang] as const));
const render = <N extends EmailTemplateName>(name: N, lang: EmailLang, overrides: Partial<EmailTemplateVars<N>> = {}) =>
  renderEmailTemplate(name, { ...vars[name], ...overrides }, lang);
const escapeAmp = (s: string) => s.replaceAll('&', '&amp;');

describe('email templates', () => {
  it('registers the eight emails', () => {
    expect(names.sort()).toEqual(['alreadyRegistered', 'caseStudy', 'gettingStarted', 'needHelpConnecting', 'passwordReset', 'reconnectNeeded', 'verification', 'welcome']);
  });

  it.each(cases)('%s (%s) renders every variable into both parts', (name, lang) => {
    const email = render(name, lang);
    expect(email.subject.trim()).not.toBe('');
    for (const value of Object.values(vars[name]).map(String)) {
      expect(email.text).toContain(value);
      expect(email.html).toContain(value.startsWith('http') ? escapeAmp(value) : value);
    }
  });

  it.each(cases)('%s (%s) puts every link of the HTML in the text part in full', (name, lang) => {
    const { html, text } = render(name, lang);
    const inText = extractLinks('', text);
    expect(extractLinks(html, '').length).toBeGreaterThan(0);
    for (const link of extractLinks(html, '')) expect(inText).toContain(link);
  });

  it.each(cases)('%s (%s) is a 600px table layout with direction and alignment for its language', (name, lang) => {
    const { html } = render(name, lang);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
    expect(html).toContain('max-width:600px');
    expect(html).toContain('role="presentation"');
    expect(html).toContain(lang === 'ar' ? 'text-align:right' : 'text-align:left');
    expect(html).not.toContain(lang === 'ar' ? 'text-align:left' : 'text-align:right');
    expect(html).not.toMatch(/<style|<script|class="/);
  });

  it.each(cases)('%s (%s) escapes the first name', (name, lang) => {
    const { html } = render(name, lang, { firstName: '<script>' });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');
    const plain = render(name, lang, { firstName: '<b>"Sara" & Co' });
    expect(plain.html).toContain('&lt;b&gt;&quot;Sara&quot; &amp; Co');
    expect(plain.html).not.toContain('<b>"Sara"');
  });

  it.each(cases)('%s (%s) carries one-click unsubscribe only when it is marketing', (name, lang) => {
    const email = render(name, lang);
    if (emailCategory[name] === 'marketing') {
      const url = (vars[name] as { unsubscribeUrl: string }).unsubscribeUrl;
      expect(email.headers).toEqual({ 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
      expect(email.html).toContain(`href="${escapeAmp(url)}"`);
    } else {
      expect(email.headers).toBeUndefined();
      expect(email.html.toLowerCase()).not.toContain('unsubscribe');
      expect(email.text).not.toContain('إلغاء الاشتراك');
    }
  });

  it('Arabic copy is Arabic, not English left in place', () => {
    for (const name of names) {
      // Brand names and the platform's own error text arrive as variables; the copy around them is checked.
      const { subject, text } = render(name, 'ar', { firstName: 'نورة', ...(name === 'reconnectNeeded' ? { platformName: 'ميتا', reason: 'انتهت صلاحية الجلسة' } : {}) });
      expect(subject).toMatch(/\p{Script=Arabic}/u);
      const words = text.replace(/https?:\/\/\S+/g, '').match(/[A-Za-z]+/g) ?? [];
      expect(words.filter((w) => w !== 'Stratum')).toEqual([]);
    }
  });

  it('verification matches the agreed English copy', () => {
    const { subject, html, text } = render('verification', 'en');
    expect(subject).toBe('Verify your Stratum account ✓');
    for (const part of [html, text]) {
      expect(part).toContain('Hi Sara,');
      expect(part).toContain('Welcome to Stratum! Click below to verify your email and start automating your ad campaigns.');
      expect(part).toContain('Verify Email Address');
      expect(part).toContain('This link expires in 24 hours.');
    }
  });

  it('states expiry with Arabic number agreement', () => {
    expect(render('verification', 'ar').text).toContain('تنتهي صلاحية هذا الرابط خلال 24 ساعة.');
    expect(render('verification', 'ar', { expiresInHours: 1 }).text).toContain('خلال ساعة واحدة.');
    expect(render('verification', 'ar', { expiresInHours: 2 }).text).toContain('خلال ساعتين.');
    expect(render('passwordReset', 'ar', { expiresInMinutes: 10 }).text).toContain('خلال 10 دقائق.');
    expect(render('passwordReset', 'ar', { expiresInMinutes: 60 }).text).toContain('خلال 60 دقيقة.');
    expect(render('passwordReset', 'en', { expiresInMinutes: 1 }).text).toContain('This link expires in 1 minute.');
  });

  it('greets by name in Arabic, and generically when the name is missing or looks like a link', () => {
    expect(render('welcome', 'ar').text).toMatch(/^مرحبًا Sara،/);
    expect(render('welcome', 'ar', { firstName: 'نورة' }).html).toContain('مرحبًا نورة،');
    for (const firstName of ['', '   ', 'Visit evil.example', 'https://evil.example', 'x'.repeat(41)]) {
      expect(render('welcome', 'en', { firstName }).text).toMatch(/^Hi there,/);
      expect(render('welcome', 'ar', { firstName }).text).toMatch(/^مرحبًا،/);
    }
  });

  it('labels the case study as an illustrative example', () => {
    expect(render('caseStudy', 'en').text).toContain('Illustrative example: this is a hypothetical scenario');
    expect(render('caseStudy', 'ar').text).toContain('مثال توضيحي: هذا سيناريو افتراضي');
  });

  it('refuses links that are not absolute http(s) URLs', () => {
    expect(() => render('verification', 'en', { verifyUrl: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => render('verification', 'en', { verifyUrl: '/verify?token=abc' })).toThrow(/absolute/);
    expect(() => render('welcome', 'en', { unsubscribeUrl: 'https://x.test/u>, <mailto:a@b.test' })).toThrow(/percent-encoded/);
  });

  it('is pure: the same input gives the same output', () => {
    for (const [name, lang] of cases) expect(render(name, lang)).toEqual(render(name, lang));
  });
});
