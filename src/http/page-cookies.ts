import type { FastifyReply, FastifyRequest } from 'fastify';
import { houseScope } from '../accounts/house.js';
import { landingVisit, rememberTouch } from '../capture/landing-visit.js';
import type { PageViewHook } from './web.js';

/**
 * On every page the server renders: first-party visitor and ad-platform cookies from the
 * response itself (Set-Cookie lives 90 days where script-set cookies may be capped at 7),
 * and the visit's attribution remembered against the visitor id. Never fails the page.
 */
export function pageCookies(publicUrl: string): PageViewHook {
  const secure = publicUrl.startsWith('https://');
  return async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      const now = new Date();
      const visit = landingVisit({
        url: new URL(req.url, publicUrl).toString(),
        referrer: req.headers.referer ?? null,
        cookies: req.cookies ?? {},
        now,
        random: Math.random,
      });
      for (const c of visit.cookies) {
        // Readable by the platforms' pixels, so not httpOnly; Lax so they survive the click in.
        reply.setCookie(c.name, c.value, { path: '/', maxAge: c.maxAgeSeconds, sameSite: 'lax', secure, httpOnly: false });
      }
      await rememberTouch(req.server.deps.db.db, houseScope, visit, now);
    } catch (err) {
      req.log.warn({ err }, 'page attribution cookies failed');
    }
  };
}
