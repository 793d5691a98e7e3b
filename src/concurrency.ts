// Work on many items with a few at a time: enough to keep the disk or the workers busy, few
// enough that only those items' buffers are held at once (thousands of cache writes started
// together hold thousands of buffers).

/**
 * Runs fn on every item, at most `limit` at once; resolves to the results in the order of items.
 * After a failure, or once signal is aborted, no item is started, and those running are waited
 * for before it rejects (with the first failure, or the signal's reason): nothing is left running.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed: { error: unknown } | undefined;
  const lane = async () => {
    while (next < items.length && !failed && !signal?.aborted) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failed) throw failed.error;
  signal?.throwIfAborted();
  return results;
}
