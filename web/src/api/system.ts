import { apiGet } from './client';
// The server's own contract, type-only: nothing of it reaches the bundle.
import type { SystemStatus } from '../../../src/system/status.schema.js';

export type { SystemStatus };
export type QueueStats = SystemStatus['queue']['queues'][number];

export const SYSTEM_STATUS_PATH = '/api/v1/system/status';

export function fetchSystemStatus(signal?: AbortSignal): Promise<SystemStatus> {
  return apiGet<SystemStatus>(SYSTEM_STATUS_PATH, signal ? { signal } : {});
}
