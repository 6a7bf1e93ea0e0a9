import { createSession } from '../../src/accounts/sessions.js';
import { createWorkspace, type WorkspaceInput } from '../../src/accounts/workspaces.js';
import { newId } from '../../src/db/ids.js';
import { users } from '../../src/db/schema/index.js';
import type { DbOrTx } from '../../src/db/types.js';

/** A workspace with a verified user of the given role, signed in: the cookie to send. */
export async function createSignedInUser(
  db: DbOrTx,
  opts: { role?: 'owner' | 'admin' | 'member' | 'viewer'; workspace?: WorkspaceInput; workspaceId?: string; email?: string } = {},
) {
  const workspaceId = opts.workspaceId ?? (await createWorkspace(db, opts.workspace ?? { name: 'Midas Furniture' })).id;
  const id = newId('user');
  const email = opts.email ?? `${id}@example.com`;
  await db.insert(users).values({ id, workspaceId, email, fullName: 'Sara Al-Qahtani', role: opts.role ?? 'owner', status: 'verified', verifiedAt: new Date() });
  const session = await createSession(db, { id, workspaceId }, { ip: null, userAgent: null }, new Date());
  return { userId: id, workspaceId, email, cookies: { stratum_session: session.token } };
}
