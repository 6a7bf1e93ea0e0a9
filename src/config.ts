import path from 'node:path';
import { z } from 'zod';
import { crmConfig, crmEnvShape, type CrmConfig } from './crm/config.js';
import { ssoConfig, ssoEnvShape, type SsoConfig } from './accounts/sso/config.js';
import { analyticsConfig, analyticsEnvShape, type AnalyticsConfig } from './http/analytics.js';
import { platformsConfig, platformsEnvShape, type PlatformsConfig } from './platforms/config.js';

/**
 * The one place that reads the environment. Everything else receives a typed `Config`,
 * so a typo in a setting stops start-up with the variable's name instead of silently
 * falling back to a default.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: bool.default(false),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // At least 2: start-up holds one connection for its lock while the work uses another.
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  MIGRATE_ON_START: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
  JOBS_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  JOBS_SCHEDULES_ENABLED: bool.default(true),
  SANDBOX_ENABLED: bool.default(true),
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  SANDBOX_PORT: port.default(4010),
  /** Faults the sandbox injects, e.g. `meta:rate_limit:0.2,google:server_error:0.1` (sandbox/world/README.md). */
  SANDBOX_FAULTS: z.string().min(1).optional(),
  SANDBOX_SEED: z.coerce.number().int().min(0).default(0),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  EMAIL_FROM: z.string().min(3).default('Stratum <hello@stratum.local>'),
  DEV_MAILBOX_ENABLED: bool.optional(),
  PLATFORM_ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  ...crmEnvShape,
  ...ssoEnvShape,
  ...platformsEnvShape,
  TOKEN_ENCRYPTION_KEYS: z.string().min(1).optional(),
  SYNC_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .refine((n) => (n >= 1 && n < 60 && 60 % n === 0) || (n >= 60 && n <= 1440 && n % 60 === 0 && 24 % (n / 60) === 0), 'must divide an hour (1, 5, 10, 15, 30…) or be whole hours dividing a day (60, 120, 180…)')
    .default(15),
  SYNC_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(28).default(3),
  SYNC_INITIAL_DAYS: z.coerce.number().int().min(1).max(400).default(30),
  WEB_DIST_DIR: z.string().min(1).default('./dist/web'),
  WEB_BUILD_ON_START: bool.default(true),
  ...analyticsEnvShape,
});

export type Env = z.input<typeof envSchema>;
export type Role = 'all' | 'api' | 'worker';

