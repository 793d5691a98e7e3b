// Where the archive has gaps: 期号 missing in a year (before its first issue, between two, or
// after its last when the next year's 总期号 shows some), and 总期号 missing between two issues.
// Readers see them on the year pages ("本年缺第5、6期"), editors in npm run check.
import { archiveGapText } from '../messages/parts.ts';
import { numberRuns } from '../text/chinese.ts';

export interface Numbered {
  year: number;
  /** 期号 */
  number: number;
  total: number;
  date: string;
}

export interface Gap {
  /** The year the missing issues belong to, when it is known. */
  year?: number;
  /** Otherwise the years they fall between. */
  years?: [number, number];
  /** Their 期号 in that year, when known. */
  numbers?: [number, number];
  /** Their 总期号, when known. */
  totals?: [number, number];
  /** The issue the gap comes before (or, at the end of a year, after): where it is reported. */
  beside: Numbered;
}

const range = ([a, b]: [number, number]) => (a === b ? `${a}` : `${a}—${b}`);

/** 5, 6 → 第5、6期; 1…7 → 第1—7期: runs of three or more as a range. */
export function formatNumbers(numbers: readonly number[]): string {
  return `第${numberRuns(numbers).map(range).join('、')}期`;
}

/** "缺少总第575—581期（2019年第1—7期）", "缺少总第570—573期（2018—2019年）", "缺少2019年第5期". */
export function describeGap(gap: Gap): string {
  return archiveGapText(gap);
}

export function findGaps(issues: readonly Numbered[]): Gap[] {
  const sorted = [...issues].sort((a, b) => a.total - b.total || a.date.localeCompare(b.date));
  const gaps: Gap[] = [];
  sorted.forEach((issue, i) => {
    const before = sorted[i - 1];
    if (!before || before.year < issue.year - 1) {
      // The first issue of a year, with no issue of the year before it to count from.
      if (issue.number > 1 && (!before || before.year !== issue.year)) {
        gaps.push({ year: issue.year, numbers: [1, issue.number - 1], totals: [issue.total - issue.number + 1, issue.total - 1], beside: issue });
      }
      if (before && issue.total > before.total + issue.number) {
        gaps.push({ years: [before.year, issue.year], totals: [before.total + 1, issue.total - issue.number], beside: issue });
      }
      return;
    }
    const missing = issue.total - before.total - 1;
    if (before.year === issue.year) {
      const numbers = issue.number - before.number - 1;
      if (numbers > 0 && numbers === missing) {
        gaps.push({ year: issue.year, numbers: [before.number + 1, issue.number - 1], totals: [before.total + 1, issue.total - 1], beside: issue });
      } else if (numbers > 0) {
        gaps.push({ year: issue.year, numbers: [before.number + 1, issue.number - 1], beside: issue });
      } else if (missing > 0) {
        gaps.push({ year: issue.year, totals: [before.total + 1, issue.total - 1], beside: issue });
      }
      return;
    }
    // The year turned between them: the new year's 第1期 up to this one, the rest the old year's end.
    const startOfYear = issue.number - 1;
    const endOfYear = missing - startOfYear;
    if (endOfYear < 0) {
      if (missing > 0) gaps.push({ years: [before.year, issue.year], totals: [before.total + 1, issue.total - 1], beside: issue });
      return;
    }
    if (endOfYear > 0) {
      gaps.push({
        year: before.year,
        numbers: [before.number + 1, before.number + endOfYear],
        totals: [before.total + 1, before.total + endOfYear],
        beside: before,
      });
    }
    if (startOfYear > 0) {
      gaps.push({ year: issue.year, numbers: [1, startOfYear], totals: [issue.total - startOfYear, issue.total - 1], beside: issue });
    }
  });
  return gaps;
}

/** Year → the 期号 missing in it, for the year pages. */
export function missingByYear(gaps: readonly Gap[]): Map<number, number[]> {
  const years = new Map<number, number[]>();
  for (const gap of gaps) {
    if (gap.year === undefined || !gap.numbers) continue;
    const [a, b] = gap.numbers;
    years.set(gap.year, [...(years.get(gap.year) ?? []), ...Array.from({ length: b - a + 1 }, (_, k) => a + k)]);
  }
  return years;
}
