import { eq } from 'drizzle-orm';
import { inScope, type WorkspaceScope } from '../db/scope.js';
import { visitors } from '../db/schema/index.js';
import type { DbOrTx } from '../db/types.js';
import { mergeTouches, type Touch } from './attribution.js';

/** Folds a touch into the visitor's stored first and last touch (server-side attribution memory). */
export async function advanceVisitorTouch(
  db: DbOrTx,
  scope: WorkspaceScope,
  visitorId: string,
  touch: Touch,
  now: Date,
): Promise<{ first: Touch; last: Touch }> {
  const [row] = await db.select().from(visitors).where(inScope(visitors, scope, eq(visitors.id, visitorId)));
  const merged = mergeTouches({ first: row?.firstTouch ?? null, last: row?.lastTouch ?? null }, touch);
  await db
    .insert(visitors)
    .values({ workspaceId: scope.workspaceId, id: visitorId, firstTouch: merged.first, lastTouch: merged.last, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [visitors.workspaceId, visitors.id], set: { firstTouch: merged.first, lastTouch: merged.last, updatedAt: now } });
  return merged;
}