export interface Config {
  env: 'development' | 'production' | 'test';
  role: Role;
  /** `trustProxy`: believe X-Forwarded-For/-Proto (only behind a proxy that sets them; client IPs feed rate limits). */
  http: { host: string; port: number; publicUrl: string; bodyLimitBytes: number; trustProxy: boolean };
  db:
    | { kind: 'pglite'; dataDir: string; migrateOnStart: boolean }
    | { kind: 'postgres'; url: string; poolMax: number; connectTimeoutMs: number; migrateOnStart: boolean };
  jobs: { pollIntervalSeconds: number; schedulesEnabled: boolean };
  sandbox: { enabled: boolean; host: string; port: number; publicUrl: string; faults: string | null; seed: number };
  log: { level: string; pretty: boolean };
  /** `buildOnStart`: build the web app at start when missing or older than `web/` (off in prebuilt images). */
  web: { distDir: string; buildOnStart: boolean };
  /** Microsoft Clarity / Hotjar on the landing page, each only when its id is set. */
  analytics: AnalyticsConfig;
  /** `smtpUrl` unset: mail goes to the dev mailbox, when that is enabled (by default everywhere but production). */
  email: { smtpUrl: string | null; from: string; devMailboxEnabled: boolean };
  /** Bearer token for Stratum's operators (landing stats across the house workspace); null disables it. */
  platformAdminToken: string | null;
  /** Where leads from Stratum's own landing page are pushed. Unset: HubSpot in the sandbox when the sandbox runs, else none. */
  crm: CrmConfig;
  /** "Continue with Google / Microsoft / Apple": the enabled OpenID Connect providers. */
  sso: SsoConfig;
  /** Per ad platform: real hosts with app credentials, the sandbox, or null (not configured). */
  platforms: PlatformsConfig;
  /** `keys`: TOKEN_ENCRYPTION_KEYS (`id:base64,…`, first seals); null: a key file in the data folder. */
  tokens: { keys: string | null; keyFile: string };
  /** Ad account sync: schedule, how many recent days each run re-reads, and how far back the first one goes. */
  sync: { intervalMinutes: number; lookbackDays: number; initialDays: number };
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

const KNOWN = new Set(Object.keys(envSchema.shape));

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  role: Role = 'all',
  opts: { cwd?: string; isTty?: boolean } = {},
): Config {
  // Empty strings mean "unset" (a common shell habit: `PORT= npm start`).
  const relevant: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (KNOWN.has(k) && v !== undefined && v !== '') relevant[k] = v;

  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const e = parsed.data;
  const cwd = opts.cwd ?? process.cwd();
  const localHost = (h: string) => (h === '0.0.0.0' || h === '::' ? 'localhost' : h === '127.0.0.1' ? 'localhost' : h);
  const sandboxEnabled = e.SANDBOX_ENABLED && role === 'all';
  const crm = crmConfig(e, sandboxEnabled ? `http://${localHost(e.SANDBOX_HOST)}:${e.SANDBOX_PORT}` : null);
  if (!crm.ok) throw new ConfigError(crm.issues);
  const sso = ssoConfig(e, sandboxEnabled ? `http://${localHost(e.SANDBOX_HOST)}:${e.SANDBOX_PORT}` : null);
  if (!sso.ok) throw new ConfigError(sso.issues);
  const platforms = platformsConfig(e, sandboxEnabled ? `http://${localHost(e.SANDBOX_HOST)}:${e.SANDBOX_PORT}` : null);
  if (!platforms.ok) throw new ConfigError(platforms.issues);
  if (!e.TOKEN_ENCRYPTION_KEYS && e.NODE_ENV === 'production' && e.DATABASE_URL) {
    // Every API and worker process must open the same tokens; a per-machine key file cannot do that.
    throw new ConfigError([{ variable: 'TOKEN_ENCRYPTION_KEYS', message: 'required in production with DATABASE_URL (e.g. main:$(openssl rand -base64 32))' }]);
  }

  return {
    env: e.NODE_ENV,
    role,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: (e.PUBLIC_URL ?? `http://${localHost(e.HOST)}:${e.PORT}`).replace(/\/$/, ''),
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      trustProxy: e.TRUST_PROXY,
    },
    db: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          poolMax: e.DATABASE_POOL_MAX,
          connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
          migrateOnStart: e.MIGRATE_ON_START,
        }
      : { kind: 'pglite', dataDir: path.resolve(cwd, e.DATA_DIR), migrateOnStart: e.MIGRATE_ON_START },
    jobs: { pollIntervalSeconds: e.JOBS_POLL_INTERVAL_SECONDS, schedulesEnabled: e.JOBS_SCHEDULES_ENABLED },
    sandbox: {
      // The sandbox only makes sense beside an embedded, all-in-one process; scaled
      // deployments point the adapters at real hosts or a separately run sandbox.
      enabled: e.SANDBOX_ENABLED && role === 'all',
      host: e.SANDBOX_HOST,
      port: e.SANDBOX_PORT,
      publicUrl: `http://${localHost(e.SANDBOX_HOST)}:${e.SANDBOX_PORT}`,
      faults: e.SANDBOX_FAULTS ?? null,
      seed: e.SANDBOX_SEED,
    },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_FORMAT ? e.LOG_FORMAT === 'pretty' : (opts.isTty ?? false) },
    web: { distDir: path.resolve(cwd, e.WEB_DIST_DIR), buildOnStart: e.WEB_BUILD_ON_START },
    analytics: analyticsConfig(e),
    email: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.EMAIL_FROM,
      devMailboxEnabled: e.DEV_MAILBOX_ENABLED ?? e.NODE_ENV !== 'production',
    },
    platformAdminToken: e.PLATFORM_ADMIN_TOKEN ?? null,
    crm: crm.crm,
    sso: sso.sso,
    platforms: platforms.platforms,
    tokens: { keys: e.TOKEN_ENCRYPTION_KEYS ?? null, keyFile: path.resolve(cwd, e.DATA_DIR, 'secrets', 'token-keys') },
    sync: { intervalMinutes: e.SYNC_INTERVAL_MINUTES, lookbackDays: e.SYNC_LOOKBACK_DAYS, initialDays: e.SYNC_INITIAL_DAYS },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}


/** Variables, defaults and meanings, rendered into the README by a test that keeps them in sync. */
export const configVariables = Object.keys(envSchema.shape);
