import type { FastifyReply, FastifyRequest } from 'fastify';
import { formOf, type FormBody } from './form.js';
import type { KeyRing } from './keys.js';
import { errorPage, formPostPage, sampleUsers, signInPage } from './pages.js';
import { pkceMatches } from './pkce.js';
import { opaque, type AuthRequest, type CodeGrant, type IdpStore, type IdpUser } from './store.js';

/** The ways a token request fails; each provider words them in its own error body. */
export type TokenFailure =
  | 'invalid_client'
  | 'code_unknown'
  | 'code_used'
  | 'client_mismatch'
  | 'redirect_mismatch'
  | 'verifier_missing'
  | 'verifier_wrong'
  | 'unsupported_grant_type'
  | 'invalid_request';

/** Where the provider is reached, for the `iss` and endpoint URLs: this request's origin and the host's prefix. */
export interface Base {
  /** e.g. `http://localhost:4010/google/accounts`; the sandbox's stand-in for `https://accounts.google.com`. */
  url: string;
  origin: string;
}

/** What makes one provider differ from the others; the protocol around it is shared. */
export interface IdpProfile {
  provider: string;
  store: IdpStore;
  keys: KeyRing;
  codeTtlMs: number;
  /** The registered app's display name, or null when the client id is unknown. */
  clientName(clientId: string): string | null;
  verifiedLabel: string;
  /** A rule of this provider that refuses the request with an error page (e.g. Apple's form_post rule); null when fine. */
  authorizeProblem?(req: AuthRequest): { heading: string; detail: string } | null;
  /** Errors the provider shows on its own page rather than sending back to the app. */
  unknownClientPage(clientId: string): { status: number; heading: string; detail: string };
  /** What the app receives when the person presses Cancel. */
  cancelled: Record<string, string>;
  /** Authenticates the client of a token request; the client id, or a failure. */
  authenticateClient(form: FormBody, authorization: string | undefined): Promise<string | 'invalid_client'>;
  tokenError(failure: TokenFailure): { status: number; body: Record<string, unknown> };
  subject(user: IdpUser, clientId: string): string;
  idTokenClaims(grant: CodeGrant, ctx: { sub: string; base: Base; now: number }): Record<string, unknown>;
  userinfo(claims: Record<string, unknown>): Record<string, unknown>;
  /** Extra fields posted back with the code (Apple's `user`, first consent only). */
  callbackExtras?(grant: CodeGrant, firstConsent: boolean): Record<string, string>;
}

const REQUEST_TTL_MS = 30 * 60 * 1000;
const ACCESS_TOKEN_TTL_S = 3599;

export function baseOf(req: FastifyRequest, prefix: string): Base {
  const origin = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  return { origin, url: origin + prefix };
}

const one = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Answers the app at its redirect URI, by query string or by an auto-submitted form. */
function respond(reply: FastifyReply, req: Pick<AuthRequest, 'redirectUri' | 'responseMode'>, params: Record<string, string>) {
  if (req.responseMode === 'form_post') return reply.type('text/html; charset=utf-8').send(formPostPage(req.redirectUri, params));
  const url = new URL(req.redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return reply.redirect(url.toString(), 302);
}

/** GET authorize: checks the request like the provider does and shows the sign-in page. */
export function authorize(profile: IdpProfile, tenantOf: (req: FastifyRequest) => string | null = () => null) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const q = formOf(req.query);
    const clientId = one(q.client_id) ?? '';
    const html = (status: number, heading: string, detail: string) =>
      reply.status(status).type('text/html; charset=utf-8').send(errorPage(profile.provider, heading, detail));
    const clientName = profile.clientName(clientId);
    if (clientName === null) {
      const e = profile.unknownClientPage(clientId);
      return html(e.status, e.heading, e.detail);
    }
    const redirectUri = one(q.redirect_uri);
    if (!redirectUri || !/^https?:\/\//.test(redirectUri) || !URL.canParse(redirectUri)) {
      return html(400, 'Error 400: redirect_uri_mismatch', 'The redirect_uri is missing or is not an absolute http(s) URL.');
    }
    const responseMode = q.response_mode ?? 'query';
    const state = one(q.state);
    const back = (error: string, description: string) =>
      respond(reply, { redirectUri, responseMode: responseMode === 'form_post' ? 'form_post' : 'query' }, { error, error_description: description, ...(state ? { state } : {}) });
    if (responseMode !== 'query' && responseMode !== 'form_post') return back('invalid_request', `Unsupported response_mode: ${responseMode}`);
    if (q.response_type !== 'code') return back('unsupported_response_type', 'Only response_type=code is supported.');
    const method = q.code_challenge ? (q.code_challenge_method ?? 'plain') : null;
    if (method !== null && method !== 'S256' && method !== 'plain') return back('invalid_request', 'Invalid code_challenge_method.');
    const request: AuthRequest = {
      id: opaque(18),
      clientId,
      redirectUri,
      responseMode,
      scopes: (q.scope ?? '').split(' ').filter(Boolean),
      state,
      nonce: one(q.nonce),
      codeChallenge: one(q.code_challenge),
      codeChallengeMethod: method,
      loginHint: one(q.login_hint),
      tenant: tenantOf(req),
      expiresAt: Date.now() + REQUEST_TTL_MS,
    };
    const problem = profile.authorizeProblem?.(request);
    if (problem) return html(400, problem.heading, problem.detail);
    profile.store.sweep(Date.now());
    profile.store.requests.set(request.id, request);
    return reply.type('text/html; charset=utf-8').send(
      signInPage({
        provider: profile.provider,
        action: `${req.url.split('?')[0]}/decision`,
        requestId: request.id,
        clientName,
        loginHint: request.loginHint,
        verifiedLabel: profile.verifiedLabel,
      }),
    );
  };
}

