import type { World, WorldAccount } from '../../world/types.js';
import { UUID_RE, uuidFrom } from './units.js';

/**
 * Each Snapchat ad account has one Snap Pixel: the world's pixel id when it is already a UUID
 * (Snap's format), else a UUID derived from the account id, so it is stable across restarts.
 */
export function pixelIdOf(world: World, account: WorldAccount): string {
  const own = world.pixels(account)[0]?.id;
  return own && UUID_RE.test(own) ? own.toLowerCase() : uuidFrom(`pixel:${account.id}`);
}

/** The ad account a pixel id belongs to, or undefined for a pixel the sandbox does not know. */
export function accountOfPixel(world: World, pixelId: string): WorldAccount | undefined {
  const id = pixelId.toLowerCase();
  return world.accounts('snapchat').find((a) => pixelIdOf(world, a) === id);
}
