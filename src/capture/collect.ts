import type { WorkspaceScope } from '../db/scope.js';
import { pageEvents } from '../db/schema/index.js';
import type { DbOrTx } from '../db/types.js';
import type { CollectInput } from './collect.schema.js';

/** Events further off than this are a wrong clock or a replay, not a page view. */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
const MAX_AHEAD_MS = 5 * 60 * 1000;

/**
 * Our own page analytics: one multi-row insert per beacon, deduplicated by the browser's
 * event id (a beacon retried by the browser counts once). Returns how many were new.
 */
export async function collectPageEvents(db: DbOrTx, scope: WorkspaceScope, input: CollectInput, now: Date): Promise<number> {
  const rows = input.events
    .map((e) => ({ ...e, at: new Date(e.occurred_at) }))
    .filter((e) => e.at.getTime() > now.getTime() - MAX_AGE_MS && e.at.getTime() < now.getTime() + MAX_AHEAD_MS)
    .filter((e) => e.name !== 'ScrollDepth' || [25, 50, 75, 100].includes(e.value ?? -1))
    .map((e) => ({
      workspaceId: scope.workspaceId,
      eventId: e.event_id,
      visitorId: input.visitor_id,
      name: e.name,
      url: e.url ?? null,
      value: e.value ?? null,
      occurredAt: e.at,
      receivedAt: now,
    }));
  if (rows.length === 0) return 0;
  const inserted = await db.insert(pageEvents).values(rows).onConflictDoNothing().returning({ id: pageEvents.eventId });
  return inserted.length;
}
