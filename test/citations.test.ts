// Citations read as readers write them (templates/assets/search-core.js), against the list of issues
// the build publishes (search/issues.json) for the generated archive of 300 issues.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumber } from '../src/text/chinese.ts';
// @ts-expect-error: a browser module without types, tested as it ships
import { chineseToNumber, citedIssues, parseCitation } from '../templates/assets/search-core.js';
import { archiveSite } from './shared.ts';

type Citation = [total: number, year: number, number: number, date: string, path: string];

describe('Chinese numerals in 总第…期', () => {
  it('read back every number the masthead prints, up to 10000', () => {
    for (let n = 1; n <= 10000; n++) expect(chineseToNumber(chineseNumber(n)), chineseNumber(n)).toBe(n);
  });

  it('read digit by digit, and refuse what is not a number', () => {
    expect(chineseToNumber('一〇五')).toBe(105);
    expect(chineseToNumber('两百')).toBe(200);
    expect(chineseToNumber('第五')).toBeNaN();
  });
});

describe('a citation of an issue', () => {
  it('is none for a query of words', () => {
    for (const query of ['危桥', '代表小组', '2019年', '第几期', '五百八十三']) expect(parseCitation(query), query).toBeUndefined();
  });

  it('finds the issue it names first, in every form, on the generated archive', async () => {
    const list: Citation[] = JSON.parse(await readFile(path.join(await archiveSite(), 'search', 'issues.json'), 'utf8'));
    expect(list.length).toBe(300);
    expect(list.map(([total]) => total)).toEqual([...list.map(([total]) => total)].sort((a, b) => b - a));
    for (const [total, year, number, date, page] of [list[0]!, list[150]!, list.at(-1)!]) {
      const forms = [
        `${year}年第${number}期`,
        `总第${total}期`,
        `总第${chineseNumber(total)}期`,
        chineseDate(date),
        date,
        `${year}年第${number}期（总第${total}期）`,
      ];
      for (const form of forms) {
        const found = citedIssues(list, parseCitation(form));
        expect(found[0]?.path, form).toBe(page);
      }
      // 第N期 alone: that 期号 of every year, the newest first.
      const byNumber = citedIssues(list, parseCitation(`第${number}期`));
      expect(byNumber.map((issue: { number: number }) => issue.number)).toEqual(byNumber.map(() => number));
      expect(byNumber.map((issue: { path: string }) => issue.path)).toContain(page);
      expect(byNumber.map((issue: { total: number }) => issue.total)).toEqual(
        [...byNumber.map((issue: { total: number }) => issue.total)].sort((a, b) => b - a),
      );
    }
  });
});
