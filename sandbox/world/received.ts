import type { AdPlatformId, ReceivedItem, World } from './types.js';

type Kind = 'conversions' | 'mutations';

/** Enough for any test or benchmark run; older items go first so memory stays bounded. */
export const RECEIVED_CAP = 10_000;

interface Entry {
  seq: number;
  item: ReceivedItem;
}

export function createReceived(now: () => Date, cap = RECEIVED_CAP): World['received'] {
  const lists = new Map<string, Entry[]>();
  let seq = 0;
  const key = (kind: Kind, platform: AdPlatformId) => `${kind}:${platform}`;
  return {
    record(kind, platform, item) {
      const k = key(kind, platform);
      let list = lists.get(k);
      if (!list) lists.set(k, (list = []));
      list.push({ seq: seq++, item: { ...item, received_at: now().toISOString(), platform } });
      // Trim in chunks: one splice per tenth of the cap instead of a shift per insert.
      if (list.length > cap) list.splice(0, list.length - cap + Math.floor(cap / 10));
    },
    list(kind, platform) {
      const entries: Entry[] = [];
      for (const [k, list] of lists) {
        if (k.startsWith(`${kind}:`) && (!platform || k === key(kind, platform))) entries.push(...list);
      }
      if (!platform) entries.sort((a, b) => a.seq - b.seq);
      return entries.map((e) => e.item);
    },
    clear(kind, platform) {
      for (const k of [...lists.keys()]) {
        if (k.startsWith(`${kind}:`) && (!platform || k === key(kind, platform))) lists.delete(k);
      }
    },
  };
}
