import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { MINIMAL_SITE } from '../../test/site.ts';
import { readText } from '../content/load-content.ts';
import { parseAndRender } from './parse-and-render.ts';

/** The sample site of the tests (never the project's own content/, an office's real archive). */
const PROJECT = path.resolve(import.meta.dirname, '../../test/fixtures/sample');

/** The sample issues, and files with a warning and with an error, as the build reads them. */
async function files(): Promise<VFile[]> {
  const names = (await readdir(path.join(PROJECT, 'content'), { recursive: true })).filter((n) => n.endsWith('.md')).sort();
  const sample = await Promise.all(names.map((name) => readText(PROJECT, `content/${name}`)));
  const sampleText = String(sample[0]!.value);
  const warned = new VFile({ path: 'content/2020/01.md', cwd: PROJECT, value: `${sampleText}\n<img src="a.png">\n` });
  const broken = new VFile({ path: 'content/2020/02.md', cwd: PROJECT, value: '---\nissue: 2\n---\n' });
  // More than a worker's batch, each file of its own, so that a result given to the wrong file shows.
  const copies = Array.from({ length: 120 }, (_, i) => {
    const number = String((i % 99) + 1).padStart(2, '0');
    return new VFile({
      path: `content/${2030 + Math.floor(i / 99)}/${number}.md`,
      cwd: PROJECT,
      value: sampleText.replace(/^issue: \d+$/m, `issue: ${i + 1}`),
    });
  });
  return [...sample, warned, ...copies, broken];
}

const seen = (all: VFile[], results: Awaited<ReturnType<typeof parseAndRender>>) =>
  all.map((file, i) => ({ messages: file.messages.map(String), meta: results[i]!.source?.meta, articles: results[i]!.articles }));

describe('parsing and rendering issue files', () => {
  it('gives the same sources, articles and messages in worker threads as in this one', async () => {
    const here = await files();
    const inWorkers = await files();
    const options = { site: MINIMAL_SITE, toolVersion: 'test' };
    const a = await parseAndRender(here, { ...options, workersFrom: Number.POSITIVE_INFINITY });
    const b = await parseAndRender(inWorkers, { ...options, workersFrom: 1 });
    expect(seen(inWorkers, b)).toEqual(seen(here, a));
    // The files hold what they should: the sample's articles, the warning, the error.
    expect(a.slice(0, -1).every((r) => (r.articles?.length ?? 0) > 0)).toBe(true);
    expect(here.find((file) => file.path === 'content/2020/01.md')!.messages.some((m) => !m.fatal)).toBe(true);
    expect(new Set(b.map((r) => r.source?.meta.issue)).size).toBeGreaterThan(100);
    expect(here.at(-1)!.messages.some((m) => m.fatal)).toBe(true);
    expect(b.at(-1)!.source).toBeUndefined();
  });
});
