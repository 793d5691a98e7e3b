import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { SourceIssue } from '../content/parse-issue.ts';
import { todayInChina, yearOf } from '../text/chinese.ts';
import { planNextIssue } from './next-issue.ts';

const source = (path: string, issue: number, total: number, date: string, editors?: string[]): SourceIssue => ({
  file: new VFile({ path }),
  meta: { issue, total, date, distribution: [`${path} 的送达单位`], editors },
  pathYear: yearOf(date),
  pathName: String(issue).padStart(2, '0'),
  body: '',
  bodyLine: 1,
  placeOf: () => ({ line: 1, column: 1 }),
});

describe('planNextIssue', () => {
  it('counts on within the year from its largest 期号, and on from the largest 总期号, whatever the file order', () => {
    const sources = [
      source('content/2019/10.md', 10, 584, '2019-05-27', ['王五']),
      source('content/2018/12.md', 12, 574, '2018-12-25'),
      source('content/2019/09.md', 9, 583, '2019-04-29'),
    ];
    const plan = planNextIssue(sources, '2019-06-10');
    expect(plan).toMatchObject({
      ok: true,
      next: { issue: 11, total: 585, path: 'content/2019/11.md', distribution: ['content/2019/10.md 的送达单位'], editors: ['王五'] },
    });
  });

  it('starts a new year at 1, and an empty archive at 第1期, 总第1期', () => {
    expect(planNextIssue([source('content/2019/10.md', 10, 584, '2019-05-27')], '2020-01-02')).toMatchObject({
      next: { issue: 1, total: 585, path: 'content/2020/01.md' },
    });
    expect(planNextIssue([], '2020-01-02')).toMatchObject({ next: { issue: 1, total: 1, distribution: [] } });
  });
});

describe('an issue of the same date', () => {
  it('is named, and the next one is still planned with the next numbers: 期号 and 总期号 never repeat', () => {
    const sources = [source('content/2019/10.md', 10, 584, '2019-05-27'), source('content/2019/11.md', 11, 585, '2019-06-10')];
    const plan = planNextIssue(sources, '2019-06-10');
    expect(plan).toMatchObject({ ok: true, next: { issue: 12, total: 586, path: 'content/2019/12.md' } });
    expect(plan.ok && plan.next.sameDate.map((s) => s.file.path)).toEqual(['content/2019/11.md']);
    expect(planNextIssue(sources, '2019-06-11')).toMatchObject({ next: { sameDate: [] } });
  });
});

describe('today', () => {
  it('is the date in China, eight hours ahead of UTC', () => {
    expect(todayInChina(Date.UTC(2019, 3, 28, 15, 59))).toBe('2019-04-28');
    expect(todayInChina(Date.UTC(2019, 3, 28, 16, 0))).toBe('2019-04-29');
  });
});
