import { randomUUID } from 'node:crypto';
import type { WorkspaceScope } from '../db/scope.js';
import type { DbOrTx } from '../db/types.js';
import { hasAttribution, touchFromUrl, type Touch } from './attribution.js';
import { advanceVisitorTouch } from './visitor-touch.js';
import { platformCookiesToSet, type CookieToSet } from './cookies.js';
import { visitorIdSchema } from './collect.schema.js';

export const VISITOR_COOKIE = 'stratum_vid';
const VISITOR_MAX_AGE_S = 365 * 24 * 3600;

export interface LandingVisit {
  visitorId: string;
  touch: Touch;
  cookies: CookieToSet[];
}

/**
 * What the first response of a page visit sets, decided from the request alone: the
 * visitor id and the ad platforms' cookies, so they exist (and last 90 days) even where
 * browsers cap cookies written by scripts.
 */
export function landingVisit(input: {
  url: string;
  referrer: string | null;
  cookies: Record<string, string | undefined>;
  now: Date;
  random: () => number;
}): LandingVisit {
  const existing = input.cookies[VISITOR_COOKIE];
  const visitorId = existing && visitorIdSchema.safeParse(existing).success ? existing : randomUUID().replaceAll('-', '');
  const touch = touchFromUrl(input.url, input.referrer, input.now);
  const cookies = platformCookiesToSet({ clickIds: touch.clickIds, existing: input.cookies, nowMs: input.now.getTime(), random: input.random });
  cookies.push({ name: VISITOR_COOKIE, value: visitorId, maxAgeSeconds: VISITOR_MAX_AGE_S });
  return { visitorId, touch, cookies };
}

/** Keeps the visitor's first and last touch on the server too; only visits that carry attribution write. */
export async function rememberTouch(db: DbOrTx, scope: WorkspaceScope, visit: LandingVisit, now: Date): Promise<void> {
  if (hasAttribution(visit.touch)) await advanceVisitorTouch(db, scope, visit.visitorId, visit.touch, now);
}
