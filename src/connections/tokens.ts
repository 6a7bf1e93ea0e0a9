import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { platformConnections, type PlatformConnectionRow } from '../db/schema/index.js';
import type { TokenSet } from '../platforms/types.js';
import { adapterFor } from './oauth-flow.js';
import type { ConnectionServices } from './services.js';
import { openTokens, sealTokens } from './token-store.js';

/** Refresh when less than this is left, so a sync never starts with a token about to die. */
const REFRESH_MARGIN_MS = 5 * 60_000;
const LEASE_MS = 60_000;
const WAIT_STEP_MS = 250;

const needsRefresh = (t: TokenSet, now: Date) => t.refreshToken !== null && t.expiresAt !== null && t.expiresAt.getTime() - now.getTime() < REFRESH_MARGIN_MS;

/**
 * The connection's tokens, refreshed first when they are about to expire. The refresh happens
 * once even when many jobs (in many processes) need it: a lease on the row, taken with one
 * conditional UPDATE rather than a transaction held open across the platform call (PGlite has
 * one connection, which a held transaction would block). Others wait for the new token.
 */
export async function usableTokens(s: ConnectionServices, conn: PlatformConnectionRow, opts: { force?: boolean } = {}): Promise<TokenSet> {
  let row = conn;
  for (let waited = 0; ; waited += WAIT_STEP_MS) {
    const tokens = openTokens(s.vault, row.workspaceId, row.platform, row.tokenCiphertext);
    const now = s.now();
    // Forced: the platform refused a token we thought alive (revoked early, clock skew); one
    // refresh may still save the grant. Once another process has refreshed it, that is enough.
    const forced = opts.force === true && row.tokenCiphertext === conn.tokenCiphertext && tokens.refreshToken !== null;
    if (!forced && !needsRefresh(tokens, now)) return tokens;
    const [leased] = await s.db
      .update(platformConnections)
      .set({ refreshLeaseUntil: new Date(now.getTime() + LEASE_MS) })
      .where(
        and(
          eq(platformConnections.id, row.id),
          eq(platformConnections.tokenCiphertext, row.tokenCiphertext),
          or(isNull(platformConnections.refreshLeaseUntil), lt(platformConnections.refreshLeaseUntil, now)),
        ),
      )
      .returning();
    if (leased) return refreshUnderLease(s, leased, tokens);
    if (waited > LEASE_MS) throw new Error('timed out waiting for another process to refresh the token');
    await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
    const [again] = await s.db.select().from(platformConnections).where(eq(platformConnections.id, row.id));
    if (!again) throw new Error('the connection was removed while its token was being refreshed');
    row = again;
  }
}

async function refreshUnderLease(s: ConnectionServices, row: PlatformConnectionRow, tokens: TokenSet): Promise<TokenSet> {
  try {
    const fresh = await adapterFor(s, row.platform).refresh(tokens);
    await s.db
      .update(platformConnections)
      .set({
        ...sealTokens(s.vault, row.workspaceId, row.platform, fresh),
        tokenExpiresAt: fresh.expiresAt,
        refreshExpiresAt: fresh.refreshExpiresAt,
        refreshLeaseUntil: null,
        updatedAt: s.now(),
      })
      .where(eq(platformConnections.id, row.id));
    return fresh;
  } catch (err) {
    await s.db.update(platformConnections).set({ refreshLeaseUntil: null }).where(eq(platformConnections.id, row.id));
    throw err;
  }
}
