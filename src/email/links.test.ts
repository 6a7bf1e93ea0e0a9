import { describe, expect, it } from 'vitest';
import { extractLinks } from './links.js';
import { emailTemplates } from './templates/index.js';

describe('extractLinks', () => {
  it('finds the verify URL in both parts of the verification email', () => {
    const verifyUrl = 'https://app.stratum.test/verify?token=abc123&lang=ar';
    const { html, text } = emailTemplates.verification({ firstName: 'نورة', verifyUrl, expiresInHours: 24 }, 'ar');
    expect(extractLinks(html, '')).toEqual([verifyUrl]);
    expect(extractLinks('', text)).toEqual([verifyUrl]);
    expect(extractLinks(html, text)).toEqual([verifyUrl]);
  });

  it('returns unique absolute http(s) links in order: hrefs first, then text', () => {
    const html = `<a href="https://b.test/1">x</a> <a HREF='http://a.test/2'>y</a> <a href=https://c.test/3>z</a> <a href="https://b.test/1">again</a>`;
    const text = 'See https://d.test/4 and https://b.test/1.';
    expect(extractLinks(html, text)).toEqual(['https://b.test/1', 'http://a.test/2', 'https://c.test/3', 'https://d.test/4']);
  });

  it('decodes entities in hrefs', () => {
    expect(extractLinks('<a href="https://x.test/v?a=1&amp;b=2&#38;c=3&#x26;d=4">v</a>', '')).toEqual(['https://x.test/v?a=1&b=2&c=3&d=4']);
  });

  it('skips relative, mailto, javascript and anchor links', () => {
    const html = '<a href="/login">a</a><a href="mailto:a@b.test">b</a><a href="javascript:void(0)">c</a><a href="#top">d</a><a data-href="https://no.test">e</a>';
    expect(extractLinks(html, 'ftp://files.test/x www.example.test')).toEqual([]);
  });

  it('leaves sentence punctuation and unmatched brackets out of text links', () => {
    const text = 'Open https://x.test/a. Or (https://x.test/b) or https://x.test/wiki/Foo_(bar), or «https://x.test/c»، أو https://x.test/d؟';
    expect(extractLinks('', text)).toEqual(['https://x.test/a', 'https://x.test/b', 'https://x.test/wiki/Foo_(bar)', 'https://x.test/c', 'https://x.test/d']);
  });

  it('keeps query strings whole', () => {
    expect(extractLinks('', 'Reset:\nhttps://x.test/reset?token=a.b_c-d~e&next=%2Fapp\n')).toEqual(['https://x.test/reset?token=a.b_c-d~e&next=%2Fapp']);
  });

  it('survives an out-of-range character reference', () => {
    expect(extractLinks('<a href="https://x.test/&#99999999;">x</a>', '')).toEqual(['https://x.test/&#99999999;']);
  });
});
