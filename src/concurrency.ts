// Work on many items with a few at a time: enough to keep the disk or the workers busy, few
// enough that only those items' buffers are held at once (thousands of cache writes started
// together hold thousands of buffers).

/** Runs fn on every item, at most `limit` at once; resolves to the results in the order of items. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
