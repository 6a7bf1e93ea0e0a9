import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxPlatform } from '../platform.js';
import { MICROSOFT_CONSUMERS_TENANT, sandboxSignInClients } from './clients.js';
import { acceptForms } from './core/form.js';
import { authorize, baseOf, basicCredentials, decide, epoch, jwks, token, userinfo, type IdpProfile, type TokenFailure } from './core/flow.js';
import { keyRing } from './core/keys.js';
import { IdpStore } from './core/store.js';

const app = sandboxSignInClients.microsoft;
const clients = new Map<string, string>([[app.clientId, app.clientSecret]]);
/** Path tenants Entra ID accepts besides a directory's GUID. */
const ALIASES = new Set(['common', 'organizations', 'consumers']);
const knownTenant = (t: string) => ALIASES.has(t) || t === app.tenantId || t === MICROSOFT_CONSUMERS_TENANT;
/** The directory a signed-in account belongs to: personal accounts under /consumers, work accounts in the sandbox tenant. */
const homeTenant = (pathTenant: string | null) =>
  pathTenant === 'consumers' || pathTenant === MICROSOFT_CONSUMERS_TENANT ? MICROSOFT_CONSUMERS_TENANT : app.tenantId;

/** Entra ID's error body: an AADSTS code in the description, with trace and correlation ids. */
function aadError(status: number, error: string, code: number, message: string) {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
    },
  };
}

const tokenErrors: Record<TokenFailure, () => { status: number; body: Record<string, unknown> }> = {
  invalid_client: () => aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.'),
  code_unknown: () => aadError(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.'),
  code_used: () => aadError(400, 'invalid_grant', 54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.'),
  client_mismatch: () => aadError(400, 'invalid_grant', 70000, 'The provided value for the \'code\' parameter is not valid.'),
  redirect_mismatch: () => aadError(400, 'invalid_grant', 70000, 'The provided value for the \'redirect_uri\' is not valid. The value must exactly match the redirect URI used to obtain the authorization code.'),
  verifier_missing: () => aadError(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'),
  verifier_wrong: () => aadError(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'),
  unsupported_grant_type: () => aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.'),
  invalid_request: () => aadError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'."),
};

// Pairwise: the same person has a different `sub` in every app, while `oid` is theirs in the directory.
const digest = (s: string) => createHash('sha256').update(s).digest();
const guidOf = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

const profile: IdpProfile = {
  provider: 'Microsoft',
  store: new IdpStore(),
  keys: keyRing(),
  codeTtlMs: 10 * 60 * 1000,
  clientName: (id) => (clients.has(id) ? 'Stratum (sandbox)' : null),
  verifiedLabel: 'The email domain owner is verified (xms_edov)',
  unknownClientPage: (id) => ({
    status: 400,
    heading: 'Sign in: AADSTS700016',
    detail: `Application with identifier '${id}' was not found in the directory. This can happen if the application has not been installed by the administrator of the tenant.`,
  }),
  cancelled: {
    error: 'access_denied',
    error_subcode: 'cancel',
    error_description: 'AADSTS65004: User declined to consent to access the app.',
  },
  async authenticateClient(form, authorization) {
    const basic = basicCredentials(authorization);
    const id = basic?.id ?? form.client_id ?? '';
    const secret = basic?.secret ?? form.client_secret;
    return clients.get(id) !== undefined && clients.get(id) === secret ? id : 'invalid_client';
  },
  tokenError: (f) => tokenErrors[f](),
  subject: (user, clientId) => digest(`ms-sub:${clientId}:${user.email.toLowerCase()}`).toString('base64url').slice(0, 43),
  idTokenClaims(grant, { sub, base, now }) {
    const tid = homeTenant(grant.request.tenant);
    const scopes = grant.request.scopes;
    return {
      ver: '2.0',
      iss: `${base.url}/${tid}/v2.0`,
      sub,
      aud: grant.request.clientId,
      exp: epoch(now) + 3600,
      iat: epoch(now),
      nbf: epoch(now),
      tid,
      oid: guidOf(digest(`ms-oid:${grant.user.email.toLowerCase()}`)),
      ...(scopes.includes('profile') ? { name: grant.user.name, preferred_username: grant.user.email } : {}),
      // Entra ID sends no `email_verified`; `xms_edov` (an optional claim the app asks for) says
      // whether the address's domain is verified by its owner.
      ...(scopes.includes('email') ? { email: grant.user.email, xms_edov: grant.user.emailVerified } : {}),
      ...(grant.request.nonce ? { nonce: grant.request.nonce } : {}),
      aio: randomUUID().replaceAll('-', ''),
    };
  },
  userinfo: ({ sub, name, email }) => ({ sub, name, email }),
};

/** Entra ID refuses an unknown tenant in the path before anything else. */
function tenantGuard(req: FastifyRequest<{ Params: { tenant: string } }>, reply: FastifyReply, done: () => void) {
  if (knownTenant(req.params.tenant)) return done();
  const e = aadError(400, 'invalid_tenant', 90002, `Tenant '${req.params.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  void reply.status(e.status).send(e.body);
}

/** Microsoft identity platform v2.0 (login.microsoftonline.com) and its UserInfo endpoint on Microsoft Graph. */
export const microsoft: SandboxPlatform = {
  id: 'microsoft',
  name: 'Microsoft',
  hosts: [
    { host: 'login.microsoftonline.com', prefix: '/microsoft/login', purpose: 'identity' },
    { host: 'graph.microsoft.com', prefix: '/microsoft/graph', purpose: 'identity' },
  ],
  async register(scope, host) {
    acceptForms(scope);
    if (host.host === 'graph.microsoft.com') {
      scope.get('/oidc/userinfo', userinfo(profile));
      return;
    }
    const tenantOf = (req: FastifyRequest) => (req.params as { tenant: string }).tenant;
    const opts = { preHandler: tenantGuard };
    scope.get<{ Params: { tenant: string } }>('/:tenant/v2.0/.well-known/openid-configuration', opts, async (req) => {
      const base = baseOf(req, host.prefix);
      return discoveryDocument(base.url, base.origin, req.params.tenant);
    });
    scope.get('/:tenant/oauth2/v2.0/authorize', opts, authorize(profile, tenantOf));
    scope.post('/:tenant/oauth2/v2.0/authorize/decision', opts, decide(profile));
    scope.post('/:tenant/oauth2/v2.0/token', opts, token(profile, host.prefix));
    scope.get('/:tenant/discovery/v2.0/keys', opts, jwks(profile));
  },
  notFound(_req, reply) {
    const e = aadError(404, 'invalid_request', 900561, 'The endpoint only accepts POST, OPTIONS requests. Received a GET request.');
    return reply.status(404).send(e.body);
  },
};

/**
 * What Entra ID publishes for a path tenant. Under `common` and `organizations` the issuer is a
 * template, `…/{tenantid}/v2.0`: each token's `iss` names the account's own directory.
 */
function discoveryDocument(base: string, origin: string, tenant: string) {
  const issuerTenant = tenant === 'consumers' ? MICROSOFT_CONSUMERS_TENANT : ALIASES.has(tenant) ? '{tenantid}' : tenant;
  return {
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${origin}/microsoft/graph/oidc/userinfo`,
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
  };
}
