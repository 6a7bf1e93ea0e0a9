import { z } from 'zod';
import type { DbOrTx } from '../db/types.js';
import { firstNameOf } from '../email/templates/names.js';
import type { SessionUser } from './sessions.js';
import { getWorkspace } from './workspaces.js';

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    full_name: z.string(),
    first_name: z.string(),
    role: z.enum(['owner', 'admin', 'member', 'viewer']),
    status: z.enum(['pending_verification', 'verified', 'disabled']),
    language: z.enum(['en', 'ar']),
    workspace: z.object({ id: z.string(), name: z.string(), currency: z.string(), timezone: z.string() }),
  }),
});
export type Me = z.infer<typeof meSchema>;

export async function getMe(db: DbOrTx, user: SessionUser): Promise<Me> {
  const ws = await getWorkspace(db, user.workspaceId);
  return {
    user: {
      id: user.userId,
      email: user.email,
      full_name: user.fullName,
      first_name: firstNameOf(user.fullName),
      role: user.role,
      status: user.status,
      language: user.language,
      workspace: { id: ws.id, name: ws.name, currency: ws.currency, timezone: ws.timezone },
    },
  };
}
