import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';
import type { SsoProvider } from '../../db/schema/sso.js';
import { sandboxSsoClients } from './sandbox-clients.js';

/**
 * Sign-in providers, parsed with the rest of the environment by `src/config.ts`. A provider
 * is on when its client id is set; with none set and the sandbox running, all three point
 * at the sandbox's imitations.
 */
const issuerUrl = z.url({ protocol: /^https?$/ });
export const ssoEnvShape = {
  SSO_GOOGLE_CLIENT_ID: z.string().trim().min(1).optional(),
  SSO_GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  SSO_GOOGLE_ISSUER: issuerUrl.optional(),
  SSO_MICROSOFT_CLIENT_ID: z.string().trim().min(1).optional(),
  SSO_MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
  SSO_MICROSOFT_ISSUER: issuerUrl.optional(),
  SSO_APPLE_CLIENT_ID: z.string().trim().min(1).optional(),
  SSO_APPLE_TEAM_ID: z.string().trim().regex(/^[A-Z0-9]{10}$/, 'must be the 10-character Team ID').optional(),
  SSO_APPLE_KEY_ID: z.string().trim().regex(/^[A-Z0-9]{10}$/, 'must be the 10-character Key ID').optional(),
  SSO_APPLE_PRIVATE_KEY: z.string().min(1).optional(),
  SSO_APPLE_ISSUER: issuerUrl.optional(),
};

type SsoEnv = z.output<z.ZodObject<typeof ssoEnvShape>>;

export const defaultIssuers: Record<SsoProvider, string> = {
  google: 'https://accounts.google.com',
  // Any work, school or personal account; openid-client checks each token's issuer against its `tid`.
  microsoft: 'https://login.microsoftonline.com/common/v2.0',
  apple: 'https://appleid.apple.com',
};

/** How the client proves itself at the token endpoint: a shared secret, or Apple's signed JWT. */
export type SsoClientAuth = { kind: 'secret'; secret: string } | { kind: 'appleJwt'; teamId: string; keyId: string; privateKeyPem: string };

export interface SsoProviderConfig {
  id: SsoProvider;
  issuer: string;
  clientId: string;
  auth: SsoClientAuth;
  /** Pointed at the local sandbox (only then may the issuer be plain http on localhost). */
  sandbox: boolean;
}

/** The enabled providers, in the order the buttons show them. */
export interface SsoConfig {
  providers: SsoProviderConfig[];
}

type Issue = { variable: string; message: string };
export type SsoConfigResult = { ok: true; sso: SsoConfig } | { ok: false; issues: Issue[] };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Plain http only for an issuer on this machine (the sandbox); anything else must be https. */
export const isLocalIssuer = (issuer: string): boolean => {
  const u = new URL(issuer);
  return u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname);
};

/** PEMs pasted into one-line env files arrive with literal `\n`. */
const pem = (value: string) => value.replace(/\\n/g, '\n').trim();

function isAppleKey(value: string): boolean {
  try {
    const key = createPrivateKey(pem(value));
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  } catch {
    return false;
  }
}

