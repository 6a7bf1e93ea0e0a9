import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession, SESSION_COOKIE, SESSION_TTL_MS, type SessionUser } from '../accounts/sessions.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Resolved once per request by `currentUser`. */
    sessionUser?: SessionUser | null;
  }
}

export async function currentUser(req: FastifyRequest): Promise<SessionUser | null> {
  if (req.sessionUser === undefined) {
    req.sessionUser = await resolveSession(req.server.deps.db.db, req.cookies[SESSION_COOKIE], new Date());
  }
  return req.sessionUser;
}

/** preHandler for routes that need a signed-in user. */
export async function requireUser(req: FastifyRequest): Promise<void> {
  if (!(await currentUser(req))) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
}

export function setSessionCookie(reply: FastifyReply, token: string, publicUrl: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https://'),
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
