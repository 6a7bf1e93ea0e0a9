import * as oidc from 'openid-client';
import type { SsoProvider } from '../../db/schema/sso.js';
import { cachedAppleClientSecret } from './apple-secret.js';
import { isLocalIssuer, type SsoProviderConfig } from './config.js';
import { providerTraits } from './providers.js';

/** Every call to a provider gives up after this long (discovery, token, keys). */
const TIMEOUT_S = 5;
/** Waits between discovery attempts: a provider's hiccup should not fail a sign-in. */
const DISCOVERY_RETRY_DELAYS_MS = [200, 800];
/** Metadata is fetched again after an hour, so a provider's changed endpoints are picked up. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

export type ExchangeFailure =
  /** The provider refused the code (used, expired, wrong verifier): `invalid_grant` and friends. */
  | { kind: 'code_rejected'; error: string }
  /** The ID token did not validate (signature, issuer, audience, nonce, expiry). */
  | { kind: 'token_invalid'; detail: string }
  /** The provider did not answer, or answered nonsense. */
  | { kind: 'unavailable'; detail: string };

export class ProviderUnavailable extends Error {
  constructor(readonly provider: SsoProvider, cause: unknown) {
    super(`${provider} sign-in is unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'ProviderUnavailable';
  }
}

/** The relying party for each configured provider: discovery (cached), authorization URLs, and the code exchange. */
export class OidcClients {
  private readonly cache = new Map<SsoProvider, { config: Promise<oidc.Configuration>; fetchedAt: number }>();
  private readonly providers: Map<SsoProvider, SsoProviderConfig>;

  constructor(providers: readonly SsoProviderConfig[], private readonly publicUrl: string) {
    this.providers = new Map(providers.map((p) => [p.id, p]));
  }

  enabled(): SsoProvider[] {
    return [...this.providers.keys()];
  }

  has(id: SsoProvider): boolean {
    return this.providers.has(id);
  }

  redirectUri(id: SsoProvider): string {
    return `${this.publicUrl}/api/v1/auth/sso/${id}/callback`;
  }

  private configuration(id: SsoProvider): Promise<oidc.Configuration> {
    const p = this.providers.get(id);
    if (!p) throw new Error(`SSO provider ${id} is not configured`);
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.fetchedAt < DISCOVERY_TTL_MS) return hit.config;
    const config = discoverWithRetries(p);
    this.cache.set(id, { config, fetchedAt: Date.now() });
    // A failed discovery is not remembered: the next sign-in tries again.
    config.catch(() => this.cache.get(id)?.config === config && this.cache.delete(id));
    return config;
  }

  /** Where to send the browser: the provider's authorize endpoint with state, nonce and PKCE (S256). */
  async authorizationUrl(id: SsoProvider, p: { state: string; nonce: string; codeVerifier: string; lang: 'en' | 'ar' }): Promise<URL> {
    let config: oidc.Configuration;
    try {
      config = await this.configuration(id);
    } catch (err) {
      throw new ProviderUnavailable(id, err);
    }
    const traits = providerTraits[id];
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(id),
      scope: traits.scope,
      state: p.state,
      nonce: p.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(p.codeVerifier),
      code_challenge_method: 'S256',
      ...(traits.responseMode === 'form_post' ? { response_mode: 'form_post' } : {}),
      ...traits.extraParams(p.lang),
    });
  }

  /**
   * Trades the code for tokens and validates the ID token (signature against the provider's
   * JWKS, iss, aud, exp, iat, nonce), all by openid-client. Returns the ID token's claims.
   */
  async exchange(
    id: SsoProvider,
    p: { code: string; state: string; iss?: string; codeVerifier: string; nonce: string },
  ): Promise<{ ok: true; claims: Record<string, unknown> } | { ok: false; failure: ExchangeFailure }> {
    let config: oidc.Configuration;
    try {
      config = await this.configuration(id);
    } catch (err) {
      return { ok: false, failure: { kind: 'unavailable', detail: (err as Error).message } };
    }
    // The redirect URI the token request repeats is this URL without its parameters.
    const callback = new URL(this.redirectUri(id));
    callback.searchParams.set('code', p.code);
    callback.searchParams.set('state', p.state);
    if (p.iss) callback.searchParams.set('iss', p.iss);
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: p.codeVerifier,
        expectedState: p.state,
        expectedNonce: p.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) return { ok: false, failure: { kind: 'token_invalid', detail: 'no ID token' } };
      return { ok: true, claims: { ...claims } };
    } catch (err) {
      return { ok: false, failure: classify(err) };
    }
  }
}

function classify(err: unknown): ExchangeFailure {
  if (err instanceof oidc.ResponseBodyError) {
    // 4xx with an OAuth error: the provider refused this code; 5xx: the provider is down.
    return err.status >= 500 ? { kind: 'unavailable', detail: `${err.status} ${err.error}` } : { kind: 'code_rejected', error: err.error };
  }
  if (err instanceof oidc.ClientError) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT' || code === 'OAUTH_RESPONSE_IS_NOT_JSON' || code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
      return { kind: 'unavailable', detail: `${code}: ${err.message}` };
    }
    return { kind: 'token_invalid', detail: `${code}: ${err.message}` };
  }
  return { kind: 'unavailable', detail: (err as Error)?.message ?? String(err) };
}

async function discoverWithRetries(p: SsoProviderConfig): Promise<oidc.Configuration> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= DISCOVERY_RETRY_DELAYS_MS.length; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, DISCOVERY_RETRY_DELAYS_MS[attempt - 1]));
    try {
      return await oidc.discovery(new URL(p.issuer), p.clientId, { client_id: p.clientId }, clientAuth(p), {
        timeout: TIMEOUT_S,
        // Plain http only for an issuer on this machine: the sandbox.
        ...(isLocalIssuer(p.issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
      });
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

function clientAuth(p: SsoProviderConfig): oidc.ClientAuth {
  if (p.auth.kind === 'secret') return oidc.ClientSecretPost(p.auth.secret);
  const secret = cachedAppleClientSecret({ ...p.auth, clientId: p.clientId });
  // Apple's secret is a JWT that expires: signed when a token request needs it, not at start.
  return async (_as, _client, body) => {
    body.set('client_id', p.clientId);
    body.set('client_secret', await secret());
  };
}
