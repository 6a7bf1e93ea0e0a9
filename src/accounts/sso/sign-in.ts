import { and, eq } from 'drizzle-orm';
import { isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { inScope } from '../../db/scope.js';
import { onboardingStates, userIdentities, users } from '../../db/schema/index.js';
import { withTransaction } from '../../db/tx.js';
import type { Db, Tx } from '../../db/types.js';
import type { LeadDeps, RequestMeta } from '../../capture/record-lead.js';
import { advanceVisitorTouch } from '../../capture/visitor-touch.js';
import { createAccount } from '../create-account.js';
import { houseScope } from '../house.js';
import { createSession, revokeAllSessions } from '../sessions.js';
import { findLoginByEmail } from '../users.js';
import { startEmailSequence } from '../welcome.js';
import type { ProviderIdentity } from './claims.js';
import { decideAccount, type MatchRefusal } from './match.js';
import { nameFromEmail, workspaceNameFor } from './naming.js';
import type { AttemptContext } from './start.schema.js';

export type ProviderSignInResult =
  | { outcome: 'ok'; sessionToken: string; userId: string; created: boolean; onboardingComplete: boolean }
  | { outcome: 'refused'; reason: MatchRefusal };

/**
 * A validated provider login to a session: sign in the linked account, link an account
 * whose address the provider vouches for, or create one exactly as the password signup
 * does (lead with the attribution carried through the round trip, conversion events,
 * workspace), verified from the start. One transaction; a race with a second callback
 * for the same person retries once and finds what the other created.
 */
export async function signInWithProvider(
  deps: Omit<LeadDeps, 'db'> & { db: Db },
  identity: ProviderIdentity,
  context: AttemptContext & { intent: 'signin' | 'signup' },
  meta: RequestMeta,
): Promise<ProviderSignInResult> {
  const run = () => withTransaction(deps.db, (tx) => inTransaction({ ...deps, db: tx }, identity, context, meta));
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) return run();
    throw err;
  }
}

async function inTransaction(deps: LeadDeps & { db: Tx }, identity: ProviderIdentity, context: AttemptContext & { intent: 'signin' | 'signup' }, meta: RequestMeta): Promise<ProviderSignInResult> {
  const { db: tx } = deps;
  const [linked] = await tx
    .select({ identityId: userIdentities.id, userId: users.id, workspaceId: users.workspaceId, status: users.status })
    .from(userIdentities)
    .innerJoin(users, and(eq(users.id, userIdentities.userId), eq(users.workspaceId, userIdentities.workspaceId)))
    .where(and(eq(userIdentities.provider, identity.provider), eq(userIdentities.subject, identity.subject)));
  const byEmail = identity.email ? await findLoginByEmail(tx, identity.email) : undefined;
  const decision = decideAccount({
    linked: linked ? { userId: linked.userId, status: linked.status } : null,
    byEmail: byEmail ? { userId: byEmail.id, status: byEmail.status } : null,
    email: identity.email,
    emailVerified: identity.emailVerified,
  });

  let user: { id: string; workspaceId: string };
  let created = false;
  switch (decision.action) {
    case 'refuse':
      return { outcome: 'refused', reason: decision.reason };
    case 'sign_in':
      user = { id: linked!.userId, workspaceId: linked!.workspaceId };
      await tx.update(userIdentities).set({ lastLoginAt: meta.now }).where(inScope(userIdentities, { workspaceId: user.workspaceId }, eq(userIdentities.id, linked!.identityId)));
      break;
    case 'link':
      user = { id: byEmail!.id, workspaceId: byEmail!.workspaceId };
      if (decision.verifyNow) await verifyThroughProvider(deps, user, meta.now);
      await linkIdentity(tx, user, identity, meta.now);
      break;
    case 'create': {
      const made = await createFromProvider(deps, identity, context, meta);
      user = { id: made.userId, workspaceId: made.workspaceId };
      created = true;
      await linkIdentity(tx, user, identity, meta.now);
      break;
    }
  }
  await tx.update(users).set({ lastLoginAt: meta.now }).where(and(eq(users.workspaceId, user.workspaceId), eq(users.id, user.id)));
  const session = await createSession(tx, user, meta, meta.now);
  const [onboarding] = await tx.select({ completedAt: onboardingStates.completedAt }).from(onboardingStates).where(inScope(onboardingStates, { workspaceId: user.workspaceId }));
  return { outcome: 'ok', sessionToken: session.token, userId: user.id, created, onboardingComplete: Boolean(onboarding?.completedAt) };
}

async function linkIdentity(tx: Tx, user: { id: string; workspaceId: string }, identity: ProviderIdentity, now: Date): Promise<void> {
  await tx.insert(userIdentities).values({
    id: newId('identity'),
    workspaceId: user.workspaceId,
    userId: user.id,
    provider: identity.provider,
    subject: identity.subject,
    email: identity.email!,
    createdAt: now,
    lastLoginAt: now,
  });
}

/**
 * An account still waiting for its verification link, whose address a provider now vouches
 * for. The password set at that signup was never proven to be this person's (anyone can
 * type any address into a signup form), so it is dropped rather than left as a way in; a
 * password can be set again through a reset. Then the welcome emails start.
 */
async function verifyThroughProvider(deps: LeadDeps & { db: Tx }, user: { id: string; workspaceId: string }, now: Date): Promise<void> {
  await deps.db
    .update(users)
    .set({ status: 'verified', verifiedAt: now, passwordHash: null, updatedAt: now })
    .where(and(eq(users.workspaceId, user.workspaceId), eq(users.id, user.id)));
  await revokeAllSessions(deps.db, user.id, now);
  await startEmailSequence(deps.queue, deps.db, user, now);
}

/** A new account from a provider login, with the lead the page's attribution describes. */
async function createFromProvider(deps: LeadDeps & { db: Tx }, identity: ProviderIdentity, context: AttemptContext & { intent: 'signin' | 'signup' }, meta: RequestMeta) {
  const email = identity.email!;
  const fullName = identity.name ?? nameFromEmail(email);
  const visitorId = context.attribution.visitor_id;
  // The first touch the page kept joins the visitor's server-side memory, so the lead's
  // first touch is the visitor's first visit even if no server-rendered page saw it.
  if (context.firstTouch && visitorId) await advanceVisitorTouch(deps.db, houseScope, visitorId, context.firstTouch, meta.now);
  return createAccount(
    deps,
    {
      lead: {
        ...context.attribution,
        email,
        full_name: fullName,
        ...(context.companyName ? { company_name: context.companyName } : {}),
        language: context.language,
        source_page: context.intent === 'signup' ? 'landing' : 'login',
      },
      fullName,
      workspaceName: workspaceNameFor({ companyName: context.companyName, email, fullName, language: context.language }),
      passwordHash: null,
      emailStatus: 'verified',
    },
    meta,
  );
}
