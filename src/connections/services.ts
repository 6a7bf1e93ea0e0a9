import type { PlatformId } from '../platforms/types.js';
import type { Db } from '../db/types.js';
import type { JobQueue } from '../jobs/queue.js';
import type { PlatformRegistry } from './registry.js';
import type { TokenVault } from './vault.js';

/** What the connect flow and the sync need, built once per process (tests pass their own). */
export interface ConnectionServices {
  db: Db;
  vault: TokenVault;
  platforms: PlatformRegistry;
  /** Where the platform sends the browser back: `${publicUrl}/api/v1/oauth/<platform>/callback`. */
  publicUrl: string;
  now: () => Date;
}

export interface ConnectionServicesWithQueue extends ConnectionServices {
  queue: JobQueue;
}

/** What the sync jobs need besides the database (JobServices.connections). */
export interface ConnectionJobServices {
  vault: TokenVault;
  platforms: PlatformRegistry;
  sync: { initialDays: number; lookbackDays: number };
  enqueueSyncs(platform: PlatformId, payloads: Array<{ workspaceId: string; adAccountId: string; connectionId: string }>): Promise<void>;
  notifyReconnect(p: { workspaceId: string; connectionId: string }): Promise<void>;
}
