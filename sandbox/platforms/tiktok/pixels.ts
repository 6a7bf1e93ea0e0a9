import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { World, WorldAccount } from '../../world/types.js';
import { requireAdvertiser, requireToken } from './auth.js';
import { sendOk } from './errors.js';
import { pageInfo, pageWindow } from './paging.js';
import { z } from 'zod';
import { flatQuery, pageParam, parseOrThrow, requiredId } from './params.js';

export interface TikTokPixel {
  account: WorldAccount;
  /** The 20-character code the Events API takes as `event_source_id`. */
  code: string;
  /** TikTok's numeric pixel id. */
  id: string;
  name: string;
}

const pixelPageSize = z.coerce.number().int().min(1, 'page_size must be between 1 and 20.').max(20, 'page_size must be between 1 and 20.').default(10);

const digits = (seed: string, n: number): string => (BigInt('0x' + createHash('sha256').update(seed).digest('hex').slice(0, 30)) % 10n ** BigInt(n)).toString().padStart(n, '0');

/** A pixel code for an account the world gave none: `C` and 19 upper-case letters and digits, stable per account. */
function derivedCode(accountId: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const bytes = createHash('sha256').update(`tiktok-pixel:${accountId}`).digest();
  let code = 'C';
  for (let i = 1; i < 20; i++) code += alphabet[bytes[i]! % alphabet.length];
  return code;
}

/** The account's pixels: the world's (whose ids are TikTok pixel codes), or one derived from the account id. */
export function pixelsOf(world: World, account: WorldAccount): TikTokPixel[] {
  const own = world.pixels(account);
  if (own.length === 0) {
    const code = derivedCode(account.id);
    return [{ account, code, id: '7' + digits(code, 18), name: `${account.name} Pixel` }];
  }
  return own.map((p) => ({ account, code: p.id, id: '7' + digits(p.id, 18), name: p.name }));
}

export function pixelByCode(world: World, code: string): TikTokPixel | undefined {
  for (const account of world.accounts('tiktok')) {
    const hit = pixelsOf(world, account).find((p) => p.code === code);
    if (hit) return hit;
  }
  return undefined;
}

/** `GET /pixel/list/?advertiser_id=`: where an app finds the pixel code to send events to. */
export async function registerPixels(app: FastifyInstance, world: World, base: string): Promise<void> {
  app.get(`${base}/pixel/list/`, async (req, reply) => {
    const grant = requireToken(world, req);
    const q = flatQuery(req.query);
    const account = requireAdvertiser(world, grant, requiredId('advertiser_id', q.advertiser_id));
    const page = parseOrThrow(pageParam, q.page);
    const pageSize = parseOrThrow(pixelPageSize, q.page_size);
    const all = pixelsOf(world, account).filter((p) => !q.code || p.code === q.code);
    const { from, to } = pageWindow(page, pageSize, all.length);
    const pixels = all.slice(from, to).map((p) => ({
      pixel_id: p.id,
      pixel_code: p.code,
      pixel_name: p.name,
      pixel_setup_mode: 'DEVELOPER',
      activity_status: 'ACTIVE',
      create_time: `${account.startDate} 00:00:00`,
    }));
    return sendOk(reply, { pixels, page_info: pageInfo(page, pageSize, all.length) });
  });
}
