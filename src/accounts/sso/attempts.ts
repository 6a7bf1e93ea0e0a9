import { and, eq, isNull, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { newId } from '../../db/ids.js';
import { inScope } from '../../db/scope.js';
import { ssoAttempts, type SsoProvider } from '../../db/schema/sso.js';
import type { DbOrTx } from '../../db/types.js';
import { houseScope } from '../house.js';
import { hashToken, looksLikeToken, newSecretToken } from '../token-rules.js';
import { ATTEMPT_TTL_MS, checkAttempt, type AttemptRefusal } from './attempt-rules.js';
import { attemptContextSchema, type AttemptContext } from './start.schema.js';

/** The secrets of one round trip: `state` goes to the provider and back, `browserSecret` into this browser's cookie; both are stored only as hashes. */
export interface AttemptSecrets {
  state: string;
  browserSecret: string;
  codeVerifier: string;
  nonce: string;
}

export function newAttemptSecrets(): AttemptSecrets {
  return { state: newSecretToken(), browserSecret: newSecretToken(), codeVerifier: oidc.randomPKCECodeVerifier(), nonce: oidc.randomNonce() };
}

/** Records a round trip about to start (owned by the house workspace: no account exists yet). */
export async function createAttempt(
  db: DbOrTx,
  p: { provider: SsoProvider; intent: 'signin' | 'signup'; context: AttemptContext; secrets: AttemptSecrets; now: Date },
): Promise<string> {
  const id = newId('ssoAttempt');
  await db.insert(ssoAttempts).values({
    id,
    workspaceId: houseScope.workspaceId,
    provider: p.provider,
    stateHash: hashToken(p.secrets.state),
    browserHash: hashToken(p.secrets.browserSecret),
    codeVerifier: p.secrets.codeVerifier,
    nonce: p.secrets.nonce,
    intent: p.intent,
    context: p.context,
    createdAt: p.now,
    expiresAt: new Date(p.now.getTime() + ATTEMPT_TTL_MS),
  });
  return id;
}

export interface ClaimedAttempt {
  id: string;
  intent: 'signin' | 'signup';
  codeVerifier: string;
  nonce: string;
  context: AttemptContext;
}

/** What a refused callback can still tell: the language and purpose of the attempt, when it was found. */
export type AttemptClaim =
  | { ok: true; attempt: ClaimedAttempt }
  | { ok: false; reason: AttemptRefusal; intent: 'signin' | 'signup' | null; language: 'en' | 'ar' | null };

/**
 * Uses up the attempt a callback's `state` names, if the rules allow (see checkAttempt).
 * The conditional update makes it single-use even when two callbacks race.
 */
export async function claimAttempt(
  db: DbOrTx,
  p: { provider: SsoProvider; state: string | undefined; browserSecret: string | undefined; now: Date },
): Promise<AttemptClaim> {
  const state = p.state && looksLikeToken(p.state) ? p.state : null;
  const [row] = state ? await db.select().from(ssoAttempts).where(inScope(ssoAttempts, houseScope, eq(ssoAttempts.stateHash, hashToken(state)))) : [];
  const browserHash = p.browserSecret && looksLikeToken(p.browserSecret) ? hashToken(p.browserSecret) : null;
  const verdict = checkAttempt(row, { provider: p.provider, browserHash, now: p.now });
  const parsed = row ? attemptContextSchema.safeParse(row.context) : undefined;
  const language = parsed?.success ? parsed.data.language : null;
  if (!verdict.ok) return { ok: false, reason: verdict.reason, intent: row?.intent ?? null, language };
  const [used] = await db
    .update(ssoAttempts)
    .set({ usedAt: p.now })
    .where(inScope(ssoAttempts, houseScope, and(eq(ssoAttempts.id, row!.id), isNull(ssoAttempts.usedAt))))
    .returning({ id: ssoAttempts.id });
  if (!used) return { ok: false, reason: 'used', intent: row!.intent, language };
  return { ok: true, attempt: { id: row!.id, intent: row!.intent, codeVerifier: row!.codeVerifier, nonce: row!.nonce, context: attemptContextSchema.parse(row!.context) } };
}

/** Deletes attempts past their expiry (used or not): they hold PKCE verifiers and attribution nobody needs any more. */
export async function deleteExpiredAttempts(db: DbOrTx, now: Date): Promise<number> {
  const gone = await db
    .delete(ssoAttempts)
    .where(inScope(ssoAttempts, houseScope, lt(ssoAttempts.expiresAt, now)))
    .returning({ id: ssoAttempts.id });
  return gone.length;
}
