import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { isUniqueViolation } from '../db/errors.js';
import { z } from 'zod';
import { newId } from '../db/ids.js';
import { inScope, type WorkspaceScope } from '../db/scope.js';
import { userRoles, users, type UserRow } from '../db/schema/index.js';
import type { DbOrTx } from '../db/types.js';
import { AppError } from '../errors.js';

export const userInputSchema = z.object({
  email: z.email().max(320),
  fullName: z.string().trim().min(1).max(200),
  role: z.enum(userRoles).default('member'),
  language: z.enum(['en', 'ar']).default('en'),
});
export type UserInput = z.input<typeof userInputSchema>;

/** A user as the rest of the product sees one: never with the password hash. */
export type User = Omit<UserRow, 'passwordHash'>;
const { passwordHash: _secret, ...publicColumns } = getTableColumns(users);

export async function addUser(db: DbOrTx, scope: WorkspaceScope, input: UserInput): Promise<User> {
  const values = userInputSchema.parse(input);
  try {
    const [row] = await db
      .insert(users)
      .values({ id: newId('user'), workspaceId: scope.workspaceId, ...values })
      .returning(publicColumns);
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'A user with this email already exists', { field: 'email' });
    throw err;
  }
}

export async function listUsers(db: DbOrTx, scope: WorkspaceScope): Promise<User[]> {
  return db.select(publicColumns).from(users).where(inScope(users, scope)).orderBy(asc(users.createdAt), asc(users.id));
}

export async function getUser(db: DbOrTx, scope: WorkspaceScope, userId: string): Promise<User> {
  const [row] = await db.select(publicColumns).from(users).where(inScope(users, scope, eq(users.id, userId)));
  // Another workspace's user is indistinguishable from a missing one.
  if (!row) throw new AppError('NOT_FOUND', 'User not found');
  return row;
}

export interface LoginIdentity {
  id: string;
  workspaceId: string;
  status: UserRow['status'];
  passwordHash: string | null;
}

/**
 * The account behind an email address, whatever its case (logins are global, one per
 * address; the row names its workspace). Only for the sign-in and signup doors.
 */
export async function findLoginByEmail(db: DbOrTx, email: string): Promise<LoginIdentity | undefined> {
  const [row] = await db
    .select({ id: users.id, workspaceId: users.workspaceId, status: users.status, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row;
}
