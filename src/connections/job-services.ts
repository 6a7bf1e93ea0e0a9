import type { Config } from '../config.js';
import type { AdapterContext } from '../platforms/types.js';
import type { JobQueue } from '../jobs/queue.js';
import { loadTokenVault } from './keys.js';
import { reconnectEmailJob } from './reconnect-email.job.js';
import { createPlatformRegistry, type PlatformRegistry } from './registry.js';
import type { ConnectionJobServices } from './services.js';
import { syncJobs } from './sync/sync.job.js';
import type { TokenVault } from './vault.js';

/** The vault and adapters of this process, built once from configuration. */
export function connectionParts(config: Pick<Config, 'tokens' | 'platforms'>, adapterOverrides: Partial<AdapterContext> = {}): { vault: TokenVault; platforms: PlatformRegistry } {
  return { vault: loadTokenVault(config.tokens), platforms: createPlatformRegistry(config.platforms, adapterOverrides) };
}

/** `queue` is read when a job runs (the services are built before the queue they are given to). */
export function connectionJobServices(
  parts: { vault: TokenVault; platforms: PlatformRegistry },
  sync: Config['sync'],
  queue: () => JobQueue,
): ConnectionJobServices {
  return {
    ...parts,
    sync: { initialDays: sync.initialDays, lookbackDays: sync.lookbackDays },
    enqueueSyncs: (platform, payloads) => queue().enqueueMany(syncJobs[platform], payloads),
    notifyReconnect: async (p) => {
      await queue().enqueue(reconnectEmailJob, p);
    },
  };
}
