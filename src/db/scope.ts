import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Whose data a request or job may touch. Built once at the edge (session, job payload). */
export interface WorkspaceScope {
  readonly workspaceId: string;
}

/**
 * The condition every tenant query starts from: `workspace_id = scope` and the caller's
 * own conditions. Queries on tenant tables go through this, so forgetting the tenant
 * is not something a single `where` can do.
 */
export function inScope(
  table: { workspaceId: PgColumn },
  scope: WorkspaceScope,
  ...conditions: Array<SQL | undefined>
): SQL {
  return and(eq(table.workspaceId, scope.workspaceId), ...conditions) as SQL;
}
