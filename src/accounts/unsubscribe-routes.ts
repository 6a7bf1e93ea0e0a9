import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unsubscribe } from './unsubscribe.js';

const page = (ok: boolean) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stratum</title><style>body{font-family:system-ui,"Noto Sans Arabic",Tahoma,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2933;line-height:1.6}
[dir=rtl]{text-align:right}</style></head><body>
<section><h1>${ok ? 'You are unsubscribed' : 'This link is not valid'}</h1>
<p>${ok ? 'You will no longer receive tips and news from Stratum. Emails about your account (sign-in links, security) still arrive.' : 'It may have expired. You can unsubscribe from the link in any recent Stratum email.'}</p></section>
<section dir="rtl" lang="ar"><h1>${ok ? 'تم إلغاء اشتراكك' : 'هذا الرابط غير صالح'}</h1>
<p>${ok ? 'لن تصلك بعد الآن النصائح والأخبار من Stratum. أما رسائل حسابك (روابط الدخول والأمان) فستستمر في الوصول.' : 'ربما انتهت صلاحيته. يمكنك إلغاء الاشتراك من الرابط الموجود في أي رسالة حديثة من Stratum.'}</p></section>
</body></html>`;

/**
 * The unsubscribe link of marketing email: GET for a person (a page that says it worked),
 * POST for mail providers' one-click unsubscribe (RFC 8058, `List-Unsubscribe=One-Click`).
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  // One-click unsubscribe posts a form body; only this route needs to accept one.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => done(null, body));
  const query = z.object({ token: z.string().max(200).default('') });

  app.get('/api/v1/email/unsubscribe', { schema: { tags: ['email'], summary: 'Unsubscribe from marketing email (a page)', querystring: query } }, async (req, reply) => {
    const ok = await unsubscribe(db.db, req.query.token, new Date());
    return reply.status(ok ? 200 : 404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page(ok));
  });

  app.post(
    '/api/v1/email/unsubscribe',
    {
      schema: {
        tags: ['email'],
        summary: 'One-click unsubscribe (RFC 8058)',
        querystring: query,
        response: { 200: z.object({ unsubscribed: z.literal(true) }), 404: z.object({ unsubscribed: z.literal(false) }) },
      },
    },
    async (req, reply) => {
      const ok = await unsubscribe(db.db, req.query.token, new Date());
      return ok ? reply.send({ unsubscribed: true as const }) : reply.status(404).send({ unsubscribed: false as const });
    },
  );
};
