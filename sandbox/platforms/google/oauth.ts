import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { World } from '../../world/types.js';
import { consentPage, oauthErrorPage } from './consent-page.js';
import { managerOf } from './customers.js';
import { checkAuthorize } from './oauth-params.js';
import { oauthState } from './oauth-state.js';
import { wantsAds } from './scopes.js';
import type { AdsOAuthRoutes } from './sign-in.js';
import { adsRevoke, adsToken, isAdsTokenRequest } from './token.js';

/**
 * The Google Ads consent flow on accounts.google.com: `GET /o/oauth2/v2/auth` shows the consent
 * screen, and the screen posts to `/o/oauth2/v2/auth/decision`. Allow redirects with
 * `code`, `scope` and `state`; Cancel redirects with `error=access_denied` and `state`.
 */
const CODE_TTL_S = 600;

/** Google's codes look like `4/0A…`; opaque to clients either way. */
export const newCode = (): string => `4/0${randomBytes(36).toString('base64url')}`;

function htmlError(reply: FastifyReply, heading: string, detail: string) {
  return reply.status(400).type('text/html; charset=utf-8').send(oauthErrorPage(heading, detail));
}

export function adsAuthorize(world: World) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const check = checkAuthorize(req.query, world);
    if (!check.ok) return htmlError(reply, check.heading, check.detail);
    const path = req.url.split('?')[0]!;
    return reply.type('text/html; charset=utf-8').send(
      consentPage({
        action: `${path}/decision`,
        path,
        request: check.request,
        people: world.people,
        accounts: world.accountsOf('google', check.request.person.id),
        managerName: (id) => managerOf(world, id)?.name ?? 'manager account',
      }),
    );
  };
}

export function adsDecision(world: World) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const check = checkAuthorize(req.body, world);
    if (!check.ok) return htmlError(reply, check.heading, check.detail);
    const { query, person, scopes } = check.request;
    const decision = (req.body as Record<string, unknown>).decision;
    if (decision !== 'allow' && decision !== 'deny') return htmlError(reply, 'Error 400: invalid_request', 'Press Continue or Cancel.');
    const back = new URL(query.redirect_uri);
    if (decision === 'deny') {
      back.searchParams.set('error', 'access_denied');
    } else {
      const grant = world.tokens.issue({
        platform: 'google',
        kind: 'code',
        token: newCode(),
        personId: person.id,
        clientId: query.client_id,
        scopes,
        // Google grants every account the user can reach; the screen offers no choice.
        accountIds: world.accountsOf('google', person.id).map((a) => a.id),
        redirectUri: query.redirect_uri,
        codeChallenge: query.code_challenge ?? null,
        codeChallengeMethod: check.request.codeChallengeMethod,
        ttlSeconds: CODE_TTL_S,
        parent: null,
      });
      oauthState(world).codes.set(grant.token, { offline: check.request.offline, forceConsent: check.request.forceConsent });
      back.searchParams.set('code', grant.token);
      back.searchParams.set('scope', scopes.join(' '));
    }
    if (query.state !== undefined) back.searchParams.set('state', query.state);
    return reply.redirect(back.toString(), 302);
  };
}

/** The Ads flow's share of Google's OAuth endpoints (see sign-in.ts for how requests are split). */
export function adsOAuthRoutes(world: World): AdsOAuthRoutes {
  return {
    owns(req, route) {
      if (route === 'token') return isAdsTokenRequest(world, req.body);
      const params = (route === 'authorize' ? req.query : req.body) as Record<string, unknown> | undefined;
      return wantsAds(typeof params?.scope === 'string' ? params.scope : undefined);
    },
    authorize: adsAuthorize(world),
    decision: adsDecision(world),
    token: adsToken(world),
    revoke: adsRevoke(world),
  };
}
