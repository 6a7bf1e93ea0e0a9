import { count, sql } from 'drizzle-orm';
import { crmPushes } from '../db/schema/index.js';
import type { Db } from '../db/types.js';

export interface CrmPushCounts {
  pending: number;
  sent: number;
  failed: number;
  /** When the oldest push still waiting was owed (ISO 8601), null when none waits. */
  oldestPendingAt: string | null;
}

/** How CRM pushes stand, across workspaces (for the System page: counts only, no lead data). */
export async function crmPushCounts(db: Db): Promise<CrmPushCounts> {
  const rows = await db
    .select({ status: crmPushes.status, n: count(), oldest: sql<string | Date | null>`min(${crmPushes.createdAt})` })
    .from(crmPushes)
    .groupBy(crmPushes.status);
  const out: CrmPushCounts = { pending: 0, sent: 0, failed: 0, oldestPendingAt: null };
  for (const r of rows) {
    out[r.status] = Number(r.n);
    if (r.status === 'pending' && r.oldest) out.oldestPendingAt = new Date(r.oldest).toISOString();
  }
  return out;
}