/** `sandboxUrl`: where the sandbox runs beside this process, or null. */
export function ssoConfig(e: SsoEnv, sandboxUrl: string | null): SsoConfigResult {
  const issues: Issue[] = [];
  const need = (variable: keyof SsoEnv, when: keyof SsoEnv) => {
    if (!e[variable]) issues.push({ variable, message: `required when ${when} is set` });
  };
  const providers: SsoProviderConfig[] = [];
  const configured = e.SSO_GOOGLE_CLIENT_ID || e.SSO_MICROSOFT_CLIENT_ID || e.SSO_APPLE_CLIENT_ID;

  // A setting that belongs to a provider whose client id is missing is a mistake, not a default.
  const orphans: Array<[keyof SsoEnv, keyof SsoEnv]> = [
    ['SSO_GOOGLE_CLIENT_SECRET', 'SSO_GOOGLE_CLIENT_ID'],
    ['SSO_GOOGLE_ISSUER', 'SSO_GOOGLE_CLIENT_ID'],
    ['SSO_MICROSOFT_CLIENT_SECRET', 'SSO_MICROSOFT_CLIENT_ID'],
    ['SSO_MICROSOFT_ISSUER', 'SSO_MICROSOFT_CLIENT_ID'],
    ['SSO_APPLE_TEAM_ID', 'SSO_APPLE_CLIENT_ID'],
    ['SSO_APPLE_KEY_ID', 'SSO_APPLE_CLIENT_ID'],
    ['SSO_APPLE_PRIVATE_KEY', 'SSO_APPLE_CLIENT_ID'],
    ['SSO_APPLE_ISSUER', 'SSO_APPLE_CLIENT_ID'],
  ];
  for (const [setting, clientId] of orphans) if (e[setting] && !e[clientId]) need(clientId, setting);

  const secretProvider = (id: 'google' | 'microsoft', clientId: string | undefined, secret: string | undefined, issuer: string | undefined, names: [keyof SsoEnv, keyof SsoEnv]) => {
    if (!clientId) return;
    need(names[1], names[0]);
    if (secret) providers.push({ id, issuer: issuer ?? defaultIssuers[id], clientId, auth: { kind: 'secret', secret }, sandbox: false });
  };
  secretProvider('google', e.SSO_GOOGLE_CLIENT_ID, e.SSO_GOOGLE_CLIENT_SECRET, e.SSO_GOOGLE_ISSUER, ['SSO_GOOGLE_CLIENT_ID', 'SSO_GOOGLE_CLIENT_SECRET']);
  secretProvider('microsoft', e.SSO_MICROSOFT_CLIENT_ID, e.SSO_MICROSOFT_CLIENT_SECRET, e.SSO_MICROSOFT_ISSUER, ['SSO_MICROSOFT_CLIENT_ID', 'SSO_MICROSOFT_CLIENT_SECRET']);
  if (e.SSO_APPLE_CLIENT_ID) {
    for (const v of ['SSO_APPLE_TEAM_ID', 'SSO_APPLE_KEY_ID', 'SSO_APPLE_PRIVATE_KEY'] as const) need(v, 'SSO_APPLE_CLIENT_ID');
    if (e.SSO_APPLE_PRIVATE_KEY && !isAppleKey(e.SSO_APPLE_PRIVATE_KEY)) {
      issues.push({ variable: 'SSO_APPLE_PRIVATE_KEY', message: 'must be the PEM (PKCS #8) private key of a Sign in with Apple key (EC P-256, the .p8 file)' });
    }
    if (e.SSO_APPLE_TEAM_ID && e.SSO_APPLE_KEY_ID && e.SSO_APPLE_PRIVATE_KEY) {
      providers.push({
        id: 'apple',
        issuer: e.SSO_APPLE_ISSUER ?? defaultIssuers.apple,
        clientId: e.SSO_APPLE_CLIENT_ID,
        auth: { kind: 'appleJwt', teamId: e.SSO_APPLE_TEAM_ID, keyId: e.SSO_APPLE_KEY_ID, privateKeyPem: pem(e.SSO_APPLE_PRIVATE_KEY) },
        sandbox: false,
      });
    }
  }
  for (const p of providers) {
    if (new URL(p.issuer).protocol === 'http:' && !isLocalIssuer(p.issuer)) {
      issues.push({ variable: `SSO_${p.id.toUpperCase()}_ISSUER`, message: 'must be https:// (plain http only on localhost)' });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (!configured && sandboxUrl) return { ok: true, sso: { providers: sandboxProviders(sandboxUrl) } };
  return { ok: true, sso: { providers } };
}

/** The sandbox's Google, Microsoft (its own tenant) and Apple, with the apps it has registered. */
function sandboxProviders(sandboxUrl: string): SsoProviderConfig[] {
  const { google, microsoft, apple } = sandboxSsoClients;
  return [
    { id: 'google', issuer: `${sandboxUrl}/google/accounts`, clientId: google.clientId, auth: { kind: 'secret', secret: google.clientSecret }, sandbox: true },
    {
      id: 'microsoft',
      issuer: `${sandboxUrl}/microsoft/login/${microsoft.tenantId}/v2.0`,
      clientId: microsoft.clientId,
      auth: { kind: 'secret', secret: microsoft.clientSecret },
      sandbox: true,
    },
    {
      id: 'apple',
      issuer: `${sandboxUrl}/apple/appleid`,
      clientId: apple.clientId,
      auth: { kind: 'appleJwt', teamId: apple.teamId, keyId: apple.keyId, privateKeyPem: apple.privateKeyPem },
      sandbox: true,
    },
  ];
}
