import { describe, expect, it } from 'vitest';
import type { Issue } from '../model/issue.ts';
import { editedSources, planRender } from './affected-pages.ts';

const issue = (year: number, number: number, title = ''): Issue => ({
  source: `content/${year}/${String(number).padStart(2, '0')}.md`,
  year,
  number,
  total: year * 100 + number,
  date: `${year}-01-${String(number).padStart(2, '0')}`,
  path: `${year}/${String(number).padStart(2, '0')}/`,
  draft: false,
  distribution: [],
  editors: [],
  contact: '',
  publisher: '',
  title,
  articles: [],
});

const archive = [issue(2018, 1), issue(2018, 2), issue(2019, 1), issue(2019, 2), issue(2019, 3), issue(2019, 4)];
const pagesOf = (plan: ReturnType<typeof planRender>, all = archive) =>
  plan.only ? [...all.map((i) => `${i.path}index.html`), '2019/index.html', 'index.html', 'feed.xml'].filter(plan.only) : 'all';

describe('planRender', () => {
  it('re-renders an edited issue, its neighbours and the listing pages, and no other issue', () => {
    const after = archive.map((i) => (i.source === 'content/2019/02.md' ? issue(2019, 2, '新标题') : i));
    expect(pagesOf(planRender(archive, after, new Set(['content/2019/02.md'])))).toEqual([
      '2019/01/index.html',
      '2019/02/index.html',
      '2019/03/index.html',
      '2019/index.html',
      'index.html',
      'feed.xml',
    ]);
  });

  it('takes a removed issue\u2019s page out, and re-renders its former neighbours', () => {
    const after = archive.filter((i) => i.source !== 'content/2019/03.md');
    const plan = planRender(archive, after, new Set(['content/2019/03.md']));
    expect(['2019/03/index.html', '2019/03/联络动态2019年第3期.pdf', '2019/02/index.html', '2019/04/index.html'].filter(plan.keeps)).toEqual([
      '2019/02/index.html',
      '2019/04/index.html',
    ]);
    expect(pagesOf(plan, after)).toEqual(['2019/02/index.html', '2019/04/index.html', '2019/index.html', 'index.html', 'feed.xml']);
  });

  it('re-renders everything when the years change: every page names the latest year', () => {
    const after = [...archive, issue(2020, 1)];
    expect(pagesOf(planRender(archive, after, new Set(['content/2020/01.md'])))).toBe('all');
  });

  it('finds the issues edited since the last build by their prints: changed, new and gone', () => {
    const before = new Map([
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ]);
    const after = new Map([
      ['a', '1'],
      ['b', '22'],
      ['d', '4'],
    ]);
    expect([...editedSources(before, after)].sort()).toEqual(['b', 'c', 'd']);
  });
});
