import { describe, expect, it } from 'vitest';
import { type Finding, findOutOfPlace, type Placed } from './total-order.ts';

type Named = Placed & { name: string };

/** An archive of 24 issues a year from 2015, every other week, 总期号 from 101. */
function archive(count: number): Named[] {
  return Array.from({ length: count }, (_, i) => {
    const year = 2015 + Math.floor(i / 24);
    const issue = (i % 24) + 1;
    const day = new Date(Date.UTC(year, 0, 5 + (issue - 1) * 14)).toISOString().slice(0, 10);
    return { name: `${year}/${issue}`, year, issue, total: i + 101, date: day };
  });
}

const said = (findings: Finding<Named>[]) => findings.map((f) => `${f.kind} ${f.subject.name}${'relation' in f ? ` ${f.relation}` : ''} ${f.other.name}`);

describe('the issue out of place', () => {
  it('finds nothing in an archive in order, equal dates included', () => {
    const issues = archive(100);
    issues[10]!.date = issues[9]!.date;
    expect(findOutOfPlace(issues, (x) => x)).toEqual([]);
  });

  it('blames one date typed a month early in a thousand issues, once, quickly', () => {
    const issues = archive(1000);
    const slipped = issues[500]!;
    slipped.date = `${slipped.date.slice(0, 5)}${String(Number(slipped.date.slice(5, 7)) - 1).padStart(2, '0')}${slipped.date.slice(7)}`;
    const started = performance.now();
    expect(said(findOutOfPlace(issues, (x) => x))).toEqual([`date ${slipped.name} before ${issues[499]!.name}`]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('blames a 总期号 typed too small at its 总期号, when a number is free where its date puts it', () => {
    const issues = archive(48);
    // 131 typed as 13.
    issues[30]!.total = 13;
    expect(said(findOutOfPlace(issues, (x) => x))).toEqual([`total ${issues[30]!.name} below ${issues[29]!.name}`]);
  });

  it('blames the date across a new year, by the year of its folder', () => {
    const issues = archive(48);
    // 2016 第1期 typed as 2015-01-05: its folder is 2016's.
    issues[24]!.date = '2015-01-05';
    expect(said(findOutOfPlace(issues, (x) => x))).toEqual([`date ${issues[24]!.name} before ${issues[23]!.name}`]);
  });

  it('reports an archive dated backwards as one conflict, quickly', () => {
    const issues = archive(2000);
    const dates = issues.map((x) => x.date).reverse();
    issues.forEach((x, i) => {
      x.date = dates[i]!;
    });
    const started = performance.now();
    expect(findOutOfPlace(issues, (x) => x).map((f) => f.kind)).toEqual(['both']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports a conflict no one issue explains once, naming two issues', () => {
    const issues = archive(10);
    [issues[4]!.date, issues[5]!.date] = [issues[5]!.date, issues[4]!.date];
    expect(said(findOutOfPlace(issues, (x) => x))).toEqual([`both ${issues[4]!.name} ${issues[5]!.name}`]);
  });
});
