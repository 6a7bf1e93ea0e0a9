import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxHost } from '../../platform.js';
import { sandboxSignInClients } from '../../identity/clients.js';
import { acceptForms } from '../../identity/core/form.js';
import { authorize, baseOf, basicCredentials, decide, epoch, jwks, token, userinfo, type IdpProfile, type TokenFailure } from '../../identity/core/flow.js';
import { keyRing } from '../../identity/core/keys.js';
import { IdpStore } from '../../identity/core/store.js';

/**
 * "Sign in with Google": Google's OpenID Connect provider, on the same hosts Google uses
 * (accounts.google.com for discovery and consent, oauth2.googleapis.com for tokens,
 * www.googleapis.com for keys, openidconnect.googleapis.com for UserInfo). The Google Ads
 * consent flow (oauth.ts) shares the authorize, decision and token endpoints: requests for the
 * adwords scope, and codes or refresh tokens it issued, go to it (see AdsOAuthRoutes).
 */
const clients = new Map<string, string>([[sandboxSignInClients.google.clientId, sandboxSignInClients.google.clientSecret]]);

// Google's error bodies on the token endpoint: terse, with "Bad Request" as the description.
const tokenErrors: Record<TokenFailure, { status: number; body: Record<string, unknown> }> = {
  invalid_client: { status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } },
  code_unknown: { status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } },
  code_used: { status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } },
  client_mismatch: { status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } },
  redirect_mismatch: { status: 400, body: { error: 'redirect_uri_mismatch', error_description: 'Bad Request' } },
  verifier_missing: { status: 400, body: { error: 'invalid_grant', error_description: 'Missing code verifier.' } },
  verifier_wrong: { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid code verifier.' } },
  unsupported_grant_type: { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: ' } },
  invalid_request: { status: 400, body: { error: 'invalid_request', error_description: 'Missing required parameter: grant_type' } },
};

const profile: IdpProfile = {
  provider: 'Google',
  store: new IdpStore(),
  keys: keyRing(),
  codeTtlMs: 10 * 60 * 1000,
  clientName: (id) => (clients.has(id) ? 'Stratum (sandbox)' : null),
  verifiedLabel: 'Google has verified this address (email_verified)',
  unknownClientPage: () => ({ status: 401, heading: 'Error 401: invalid_client', detail: 'The OAuth client was not found.' }),
  cancelled: { error: 'access_denied' },
  async authenticateClient(form, authorization) {
    const basic = basicCredentials(authorization);
    const id = basic?.id ?? form.client_id ?? '';
    const secret = basic?.secret ?? form.client_secret;
    return clients.get(id) !== undefined && clients.get(id) === secret ? id : 'invalid_client';
  },
  tokenError: (f) => tokenErrors[f],
  // Google's subject: a stable numeric string per Google account, the same for every app.
  subject: (user) => (BigInt('0x' + createHash('sha256').update(`google:${user.email.toLowerCase()}`).digest('hex').slice(0, 16)) % 10n ** 21n).toString().padStart(21, '1'),
  idTokenClaims(grant, { sub, base, now }) {
    const scopes = grant.request.scopes;
    const domain = grant.user.email.split('@')[1] ?? '';
    return {
      iss: issuerOf(base.url),
      azp: grant.request.clientId,
      aud: grant.request.clientId,
      sub,
      ...(scopes.includes('email') ? { email: grant.user.email, email_verified: grant.user.emailVerified } : {}),
      // `hd` names a Google Workspace domain; consumer gmail.com accounts carry none.
      ...(scopes.includes('email') && domain !== 'gmail.com' ? { hd: domain } : {}),
      ...(scopes.includes('profile') && grant.user.name ? profileClaims(grant.user.name) : {}),
      ...(grant.request.nonce ? { nonce: grant.request.nonce } : {}),
      iat: epoch(now),
      exp: epoch(now) + 3599,
    };
  },
  userinfo: ({ sub, email, email_verified, name, given_name, family_name, hd }) => ({ sub, email, email_verified, name, given_name, family_name, hd }),
};

function profileClaims(name: string) {
  const [given, ...rest] = name.split(/\s+/);
  return { name, given_name: given, ...(rest.length > 0 ? { family_name: rest.join(' ') } : {}) };
}

/** The issuer lives on the accounts host; the sandbox reaches the others by swapping the prefix. */
const ACCOUNTS = '/google/accounts';
const issuerOf = (baseUrl: string) => baseUrl.replace(/\/google\/[a-z0-9]+$/, ACCOUNTS);

type Handler = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * The Google Ads consent flow (oauth.ts) shares the authorize, decision and token endpoints with
 * sign-in: it takes the requests that are its own (the adwords scope, or a code or refresh token
 * it issued) and leaves the rest to sign-in.
 */
export interface AdsOAuthRoutes {
  owns(req: FastifyRequest, route: 'authorize' | 'decision' | 'token'): boolean;
  authorize: Handler;
  decision: Handler;
  token: Handler;
  revoke: Handler;
}

/** Google's routes on whichever of its hosts is being registered. */
export async function registerGoogleSignIn(app: FastifyInstance, host: SandboxHost, ads?: AdsOAuthRoutes): Promise<void> {
  acceptForms(app);
  const either = (route: 'authorize' | 'decision' | 'token', signIn: Handler): Handler => (ads ? (req, reply) => (ads.owns(req, route) ? ads[route](req, reply) : signIn(req, reply)) : signIn);
  switch (host.host) {
    case 'accounts.google.com':
      app.get('/.well-known/openid-configuration', async (req) => discoveryDocument(baseOf(req, host.prefix).origin));
      app.get('/o/oauth2/v2/auth', either('authorize', authorize(profile)));
      app.post('/o/oauth2/v2/auth/decision', either('decision', decide(profile)));
      return;
    case 'oauth2.googleapis.com':
      app.post('/token', either('token', token(profile, host.prefix)));
      if (ads) app.post('/revoke', ads.revoke);
      return;
    case 'www.googleapis.com':
      app.get('/oauth2/v3/certs', jwks(profile));
      return;
    case 'openidconnect.googleapis.com':
      app.get('/v1/userinfo', userinfo(profile));
      return;
  }
}

/** Google's published discovery document, with each host mapped to its sandbox prefix. */
function discoveryDocument(origin: string) {
  return {
    issuer: origin + ACCOUNTS,
    authorization_endpoint: `${origin}${ACCOUNTS}/o/oauth2/v2/auth`,
    token_endpoint: `${origin}/google/oauth2/token`,
    userinfo_endpoint: `${origin}/google/openidconnect/v1/userinfo`,
    jwks_uri: `${origin}/google/apis/oauth2/v3/certs`,
    response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token', 'token id_token', 'code token id_token', 'none'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: ['aud', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'name', 'picture', 'sub'],
    code_challenge_methods_supported: ['plain', 'S256'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code', 'urn:ietf:params:oauth:grant-type:jwt-bearer'],
  };
}
