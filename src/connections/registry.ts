import type { PlatformsConfig, PlatformTarget } from '../platforms/config.js';
import type { AdapterContext, AdPlatform, PlatformEndpoints, PlatformId } from '../platforms/types.js';
import { platformIds } from '../platforms/types.js';
import { createMetaAdapter } from '../platforms/meta/adapter.js';
import { realMetaEndpoints, sandboxMetaEndpoints } from '../platforms/meta/endpoints.js';
import { createGoogleAdapter } from '../platforms/google/adapter.js';
import { realGoogleEndpoints, sandboxGoogleEndpoints } from '../platforms/google/endpoints.js';
import { createTiktokAdapter } from '../platforms/tiktok/adapter.js';
import { realTiktokEndpoints, sandboxTiktokEndpoints } from '../platforms/tiktok/endpoints.js';
import { createSnapchatAdapter } from '../platforms/snapchat/adapter.js';
import { realSnapchatEndpoints, sandboxSnapchatEndpoints } from '../platforms/snapchat/endpoints.js';

const factories: Record<PlatformId, { create(ctx: AdapterContext): AdPlatform; real: PlatformEndpoints; sandbox(base: string): PlatformEndpoints }> = {
  meta: { create: createMetaAdapter, real: realMetaEndpoints, sandbox: sandboxMetaEndpoints },
  google: { create: createGoogleAdapter, real: realGoogleEndpoints, sandbox: sandboxGoogleEndpoints },
  tiktok: { create: createTiktokAdapter, real: realTiktokEndpoints, sandbox: sandboxTiktokEndpoints },
  snapchat: { create: createSnapchatAdapter, real: realSnapchatEndpoints, sandbox: sandboxSnapchatEndpoints },
};

export interface PlatformEntry {
  id: PlatformId;
  mode: PlatformTarget['mode'];
  adapter: AdPlatform;
}

/** The adapters this process can use, built once from configuration; a platform with neither credentials nor sandbox is absent. */
export interface PlatformRegistry {
  get(id: PlatformId): PlatformEntry | null;
  all(): Array<{ id: PlatformId; entry: PlatformEntry | null }>;
}

export function createPlatformRegistry(config: PlatformsConfig, overrides: Partial<AdapterContext> = {}): PlatformRegistry {
  const entries = new Map<PlatformId, PlatformEntry>();
  for (const id of platformIds) {
    const target = config[id];
    if (!target) continue;
    const f = factories[id];
    const endpoints = target.mode === 'real' ? f.real : f.sandbox(target.sandboxUrl);
    entries.set(id, { id, mode: target.mode, adapter: f.create({ endpoints, credentials: target.credentials, ...overrides }) });
  }
  return {
    get: (id) => entries.get(id) ?? null,
    all: () => platformIds.map((id) => ({ id, entry: entries.get(id) ?? null })),
  };
}
