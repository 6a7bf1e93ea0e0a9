import type { CrmProvider } from '../../db/schema/crm.js';
import type { SsoProvider } from '../../db/schema/sso.js';
import type { Db } from '../../db/types.js';
import type { JobQueue } from '../../jobs/queue.js';
import { browserIdsFromCookies } from '../../capture/cookies.js';
import { VISITOR_COOKIE } from '../../capture/landing-visit.js';
import type { RequestMeta } from '../../capture/record-lead.js';
import { claimAttempt, createAttempt, newAttemptSecrets } from './attempts.js';
import { identityFromClaims } from './claims.js';
import type { OidcClients } from './oidc.js';
import { isCancellation } from './providers.js';
import { landingAfterSignIn, safeReturnTo } from './return-to.js';
import { signInWithProvider } from './sign-in.js';
import type { AttemptContext, SsoCallbackInput, SsoStartInput } from './start.schema.js';
import { ssoErrorLocation, type SsoErrorCode } from './errors.js';

export interface SsoDeps {
  db: Db;
  queue: JobQueue;
  crmProvider: CrmProvider | null;
  clients: OidcClients;
}

/**
 * "Continue with …": remembers the round trip (PKCE verifier, nonce, this browser, the
 * visitor's attribution) and returns where to send the browser. The attribution the page
 * sent is completed from this request's first-party cookies, because the callback may
 * arrive without them (Apple's cross-site form post carries no SameSite=Lax cookie).
 */
export async function startSsoSignIn(
  deps: Pick<SsoDeps, 'db' | 'clients'>,
  provider: SsoProvider,
  input: SsoStartInput,
  meta: RequestMeta,
): Promise<{ redirectTo: string; browserSecret: string }> {
  const { intent, lang, return_to, company_name, first_touch, ...attribution } = input;
  const cookies = browserIdsFromCookies(meta.cookies);
  const visitorCookie = meta.cookies[VISITOR_COOKIE];
  const context: AttemptContext = {
    language: lang,
    returnTo: safeReturnTo(return_to),
    companyName: company_name || null,
    attribution: {
      ...attribution,
      fbc: attribution.fbc ?? cookies.fbc ?? undefined,
      fbp: attribution.fbp ?? cookies.fbp ?? undefined,
      ttp: attribution.ttp ?? cookies.ttp ?? undefined,
      scid: attribution.scid ?? cookies.scid ?? undefined,
      visitor_id: attribution.visitor_id ?? (visitorCookie && /^[A-Za-z0-9_-]{8,64}$/.test(visitorCookie) ? visitorCookie : undefined),
      user_agent: attribution.user_agent ?? meta.userAgent ?? undefined,
    },
    firstTouch: first_touch ?? null,
  };
  const secrets = newAttemptSecrets();
  // The provider's metadata first: if it is unreachable, nothing is stored.
  const url = await deps.clients.authorizationUrl(provider, { state: secrets.state, nonce: secrets.nonce, codeVerifier: secrets.codeVerifier, lang });
  await createAttempt(deps.db, { provider, intent, context, secrets, now: meta.now });
  return { redirectTo: url.toString(), browserSecret: secrets.browserSecret };
}

export type SsoFinish =
  | { outcome: 'ok'; sessionToken: string; location: string; userId: string; created: boolean }
  | { outcome: 'error'; code: SsoErrorCode; location: string; detail: string };

/**
 * The provider's answer: the attempt it names must be this browser's, unused and fresh;
 * then the code is exchanged, the ID token validated, and the person signed in (or their
 * account created). Every failure leads back to the page they came from with a reason.
 */
export async function finishSsoSignIn(
  deps: SsoDeps,
  provider: SsoProvider,
  input: SsoCallbackInput,
  browserSecret: string | undefined,
  meta: RequestMeta,
): Promise<SsoFinish> {
  const claim = await claimAttempt(deps.db, { provider, state: input.state, browserSecret, now: meta.now });
  if (!claim.ok) {
    const code: SsoErrorCode = claim.reason === 'expired' ? 'expired' : claim.reason === 'other_browser' ? 'other_browser' : 'invalid_state';
    return fail(code, { intent: claim.intent, language: claim.language, provider }, `attempt ${claim.reason}`);
  }
  const { attempt } = claim;
  const where = { intent: attempt.intent, language: attempt.context.language, provider };
  if (input.error) return fail(isCancellation(input.error) ? 'cancelled' : 'provider_error', where, `${input.error}: ${input.error_description ?? ''}`);
  if (!input.code || !input.state) return fail('provider_error', where, 'callback without a code');

  const exchanged = await deps.clients.exchange(provider, {
    code: input.code,
    state: input.state,
    ...(input.iss ? { iss: input.iss } : {}),
    codeVerifier: attempt.codeVerifier,
    nonce: attempt.nonce,
  });
  if (!exchanged.ok) {
    const f = exchanged.failure;
    return fail(f.kind, where, f.kind === 'code_rejected' ? f.error : f.detail);
  }
  const identity = identityFromClaims(provider, exchanged.claims, input.user);
  const result = await signInWithProvider(deps, identity, { ...attempt.context, intent: attempt.intent }, meta);
  if (result.outcome === 'refused') return fail(result.reason, where, result.reason);
  return {
    outcome: 'ok',
    sessionToken: result.sessionToken,
    userId: result.userId,
    created: result.created,
    location: landingAfterSignIn({ onboardingComplete: result.onboardingComplete, returnTo: attempt.context.returnTo }),
  };
}

function fail(code: SsoErrorCode, where: Parameters<typeof ssoErrorLocation>[1], detail: string): SsoFinish {
  return { outcome: 'error', code, location: ssoErrorLocation(code, where), detail };
}
