import type { World } from '../../world/types.js';

/**
 * What Google's authorization server remembers beside the grants the world keeps: how a code
 * was asked for (`access_type`, `prompt`), and which people already consented to which app
 * (a refresh token comes only with the first offline consent, or when `prompt=consent` forces one).
 */
export interface CodeRequest {
  offline: boolean;
  forceConsent: boolean;
}

interface OAuthState {
  codes: Map<string, CodeRequest>;
  consents: Set<string>;
}

const states = new WeakMap<World, OAuthState>();

export function oauthState(world: World): OAuthState {
  let s = states.get(world);
  if (!s) {
    s = { codes: new Map(), consents: new Set() };
    states.set(world, s);
  }
  return s;
}

export const consentKey = (clientId: string, personId: string): string => `${clientId}\u0000${personId}`;
