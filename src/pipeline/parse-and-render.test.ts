import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_SITE } from '../../test/site.ts';
import { Cache } from '../cache/cache.ts';
import { type RawSource, readSource } from '../content/load-content.ts';
import { parseAndRender } from './parse-and-render.ts';

/** The sample site of the tests (never the project's own content/, an office's real archive). */
const PROJECT = path.resolve(import.meta.dirname, '../../test/fixtures/sample');

/** A file as read, with these bytes. */
const raw = (relPath: string, text: string): RawSource => ({ relPath, read: { ok: true, bytes: Buffer.from(text) } });

/** The sample issues, and files with a warning and with an error, as the build reads them. */
async function files(): Promise<RawSource[]> {
  const names = (await readdir(path.join(PROJECT, 'content'), { recursive: true })).filter((n) => n.endsWith('.md')).sort();
  const sample = names.map((name) => readSource(PROJECT, `content/${name}`));
  const sampleText = (sample[0]!.read as { bytes: Buffer }).bytes.toString('utf8');
  const warned = raw('content/2020/01.md', `${sampleText}\n<img src="a.png">\n`);
  const broken = raw('content/2020/02.md', '---\nissue: 2\n---\n');
  // More than a worker's batch, each file of its own, so that a result given to the wrong file shows.
  const copies = Array.from({ length: 120 }, (_, i) => {
    const number = String((i % 99) + 1).padStart(2, '0');
    return raw(`content/${2030 + Math.floor(i / 99)}/${number}.md`, sampleText.replace(/^issue: \d+$/m, `issue: ${i + 1}`));
  });
  return [...sample, warned, ...copies, broken];
}

const seen = (results: Awaited<ReturnType<typeof parseAndRender>>) =>
  results.map(({ file, source, articles }) => ({ path: file.path, messages: file.messages.map(String), meta: source?.meta, articles }));

describe('parsing and rendering issue files', () => {
  it('gives the same sources, articles and messages in worker threads as in this one', async () => {
    const options = { site: MINIMAL_SITE, toolVersion: 'test' };
    const a = await parseAndRender(PROJECT, await files(), { ...options, workersFrom: Number.POSITIVE_INFINITY });
    const b = await parseAndRender(PROJECT, await files(), { ...options, workersFrom: 1 });
    expect(seen(b)).toEqual(seen(a));
    // The files hold what they should: the sample's articles, the warning, the error.
    expect(a.slice(0, -1).every((r) => (r.articles?.length ?? 0) > 0)).toBe(true);
    expect(a.find((r) => r.file.path === 'content/2020/01.md')!.file.messages.some((m) => !m.fatal)).toBe(true);
    expect(new Set(b.map((r) => r.source?.meta.issue)).size).toBeGreaterThan(100);
    expect(a.at(-1)!.file.messages.some((m) => m.fatal)).toBe(true);
    expect(b.at(-1)!.source).toBeUndefined();
  });

  it('takes a file the cache holds without decoding it, with the messages of decoding it, and its body when asked for', async () => {
    const cache = new Cache(await mkdtemp(path.join(tmpdir(), 'lldt-parse-cache-')));
    const options = { site: MINIMAL_SITE, toolVersion: 'test', cache };
    const sample = await files();
    // A form feed pasted from Word: removed when the file is decoded, with a warning at its line.
    const text = (sample[0]!.read as { bytes: Buffer }).bytes.toString('utf8').replace(/。\n/, '。\f\n');
    const withFormFeed = raw('content/2019/09.md', text);
    const first = await parseAndRender(PROJECT, [withFormFeed], options);
    const [made] = first;
    expect(made!.file.messages.map(String).join('\n')).toContain('看不见的字符');
    const again = await parseAndRender(PROJECT, [withFormFeed], options);
    expect(cache.lookups.issues).toEqual({ hits: 1, misses: 1 });
    const [kept] = again;
    expect(String(kept!.file.value)).toBe('');
    expect(seen(again)).toEqual(seen(first));
    expect(kept!.source!.body).toBe(made!.source!.body);
    expect(kept!.source!.body).not.toContain('\f');
  });
});
