import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('group commit', () => {
  it('writes a lone item at once, and items arriving during a write together afterwards', async () => {
    const batches: number[][] = [];
    let finish: (() => void) | undefined;
    const write = async (items: readonly number[]) => {
      batches.push([...items]);
      if (batches.length === 1) await new Promise<void>((r) => (finish = r));
      return items.map((i) => i * 10);
    };
    const submit = groupCommit(write, { maxBatch: 100, maxInFlight: 1 });
    const first = submit(1);
    await tick();
    await tick();
    expect(batches).toEqual([[1]]);
    const later = [2, 3, 4].map((i) => submit(i));
    await tick();
    await tick();
    expect(batches).toHaveLength(1);
    finish!();
    expect(await first).toBe(10);
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('caps a batch at maxBatch items', async () => {
    const sizes: number[] = [];
    const submit = groupCommit(async (items: readonly number[]) => (sizes.push(items.length), items.map(() => true)), { maxBatch: 3, maxInFlight: 1 });
    await Promise.all(Array.from({ length: 7 }, (_, i) => submit(i)));
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('fails only the items the writer failed, and keeps going after a writer that throws', async () => {
    let calls = 0;
    const submit = groupCommit(
      async (items: readonly string[]) => {
        if (++calls === 1) throw new Error('connection lost');
        return items.map((s) => (s === 'bad' ? new Error(`bad item ${s}`) : s.toUpperCase()));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    await expect(submit('a')).rejects.toThrow('connection lost');
    const [ok, bad] = await Promise.allSettled([submit('b'), submit('bad')]);
    expect(ok).toEqual({ status: 'fulfilled', value: 'B' });
    expect(bad.status).toBe('rejected');
  });

  it('runs up to maxInFlight batches at once', async () => {
    let running = 0;
    let peak = 0;
    const submit = groupCommit(
      async (items: readonly number[]) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return items;
      },
      { maxBatch: 1, maxInFlight: 2 },
    );
    await Promise.all(Array.from({ length: 6 }, (_, i) => submit(i)));
    expect(peak).toBe(2);
  });
});
