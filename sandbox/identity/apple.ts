import { createHash, createPublicKey } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import type { SandboxPlatform } from '../platform.js';
import { sandboxSignInClients } from './clients.js';
import { acceptForms } from './core/form.js';
import { authorize, baseOf, decide, epoch, jwks, token, type IdpProfile, type TokenFailure } from './core/flow.js';
import { keyRing } from './core/keys.js';
import { IdpStore } from './core/store.js';

const app = sandboxSignInClients.apple;
const developerKey = createPublicKey(app.publicKeyPem);
/** Apple refuses a client secret that lives longer than six months. */
const MAX_SECRET_LIFETIME_S = 15_777_000;

// Apple's token errors carry no description except for a bad code.
const tokenErrors: Record<TokenFailure, { status: number; body: Record<string, unknown> }> = {
  invalid_client: { status: 400, body: { error: 'invalid_client' } },
  code_unknown: { status: 400, body: { error: 'invalid_grant', error_description: 'The code has expired or has been revoked.' } },
  code_used: { status: 400, body: { error: 'invalid_grant', error_description: 'The code has expired or has been revoked.' } },
  client_mismatch: { status: 400, body: { error: 'invalid_grant', error_description: 'client_id mismatch. The code was not issued to com.stratum.sandbox.signin.' } },
  redirect_mismatch: { status: 400, body: { error: 'invalid_grant', error_description: 'The code has expired or has been revoked.' } },
  verifier_missing: { status: 400, body: { error: 'invalid_grant', error_description: 'code_verifier is required.' } },
  verifier_wrong: { status: 400, body: { error: 'invalid_grant', error_description: 'The code has expired or has been revoked.' } },
  unsupported_grant_type: { status: 400, body: { error: 'unsupported_grant_type' } },
  invalid_request: { status: 400, body: { error: 'invalid_request' } },
};

/**
 * The client secret is a JWT the developer signs with their key (ES256, `kid` = the key id):
 * iss = team id, sub = client id, aud = https://appleid.apple.com, at most six months long.
 */
async function checkClientSecret(clientId: string, secret: string): Promise<boolean> {
  if (clientId !== app.clientId) return false;
  try {
    if (decodeProtectedHeader(secret).kid !== app.keyId) return false;
    const { payload } = await jwtVerify(secret, developerKey, {
      algorithms: ['ES256'],
      issuer: app.teamId,
      subject: app.clientId,
      audience: 'https://appleid.apple.com',
      requiredClaims: ['iat', 'exp'],
    });
    return payload.exp! - payload.iat! <= MAX_SECRET_LIFETIME_S;
  } catch {
    return false;
  }
}

const profile: IdpProfile = {
  provider: 'Apple',
  store: new IdpStore(),
  keys: keyRing(),
  codeTtlMs: 5 * 60 * 1000,
  clientName: (id) => (id === app.clientId ? 'Stratum (sandbox)' : null),
  verifiedLabel: 'Apple has verified this address (email_verified)',
  unknownClientPage: () => ({ status: 400, heading: 'invalid_client', detail: 'Invalid client id or web redirect url.' }),
  authorizeProblem: (req) =>
    (req.scopes.includes('name') || req.scopes.includes('email')) && req.responseMode !== 'form_post'
      ? { heading: 'invalid_request', detail: 'response_mode must be form_post when name or email scope is requested.' }
      : null,
  cancelled: { error: 'user_cancelled_authorize' },
  async authenticateClient(form) {
    return (await checkClientSecret(form.client_id ?? '', form.client_secret ?? '')) ? app.clientId : 'invalid_client';
  },
  tokenError: (f) => tokenErrors[f],
  // Apple's team-scoped subject: `000123.<32 hex>.0456`.
  subject: (user) => {
    const h = createHash('sha256').update(`apple:${app.teamId}:${user.email.toLowerCase()}`).digest('hex');
    return `00${parseInt(h.slice(0, 4), 16) % 10000}.${h.slice(4, 36)}.${String(parseInt(h.slice(36, 40), 16) % 10000).padStart(4, '0')}`;
  },
  idTokenClaims(grant, { sub, base, now }) {
    const wantsEmail = grant.request.scopes.includes('email');
    return {
      iss: base.url,
      aud: grant.request.clientId,
      exp: epoch(now) + 86400,
      iat: epoch(now),
      sub,
      ...(grant.request.nonce ? { nonce: grant.request.nonce, nonce_supported: true } : {}),
      c_hash: createHash('sha256').update(sub).digest('base64url').slice(0, 22),
      // Apple sends these booleans as strings.
      ...(wantsEmail ? { email: grant.user.email, email_verified: String(grant.user.emailVerified), is_private_email: String(grant.user.email.endsWith('@privaterelay.appleid.com')) } : {}),
      auth_time: epoch(now),
      real_user_status: 2,
    };
  },
  userinfo: (claims) => claims,
  // The name is never in the ID token: it comes once, in the first authorization's form post.
  callbackExtras(grant, firstConsent): Record<string, string> {
    const scopes = grant.request.scopes;
    if (!firstConsent || !(scopes.includes('name') || scopes.includes('email'))) return {};
    const [firstName = '', ...rest] = grant.user.name.split(/\s+/);
    return {
      user: JSON.stringify({
        ...(scopes.includes('name') ? { name: { firstName, lastName: rest.join(' ') } } : {}),
        ...(scopes.includes('email') ? { email: grant.user.email } : {}),
      }),
    };
  },
};

/** Sign in with Apple (appleid.apple.com). */
export const apple: SandboxPlatform = {
  id: 'apple',
  name: 'Apple',
  hosts: [{ host: 'appleid.apple.com', prefix: '/apple/appleid', purpose: 'identity' }],
  async register(scope, host) {
    acceptForms(scope);
    scope.get('/.well-known/openid-configuration', async (req) => discoveryDocument(baseOf(req, host.prefix).url));
    scope.get('/auth/authorize', authorize(profile));
    scope.post('/auth/authorize/decision', decide(profile));
    scope.post('/auth/token', token(profile, host.prefix));
    scope.get('/auth/keys', jwks(profile));
  },
  notFound(_req, reply) {
    return reply.status(404).type('text/html; charset=utf-8').send('<!doctype html><title>404 Not Found</title><h1>Not Found</h1>');
  },
};

function discoveryDocument(base: string) {
  return {
    issuer: base,
    authorization_endpoint: `${base}/auth/authorize`,
    token_endpoint: `${base}/auth/token`,
    revocation_endpoint: `${base}/auth/revoke`,
    jwks_uri: `${base}/auth/keys`,
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'name'],
    token_endpoint_auth_methods_supported: ['client_secret_post'],
    claims_supported: ['aud', 'email', 'email_verified', 'exp', 'iat', 'is_private_email', 'iss', 'nonce', 'nonce_supported', 'real_user_status', 'sub', 'transfer_sub'],
  };
}
