import { and, eq, gt, isNull } from 'drizzle-orm';
import { sessions, users } from '../db/schema/index.js';
import type { DbOrTx } from '../db/types.js';
import { hashToken, looksLikeToken, newSecretToken } from './token-rules.js';

export const SESSION_COOKIE = 'stratum_session';
/** Idle sessions end after 30 days; each use pushes the end out again. */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** Refresh last-seen at most this often, so reads don't each become writes. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface SessionUser {
  userId: string;
  workspaceId: string;
  email: string;
  fullName: string;
  role: 'owner' | 'admin' | 'member' | 'viewer';
  status: 'pending_verification' | 'verified' | 'disabled';
  language: 'en' | 'ar';
}

export async function createSession(
  db: DbOrTx,
  user: { id: string; workspaceId: string },
  meta: { ip: string | null; userAgent: string | null },
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({
    idHash: hashToken(token),
    workspaceId: user.workspaceId,
    userId: user.id,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The signed-in user behind a session cookie, or null (unknown, expired, revoked, or user disabled). */
export async function resolveSession(db: DbOrTx, token: string | undefined, now: Date): Promise<SessionUser | null> {
  if (!token || !looksLikeToken(token)) return null;
  const idHash = hashToken(token);
  const [row] = await db
    .select({
      userId: users.id,
      workspaceId: users.workspaceId,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      status: users.status,
      language: users.language,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.workspaceId, sessions.workspaceId)))
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  if (!row || row.status === 'disabled') return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) })
      .where(eq(sessions.idHash, idHash));
  }
  const { lastSeenAt: _seen, ...user } = row;
  return user;
}

export async function revokeSession(db: DbOrTx, token: string | undefined, now: Date): Promise<void> {
  if (!token || !looksLikeToken(token)) return;
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, hashToken(token)));
}

/** After a password reset every other device must sign in again. */
export async function revokeAllSessions(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
