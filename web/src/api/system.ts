import { apiGet } from './client';

export interface QueueStats {
  name: string;
  created: number;
  active: number;
  failed: number;
}

/** Shape of `GET /api/v1/system/status`. */
export interface SystemStatus {
  version: string;
  mode: 'embedded' | 'postgres';
  role: string;
  database: { ok: boolean; latencyMs: number };
  queue: { ok: boolean; queues: QueueStats[] };
  uptimeSeconds: number;
}

export const SYSTEM_STATUS_PATH = '/api/v1/system/status';

export function fetchSystemStatus(signal?: AbortSignal): Promise<SystemStatus> {
  return apiGet<SystemStatus>(SYSTEM_STATUS_PATH, signal ? { signal } : {});
}
