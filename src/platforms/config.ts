import { z } from 'zod';
import type { PlatformCredentials, PlatformId } from './types.js';

/**
 * Which ad platforms Stratum can connect to, and where. With a platform's app credentials
 * set, the adapter talks to the real hosts; without them, to the sandbox (beside this process,
 * or at PLATFORMS_SANDBOX_URL); with neither, the platform is shown as not configured.
 */
export const platformsEnvShape = {
  META_APP_ID: z.string().min(1).optional(),
  META_APP_SECRET: z.string().min(1).optional(),
  GOOGLE_ADS_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_ADS_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_ADS_DEVELOPER_TOKEN: z.string().min(1).optional(),
  TIKTOK_APP_ID: z.string().min(1).optional(),
  TIKTOK_APP_SECRET: z.string().min(1).optional(),
  SNAPCHAT_CLIENT_ID: z.string().min(1).optional(),
  SNAPCHAT_CLIENT_SECRET: z.string().min(1).optional(),
  PLATFORMS_SANDBOX_URL: z.url({ protocol: /^https?$/ }).optional(),
};

type PlatformsEnv = z.output<z.ZodObject<typeof platformsEnvShape>>;

export type PlatformTarget = { mode: 'real'; credentials: PlatformCredentials } | { mode: 'sandbox'; credentials: PlatformCredentials; sandboxUrl: string };

export type PlatformsConfig = Record<PlatformId, PlatformTarget | null>;

/** The sandbox has no app registry; these only make the requests look like a real app's. */
export const sandboxAppCredentials: Record<PlatformId, PlatformCredentials> = {
  meta: { clientId: '100000000000001', clientSecret: 'sandbox-meta-app-secret' },
  google: { clientId: 'stratum-sandbox.apps.googleusercontent.com', clientSecret: 'sandbox-google-client-secret', developerToken: 'sandbox-developer-token' },
  tiktok: { clientId: '7000000000000000001', clientSecret: 'sandbox-tiktok-app-secret' },
  snapchat: { clientId: 'stratum-sandbox-snapchat-client', clientSecret: 'sandbox-snapchat-client-secret' },
};

const groups: Record<PlatformId, { id: keyof PlatformsEnv; secret: keyof PlatformsEnv; extra?: keyof PlatformsEnv }> = {
  meta: { id: 'META_APP_ID', secret: 'META_APP_SECRET' },
  google: { id: 'GOOGLE_ADS_CLIENT_ID', secret: 'GOOGLE_ADS_CLIENT_SECRET', extra: 'GOOGLE_ADS_DEVELOPER_TOKEN' },
  tiktok: { id: 'TIKTOK_APP_ID', secret: 'TIKTOK_APP_SECRET' },
  snapchat: { id: 'SNAPCHAT_CLIENT_ID', secret: 'SNAPCHAT_CLIENT_SECRET' },
};

export type PlatformsConfigResult = { ok: true; platforms: PlatformsConfig } | { ok: false; issues: { variable: string; message: string }[] };

/** `sandboxUrl`: the sandbox running beside this process, or null. */
export function platformsConfig(e: PlatformsEnv, sandboxUrl: string | null): PlatformsConfigResult {
  const sandbox = (e.PLATFORMS_SANDBOX_URL ?? sandboxUrl)?.replace(/\/+$/, '') ?? null;
  const issues: { variable: string; message: string }[] = [];
  const out = {} as PlatformsConfig;
  for (const [platform, g] of Object.entries(groups) as Array<[PlatformId, (typeof groups)[PlatformId]]>) {
    const names = [g.id, g.secret, ...(g.extra ? [g.extra] : [])];
    const set = names.filter((n) => e[n]);
    if (set.length === 0) {
      out[platform] = sandbox ? { mode: 'sandbox', credentials: sandboxAppCredentials[platform], sandboxUrl: sandbox } : null;
      continue;
    }
    // Half a set of credentials is a typo, not a wish to use the sandbox.
    for (const n of names) if (!e[n]) issues.push({ variable: n, message: `required with ${set.join(', ')}` });
    out[platform] = {
      mode: 'real',
      credentials: { clientId: String(e[g.id]), clientSecret: String(e[g.secret]), ...(g.extra ? { developerToken: String(e[g.extra]) } : {}) },
    };
  }
  return issues.length ? { ok: false, issues } : { ok: true, platforms: out };
}
