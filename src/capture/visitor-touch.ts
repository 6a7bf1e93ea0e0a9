import { sql, type SQL } from 'drizzle-orm';
import { inScope, type WorkspaceScope } from '../db/scope.js';
import { visitors } from '../db/schema/index.js';
import { jsonInsert } from '../db/json-insert.js';
import type { DbOrTx } from '../db/types.js';
import { mergeTouches, type Touch } from './attribution.js';

/**
 * Folds each touch into its visitor's stored first and last touch (server-side attribution
 * memory): one read and one upsert for a whole batch, folding in order when one visitor comes
 * twice. An item without a visitor keeps its own touch as both.
 */
export async function advanceVisitorTouches(db: DbOrTx, scope: WorkspaceScope, items: readonly { visitorId: string | undefined; touch: Touch; now: Date }[]) {
  const { merged, upsert } = await mergeVisitorTouches(db, scope, items);
  if (upsert) await db.execute(upsert);
  return merged;
}

/**
 * The read and the fold of advanceVisitorTouches, with the upsert as a statement for the caller
 * to run (alone, or together with the lead rows in one round trip).
 */
export async function mergeVisitorTouches(db: DbOrTx, scope: WorkspaceScope, items: readonly { visitorId: string | undefined; touch: Touch; now: Date }[]): Promise<{ merged: Array<{ first: Touch; last: Touch }>; upsert: SQL | null }> {
  const ids = [...new Set(items.flatMap((i) => (i.visitorId ? [i.visitorId] : [])))];
  const known = new Map<string, { first: Touch | null; last: Touch | null; now: Date }>();
  if (ids.length > 0) {
    // The ids as one JSON parameter, not one parameter each (see json-insert.ts for why that matters).
    const rows = await db
      .select()
      .from(visitors)
      .where(inScope(visitors, scope, sql`${visitors.id} = any(array(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)))`));
    for (const r of rows) known.set(r.id, { first: r.firstTouch, last: r.lastTouch, now: r.updatedAt });
  }
  const merged = items.map(({ visitorId, touch, now }) => {
    if (!visitorId) return { first: touch, last: touch };
    const m = mergeTouches(known.get(visitorId) ?? { first: null, last: null }, touch);
    known.set(visitorId, { ...m, now });
    return m;
  });
  const upsert = jsonInsert(
    visitors,
    ids.map((id) => {
      const v = known.get(id)!;
      return { workspaceId: scope.workspaceId, id, firstTouch: v.first, lastTouch: v.last, createdAt: v.now, updatedAt: v.now };
    }),
    sql` on conflict (workspace_id, id) do update set first_touch = excluded.first_touch, last_touch = excluded.last_touch, updated_at = excluded.updated_at`,
  );
  return { merged, upsert };
}

export async function advanceVisitorTouch(
  db: DbOrTx,
  scope: WorkspaceScope,
  visitorId: string,
  touch: Touch,
  now: Date,
): Promise<{ first: Touch; last: Touch }> {
  const [merged] = await advanceVisitorTouches(db, scope, [{ visitorId, touch, now }]);
  return merged!;
}
