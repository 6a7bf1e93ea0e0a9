import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { newId } from '../db/ids.js';
import { workspaces, type WorkspaceRow } from '../db/schema/index.js';
import type { DbOrTx } from '../db/types.js';
import { AppError } from '../errors.js';
import { timeZoneSchema } from '../shared/time-zone.js';

export const workspaceInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. SAR').default('SAR'),
  timezone: timeZoneSchema.default('Asia/Riyadh'),
  locale: z.enum(['en', 'ar']).default('en'),
});
export type WorkspaceInput = z.input<typeof workspaceInputSchema>;

export async function createWorkspace(db: DbOrTx, input: WorkspaceInput): Promise<WorkspaceRow> {
  const values = workspaceInputSchema.parse(input);
  const [row] = await db.insert(workspaces).values({ id: newId('workspace'), ...values }).returning();
  return row!;
}

export async function getWorkspace(db: DbOrTx, workspaceId: string): Promise<WorkspaceRow> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw new AppError('NOT_FOUND', 'Workspace not found');
  return row;
}
