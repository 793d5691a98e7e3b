import { describe, expect, it } from 'vitest';
import type { Site } from '../model/site.ts';
import { runTask } from './pool.ts';

describe('runTask', () => {
  it('runs a task module in a worker and gives back its output', async () => {
    expect(await runTask('render', { files: [], site: {} as Site })).toEqual([]);
  });

  it('rejects with the signal’s reason once aborted', async () => {
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    await expect(runTask('render', { files: [], site: {} as Site }, { signal: stop.signal })).rejects.toThrow('stopped');
  });
});
