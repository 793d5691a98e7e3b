import { describe, expect, it } from 'vitest';
import { mapLimited } from './concurrency.ts';

/** Waits n turns of the microtask queue: work of different lengths, with no clock to sleep on. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

describe('mapLimited', () => {
  it('gives every result in the order of the items, never running more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimited([5, 1, 4, 2, 3, 0], 2, async (n, i) => {
      running++;
      most = Math.max(most, running);
      await turns(n * 10);
      running--;
      return `${i}:${n}`;
    });
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0']);
    expect(most).toBe(2);
  });

  it('does nothing with no items', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });

  it('after a failure starts no other item, and settles only once those running have ended', async () => {
    const started: number[] = [];
    let running = 0;
    const failing = mapLimited([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      running++;
      await turns(n === 0 ? 5 : 30);
      running--;
      if (n === 0) throw new Error('part 0 failed');
      return n;
    });
    await expect(failing).rejects.toThrow('part 0 failed');
    expect(running).toBe(0);
    expect(started).toEqual([0, 1]);
  });

  it('once aborted starts no other item', async () => {
    const stop = new AbortController();
    const started: number[] = [];
    const run = mapLimited(
      [0, 1, 2, 3],
      1,
      async (n) => {
        started.push(n);
        if (n === 1) stop.abort(new Error('stopped'));
        return n;
      },
      stop.signal,
    );
    await expect(run).rejects.toThrow('stopped');
    expect(started).toEqual([0, 1]);
  });
});