/** POST from the sign-in page: Continue (or a picked test user) issues a code; Cancel sends the provider's "denied". */
export function decide(profile: IdpProfile) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const f = formOf(req.body);
    const request = profile.store.requests.get(f.request_id ?? '');
    if (!request || request.expiresAt < Date.now()) {
      return reply.status(400).type('text/html; charset=utf-8').send(errorPage(profile.provider, 'This sign-in has expired', 'Go back to the app and start again.'));
    }
    profile.store.requests.delete(request.id);
    const state: Record<string, string> = request.state ? { state: request.state } : {};
    if (f.decision === 'deny') return respond(reply, request, { ...profile.cancelled, ...state });

    const picked = sampleUsers.find((u) => u.email === f.pick);
    const email = (picked?.email ?? f.email ?? '').trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
      return reply.status(400).type('text/html; charset=utf-8').send(errorPage(profile.provider, 'Enter an email address', 'Go back and type an address.'));
    }
    const user: IdpUser = { email, name: (picked?.name ?? f.name ?? '').trim(), emailVerified: picked ? true : f.email_verified === 'on' };
    const code = opaque(32);
    const grant: CodeGrant = { request, user, expiresAt: Date.now() + profile.codeTtlMs, usedAt: null };
    profile.store.codes.set(code, grant);
    const consentKey = `${request.clientId} ${profile.subject(user, request.clientId)}`;
    const firstConsent = !profile.store.consents.has(consentKey);
    profile.store.consents.add(consentKey);
    return respond(reply, request, { code, ...state, ...(profile.callbackExtras?.(grant, firstConsent) ?? {}) });
  };
}

/** POST token: the authorization code grant, with client authentication, single use, redirect URI and PKCE checks. */
export function token(profile: IdpProfile, prefix: string) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const fail = (failure: TokenFailure) => {
      const e = profile.tokenError(failure);
      return reply.status(e.status).header('cache-control', 'no-store').send(e.body);
    };
    const f = formOf(req.body);
    if (f.grant_type !== 'authorization_code') return fail(f.grant_type ? 'unsupported_grant_type' : 'invalid_request');
    const clientId = await profile.authenticateClient(f, req.headers.authorization);
    if (clientId === 'invalid_client') return fail('invalid_client');
    const now = Date.now();
    const grant = profile.store.codes.get(f.code ?? '');
    if (!grant || grant.expiresAt < now) return fail('code_unknown');
    if (grant.usedAt !== null) return fail('code_used');
    if (grant.request.clientId !== clientId) return fail('client_mismatch');
    if (f.redirect_uri !== grant.request.redirectUri) return fail('redirect_mismatch');
    if (grant.request.codeChallenge !== null) {
      if (!f.code_verifier) return fail('verifier_missing');
      if (!pkceMatches(grant.request.codeChallenge, grant.request.codeChallengeMethod ?? 'plain', f.code_verifier)) return fail('verifier_wrong');
    }
    grant.usedAt = now;

    const sub = profile.subject(grant.user, clientId);
    const base = baseOf(req, prefix);
    const claims = profile.idTokenClaims(grant, { sub, base, now });
    const accessToken = opaque(40);
    profile.store.accessTokens.set(accessToken, { claims, expiresAt: now + ACCESS_TOKEN_TTL_S * 1000 });
    return reply.header('cache-control', 'no-store').send({
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_TTL_S,
      scope: grant.request.scopes.join(' '),
      ...(grant.request.scopes.includes('openid') ? { id_token: await profile.keys.sign(claims) } : {}),
    });
  };
}

export function jwks(profile: IdpProfile) {
  return async () => profile.keys.jwks();
}

/** The UserInfo endpoint: the signed-in person's claims for a valid Bearer access token. */
export function userinfo(profile: IdpProfile) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const grant = token ? profile.store.accessTokens.get(token) : undefined;
    if (!grant || grant.expiresAt < Date.now()) {
      return reply.status(401).header('www-authenticate', 'Bearer error="invalid_token"').send({ error: 'invalid_token', error_description: 'Invalid Credentials' });
    }
    return profile.userinfo(grant.claims);
  };
}

/** Seconds since the epoch, as JWT times are. */
export const epoch = (ms: number): number => Math.floor(ms / 1000);

/** Reads HTTP Basic client credentials (RFC 6749 §2.3.1: each part form-encoded). */
export function basicCredentials(authorization: string | undefined): { id: string; secret: string } | null {
  const m = /^Basic (.+)$/i.exec(authorization ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return null;
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}
