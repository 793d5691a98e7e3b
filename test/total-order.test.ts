// Where the dates and 总期号 disagree, the message stands at the field of the issue out of place,
// not at whichever issue sorts after it by date: the sample archive (2018 第12期 总574, 2019 第8–10期
// 总582–584) with one or two slips typed into it, in a temporary copy.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../src/report.ts';
import { build } from './build.ts';
import { SAMPLE_DIR } from './site.ts';

/** A new issue's file, with no body problems of its own. */
const issueFile = (issue: number, total: number, date: string) =>
  `---\nissue: ${issue}\ntotal: ${total}\ndate: ${date}\ndistribution:\n  - 甲单位\n---\n\n# 标题\n\n正文。\n`;

/** The sample with these front-matter lines changed (file → [line as written, line as typed]) and these files added. */
async function slipped(edits: Record<string, [string, string][]>, added: Record<string, string> = {}): Promise<string[]> {
  const projectDir = await mkdtemp(path.join(tmpdir(), 'lldt-order-'));
  await cp(path.join(SAMPLE_DIR, 'content'), path.join(projectDir, 'content'), { recursive: true });
  for (const [file, changes] of Object.entries(edits)) {
    const at = path.join(projectDir, 'content', file);
    let text = await readFile(at, 'utf8');
    for (const [was, now] of changes) {
      expect(text).toContain(`\n${was}\n`);
      text = text.replace(`\n${was}\n`, `\n${now}\n`);
    }
    await writeFile(at, text);
  }
  for (const [file, text] of Object.entries(added)) await writeFile(path.join(projectDir, 'content', file), text);
  const result = await build({ projectDir, write: false });
  expect(result.ok).toBe(false);
  return formatReport(result.files)
    .split('\n')
    .filter((line) => line.includes('[bulletin:total-order]'));
}

describe('total-order: the issue out of place is blamed', () => {
  it('blames the edited date when it was typed earlier (01 for 05), at its date line', async () => {
    expect(await slipped({ '2019/10.md': [['date: 2019-05-27', 'date: 2019-01-27']] })).toEqual([
      'content/2019/10.md:5:7: 错误：日期 2019年1月27日 早于总期号更小的 content/2019/09.md（2019年4月29日，总期号 583）：请核对这一期的日期 [bulletin:total-order]',
    ]);
  });

  it('blames an issue moved earlier between two others, not the one before it', async () => {
    expect(await slipped({ '2019/09.md': [['date: 2019-04-29', 'date: 2019-04-09']] })).toEqual([
      'content/2019/09.md:4:7: 错误：日期 2019年4月9日 早于总期号更小的 content/2019/08.md（2019年4月15日，总期号 582）：请核对这一期的日期 [bulletin:total-order]',
    ]);
  });

  it('blames a new issue dated before the ones it follows, once though it is earlier than three', async () => {
    expect(await slipped({}, { '2019/11.md': issueFile(11, 585, '2019-01-10') })).toEqual([
      'content/2019/11.md:4:7: 错误：日期 2019年1月10日 早于总期号更小的 content/2019/10.md（2019年5月27日，总期号 584）：请核对这一期的日期 [bulletin:total-order]',
    ]);
  });

  it('blames the edited date when it was typed later (05 for 04), at its date line', async () => {
    expect(await slipped({ '2019/08.md': [['date: 2019-04-15', 'date: 2019-05-15']] })).toEqual([
      'content/2019/08.md:5:7: 错误：日期 2019年5月15日 晚于总期号更大的 content/2019/09.md（2019年4月29日，总期号 583）：请核对这一期的日期 [bulletin:total-order]',
    ]);
  });

  it('blames a wrong 总期号, not the date, at its 总期号 line, when the 期号 shows the date is where it belongs', async () => {
    expect(await slipped({ '2019/09.md': [['total: 583', 'total: 593']] })).toEqual([
      'content/2019/09.md:3:8: 错误：总期号 593 比日期更晚的 content/2019/10.md（2019年5月27日，总期号 584）还大：请核对这一期的总期号 [bulletin:total-order]',
    ]);
    expect(await slipped({ '2019/08.md': [['total: 582', 'total: 585']] })).toEqual([
      'content/2019/08.md:4:8: 错误：总期号 585 比日期更晚的 content/2019/09.md（2019年4月29日，总期号 583）还大：请核对这一期的总期号 [bulletin:total-order]',
    ]);
  });

  it('blames two issues both out of place, each at its own date line', async () => {
    // 11 and 12 (总585, 586) in June; 08 and 09 typed as June too: only both together explain it.
    const added = { '2019/11.md': issueFile(11, 585, '2019-06-10'), '2019/12.md': issueFile(12, 586, '2019-06-24') };
    const edits: Record<string, [string, string][]> = {
      '2019/08.md': [['date: 2019-04-15', 'date: 2019-06-30']],
      '2019/09.md': [['date: 2019-04-29', 'date: 2019-06-29']],
    };
    expect(await slipped(edits, added)).toEqual([
      'content/2019/08.md:5:7: 错误：日期 2019年6月30日 晚于总期号更大的 content/2019/10.md（2019年5月27日，总期号 584）：请核对这一期的日期 [bulletin:total-order]',
      'content/2019/09.md:4:7: 错误：日期 2019年6月29日 晚于总期号更大的 content/2019/10.md（2019年5月27日，总期号 584）：请核对这一期的日期 [bulletin:total-order]',
    ]);
  });

  it('blames two slips in two places of the archive, each once', async () => {
    // 11 to 14 (总585–588) every other week from 10 June; 12 typed as August.
    const added = {
      '2019/11.md': issueFile(11, 585, '2019-06-10'),
      '2019/12.md': issueFile(12, 586, '2019-08-24'),
      '2019/13.md': issueFile(13, 587, '2019-07-08'),
      '2019/14.md': issueFile(14, 588, '2019-07-22'),
    };
    const edits: Record<string, [string, string][]> = { '2019/10.md': [['date: 2019-05-27', 'date: 2019-01-27']] };
    expect(await slipped(edits, added)).toEqual([
      'content/2019/10.md:5:7: 错误：日期 2019年1月27日 早于总期号更小的 content/2019/09.md（2019年4月29日，总期号 583）：请核对这一期的日期 [bulletin:total-order]',
      'content/2019/12.md:4:7: 错误：日期 2019年8月24日 晚于总期号更大的 content/2019/13.md（2019年7月8日，总期号 587）：请核对这一期的日期 [bulletin:total-order]',
    ]);
  });

  it('names both issues and both fields, once, when no single issue explains it', async () => {
    // 09 and 10 with each other's dates: either could be the slip.
    const edits: Record<string, [string, string][]> = {
      '2019/09.md': [['date: 2019-04-29', 'date: 2019-05-27']],
      '2019/10.md': [['date: 2019-05-27', 'date: 2019-04-29']],
    };
    expect(await slipped(edits)).toEqual([
      'content/2019/09.md:3:8: 错误：总期号 583（2019年5月27日）比日期更早的 content/2019/10.md（2019年4月29日，总期号 584）还小：总期号应随日期递增；看不出是哪一期的哪一项写错了，请核对这两期的总期号和日期 [bulletin:total-order]',
    ]);
  });
});
