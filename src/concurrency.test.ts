import { describe, expect, it } from 'vitest';
import { mapLimited } from './concurrency.ts';

describe('mapLimited', () => {
  it('gives every result in the order of the items, never running more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimited([5, 1, 4, 2, 3, 0], 2, async (n, i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return `${i}:${n}`;
    });
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0']);
    expect(most).toBe(2);
  });

  it('does nothing with no items', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});
