import { z } from 'zod';

/** The landing page's languages (the web app's SUPPORTED_LANGUAGES; the server cannot import web/). */
export const landingLanguages = ['en', 'ar'] as const;
export type LandingLanguage = (typeof landingLanguages)[number];
/** Written by the landing page's script and by the server when `?lang=` picks a language. */
export const LANGUAGE_COOKIE = 'stratum_lang';

const languageSchema = z.enum(landingLanguages);

function base(tag: string | null | undefined): LandingLanguage | null {
  const parsed = languageSchema.safeParse((tag ?? '').trim().toLowerCase().split(/[-_]/)[0]);
  return parsed.success ? parsed.data : null;
}

/** The first supported language of an Accept-Language header, by quality then order. */
export function fromAcceptLanguage(header: string | undefined): LandingLanguage | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag ?? '', quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((c) => c.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const c of ranked) {
    const language = base(c.tag);
    if (language) return language;
  }
  return null;
}

export interface LanguageRequest {
  /** `?lang=` (or the app's `?lng=`) from the address. */
  query: { lang?: string | null; lng?: string | null };
  cookie: string | undefined;
  acceptLanguage: string | undefined;
}

/**
 * Which language `/` is served in: an explicit `?lang=` (or `?lng=`) first, then the choice
 * remembered in the cookie, then the browser's Accept-Language, else English. `explicit`
 * says the address asked for it (so the choice is worth remembering).
 */
export function negotiateLandingLanguage(req: LanguageRequest): { language: LandingLanguage; explicit: boolean } {
  const asked = base(req.query.lang) ?? base(req.query.lng);
  if (asked) return { language: asked, explicit: true };
  return { language: base(req.cookie) ?? fromAcceptLanguage(req.acceptLanguage) ?? 'en', explicit: false };
}
