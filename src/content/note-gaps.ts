// The archive's gaps as notes on the issue files beside them, for npm run check:
// "缺少总第575—581期（2019年第1—7期）" at the 总期号 of 2019 第8期.

import { CONTENT } from '../messages/catalogue.ts';
import { report } from '../messages.ts';
import { describeGap, findGaps, type Numbered } from './gaps.ts';
import type { SourceIssue } from './parse-issue.ts';

export function noteGaps(sources: readonly SourceIssue[]): void {
  const numbered = new Map<Numbered, SourceIssue>(
    sources.map((s) => [{ year: Number(s.meta.date.slice(0, 4)), number: s.meta.issue, total: s.meta.total, date: s.meta.date }, s]),
  );
  for (const gap of findGaps([...numbered.keys()])) {
    const source = numbered.get(gap.beside)!;
    report(source.file, CONTENT.archiveGap, { gap: describeGap(gap) }, source.placeOf('total'));
  }
}
