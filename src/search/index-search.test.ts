import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache, hashOf, hashOfContent } from '../cache/cache.ts';
import type { Issue } from '../model/issue.ts';
import { WEIGHTS_FILE } from '../model/output.ts';
import { articleDocument, commonWords, indexingOrder, indexSearch, listing, PART_SIZE, partsOf } from './index-search.ts';

const issue: Issue = {
  source: 'content/2019/09.md',
  year: 2019,
  number: 9,
  total: 583,
  date: '2019-04-29',
  path: '2019/09/',
  draft: false,
  distribution: ['甲单位'],
  editors: ['石韧'],
  contact: '0731',
  publisher: '某委员会',
  articles: [
    {
      id: 'article-1',
      column: '调研报告',
      title: '关于危桥的报告',
      label: '关于危桥的报告',
      byline: '调研组',
      html: '<p>重建<span>危桥</span>。</p>',
    },
    {
      id: 'article-2',
      column: '快讯',
      title: null,
      label: '快讯：某市召开会议',
      html: '<p><span class="column-label">快讯：</span>某市召开会议。</p>',
    },
  ],
};

describe('the search index', () => {
  it('indexes an article with its filters, date and issue line in meta tags, without the site chrome', () => {
    const doc = articleDocument(issue, issue.articles[0]!);
    expect(doc).toContain('<html lang="zh-CN">');
    expect(doc).toContain('<meta data-pagefind-filter="year[content]" content="2019">');
    expect(doc).toContain('<meta data-pagefind-filter="column[content]" content="调研报告">');
    expect(doc).toContain('<meta data-pagefind-sort="order[content]" content="0000583999">');
    expect(doc).toContain('<meta data-pagefind-meta="issue[content]" content="第9期 · 总第583期 · 2019年4月29日">');
    expect(doc).toContain('<h1>关\u200B于\u200B危\u200B桥\u200B的\u200B报\u200B告 </h1>');
    expect(doc).toContain('<p>调\u200B研\u200B组 </p>');
    expect(doc).not.toMatch(/送|责任编辑|批准文号|联络动态/);
  });

  it('gives an untitled 快讯 no heading of its own', () => {
    expect(articleDocument(issue, issue.articles[1]!)).not.toContain('<h1>');
  });

  it('sorts an issue newest first with its articles in their own order', () => {
    const keys = [articleDocument(issue, issue.articles[0]!), articleDocument(issue, issue.articles[1]!)].map(
      (doc) => /sort="order\[content\]" content="(\d+)"/.exec(doc)![1]!,
    );
    const older = articleDocument({ ...issue, total: 582 }, issue.articles[0]!);
    const olderKey = /sort="order\[content\]" content="(\d+)"/.exec(older)![1]!;
    expect([olderKey, ...keys].sort().reverse()).toEqual([...keys, olderKey]);
  });

  it('marks where a title may break, for the search page', () => {
    const titled = { ...issue.articles[0]!, label: '参加代表小组活动' };
    expect(articleDocument(issue, titled)).toContain('content="参加\u200B代表小组\u200B活动"');
  });

  it('writes Pagefind’s bundle for Chinese and its highlighter, without the UIs the site does not use', async () => {
    const files = await indexSearch([issue]);
    const names = [...files.keys()];
    expect(names).toContain('pagefind/pagefind.js');
    expect(names).toContain('pagefind/pagefind-highlight.js');
    expect(names.some((n) => /^pagefind\/index\/zh-cn_.*\.pf_index$/.test(n))).toBe(true);
    expect(names.some((n) => /pagefind-ui|component-ui|modular-ui/.test(n))).toBe(false);
  });

  it('reads a part back from the cache with each file’s hash, the hash of its bytes', async () => {
    const cache = new Cache(await mkdtemp(path.join(tmpdir(), 'lldt-search-cache-')));
    const made = await indexSearch([issue], { cache, toolVersion: 'test' });
    const kept = await indexSearch([issue], { cache: new Cache(cache.dir), toolVersion: 'test' });
    expect([...kept.keys()]).toEqual([...made.keys()]);
    for (const [file, content] of kept) {
      expect(Buffer.from(content as Uint8Array)).toEqual(Buffer.from(made.get(file) as Uint8Array));
      if (typeof content !== 'string') expect(hashOfContent(content), file).toBe(hashOf(content));
    }
  });

  it('puts the latest year and the year before in parts of their own, and the years before in parts of 250 issues', () => {
    // 总第1–600期, 24 issues a year from 2000: the latest year (2024) holds 总第577–600期.
    const archive = Array.from({ length: 600 }, (_, i) => ({ ...issue, total: i + 1, year: 2000 + Math.floor(i / 24) }));
    const parts = partsOf(archive);
    const years = (n: number) => [...new Set(parts.get(n)!.map((i) => i.year))];
    expect([...parts.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    expect(parts.get(0)!.map((i) => i.total)).toEqual(Array.from({ length: PART_SIZE }, (_, i) => i + 1));
    expect(parts.get(2)!.at(-1)!.total).toBe(552);
    expect(years(3)).toEqual([2023]);
    expect(years(4)).toEqual([2024]);
    const listed = listing(parts);
    expect(listed.map((p) => [p.part, p.path, p.years, p.articles, p.recent ?? false])).toEqual([
      [0, 'part-0/', [2000, 2010], 500, false],
      [1, 'part-1/', [2010, 2020], 500, false],
      [2, 'part-2/', [2020, 2022], 104, false],
      [3, 'part-3/', [2023, 2023], 48, true],
      [4, '', [2024, 2024], 48, true],
    ]);
  });

  it('keeps the year before in its part when a new year begins, so that part comes from the cache', () => {
    const archive = Array.from({ length: 48 }, (_, i) => ({ ...issue, total: i + 1, year: 2024 + Math.floor(i / 24) }));
    const before = partsOf(archive);
    const after = partsOf([...archive, { ...issue, total: 49, year: 2026 }]);
    const of = (parts: Map<number, Issue[]>, year: number) => [...parts.values()].find((p) => p[0]!.year === year)!.map((i) => i.total);
    expect(of(after, 2025)).toEqual(of(before, 2025));
    expect(
      listing(after)
        .filter((p) => p.recent)
        .map((p) => p.years),
    ).toEqual([
      [2025, 2025],
      [2026, 2026],
    ]);
  });

  it('indexes the parts to make first, the largest first, then looks at those made already, newest first', () => {
    const part = (n: number, articles: number, made: boolean) => ({ part: n, articles, made });
    // A cold build: 250 issues a part, the year before's and the latest year's small, last.
    expect(indexingOrder([part(0, 500, false), part(1, 500, false), part(2, 420, false), part(3, 48, false), part(4, 32, false)])).toEqual([1, 0, 2, 3, 4]);
    // The newest issue edited: its part alone to index, first; the others newest first.
    expect(indexingOrder([part(0, 500, true), part(1, 500, true), part(2, 420, true), part(3, 48, true), part(4, 33, false)])).toEqual([4, 3, 2, 1, 0]);
    // An old issue edited.
    expect(indexingOrder([part(0, 500, false), part(1, 500, true), part(2, 32, true)])).toEqual([0, 2, 1]);
  });

  it('lists in parts.json the words whose chunks weigh most, over all the parts, and never publishes the weights', async () => {
    const weights = (entries: Record<string, number>): [string, Uint8Array] => [WEIGHTS_FILE, Buffer.from(JSON.stringify(entries))];
    const common = commonWords([[weights({ 代: 6000, 危: 900 })], [weights({ 代: 5000, 表: 9000, constructor: 9000 })]]);
    expect(common).toEqual({ 代: 11, 表: 9, constructor: 9 });
    const files = await indexSearch([issue]);
    expect([...files.keys()].some((file) => file.endsWith(WEIGHTS_FILE))).toBe(false);
    const parts = JSON.parse(String(files.get('pagefind/parts.json')));
    expect(parts.parts).toEqual([{ part: 4, path: '', years: [2019, 2019], articles: 2, recent: true }]);
    expect(typeof parts.otherWord).toBe('number');
  });
});
