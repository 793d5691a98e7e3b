import { describe, expect, it } from 'vitest';
import { describeGap, findGaps, formatNumbers, missingByYear, type Numbered } from './gaps.ts';

const issue = (year: number, number: number, total: number): Numbered => ({ year, number, total, date: `${year}-${String(number).padStart(2, '0')}-01` });

describe('archive gaps', () => {
  it('finds 期号 missing inside a year, with their 总期号', () => {
    const gaps = findGaps([issue(2019, 4, 578), issue(2019, 7, 581)]);
    expect(gaps.map(describeGap)).toEqual(['缺少总第575—577期（2019年第1—3期）', '缺少总第579—580期（2019年第5—6期）']);
    expect(missingByYear(gaps).get(2019)).toEqual([1, 2, 3, 5, 6]);
  });

  it('splits a gap across the turn of a year by the new year\u2019s 期号', () => {
    // 2018 第12期 is 574; 2019 第3期 is 579: 575–576 end 2018 (第13、14期), 577–578 are 2019 第1、2期.
    const gaps = findGaps([issue(2018, 12, 574), issue(2019, 3, 579)]);
    expect(gaps.map(describeGap)).toEqual([
      '缺少总第563—573期（2018年第1—11期）',
      '缺少总第575—576期（2018年第13—14期）',
      '缺少总第577—578期（2019年第1—2期）',
    ]);
    expect(gaps.map((g) => g.beside.total)).toEqual([574, 574, 579]);
  });

  it('names the years when 期号 cannot place the missing 总期号', () => {
    const gaps = findGaps([issue(2015, 20, 400), issue(2018, 1, 570)]);
    expect(gaps.map(describeGap)).toEqual(['缺少总第381—399期（2015年第1—19期）', '缺少总第401—569期（2015—2018年）']);
  });

  it('an archive with no gap has none, and 期号 out of step with 总期号 are still named', () => {
    expect(findGaps([issue(2018, 1, 563), issue(2018, 2, 564), issue(2019, 1, 565)])).toEqual([]);
    expect(findGaps([issue(2019, 1, 575), issue(2019, 3, 576)]).map(describeGap)).toEqual(['缺少2019年第2期']);
  });

  it('writes 期号 as the year page does', () => {
    expect(formatNumbers([6, 5])).toBe('第5、6期');
    expect(formatNumbers([1, 2, 3, 4, 9])).toBe('第1—4、9期');
  });
});
